/** @file indexer.cc
 *  @brief Files → reports → Xapian documents, committed as one transaction.
 */
#include "rapporteur/indexer.h"
#include "rapporteur/analyzers.h"
#include "rapporteur/schema.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace rapporteur {

namespace fs = std::filesystem;

fs::path default_database_path() {
    if (const char* env = std::getenv("RAPPORTEUR_DB"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        return fs::path(xdg) / "rapporteur" / "db";
    }
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : ".") / ".local" / "share" / "rapporteur" / "db";
}

namespace {

bool indexable(const fs::path& p) {
    auto ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".txt" || ext == ".md";
}

/// Expand directories (recursively) into their .txt/.md files, sorted for a stable order.
std::vector<fs::path> collect_files(const std::vector<fs::path>& inputs, IndexSummary& summary) {
    std::vector<fs::path> files;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            std::vector<fs::path> found;
            fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
            for (; !ec && it != end; it.increment(ec)) {
                if (it->is_regular_file(ec) && indexable(it->path())) found.push_back(it->path());
            }
            if (ec) {
                summary.files.push_back({in.string(), FileOutcome::Status::FAILED, 0,
                                         "cannot walk directory: " + ec.message()});
                ++summary.failed;
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(in);
        }
    }
    return files;
}

/// Read a file whole; throws RuntimeError naming the path and the cause.
std::string read_file(const fs::path& path, std::uintmax_t max_bytes) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw RuntimeError("no such file");
    if (fs::is_directory(path, ec)) throw RuntimeError("is a directory");
    auto size = fs::file_size(path, ec);
    if (ec) throw RuntimeError("cannot stat: " + ec.message());
    if (size > max_bytes) {
        throw RuntimeError("file of " + std::to_string(size) + " bytes is over the limit of " +
                           std::to_string(max_bytes) + " bytes");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RuntimeError("cannot open for reading");
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) throw RuntimeError("read error");
    return std::move(buf).str();
}

void add_term(Xapian::Document& doc, std::string_view prefix, std::string_view term) {
    std::string t(prefix);
    t += term;
    if (t.size() > schema::MAX_TERM_BYTES || t.find('\0') != std::string::npos) return;
    doc.add_boolean_term(t);
}

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out += schema::MULTI_SEPARATOR;
        out += s;
    }
    return out;
}

Xapian::Document make_document(const Report& report, const Passage& p, std::size_t ordinal,
                               const Analyzer& analyzer) {
    Xapian::Document doc;
    const auto& session = report.sessions.at(static_cast<std::size_t>(p.session));
    auto tokens = analyzer.analyze(p.text, p.lang);
    add_tokens(doc, tokens, schema::PREFIX_TEXT, schema::MAX_TERM_BYTES);
    nlohmann::json offsets = nlohmann::json::array();
    for (const auto& t : tokens) {
        if (!t.alternative) {
            offsets.push_back(t.start);
            offsets.push_back(t.end);
        }
    }
    add_term(doc, schema::PREFIX_ID, p.id);
    add_term(doc, schema::PREFIX_DOCUMENT, report.slug);
    add_term(doc, schema::PREFIX_KIND, p.kind);
    add_term(doc, schema::PREFIX_LANG, p.lang);
    add_term(doc, schema::PREFIX_SESSION, std::to_string(session.number));
    add_term(doc, schema::PREFIX_DAY, std::to_string(session.day));
    for (const auto& o : p.organisations) add_term(doc, schema::PREFIX_ORG, o);
    for (const auto& c : p.countries) add_term(doc, schema::PREFIX_COUNTRY, c);

    doc.add_value(schema::SLOT_SESSION, std::to_string(session.day) + "/" +
                                            std::to_string(session.number) + "/" + session.title);
    doc.add_value(schema::SLOT_LANG, p.lang);
    doc.add_value(schema::SLOT_DOCUMENT, report.slug);
    doc.add_value(schema::SLOT_ORGS, join(p.organisations));
    doc.add_value(schema::SLOT_COUNTRIES, join(p.countries));
    doc.add_value(schema::SLOT_ORDER, Xapian::sortable_serialise(static_cast<double>(ordinal)));

    nlohmann::json footnotes = nlohmann::json::array();
    for (const auto& ref : p.footnotes) {
        for (const auto& q : report.passages) {
            if (q.kind == "footnote" && q.footnote_number == ref.n) {
                footnotes.push_back({{"n", ref.n}, {"text", q.text}, {"urls", q.urls}});
                break;
            }
        }
    }
    nlohmann::json data = {
        {"id", p.id}, {"document", report.slug}, {"kind", p.kind}, {"lang", p.lang},
        {"session", {{"day", session.day}, {"number", session.number}, {"title", session.title}}},
        {"organisations", p.organisations}, {"countries", p.countries}, {"text", p.text},
        {"footnotes", footnotes}, {"offsets", offsets}};
    doc.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return doc;
}

} // namespace

std::vector<Report> parse_paths(const std::vector<fs::path>& inputs, const IndexerOptions& options,
                                IndexSummary& summary) {
    std::vector<Report> reports;
    for (const auto& path : collect_files(inputs, summary)) {
        try {
            auto text = read_file(path, options.max_file_bytes);
            reports.push_back(parse_report(text, path.string()));
            summary.bytes += text.size();
        } catch (const RuntimeError& e) {
            summary.files.push_back({path.string(), FileOutcome::Status::FAILED, 0, e.what()});
            ++summary.failed;
        }
    }
    return reports;
}

IndexSummary index_paths(const std::vector<fs::path>& inputs, const IndexerOptions& options,
                         const ProgressFn& progress) {
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    Xapian::WritableDatabase db;
    try {
        std::error_code ec;
        fs::create_directories(options.database, ec);
        db = Xapian::WritableDatabase(options.database.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw RuntimeError(options.database.string() +
                           ": database is being written by another process (locked)");
    } catch (const Xapian::Error& e) {
        throw RuntimeError(options.database.string() + ": cannot open database: " +
                           e.get_description());
    }
    db.set_metadata(std::string(schema::META_VERSION), std::string(schema::VERSION));

    AnalyzerOptions aopts;
    aopts.lang = options.lang;
    Analyzer analyzer(aopts);

    auto files = collect_files(inputs, summary);
    std::uintmax_t total_bytes = 0;
    for (const auto& f : files) {
        std::error_code ec;
        auto s = fs::file_size(f, ec);
        if (!ec) total_bytes += s;
    }
    db.begin_transaction();
    for (const auto& path : files) {
        FileOutcome outcome{path.string(), FileOutcome::Status::INDEXED, 0, {}};
        try {
            auto text = read_file(path, options.max_file_bytes);
            auto report = parse_report(text, path.string());
            std::size_t ordinal = 0;
            for (auto& p : report.passages) {
                if (p.lang.empty()) p.lang = analyzer.detect_language(p.text, "en");
                auto doc = make_document(report, p, ordinal++, analyzer);
                db.replace_document(std::string(schema::PREFIX_ID) + p.id, doc);
            }
            outcome.passages = report.passages.size();
            summary.passages += report.passages.size();
            summary.bytes += text.size();
            ++summary.documents;
        } catch (const RuntimeError& e) {
            outcome.status = FileOutcome::Status::FAILED;
            outcome.error = e.what();
            ++summary.failed;
        }
        summary.files.push_back(std::move(outcome));
        if (progress) progress(summary, total_bytes);
    }
    db.commit_transaction();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

} // namespace rapporteur
