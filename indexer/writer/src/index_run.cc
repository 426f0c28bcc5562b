/** @file index_run.cc
 *  @brief What both kinds of run do alike: prepare a file, count it, write the run's metadata.
 */
#include "index_run.h"

#include "rapporteur/format/schema.h"

#include "removal.h"
#include "slugs.h"

namespace rapporteur {

void prepare_job(IndexJob& job, const IndexerOptions& options, const DocumentBuilder& builder,
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

void account(IndexSummary& summary, const IndexJob& job) {
    if (job.outcome.status == FileOutcome::Status::UNCHANGED)
        ++summary.unchanged;
    else if (job.outcome.status == FileOutcome::Status::FAILED)
        ++summary.failed;
    else {
        ++summary.documents;
        summary.passages += job.outcome.passages;
    }
    summary.bytes += job.bytes;
    summary.files.push_back(job.outcome);
}

void write_run_metadata(Xapian::WritableDatabase& db, const IndexRun& run) {
    db.set_metadata(std::string(schema::META_VERSION), std::string(schema::VERSION));
    db.set_metadata(std::string(schema::META_ANALYSIS), format_features(run.analysis));
    store_synonyms(db, run.records);
}

} // namespace rapporteur
