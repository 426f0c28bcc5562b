/** @file indexer.cc
 *  @brief An indexing run: files are read, parsed and analysed on worker threads, and written
 *  in input order by one writer, committed in batches, so a killed run leaves the last commit.
 */
#include "rapporteur/indexer.h"
#include "rapporteur/analyzers.h"
#include "rapporteur/schema.h"

#include "document_builder.h"
#include "file_reader.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

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

/// What the database remembers of an indexed file (metadata META_FILE + slug).
struct FileRecord {
    std::string hash;
    std::string path;  ///< canonical path it was read from
    std::vector<AcronymDefinition> acronyms;
};

std::string encode(const FileRecord& r) {
    nlohmann::json acr = nlohmann::json::array();
    for (const auto& a : r.acronyms) acr.push_back({a.acronym, a.expansion});
    return nlohmann::json{{"hash", r.hash}, {"path", r.path}, {"acronyms", acr}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

FileRecord decode(const std::string& s) {
    FileRecord r;
    try {
        auto j = nlohmann::json::parse(s);
        r.hash = j.value("hash", "");
        r.path = j.value("path", "");
        for (const auto& a : j.value("acronyms", nlohmann::json::array())) {
            r.acronyms.push_back({a.at(0).get<std::string>(), a.at(1).get<std::string>()});
        }
    } catch (const nlohmann::json::exception&) {
        // A damaged record only costs a re-index of that file.
    }
    return r;
}

/// Xapian refuses keys and terms over 245 bytes: long slugs keep a readable head and a hash.
std::string bounded_slug(std::string slug, std::string_view distinguishing) {
    constexpr std::size_t MAX_SLUG = 96;
    if (slug.size() <= MAX_SLUG && distinguishing.empty()) return slug;
    std::size_t cut = std::min(slug.size(), MAX_SLUG - 17);
    while (cut > 0 && (static_cast<unsigned char>(slug[cut]) & 0xC0) == 0x80) --cut; // whole UTF-8
    return slug.substr(0, cut) + "-" +
           content_hash(std::string(slug) + std::string(distinguishing)).substr(0, 16);
}

/// Give the report its slug, and every passage id the same document part.
void rename_report(Report& report, const std::string& slug) {
    if (report.slug == slug) return;
    const std::string old_prefix = report.slug + "/";
    for (auto& p : report.passages) {
        if (p.id.rfind(old_prefix, 0) == 0) p.id = slug + "/" + p.id.substr(old_prefix.size());
        for (auto& c : p.cited_by) {
            if (c.rfind(old_prefix, 0) == 0) c = slug + "/" + c.substr(old_prefix.size());
        }
    }
    report.slug = slug;
}

/// Open the database for writing, with errors a user can act on.
Xapian::WritableDatabase open_writable(const fs::path& path) {
    try {
        std::error_code ec;
        fs::create_directories(path, ec);
        Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN);
        const auto version = db.get_metadata(std::string(schema::META_VERSION));
        if (!version.empty() && version != schema::VERSION) {
            throw RuntimeError(path.string() + ": index format " + version + " is not this version's (" +
                               std::string(schema::VERSION) + "); index into a new database");
        }
        return db;
    } catch (const Xapian::DatabaseLockError&) {
        throw RuntimeError(path.string() +
                           ": database is being written by another process (it holds the lock); "
                           "wait for it to finish");
    } catch (const Xapian::Error& e) {
        throw RuntimeError(path.string() + ": cannot open database for writing: " + e.get_description());
    }
}

/// The analyzer options this run uses: the requested features, else the database's, else all.
AnalyzerOptions analysis_options(Xapian::WritableDatabase& db, const IndexerOptions& options) {
    AnalyzerOptions a;
    a.lang = options.lang;
    const std::string stored = db.get_metadata(std::string(schema::META_ANALYSIS));
    const bool has_documents = db.get_doccount() > 0;
    if (!options.features.empty()) {
        schema::parse_features(options.features, a);
        if (has_documents && !stored.empty() && stored != schema::format_features(a)) {
            throw UsageError(options.database.string() + ": built with analysis features '" + stored +
                             "', not '" + schema::format_features(a) +
                             "'; index into a new database to change them");
        }
    } else {
        schema::parse_features(stored.empty() ? "all" : stored, a);
    }
    return a;
}

/// Reads every file record of the database.
std::map<std::string, FileRecord> read_records(const Xapian::Database& db) {
    std::map<std::string, FileRecord> records;
    const std::string prefix(schema::META_FILE);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        records.emplace((*it).substr(prefix.size()), decode(db.get_metadata(*it)));
    }
    return records;
}

