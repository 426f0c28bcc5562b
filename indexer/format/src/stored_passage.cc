/** @file stored_passage.cc
 *  @brief What the index stores for each passage, and the one reader of it.
 */
#include "rapporteur/format/stored_passage.h"

#include "rapporteur/base/errors.h"
#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"

#include <nlohmann/json.hpp>

#include <climits>
#include <cstdint>

namespace rapporteur {

namespace {

/// The kind most passages have, left out of the stored data.
constexpr PassageKind DEFAULT_KIND = PassageKind::PARAGRAPH;

/// Append `s` as a JSON string. Written by hand because building an nlohmann object per
/// passage cost more than the rest of the document put together on short passages.
void append_json_string(std::string& out, std::string_view s) {
    static const char* hex = "0123456789abcdef";
    out += '"';
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

void append_string_array(std::string& out, const std::vector<std::string>& values) {
    out += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        append_json_string(out, values[i]);
    }
    out += ']';
}

/// A varint-prefixed string at `at`, which moves past it; false when the data is cut short.
bool read_counted(std::string_view data, std::size_t& at, std::string& out) {
    std::uint32_t length = 0;
    if (!codecs::read_varint(data, at, length) || length > data.size() - at) return false;
    out.assign(data.substr(at, length));
    at += length;
    return true;
}

/// The error for a document whose data is not what encode_passage_data() writes.
RuntimeError damaged(Xapian::docid did, const std::string& why) {
    return RuntimeError("damaged passage data in document " + std::to_string(did) + ": " + why);
}

/** A footnote number of the stored JSON: an integer that fits an int. nlohmann's get<int>()
 *  converts any number, and a float out of int's range is undefined behaviour there. */
int stored_number(Xapian::docid doc, const nlohmann::json& value) {
    if (!value.is_number_integer()) throw damaged(doc, "footnote number " + value.dump() + " is not an integer");
    const auto n = value.get<std::int64_t>();
    if (value.is_number_unsigned() ? value.get<std::uint64_t>() > static_cast<std::uint64_t>(INT_MAX)
                                   : n < INT_MIN || n > INT_MAX) {
        throw damaged(doc, "footnote number " + value.dump() + " is out of range");
    }
    return static_cast<int>(n);
}

} // namespace

std::string encode_passage_data(const Passage& p, const Session& session, const std::string& document_info,
                                const std::string& offsets, const std::vector<StoredFootnote>& cited) {
    const std::string session_value = codecs::encode_session(session);
    const std::string organisations = codecs::join_values(p.organisations);
    const std::string countries = codecs::join_values(p.countries);
    const std::string_view parts[] = {p.id,      p.text,    p.lang,        session_value, organisations,
                                      countries, p.speaker, document_info, offsets};
    std::string out;
    std::size_t bytes = 0;
    for (auto part : parts) bytes += part.size() + 2;
    out.reserve(bytes);
    for (auto part : parts) {
        codecs::append_varint(out, part.size());
        out += part;
    }
    const bool footnote = p.kind == PassageKind::FOOTNOTE;
    if (p.kind == DEFAULT_KIND && cited.empty() && p.page == 0) return out;
    // The rest, rare, as one JSON object.
    out += "{\"kind\":";
    append_json_string(out, kind_name(p.kind));
    if (!cited.empty()) {
        out += ",\"footnotes\":[";
        for (std::size_t i = 0; i < cited.size(); ++i) {
            if (i) out += ',';
            out += "{\"n\":" + std::to_string(cited[i].n) + ",\"text\":";
            append_json_string(out, cited[i].text);
            out += ",\"urls\":";
            append_string_array(out, cited[i].urls);
            out += '}';
        }
        out += ']';
    }
    if (footnote) {
        out += ",\"n\":" + std::to_string(p.footnote_number) + ",\"urls\":";
        append_string_array(out, p.urls);
        out += ",\"cited_by\":";
        append_string_array(out, p.cited_by);
    }
    if (p.page > 0) out += ",\"page\":" + std::to_string(p.page) + ",\"last_page\":" + std::to_string(p.last_page);
    out += '}';
    return out;
}

StoredPassage read_stored_passage(const Xapian::Document& doc) { return read_stored_passage(doc.get_data(), doc.get_docid()); }

StoredPassage read_stored_passage(std::string_view data, Xapian::docid doc) {
    StoredPassage s;
    std::size_t at = 0;
    std::string session, organisations, countries, info, offsets;
    for (std::string* part : {&s.id, &s.text, &s.lang, &session, &organisations, &countries, &s.speaker, &info, &offsets}) {
        if (!read_counted(data, at, *part)) throw damaged(doc, "cut short");
    }
    s.session = codecs::decode_session(session);
    s.organisations = codecs::split_values(organisations);
    s.countries = codecs::split_values(countries);
    s.offsets = codecs::decode_offsets(offsets);
    std::size_t from = 0;
    for (std::string* part : {&s.path, &s.title, &s.date}) {
        if (from > info.size()) break;
        const std::size_t nul = std::min(info.find('\0', from), info.size());
        part->assign(info, from, nul - from);
        from = nul + 1;
    }
    s.kind = DEFAULT_KIND;
    if (at < data.size()) {
        try {
            const auto j = nlohmann::json::parse(std::string_view(data).substr(at));
            const auto kind = parse_kind(j.at("kind").get<std::string>());
            if (!kind) throw damaged(doc, "unknown kind " + j.at("kind").dump());
            s.kind = *kind;
            if (auto it = j.find("footnotes"); it != j.end()) {
                for (const auto& f : *it) {
                    s.footnotes.push_back({stored_number(doc, f.at("n")), f.at("text").get<std::string>(),
                                           f.at("urls").get<std::vector<std::string>>()});
                }
            }
            if (auto it = j.find("n"); it != j.end()) s.footnote_number = stored_number(doc, *it);
            if (auto it = j.find("urls"); it != j.end()) s.urls = it->get<std::vector<std::string>>();
            if (auto it = j.find("cited_by"); it != j.end()) s.cited_by = it->get<std::vector<std::string>>();
            s.page = j.value("page", 0);
            s.last_page = j.value("last_page", s.page);
        } catch (const nlohmann::json::exception& e) {
            throw damaged(doc, e.what());
        }
    }
    s.document = s.id.substr(0, s.id.rfind('/')); // ids are "<document>/<local id>"
    return s;
}

std::string page_value(const Xapian::Document& doc) {
    codecs::TermPositions terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string term = *t;
        // Text terms are folded, so never start with an ASCII capital; every prefix does.
        const bool text = term.empty() || term.front() < 'A' || term.front() > 'Z';
        if (!text && !term.starts_with(schema::PREFIX_SESSION_TITLE) && !term.starts_with(schema::PREFIX_FOOTNOTE)) continue;
        auto& positions = terms[term];
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) positions.push_back(*p);
    }
    return codecs::encode_page_value(doc.get_data(), terms);
}

std::string encode_document_info(const Report& report) {
    // NUL separates the parts: the readers' text never holds one (text_normalizer.cc).
    std::string out = report.path;
    out += '\0';
    out += report.title;
    out += '\0';
    if (!report.dates.empty()) out += report.dates.front();
    return out;
}

std::string read_stored_id(const Xapian::Document& doc) {
    const std::string data = doc.get_data();
    std::size_t at = 0;
    std::string id;
    if (!read_counted(data, at, id)) throw damaged(doc.get_docid(), "cut short");
    return id;
}

Xapian::docid find_passage(const Xapian::Database& db, const std::string& id) {
    const auto slash = id.rfind('/');
    if (slash == std::string::npos) return 0;
    const std::string term = std::string(schema::PREFIX_DOCUMENT) + id.substr(0, slash);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        if (read_stored_id(db.get_document(*it, Xapian::DOC_ASSUME_VALID)) == id) return *it;
    }
    return 0;
}

} // namespace rapporteur
