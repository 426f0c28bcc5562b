/** @file word_list.cc
 *  @brief Reading the analyzers' data files: UTF-8 lines, '#' comments, blank lines skipped.
 */
#include "word_list.h"

#include "rapporteur/base/data_files.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/base/lines.h"
#include "rapporteur/utf8.h"

namespace rapporteur {

std::vector<std::string> read_word_list(const std::filesystem::path& path) {
    const std::string content = read_whole_file(path);
    std::vector<std::string> out;
    lines::for_each(content, [&](std::string_view line, std::size_t number) {
        line = lines::strip_comment(line);
        if (line.empty()) return;
        if (utf8::invalid_offset(line) != std::string_view::npos) {
            throw RuntimeError(path.string() + ":" + std::to_string(number) + ": invalid UTF-8");
        }
        out.emplace_back(line);
    });
    return out;
}

} // namespace rapporteur