/// Remove every passage of a document, and the words it gave the spelling dictionary.
std::size_t remove_document(Xapian::WritableDatabase& db, const std::string& slug, const Analyzer& analyzer) {
    const std::string term = std::string(schema::PREFIX_DOCUMENT) + slug;
    std::vector<Xapian::docid> ids;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) ids.push_back(*it);
    for (auto id : ids) {
        try {
            auto data = nlohmann::json::parse(db.get_document(id).get_data());
            const std::string text = data.value("text", "");
            std::set<std::string> words;
            for (auto& w : spelling_words(text, analyzer.analyze(text, data.value("lang", ""))))
                words.insert(std::move(w));
            for (const auto& w : words) db.remove_spelling(w, 1);
        } catch (const std::exception&) {
            // The passage goes anyway; a stale spelling only ever suggests a word.
        }
        db.delete_document(id);
    }
    return ids.size();
}

/// Synonyms follow the acronym definitions of the documents indexed now.
void store_synonyms(Xapian::WritableDatabase& db, const std::map<std::string, FileRecord>& records) {
    const std::string prefix(schema::META_SYNONYM);
    std::vector<std::string> old;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) old.push_back(*it);
    for (const auto& k : old) db.set_metadata(k, "");
    for (const auto& [slug, record] : records) {
        for (const auto& a : record.acronyms) {
            const std::string key = prefix + a.acronym;
            if (key.size() <= schema::MAX_TERM_BYTES && a.acronym.find('\0') == std::string::npos)
                db.set_metadata(key, a.expansion);
        }
    }
}

/// One input file on its way through the pipeline.
struct Job {
    InputFile input;
    std::string canonical;
    std::string slug;
    std::optional<PreparedReport> prepared;
    FileRecord record;
    std::uintmax_t bytes = 0;
    FileOutcome outcome;
};

} // namespace

std::vector<Report> parse_paths(const std::vector<fs::path>& inputs, const IndexerOptions& options,
                                IndexSummary& summary) {
    std::vector<Report> reports;
    for (const auto& f : collect_files(inputs)) {
        try {
            if (!f.error.empty()) throw RuntimeError(f.error);
            auto text = read_file(f.path, options.max_file_bytes);
            reports.push_back(parse_report(text, f.name));
            reports.back().path = f.path.string();
            summary.bytes += text.size();
            ++summary.documents;
            summary.passages += reports.back().passages.size();
        } catch (const std::exception& e) {
            summary.files.push_back({f.path.string(), FileOutcome::Status::FAILED, 0, e.what()});
            ++summary.failed;
        }
    }
    return reports;
}

