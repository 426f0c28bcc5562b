/** @file document_builder.cc
 *  @brief One passage of a report → one Xapian document, following schema.h.
 */
#include "document_builder.h"

#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"
#include "rapporteur/format/stored_passage.h"
#include "rapporteur/utf8.h"

#include <algorithm>

#include <set>

namespace rapporteur {

namespace {

void add_boolean(Xapian::Document& doc, std::string_view prefix, std::string_view value) {
    if (!is_storable_term(prefix, value)) return;
    std::string term(prefix);
    term += value;
    doc.add_boolean_term(term);
}

} // namespace

std::vector<std::string> spelling_words(std::string_view text, const std::vector<Token>& tokens) {
    std::vector<std::string> words;
    for (const auto& t : tokens) {
        if (t.alternative || t.end <= t.start || t.end > text.size()) continue;
        const std::string_view slice = text.substr(t.start, t.end - t.start);
        if (!is_spelling_word(slice)) continue;
        words.push_back(utf8::fold(slice));
    }
    return words;
}

PreparedReport DocumentBuilder::build(Report report) const {
    PreparedReport out;
    // Footnotes by identity (the id the reader resolved each marker to), so that citing passages
    // carry their own footnote's text even where numbering restarts; by number only for a
    // marker the reader left unresolved (no id), when that number names one footnote.
    std::map<std::string, const Passage*, std::less<>> footnotes;
    std::map<int, const Passage*> by_number;
    std::set<int> numbered_twice;
    for (const auto& p : report.passages) {
        if (p.kind != PassageKind::FOOTNOTE) continue;
        footnotes.emplace(p.id, &p);
        if (!by_number.emplace(p.footnote_number, &p).second) numbered_twice.insert(p.footnote_number);
    }
    auto cited_footnote = [&](const FootnoteRef& ref) -> const Passage* {
        if (!ref.id.empty()) {
            auto it = footnotes.find(ref.id);
            return it == footnotes.end() ? nullptr : it->second;
        }
        auto it = by_number.find(ref.n);
        return it == by_number.end() || numbered_twice.count(ref.n) ? nullptr : it->second;
    };
    std::map<const Passage*, std::vector<Token>> footnote_tokens;
    std::vector<std::vector<Token>> session_tokens(report.sessions.size());
    for (std::size_t s = 0; s < report.sessions.size(); ++s) {
        session_tokens[s] = analyzer_.analyze(report.sessions[s].title, report.lang);
    }

    // Each passage in its own language where its text says so surely, else the document's:
    // the report's (headings, front matter), else the one its text as a whole is in.
    std::string document_lang = report.lang;
    if (document_lang.empty()) {
        std::string sample;
        for (const auto& p : report.passages) {
            if (p.kind == PassageKind::FOOTNOTE || !p.lang.empty()) continue;
            sample += p.text;
            sample += '\n';
            if (sample.size() > 64 * 1024) break;
        }
        document_lang = analyzer_.detect_language(sample, "");
    }
    for (auto& p : report.passages) {
        if (p.lang.empty()) p.lang = analyzer_.passage_language(p.text, document_lang);
    }
    for (const auto& [id, fp] : footnotes) footnote_tokens[fp] = analyzer_.analyze(fp->text, fp->lang);

    const std::string document_info = encode_document_info(report);
    for (const auto& p : report.passages) {
        Xapian::Document doc;
        const auto session_index =
            static_cast<std::size_t>(p.session) < report.sessions.size() ? static_cast<std::size_t>(p.session) : 0;
        const Session fallback_session{};
        const Session& session = report.sessions.empty() ? fallback_session : report.sessions[session_index];

        const auto tokens = analyzer_.analyze(p.text, p.lang);
        add_tokens(doc, tokens, schema::PREFIX_TEXT);
        if (!report.sessions.empty())
            add_tokens(doc, session_tokens[session_index], schema::PREFIX_SESSION_TITLE, Positions::DROP);

        std::vector<StoredFootnote> cited;
        std::set<const Passage*> seen;
        for (const auto& ref : p.footnotes) {
            const Passage* note = cited_footnote(ref);
            if (note == nullptr || !seen.insert(note).second) continue;
            add_tokens(doc, footnote_tokens[note], schema::PREFIX_FOOTNOTE, Positions::DROP);
            cited.push_back({ref.n, note->text, note->urls});
        }

        add_boolean(doc, schema::PREFIX_DOCUMENT, report.slug);
        add_boolean(doc, schema::PREFIX_KIND, kind_name(p.kind));
        add_boolean(doc, schema::PREFIX_LANG, p.lang);
        add_boolean(doc, schema::PREFIX_SESSION, std::to_string(session.number));
        add_boolean(doc, schema::PREFIX_DAY, std::to_string(session.day));
        for (const auto& o : p.organisations) add_boolean(doc, schema::PREFIX_ORG, o);
        for (const auto& c : p.countries) add_boolean(doc, schema::PREFIX_COUNTRY, c);
        if (!p.speaker.empty()) add_boolean(doc, schema::PREFIX_SPEAKER, p.speaker);
        // Sub-headings inside the session are searched with its title.
        if (!p.heading.empty())
            add_tokens(doc, analyzer_.analyze(p.heading, p.lang), schema::PREFIX_SESSION_TITLE, Positions::DROP);

        doc.add_value(schema::SLOT_SESSION, codecs::encode_session(session));
        doc.add_value(schema::SLOT_LANG, p.lang);
        doc.add_value(schema::SLOT_ORGS, codecs::join_values(p.organisations));
        doc.add_value(schema::SLOT_COUNTRIES, codecs::join_values(p.countries));
        if (!p.speaker.empty()) doc.add_value(schema::SLOT_SPEAKER, p.speaker);
        doc.add_value(schema::SLOT_SORT_ID, codecs::encode_sort_key(p.id));

        // The span of each word position, for highlighting without re-analysis.
        std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
        for (const auto& t : tokens) {
            if (t.position >= spans.size()) spans.resize(t.position + 1, {t.start, t.end});
            auto& span = spans[t.position];
            span.first = std::min(span.first, t.start);
            span.second = std::max(span.second, t.end);
        }
        doc.set_data(encode_passage_data(p, session, document_info, codecs::encode_offsets(spans), cited));
        if (for_shard_) {
            add_boolean(doc, schema::PREFIX_PASSAGE, p.id);
            doc.add_value(schema::SLOT_PAGE_DATA, page_value(doc));
        }

        std::set<std::string> unique_words;
        for (auto& w : spelling_words(p.text, tokens)) unique_words.insert(std::move(w));
        for (const auto& w : unique_words) ++out.spellings[w];

        out.passages.push_back({p.id, std::move(doc)});
    }
    // Added in passage id order (footnotes "fn…" before paragraphs "p…"), so that a fresh
    // index's docids rise with the ids wherever its files do: the searcher can then order
    // equal scores by docid instead of reading each candidate's sort key (passage_ids.h).
    std::vector<std::string> ids;
    ids.reserve(out.passages.size());
    for (const auto& p : out.passages) ids.push_back(p.id);
    std::vector<PreparedPassage> ordered;
    ordered.reserve(out.passages.size());
    for (auto i : codecs::sort_key_order(ids)) ordered.push_back(std::move(out.passages[i]));
    out.passages = std::move(ordered);
    out.report = std::move(report);
    return out;
}

} // namespace rapporteur
