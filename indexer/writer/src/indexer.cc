/** @file indexer.cc
 *  @brief An indexing run: files are read, parsed and analysed on worker threads, and written
 *  in input order by one writer, committed in batches, so a killed run leaves the last commit.
 */
#include "rapporteur/indexer.h"
#include "rapporteur/analyzers.h"
#include "rapporteur/format/database_dir.h"
#include "rapporteur/format/schema.h"
#include "rapporteur/format/stored_passage.h"
#include "rapporteur/utf8.h"

#include "document_builder.h"
#include "file_reader.h"
#include "spelling_buffer.h"

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
#include <limits>
#include <thread>

namespace rapporteur {

namespace fs = std::filesystem;

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
    return std::string(utf8::prefix(slug, MAX_SLUG - 17)) + "-" +
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

/// The analyzer options this run uses: the requested features, else the database's, else all.
AnalyzerOptions analysis_options(Xapian::WritableDatabase& db, const IndexerOptions& options) {
    AnalyzerOptions a;
    a.lang = options.lang;
    const std::string stored = db.get_metadata(std::string(schema::META_ANALYSIS));
    const bool has_documents = db.get_doccount() > 0;
    if (!options.features.empty()) {
        parse_features(options.features, a);
        if (has_documents && !stored.empty() && stored != format_features(a)) {
            throw UsageError(options.database.string() + ": built with analysis features '" + stored +
                             "', not '" + format_features(a) +
                             "'; index into a new database to change them");
        }
    } else {
        parse_features(stored.empty() ? "all" : stored, a);
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

/** Remove the passages of a document, except those of the file version `keep_hash`, and
 *  the words they gave the spelling dictionary. Returns how many were removed. */
/** Removes the passages of document `slug` with a document id up to `last` (all by default:
 *  after a compaction the new version's passages follow the old ones), and their words from
 *  the spelling dictionary. */
std::size_t remove_document(Xapian::WritableDatabase& db, const std::string& slug, const Analyzer& analyzer,
                            Xapian::docid last = std::numeric_limits<Xapian::docid>::max()) {
    const std::string term = std::string(schema::PREFIX_DOCUMENT) + slug;
    std::vector<Xapian::docid> ids;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && *it <= last; ++it) ids.push_back(*it);
    std::size_t removed = 0;
    for (auto id : ids) {
        const auto doc = db.get_document(id);
        try {
            const auto stored = read_stored_passage(doc);
            std::set<std::string> words;
            for (auto& w : spelling_words(stored.text, analyzer.analyze(stored.text, stored.lang)))
                words.insert(std::move(w));
            for (const auto& w : words) db.remove_spelling(w, 1);
        } catch (const std::exception&) {
            // The passage goes anyway; a stale spelling only ever suggests a word.
        }
        db.delete_document(id);
        ++removed;
    }
    return removed;
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
            if (is_storable_term(prefix, a.acronym))
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
            reports.push_back(reader_for_named_file(f.path).read(text, f.name));
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

namespace {

/// Read, hash, parse and analyse one file; leaves the outcome in the job, never throws.
void prepare_job(Job& job, const IndexerOptions& options, const DocumentBuilder& builder,
                 const std::map<std::string, std::string>& known_hashes) {
    try {
        if (!job.input.error.empty()) throw RuntimeError(job.input.error);
        std::string text = read_file(job.input.path, options.max_file_bytes);
        job.bytes = text.size();
        job.record.hash = content_hash(text);
        job.record.path = job.canonical;
        auto known = known_hashes.find(job.slug);
        if (known != known_hashes.end() && known->second == job.record.hash) {
            job.outcome.status = FileOutcome::Status::UNCHANGED;
            return;
        }
        Report report = reader_for_named_file(job.input.path).read(text, job.input.name);
        report.path = job.input.path.string();
        rename_report(report, job.slug);
        job.record.acronyms = report.acronyms;
        job.prepared = builder.build(std::move(report));
    } catch (const std::exception& e) {
        job.outcome.status = FileOutcome::Status::FAILED;
        job.outcome.error = e.what();
        job.prepared.reset();
    }
}

/// Count a finished job into the summary.
void account(IndexSummary& summary, Job& job) {
    if (job.outcome.status == FileOutcome::Status::UNCHANGED) ++summary.unchanged;
    else if (job.outcome.status == FileOutcome::Status::FAILED) ++summary.failed;
    else {
        ++summary.documents;
        summary.passages += job.outcome.passages;
    }
    summary.bytes += job.bytes;
    summary.files.push_back(job.outcome);
}

/// The run's shared state: the jobs in input order and what the database knew before.
struct Run {
    const IndexerOptions& options;
    AnalyzerOptions analysis;
    std::vector<Job> jobs;
    std::map<std::string, FileRecord> records;
    std::map<std::string, std::string> known_hashes;
    std::uintmax_t total_bytes = 0;
    unsigned threads = 1;
};

/** Small runs: worker threads prepare files, this thread writes them in input order into the
 *  current generation, committing every options.commit_bytes of text. */
void run_in_place(Run& run, Xapian::WritableDatabase& db, IndexSummary& summary, const ProgressFn& progress) {
    auto& jobs = run.jobs;
    const std::size_t lookahead = 4 * run.threads;
    std::mutex mutex;
    std::condition_variable ready_cv, room_cv;
    std::vector<char> ready(jobs.size(), 0);
    std::size_t next_job = 0, written = 0;
    bool stop = false;

    auto work = [&] {
        Analyzer analyzer(run.analysis);
        DocumentBuilder builder(analyzer);
        for (;;) {
            std::size_t i;
            {
                std::unique_lock lock(mutex);
                room_cv.wait(lock, [&] { return stop || next_job >= jobs.size() || next_job < written + lookahead; });
                if (stop || next_job >= jobs.size()) return;
                i = next_job++;
            }
            prepare_job(jobs[i], run.options, builder, run.known_hashes);
            {
                std::lock_guard lock(mutex);
                ready[i] = 1;
            }
            ready_cv.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < run.threads; ++t) threads.emplace_back(work);
    auto join = [&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        room_cv.notify_all();
        for (auto& t : threads) t.join();
        threads.clear();
    };

    Analyzer writer_analyzer(run.analysis); // for the spellings of replaced passages
    SpellingBuffer spellings;
    std::uintmax_t batch_bytes = 0;
    bool in_transaction = false;
    try {
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
                if (run.records.count(job.slug)) remove_document(db, job.slug, writer_analyzer);
                for (auto& p : job.prepared->passages) db.add_document(p.document);
                spellings.add(job.prepared->spellings);
                if (spellings.full()) spellings.write_to(db);
                db.set_metadata(std::string(schema::META_FILE) + job.slug, encode(job.record));
                run.records[job.slug] = job.record;
                job.outcome.passages = job.prepared->passages.size();
                batch_bytes += job.bytes;
                job.prepared.reset();
            }
            account(summary, job);
            {
                std::lock_guard lock(mutex);
                written = i + 1;
            }
            room_cv.notify_all();
            if (in_transaction && batch_bytes >= run.options.commit_bytes) {
                spellings.write_to(db);
                db.commit_transaction();
                in_transaction = false;
                batch_bytes = 0;
            }
            if (progress) progress(summary, run.total_bytes);
        }
        if (!in_transaction) db.begin_transaction();
        in_transaction = true;
        db.set_metadata(std::string(schema::META_VERSION), std::string(schema::VERSION));
        db.set_metadata(std::string(schema::META_ANALYSIS), format_features(run.analysis));
        store_synonyms(db, run.records);
        spellings.write_to(db);
        db.commit_transaction();
        in_transaction = false;
    } catch (...) {
        join();
        if (in_transaction) {
            try { db.cancel_transaction(); } catch (const Xapian::Error&) {}
        }
        throw;
    }
    join();
}

/** Large runs: one thread per shard prepares and writes a contiguous slice of the files into
 *  its own scratch database, in parallel; then the current generation and the shards are
 *  compacted into a new generation, the replaced passages removed from it, and it is
 *  published. Until then the current generation is untouched, so a killed run loses nothing. */
void run_sharded(Run& run, DatabaseDir& dir, IndexSummary& summary, const ProgressFn& progress) {
    auto& jobs = run.jobs;
    // Contiguous slices balanced by bytes keep document ids in input order after compaction.
    std::vector<std::size_t> bounds{0};
    {
        std::uintmax_t acc = 0;
        std::size_t shard = 1;
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            std::error_code ec;
            auto size = fs::file_size(jobs[i].input.path, ec);
            acc += ec ? 0 : size;
            if (shard < run.threads && acc >= run.total_bytes * shard / run.threads) {
                bounds.push_back(i + 1);
                ++shard;
            }
        }
        while (bounds.size() <= run.threads) bounds.push_back(jobs.size());
        bounds.back() = jobs.size();
    }
    std::vector<fs::path> shard_paths;
    for (unsigned k = 0; k < run.threads; ++k) shard_paths.push_back(dir.scratch("shard-" + std::to_string(k)));

    std::mutex mutex;
    std::condition_variable done_cv;
    std::vector<std::size_t> finished;
    std::vector<std::string> shard_errors(run.threads);
    auto work = [&](unsigned k) {
        try {
            // A scratch shard is thrown away when the run fails, and compaction writes the
            // generation that is published: its commits need no fdatasync (about 340 calls of
            // 12 ms each, cores idle, on the 100MB benchmark tier).
            Xapian::WritableDatabase shard(shard_paths[k].string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
            Analyzer analyzer(run.analysis);
            DocumentBuilder builder(analyzer);
            SpellingBuffer spellings;
            for (std::size_t i = bounds[k]; i < bounds[k + 1]; ++i) {
                Job& job = jobs[i];
                prepare_job(job, run.options, builder, run.known_hashes);
                if (job.prepared) {
                    for (auto& p : job.prepared->passages) shard.add_document(p.document);
                    spellings.add(job.prepared->spellings);
                    if (spellings.full()) {
                        spellings.write_to(shard);
                        shard.commit();
                    }
                    job.outcome.passages = job.prepared->passages.size();
                    job.prepared.reset();
                }
                std::lock_guard lock(mutex);
                finished.push_back(i);
                done_cv.notify_all();
            }
            spellings.write_to(shard);
            shard.commit();
        } catch (const std::exception& e) {
            shard_errors[k] = e.what();
        } catch (const Xapian::Error& e) {
            shard_errors[k] = e.get_description();
        }
        std::lock_guard lock(mutex);
        finished.push_back(SIZE_MAX); // this shard is done
        done_cv.notify_all();
    };
    std::vector<std::thread> threads;
    for (unsigned k = 0; k < run.threads; ++k) threads.emplace_back(work, k);
    unsigned shards_done = 0;
    std::vector<std::size_t> order; // the files in completion order, for the summary
    while (shards_done < run.threads) {
        std::vector<std::size_t> batch;
        {
            std::unique_lock lock(mutex);
            done_cv.wait(lock, [&] { return !finished.empty(); });
            batch.swap(finished);
        }
        for (auto i : batch) {
            if (i == SIZE_MAX) {
                ++shards_done;
                continue;
            }
            account(summary, jobs[i]);
        }
        if (progress) progress(summary, run.total_bytes);
    }
    for (auto& t : threads) t.join();
    auto cleanup = [&] {
        std::error_code ec;
        for (const auto& p : shard_paths) fs::remove_all(p, ec);
    };
    for (const auto& e : shard_errors) {
        if (!e.empty()) {
            cleanup();
            throw RuntimeError(dir.path().string() + ": writing a shard failed, the database keeps its last commit: " + e);
        }
    }
    // Input order for the per-file lines, whatever order the shards finished in.
    std::map<std::string, std::size_t> input_index;
    for (std::size_t i = 0; i < jobs.size(); ++i) input_index.emplace(jobs[i].outcome.path, i);
    auto index = [&](const FileOutcome& f) {
        auto it = input_index.find(f.path);
        return it == input_index.end() ? jobs.size() : it->second;
    };
    std::stable_sort(summary.files.begin(), summary.files.end(),
                     [&](const FileOutcome& a, const FileOutcome& b) { return index(a) < index(b); });
    if (summary.documents == 0) {
        cleanup();
        return;
    }

    const std::string generation = dir.next_generation();
    const fs::path target = dir.path() / generation;
    // Compaction renumbers each source by a constant shift, in order: the shards' passages
    // (document ids 1..last in each, fresh databases) end up last, after the old generation's.
    Xapian::docid shard_span = 0;
    {
        std::error_code ec;
        fs::remove_all(target, ec);
        Xapian::Database sources(dir.current().string());
        for (const auto& p : shard_paths) {
            Xapian::Database shard(p.string());
            shard_span += shard.get_lastdocid();
            sources.add_database(shard);
        }
        sources.compact(target.string());
    }
    cleanup();
    {
        Xapian::WritableDatabase out(target.string(), Xapian::DB_OPEN);
        const Xapian::docid old_last = out.get_lastdocid() - shard_span;
        Analyzer analyzer(run.analysis);
        for (auto& job : jobs) {
            if (job.outcome.status != FileOutcome::Status::INDEXED) continue;
            if (run.records.count(job.slug)) remove_document(out, job.slug, analyzer, old_last);
            out.set_metadata(std::string(schema::META_FILE) + job.slug, encode(job.record));
            run.records[job.slug] = job.record;
        }
        out.set_metadata(std::string(schema::META_VERSION), std::string(schema::VERSION));
        out.set_metadata(std::string(schema::META_ANALYSIS), format_features(run.analysis));
        store_synonyms(out, run.records);
        out.commit();
    }
    dir.publish(generation);
}

} // namespace

IndexSummary index_paths(const std::vector<fs::path>& inputs, const IndexerOptions& options,
                         const ProgressFn& progress) {
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    DatabaseDir dir(options.database);
    schema::check_index_format(dir.writable(), options.database.string());
    Run run{options, analysis_options(dir.writable(), options), {}, read_records(dir.writable()), {}, 0, 1};
    for (const auto& [slug, r] : run.records) run.known_hashes.emplace(slug, r.hash);

    // Decide slugs up front: unique per canonical path, stable across runs.
    std::map<std::string, std::string> slug_owner; // slug → canonical path, this run and stored
    for (const auto& [slug, r] : run.records) slug_owner[slug] = r.path;
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
        if (auto size = fs::file_size(job.input.path, ec); !ec) run.total_bytes += size;
        run.jobs.push_back(std::move(job));
    }
    run.threads = std::max(1u, options.threads ? options.threads : std::thread::hardware_concurrency());

    try {
        if (run.threads > 1 && run.total_bytes >= options.shard_min_bytes) {
            run_sharded(run, dir, summary, progress);
        } else {
            run_in_place(run, dir.writable(), summary, progress);
        }
    } catch (const Xapian::Error& e) {
        throw RuntimeError(options.database.string() + ": write failed, the database keeps its last commit: " +
                           e.get_description());
    }
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

IndexSummary delete_documents(const std::vector<std::string>& names, const IndexerOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    DatabaseDir dir(options.database);
    Xapian::WritableDatabase& db = dir.writable();
    schema::check_index_format(db, options.database.string());
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
