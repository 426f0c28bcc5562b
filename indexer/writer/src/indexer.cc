/** @file indexer.cc
 *  @brief The public entry points: index_paths sets up a run and picks in-place or sharded;
 *  delete_documents and parse_paths.
 */
#include "rapporteur/indexer.h"
#include "rapporteur/analyzers.h"
#include "rapporteur/format/database_dir.h"
#include "rapporteur/format/schema.h"

#include "file_reader.h"
#include "file_records.h"
#include "index_run.h"
#include "removal.h"
#include "shard_exports.h"
#include "slugs.h"

#include "rapporteur/format/codecs.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace rapporteur {

namespace fs = std::filesystem;

namespace {

/// The analyzer options this run uses: the requested features, else the database's, else all.
AnalyzerOptions analysis_options(Xapian::WritableDatabase& db, const IndexerOptions& options) {
    AnalyzerOptions a;
    a.lang = options.lang;
    const std::string stored = db.get_metadata(std::string(schema::META_ANALYSIS));
    const bool has_documents = db.get_doccount() > 0;
    if (!options.features.empty()) {
        parse_features(options.features, a);
        if (has_documents && !stored.empty() && stored != format_features(a)) {
            throw UsageError(options.database.string() + ": built with analysis features '" + stored + "', not '" +
                             format_features(a) + "'; index into a new database to change them");
        }
    } else {
        parse_features(stored.empty() ? "all" : stored, a);
    }
    return a;
}

/// The canonical paths of the inputs that are folders.
std::vector<fs::path> folders_of(const std::vector<fs::path>& inputs) {
    std::vector<fs::path> folders;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            auto canonical = fs::canonical(in, ec);
            if (!ec) folders.push_back(std::move(canonical));
        }
    }
    return folders;
}

/** Removes, in one commit, the documents whose file is gone from one of `folders`, as REMOVED
 *  outcomes; `run.records` and the synonyms follow. */
void remove_missing(Xapian::WritableDatabase& db, IndexRun& run, const std::vector<fs::path>& folders,
                    IndexSummary& summary) {
    const auto missing = missing_documents(run.records, folders);
    if (missing.empty()) return;
    Analyzer analyzer(run.analysis);
    // A failure leaves the transaction open: closing the database cancels it.
    db.begin_transaction();
    for (const auto& slug : missing) {
        const std::string path = run.records.at(slug).path;
        const auto passages = forget_document(db, slug, analyzer, run.records);
        summary.files.push_back({path, FileOutcome::Status::REMOVED, passages, {}});
        ++summary.removed;
    }
    store_synonyms(db, run.records);
    db.commit_transaction();
}

} // namespace

std::vector<Report> parse_paths(const std::vector<fs::path>& inputs, const IndexerOptions& options,
                                IndexSummary& summary) {
    std::vector<Report> reports;
    for (const auto& f : collect_files(inputs)) {
        if (!f.skipped.empty()) {
            summary.files.push_back({f.path.string(), FileOutcome::Status::SKIPPED, 0, f.skipped});
            ++summary.skipped;
            continue;
        }
        try {
            if (!f.error.empty()) throw RuntimeError(f.error);
            auto text = read_file(f.path, options.max_file_bytes);
            reports.push_back(reader_of(f.path).read(text, f.name));
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
    DatabaseDir dir(options.database, options.access);
    schema::check_index_format(dir.writable(), options.database.string());
    IndexRun run{options, analysis_options(dir.writable(), options), {}, read_records(dir.writable()), {}, 0, 1};
    for (const auto& [slug, r] : run.records) run.known_hashes.emplace(slug, r.hash);

    // Decide slugs up front: unique per canonical path, stable across runs.
    SlugOwners slug_owners;
    for (const auto& [slug, r] : run.records) slug_owners.add(slug, r.path);
    for (auto& f : collect_files(inputs)) {
        IndexJob job;
        job.outcome = {f.path.string(), FileOutcome::Status::INDEXED, 0, {}};
        // A skipped file stays a job, so that its line comes in input order; it takes no slug.
        if (f.skipped.empty()) {
            std::error_code ec;
            job.canonical = fs::weakly_canonical(f.path, ec).string();
            if (ec) job.canonical = f.path.string();
            job.slug = choose_slug(f.name, job.canonical, slug_owners);
            // Another shard's document: its slug was still chosen, so that slugs are those of
            // one run over every input.
            if (options.shard_count && codecs::shard_of(job.slug, options.shard_count) != options.shard) continue;
            if (auto size = fs::file_size(f.path, ec); !ec) run.total_bytes += size;
        }
        job.input = std::move(f);
        run.jobs.push_back(std::move(job));
    }
    run.threads = std::max(1u, options.threads ? options.threads : std::thread::hardware_concurrency());
    write_order(run.jobs);

    try {
        if (!options.keep_missing) remove_missing(dir.writable(), run, folders_of(inputs), summary);
        const std::size_t first_outcome = summary.files.size(); // after the removed files'
        if (run.threads > 1 && run.total_bytes >= options.shard_min_bytes) {
            run_sharded(run, dir, summary, progress);
        } else {
            run_in_place(run, dir.writable(), summary, progress);
        }
        sort_by_input(summary, run.jobs, first_outcome);
        // A shard's spelling dictionary, which a sharded search reads as metadata.
        export_for_shards(dir.writable(), options.shard_count ? std::to_string(options.shard) + "/" +
                                                                    std::to_string(options.shard_count)
                                                              : std::string());
        dir.writable().commit();
    } catch (const Xapian::Error& e) {
        throw RuntimeError(options.database.string() +
                           ": write failed, the database keeps its last commit: " + e.get_description());
    }
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

IndexSummary delete_documents(const std::vector<std::string>& names, const IndexerOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    DatabaseDir dir(options.database, options.access);
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
            const std::string slug = it->first;
            auto removed = forget_document(db, slug, analyzer, records);
            summary.files.push_back({name, FileOutcome::Status::DELETED, removed, {}});
            summary.passages += removed;
            ++summary.deleted;
        }
        store_synonyms(db, records);
        export_for_shards(db);
        db.commit_transaction();
    } catch (const Xapian::Error& e) {
        throw RuntimeError(options.database.string() +
                           ": delete failed, the database keeps its last commit: " + e.get_description());
    }
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

} // namespace rapporteur
