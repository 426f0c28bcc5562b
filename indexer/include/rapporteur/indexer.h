/** @file indexer.h
 *  @brief Public API of the indexer: meeting reports in, a Xapian database out.
 */
#ifndef RAPPORTEUR_INDEXER_H
#define RAPPORTEUR_INDEXER_H

#include "rapporteur/report.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace rapporteur {

/** The database used when none is given: `$RAPPORTEUR_DB`, else
 *  `$XDG_DATA_HOME/rapporteur/db`, else `~/.local/share/rapporteur/db`. */
std::filesystem::path default_database_path();

/// Options of an indexing run.
struct IndexerOptions {
    std::filesystem::path database;       ///< created when missing
    std::string lang;                     ///< force a language for every passage ("" detects)
    std::uintmax_t max_file_bytes = 256u << 20; ///< larger files are refused
};

/// What happened to one input file.
struct FileOutcome {
    std::string path;
    enum class Status { INDEXED, UNCHANGED, FAILED, DELETED } status = Status::INDEXED;
    std::size_t passages = 0;
    std::string error; ///< one line, naming the cause, when FAILED
};

/// Totals of a run.
struct IndexSummary {
    std::size_t documents = 0;  ///< files indexed (new or changed)
    std::size_t unchanged = 0;  ///< files skipped because their content hash is the same
    std::size_t failed = 0;
    std::size_t passages = 0;
    std::uintmax_t bytes = 0;   ///< bytes of text read
    double seconds = 0;
    std::vector<FileOutcome> files;
};

/// Progress callback: called after each file with the running totals and the total bytes.
using ProgressFn = std::function<void(const IndexSummary& so_far, std::uintmax_t total_bytes)>;

/** Index files and directories (recursively; `.txt` and `.md`) into the database.
 *  Bad files are reported in the summary and skipped; what was indexed is committed at the
 *  end. Throws RuntimeError when the database cannot be opened (e.g. locked by another
 *  writer), naming the path and the cause. */
IndexSummary index_paths(const std::vector<std::filesystem::path>& inputs,
                         const IndexerOptions& options, const ProgressFn& progress = {});

/// Read and parse files without indexing (for `--dump`); errors as for index_paths.
std::vector<Report> parse_paths(const std::vector<std::filesystem::path>& inputs,
                                const IndexerOptions& options, IndexSummary& summary);

} // namespace rapporteur

#endif
