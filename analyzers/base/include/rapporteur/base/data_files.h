/** @file data_files.h
 *  @brief Finding the run-time data files (word lists, gazetteer) of a component.
 */
#ifndef RAPPORTEUR_BASE_DATA_FILES_H
#define RAPPORTEUR_BASE_DATA_FILES_H

#include <filesystem>
#include <string>
#include <string_view>

namespace rapporteur {

/** Locate a run-time data file of a component ("analyzers" or "indexer").
 *
 *  Looks in `$RAPPORTEUR_DATA_DIR/<component>/<relpath>`, then beside the installed
 *  executable (`<prefix>/share/rapporteur/<component>/<relpath>`), then in the source tree
 *  (`<source>/<component>/data/<relpath>`). Throws RuntimeError naming every place tried.
 */
std::filesystem::path data_path(std::string_view component, std::string_view relpath);

/// The whole content of the data file data_path() finds. Throws RuntimeError naming the path.
std::string read_data_file(std::string_view component, std::string_view relpath);

/** The whole content of `path`. Throws RuntimeError "<path>: cannot open: <strerror>" (or
 *  "cannot read: Is a directory", or a read error), so every reader of a user's file says why
 *  in the same words. */
std::string read_whole_file(const std::filesystem::path& path);

/** What a file of type `type` is, for messages: "regular file", "directory", "named pipe",
 *  "socket", "device" (block or character), "symbolic link", else "file of unknown type". */
std::string_view file_type_name(std::filesystem::file_type type);

} // namespace rapporteur

#endif
