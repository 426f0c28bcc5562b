/** @file file_reader.h
 *  @brief Finding input files and reading them whole, with one clear error per bad path.
 */
#ifndef RAPPORTEUR_INDEXER_FILE_READER_H
#define RAPPORTEUR_INDEXER_FILE_READER_H

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rapporteur {

/// An input file and the slug-friendly name it is known by (its path relative to its root).
struct InputFile {
    std::filesystem::path path;
    std::string name;  ///< relative path given to slug_of: "sub/report.txt" → "sub-report"
    std::string error; ///< set when the input could not even be listed
};

/** Expand files and directories (recursively, `.txt`/`.md`, sorted by path) into input files.
 *  A missing or unwalkable input becomes an InputFile with `error` set; directory symlinks are
 *  not followed, so a symlink loop cannot recurse. */
std::vector<InputFile> collect_files(const std::vector<std::filesystem::path>& inputs);

/** Read a whole file. Throws RuntimeError (without the path, which the caller adds) when the
 *  path is missing, a directory, a symlink loop, unreadable, empty or over `max_bytes`. */
std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

/// 64-bit FNV-1a of `data`, as 16 hex digits: the content hash that detects unchanged files.
std::string content_hash(std::string_view data);

} // namespace rapporteur

#endif
