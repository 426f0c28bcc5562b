/** @file file_reader.h
 *  @brief Finding input files and reading them whole, with one clear error per bad path.
 */
#ifndef RAPPORTEUR_INDEXER_FILE_READER_H
#define RAPPORTEUR_INDEXER_FILE_READER_H

#include "rapporteur/readers.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rapporteur {

/// An input file and the slug-friendly name it is known by (its path relative to its root).
struct InputFile {
    std::filesystem::path path;
    std::string name;  ///< relative path given to slug_of: "sub/report.txt" → "sub-report"
    std::string error; ///< set when the input cannot be indexed at all (the file fails)
    /// Set when a file found in a folder is passed over, saying why ("named pipe").
    std::string skipped;
};

/** Expand files and directories (recursively, sorted by path) into input files, without
 *  opening any. A missing or unwalkable input, and a file given by name that is not a regular
 *  file or has no reader for its extension, get `error`; a file in a folder with no reader for
 *  its extension, a named pipe, socket or device, a symlink loop or a link to a directory gets
 *  `skipped`. Directory symlinks are not followed, so a symlink loop cannot recurse. */
std::vector<InputFile> collect_files(const std::vector<std::filesystem::path>& inputs);

/** Read a whole file. Throws RuntimeError (without the path, which the caller adds) when the
 *  path is missing, not a regular file (checked before opening: a named pipe would block),
 *  a symlink loop, unreadable, empty or over `max_bytes`. */
std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

/** The reader for `path`'s extension. Throws RuntimeError saying which formats are read when
 *  there is none: a file is never read as plain text whatever its name. */
const Reader& reader_of(const std::filesystem::path& path);

/// 64-bit FNV-1a of `data`, as 16 hex digits: the content hash that detects unchanged files.
std::string content_hash(std::string_view data);

} // namespace rapporteur

#endif