IndexSummary index_paths(const std::vector<fs::path>& inputs, const IndexerOptions& options,
                         const ProgressFn& progress) {
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    Xapian::WritableDatabase db = open_writable(options.database);
    const AnalyzerOptions aopts = analysis_options(db, options);
    auto records = read_records(db);
    // Workers compare hashes against this snapshot; `records` itself changes as files land.
    std::map<std::string, std::string> known_hashes;
    for (const auto& [slug, r] : records) known_hashes.emplace(slug, r.hash);

    // Decide slugs up front, on this thread: unique per canonical path, stable across runs.
    std::vector<Job> jobs;
    std::map<std::string, std::string> slug_owner; // slug → canonical path, this run and stored
    for (const auto& [slug, r] : records) slug_owner[slug] = r.path;
    std::uintmax_t total_bytes = 0;
    for (auto& f : collect_files(inputs)) {
        Job job;
        std::error_code ec;
        job.canonical = fs::weakly_canonical(f.path, ec).string();
        if (ec) job.canonical = f.path.string();
        std::string slug = bounded_slug(slug_of(f.name), {});
        if (auto owner = slug_owner.find(slug); owner != slug_owner.end() && owner->second != job.canonical) {
            slug = bounded_slug(slug, job.canonical); // same name, another file: keep both
        }
        slug_owner[slug] = job.canonical;
        job.slug = slug;
        job.input = std::move(f);
        job.outcome = {job.input.path.string(), FileOutcome::Status::INDEXED, 0, {}};
        if (auto size = fs::file_size(job.input.path, ec); !ec) total_bytes += size;
        jobs.push_back(std::move(job));
    }

    // Workers read, parse and analyse; the writer (this thread) applies jobs in input order.
    const unsigned n_threads = std::max(1u, options.threads ? options.threads : std::thread::hardware_concurrency());
    const std::size_t lookahead = 4 * n_threads;
    std::mutex mutex;
    std::condition_variable ready_cv, room_cv;
    std::vector<char> ready(jobs.size(), 0);
    std::size_t next_job = 0, written = 0;
    std::atomic<bool> stop{false};

    auto work = [&] {
        Analyzer analyzer(aopts);
        DocumentBuilder builder(analyzer);
        for (;;) {
            std::size_t i;
            {
                std::unique_lock lock(mutex);
                room_cv.wait(lock, [&] { return stop || next_job >= jobs.size() || next_job < written + lookahead; });
                if (stop || next_job >= jobs.size()) return;
                i = next_job++;
            }
            Job& job = jobs[i];
            try {
                if (!job.input.error.empty()) throw RuntimeError(job.input.error);
                std::string text = read_file(job.input.path, options.max_file_bytes);
                job.bytes = text.size();
                job.record.hash = content_hash(text);
                job.record.path = job.canonical;
                auto known = known_hashes.find(job.slug);
                if (known != known_hashes.end() && known->second == job.record.hash) {
                    job.outcome.status = FileOutcome::Status::UNCHANGED;
                } else {
                    Report report = parse_report(text, job.input.name);
                    report.path = job.input.path.string();
                    rename_report(report, job.slug);
                    job.record.acronyms = report.acronyms;
                    job.prepared = builder.build(std::move(report));
                }
            } catch (const std::exception& e) {
                job.outcome.status = FileOutcome::Status::FAILED;
                job.outcome.error = e.what();
            }
            {
                std::lock_guard lock(mutex);
                ready[i] = 1;
            }
            ready_cv.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < n_threads; ++t) threads.emplace_back(work);
    struct Joiner {
        std::vector<std::thread>& threads;
        std::atomic<bool>& stop;
        std::condition_variable& room_cv;
        ~Joiner() {
            stop = true;
            room_cv.notify_all();
            for (auto& t : threads) t.join();
        }
    } joiner{threads, stop, room_cv};

    Analyzer writer_analyzer(aopts); // for removing the spellings of replaced passages
    std::uintmax_t batch_bytes = 0;
    bool in_transaction = false;
    try {
        db.set_metadata(std::string(schema::META_VERSION), std::string(schema::VERSION));
        db.set_metadata(std::string(schema::META_ANALYSIS), schema::format_features(aopts));
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            {
                std::unique_lock lock(mutex);
                ready_cv.wait(lock, [&] { return ready[i] != 0; });
            }
            Job& job = jobs[i];
            if (job.prepared) {
                if (!in_transaction) {
                    db.begin_transaction();
                    in_transaction = true;
                }
                if (records.count(job.slug)) remove_document(db, job.slug, writer_analyzer);
                for (auto& p : job.prepared->passages) db.replace_document(p.id_term, p.document);
                for (const auto& [word, count] : job.prepared->spellings) db.add_spelling(word, count);
                db.set_metadata(std::string(schema::META_FILE) + job.slug, encode(job.record));
                records[job.slug] = job.record;
                job.outcome.passages = job.prepared->passages.size();
                summary.passages += job.outcome.passages;
                ++summary.documents;
                batch_bytes += job.bytes;
                job.prepared.reset();
            } else if (job.outcome.status == FileOutcome::Status::UNCHANGED) {
                ++summary.unchanged;
            } else {
                ++summary.failed;
            }
            summary.bytes += job.bytes;
            summary.files.push_back(std::move(job.outcome));
            {
                std::lock_guard lock(mutex);
                written = i + 1;
            }
            room_cv.notify_all();
            if (in_transaction && batch_bytes >= options.commit_bytes) {
                db.commit_transaction();
                in_transaction = false;
                batch_bytes = 0;
            }
            if (progress) progress(summary, total_bytes);
        }
        if (!in_transaction) db.begin_transaction();
        in_transaction = true;
        store_synonyms(db, records);
        db.commit_transaction();
        in_transaction = false;
    } catch (const Xapian::Error& e) {
        if (in_transaction) {
            try { db.cancel_transaction(); } catch (const Xapian::Error&) {}
        }
        throw RuntimeError(options.database.string() + ": write failed, the database keeps its last commit: " +
                           e.get_description());
    }
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

IndexSummary delete_documents(const std::vector<std::string>& names, const IndexerOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    Xapian::WritableDatabase db = open_writable(options.database);
    Analyzer analyzer(analysis_options(db, options));
    auto records = read_records(db);
    try {
        db.begin_transaction();
        for (const auto& name : names) {
            std::error_code ec;
            const std::string canonical = fs::weakly_canonical(name, ec).string();
            auto it = records.find(name);
            if (it == records.end()) {
                it = std::find_if(records.begin(), records.end(),
                                  [&](const auto& r) { return r.second.path == canonical; });
            }
            if (it == records.end()) {
                summary.files.push_back({name, FileOutcome::Status::FAILED, 0, "no such document in the database"});
                ++summary.failed;
                continue;
            }
            auto removed = remove_document(db, it->first, analyzer);
            db.set_metadata(std::string(schema::META_FILE) + it->first, "");
            summary.files.push_back({name, FileOutcome::Status::DELETED, removed, {}});
            summary.passages += removed;
            ++summary.deleted;
            records.erase(it);
        }
        store_synonyms(db, records);
        db.commit_transaction();
    } catch (const Xapian::Error& e) {
        throw RuntimeError(options.database.string() + ": delete failed, the database keeps its last commit: " +
                           e.get_description());
    }
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

} // namespace rapporteur
