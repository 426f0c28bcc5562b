/** @file word_list.h
 *  @brief Reading the analyzers' data files: UTF-8 lines, '#' comments, blank lines skipped.
 */
#ifndef RAPPORTEUR_ANALYZERS_WORD_LIST_H
#define RAPPORTEUR_ANALYZERS_WORD_LIST_H

#include <filesystem>
#include <string>
#include <vector>

namespace rapporteur {

/** The non-empty lines of a data file, each with any '#' comment and surrounding spaces
 *  removed. Throws RuntimeError naming the path when it cannot be read or is not UTF-8. */
std::vector<std::string> read_word_list(const std::filesystem::path& path);

} // namespace rapporteur

#endif
