/** @file indexer.h
 *  @brief Public API of the indexer: meeting reports in, a Xapian database out.
 */
#ifndef RAPPORTEUR_INDEXER_H
#define RAPPORTEUR_INDEXER_H

#include "rapporteur/format/database_dir.h"
#include "rapporteur/readers.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace rapporteur {

/// Options of an indexing run.
struct IndexerOptions {
    std::filesystem::path database;             ///< created when missing
    std::string lang;                           ///< force a language for every passage ("" detects)
    std::uintmax_t max_file_bytes = 256u << 20; ///< larger files are refused
    /// Analysis features ("stem,fold,..." / "all" / "none"); "" keeps the database's, or all.
    std::string features;
    /** Commit after this many bytes of input text. Bounds what a killed run loses and, with
     *  Xapian's own flush threshold (XAPIAN_FLUSH_THRESHOLD documents), the memory used. */
    std::uintmax_t commit_bytes = 64u << 20;
    unsigned threads = 0; ///< analysis threads; 0 = one per core
    /** Runs over at least this many bytes of input build one shard per thread in parallel,
     *  then merge them with the current database into a new compacted generation, published
     *  atomically. Smaller runs update the current generation in place. */
    std::uintmax_t shard_min_bytes = 8u << 20;
    /** Keep the documents of files gone from a folder being indexed. By default, as omindex
     *  does, a run removes every document read from a file under one of the folders it is given
     *  whose file no longer exists (files given by name remove nothing). */
    bool keep_missing = false;
    /// Who may read what the run creates (database_dir.h): the owner only by default.
    DatabaseAccess access = DatabaseAccess::OWNER;
    /** When set (a signal handler may set it), the run stops taking new files at the next file
     *  boundary, commits what it has written (a sharded run publishes what its shards hold),
     *  and returns with IndexSummary::interrupted. Null: never interrupted. */
    const std::atomic<bool>* interrupt = nullptr;
    /** Index only shard `shard` of `shard_count` (1-based; codecs::shard_of on the document's
     *  slug): the files of other shards are left out of the run, so that N runs over the same
     *  inputs hold each document once. shard_count 0: every document. */
    unsigned shard = 0, shard_count = 0;
};

/// What happened to one input file.
struct FileOutcome {
    std::string path;
    /** INDEXED: new or changed, its passages written. UNCHANGED: same content hash, left alone.
     *  SKIPPED: found in a folder but not indexed (a format no reader reads, a named pipe, socket
     *  or device, a symlink loop or a link to a directory), or read but yielding no passage.
     *  FAILED: could not be indexed (unreadable, invalid, too large; a file given by name that
     *  is not a regular file or not a format read). DELETED: removed by delete_documents.
     *  REMOVED: its file is gone from a folder being indexed, so its document was removed. */
    enum class Status { INDEXED, UNCHANGED, SKIPPED, FAILED, DELETED, REMOVED } status = Status::INDEXED;
    std::size_t passages = 0; ///< passages written (INDEXED) or removed (DELETED, REMOVED)
    std::string error;        ///< one line, naming the cause, when FAILED or SKIPPED
};

/// Totals of a run.
struct IndexSummary {
    std::size_t documents = 0; ///< files indexed (new or changed)
    std::size_t unchanged = 0; ///< files left alone: their content hash is the same
    std::size_t skipped = 0;   ///< SKIPPED files
    std::size_t failed = 0;
    std::size_t deleted = 0;  ///< documents removed (--delete)
    std::size_t removed = 0;  ///< documents removed because their file is gone (REMOVED)
    std::size_t passages = 0; ///< passages written
    bool interrupted = false; ///< the run stopped early (IndexerOptions::interrupt): files are left
    std::uintmax_t bytes = 0; ///< bytes of text read
    double seconds = 0;
    std::vector<FileOutcome> files;
};

/// Progress callback: called after each file with the running totals and the total bytes.
using ProgressFn = std::function<void(const IndexSummary& so_far, std::uintmax_t total_bytes)>;

/** Index files and directories (recursively; `.txt` and `.md`) into the database.
 *  Bad files are reported in the summary and skipped; what was indexed is committed at the
 *  end, or when interrupted at a file boundary. Documents of files gone from the folders in
 *  `inputs` are removed first, in a commit of their own (unless IndexerOptions::keep_missing).
 *  Throws RuntimeError when the database cannot be opened (e.g. locked by another writer),
 *  naming the path and the cause. */
IndexSummary index_paths(const std::vector<std::filesystem::path>& inputs, const IndexerOptions& options,
                         const ProgressFn& progress = {});

/** Remove documents (by slug, or by the path they were indexed from) and their passages.
 *  Unknown names are reported as FAILED outcomes. Commits once at the end. */
IndexSummary delete_documents(const std::vector<std::string>& names, const IndexerOptions& options);

/// What check_database() found.
struct CheckSummary {
    std::string generation;            ///< the current generation checked ("gen-3"), "" when none
    std::size_t documents = 0;         ///< documents (files) seen
    std::size_t passages = 0;          ///< passages read back whole
    std::size_t unreadable = 0;        ///< documents whose stored passage does not decode
    std::vector<std::string> problems; ///< one line each, naming the document or table; empty: whole
};

/** Check the database at `path` without writing to it: Xapian's own checker on the current
 *  generation, every stored passage, offset table and facet value decoded and compared with
 *  the document's terms, cited footnotes resolved, file records matched with the documents
 *  and the format metadata. Never throws for a damaged database: each problem is a line. */
CheckSummary check_database(const std::filesystem::path& path);

/// Read and parse files without indexing (for `--dump`); errors as for index_paths.
std::vector<Report> parse_paths(const std::vector<std::filesystem::path>& inputs, const IndexerOptions& options,
                                IndexSummary& summary);

} // namespace rapporteur

#endif
