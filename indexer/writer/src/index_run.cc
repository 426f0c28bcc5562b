/** @file index_run.cc
 *  @brief What both kinds of run do alike: prepare a file, count it, write the run's metadata.
 */
#include "index_run.h"

#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"

#include "removal.h"
#include "slugs.h"

#include <algorithm>
#include <map>
#include <utility>

namespace rapporteur {

void prepare_job(IndexJob& job, const IndexerOptions& options, const DocumentBuilder& builder,
                 const std::map<std::string, std::string>& known_hashes) {
    if (!job.input.skipped.empty()) {
        job.outcome.status = FileOutcome::Status::SKIPPED;
        job.outcome.error = job.input.skipped;
        return;
    }
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
        Report report = reader_of(job.input.path).read(text, job.input.name);
        // report.path stays the name below the folder indexed: what results show as "path".
        rename_report(report, job.slug);
        job.record.acronyms = report.acronyms;
        job.prepared = builder.build(std::move(report));
    } catch (const std::exception& e) {
        job.outcome.status = FileOutcome::Status::FAILED;
        job.outcome.error = e.what();
        job.prepared.reset();
    }
}

void store_record(Xapian::WritableDatabase& db, IndexRun& run, const IndexJob& job) {
    if (job.outcome.passages == 0) {
        erase_record(db, job.slug);
        run.records.erase(job.slug);
    } else {
        write_record(db, job.slug, job.record);
        run.records[job.slug] = job.record;
    }
}

void account(IndexSummary& summary, const IndexJob& job) {
    using Status = FileOutcome::Status;
    FileOutcome outcome = job.outcome;
    if (outcome.status == Status::INDEXED && outcome.passages == 0) {
        // Written all the same (store_record), so that an earlier version's passages go.
        outcome.status = Status::SKIPPED;
        outcome.error = "no passage found in it";
    }
    switch (outcome.status) {
        case Status::UNCHANGED: ++summary.unchanged; break;
        case Status::SKIPPED: ++summary.skipped; break;
        case Status::FAILED: ++summary.failed; break;
        default: ++summary.documents; summary.passages += outcome.passages;
    }
    summary.bytes += job.bytes;
    summary.files.push_back(std::move(outcome));
}

void write_order(std::vector<IndexJob>& jobs) {
    std::vector<std::string> ids;
    ids.reserve(jobs.size());
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        jobs[i].input_index = i;
        ids.push_back(jobs[i].slug.empty() ? std::string() : jobs[i].slug + "/");
    }
    std::vector<IndexJob> ordered;
    ordered.reserve(jobs.size());
    for (auto i : codecs::sort_key_order(ids)) ordered.push_back(std::move(jobs[i]));
    jobs = std::move(ordered);
}

void sort_by_input(IndexSummary& summary, const std::vector<IndexJob>& jobs, std::size_t from) {
    std::map<std::string, std::size_t> input_index;
    for (const auto& job : jobs) input_index[job.outcome.path] = job.input_index;
    auto index = [&](const FileOutcome& f) {
        auto it = input_index.find(f.path);
        return it == input_index.end() ? jobs.size() : it->second;
    };
    from = std::min(from, summary.files.size());
    std::stable_sort(summary.files.begin() + static_cast<std::ptrdiff_t>(from), summary.files.end(),
                     [&](const FileOutcome& a, const FileOutcome& b) { return index(a) < index(b); });
}

void write_run_metadata(Xapian::WritableDatabase& db, const IndexRun& run) {
    db.set_metadata(std::string(schema::META_VERSION), std::string(schema::VERSION));
    db.set_metadata(std::string(schema::META_ANALYSIS), format_features(run.analysis));
    store_synonyms(db, run.records);
}

} // namespace rapporteur
