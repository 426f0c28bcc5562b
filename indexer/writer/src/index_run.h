/** @file index_run.h
 *  @brief One indexing run: its files as jobs in input order, what the database knew before,
 *  and the two ways of writing them (in place, or in shards merged into a new generation).
 */
#ifndef RAPPORTEUR_INDEXER_INDEX_RUN_H
#define RAPPORTEUR_INDEXER_INDEX_RUN_H

#include "rapporteur/analyzers.h"
#include "rapporteur/format/database_dir.h"
#include "rapporteur/indexer.h"

#include "document_builder.h"
#include "file_reader.h"
#include "file_records.h"

#include <xapian.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rapporteur {

/// One input file on its way through the pipeline.
struct IndexJob {
    InputFile input;
    std::string canonical;                  ///< its canonical path (the record's path)
    std::string slug;                       ///< chosen before the run starts (choose_slug)
    std::optional<PreparedReport> prepared; ///< set between prepare_job and the write
    FileRecord record;
    std::uintmax_t bytes = 0; ///< bytes read
    FileOutcome outcome;
    bool written = false; ///< its passages and record went to the database (or to a shard)
    std::size_t input_index = 0; ///< its place among the inputs, the order the summary lists
};

/// The run's shared state: the jobs in write order (write_order) and what the database knew before.
struct IndexRun {
    const IndexerOptions& options;
    AnalyzerOptions analysis;
    std::vector<IndexJob> jobs;
    std::map<std::string, FileRecord> records;       ///< by slug; updated as files are written
    std::map<std::string, std::string> known_hashes; ///< slug → hash before the run
    std::uintmax_t total_bytes = 0;                  ///< sizes of the input files, for progress
    unsigned threads = 1;
};

/// Whether the run was asked to stop (IndexerOptions::interrupt): checked between files.
inline bool interrupted(const IndexerOptions& options) { return options.interrupt && options.interrupt->load(); }

/** Read, hash, parse and analyse one file; leaves the outcome in the job, never throws. A file
 *  passed over when listed (InputFile::skipped) is SKIPPED without being opened. */
void prepare_job(IndexJob& job, const IndexerOptions& options, const DocumentBuilder& builder,
                 const std::map<std::string, std::string>& known_hashes);

/** Stores the record of a written job, as in run.records. A file without any passage gets none
 *  (an earlier version's goes), so that every run reads it again and says it has no passage. */
void store_record(Xapian::WritableDatabase& db, IndexRun& run, const IndexJob& job);

/** Count a finished job into the summary. A file written without any passage counts as
 *  SKIPPED ("no passage found in it"), not as a document. */
void account(IndexSummary& summary, const IndexJob& job);

/** Puts the jobs in the order their documents are written: codecs::sort_key_order of the start
 *  of their passage ids (the slug and '/', digit runs as numbers), so that a fresh index's docids rise
 *  with its passage ids ("nov-2" before "nov-16", whatever their files' byte order) and the
 *  searcher may leave ties in docid order (passage_ids.h). Sets each job's input_index first;
 *  a skipped file (no slug) comes first, in input order. */
void write_order(std::vector<IndexJob>& jobs);

/// Puts the per-file outcomes summary.files[from, end) in input order (a path that is no
/// job's last), whatever order they were written in. index_paths calls it once, after either
/// kind of run, from the first outcome after the removed files' lines.
void sort_by_input(IndexSummary& summary, const std::vector<IndexJob>& jobs, std::size_t from);

/// What every run writes last: the format version, the analysis features and the synonyms.
void write_run_metadata(Xapian::WritableDatabase& db, const IndexRun& run);

/** Small runs: worker threads prepare files, this thread writes them in write order into the
 *  current generation, committing every options.commit_bytes of text. When interrupted, it
 *  stops before the next file and commits what it wrote. A worker's exception stops the run
 *  and is rethrown here. */
void run_in_place(IndexRun& run, Xapian::WritableDatabase& db, IndexSummary& summary, const ProgressFn& progress);

/** Large runs: one thread per shard prepares and writes a contiguous slice of the files into
 *  its own scratch database, in parallel; then the current generation and the shards are
 *  compacted into a new generation, the replaced passages removed from it, and it is
 *  published. Until then the current generation is untouched, so a killed run loses nothing.
 *  When interrupted, each shard stops before its next file, and what the shards hold is
 *  compacted and published all the same (nothing, when they hold nothing): the next run
 *  indexes the rest. A shard's failure throws RuntimeError naming the database and the cause. */
void run_sharded(IndexRun& run, DatabaseDir& dir, IndexSummary& summary, const ProgressFn& progress);

} // namespace rapporteur

#endif
