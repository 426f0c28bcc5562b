/** @file word_list.cc
 *  @brief Reading the analyzers' data files: UTF-8 lines, '#' comments, blank lines skipped.
 */
#include "word_list.h"

#include "rapporteur/analyzers.h"

#include <fstream>

#include <unicode/utf8.h>

namespace rapporteur {

std::vector<std::string> read_word_list(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RuntimeError(path.string() + ": cannot read data file");
    std::vector<std::string> lines;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos) continue;
        const auto last = line.find_last_not_of(" \t\r");
        line = line.substr(first, last - first + 1);
        std::int32_t i = 0;
        const auto n = static_cast<std::int32_t>(line.size());
        while (i < n) {
            UChar32 c;
            U8_NEXT(line.data(), i, n, c);
            if (c < 0) throw RuntimeError(path.string() + ":" + std::to_string(number) + ": invalid UTF-8");
        }
        lines.push_back(line);
    }
    return lines;
}

} // namespace rapporteur
