/** @file analyzer_support.h
 *  @brief Test support for the analyzers: passages of seeds/ and tests/data/analyzers/, golden
 *  token strings, and an in-memory index searched the way the searcher does.
 */
#ifndef RAPPORTEUR_TESTS_ANALYZER_SUPPORT_H
#define RAPPORTEUR_TESTS_ANALYZER_SUPPORT_H

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "rapporteur/analyzers.h"

namespace rapporteur::test {

struct Passage {
    std::string source; ///< file name and paragraph number, for messages
    std::string text;
};

inline std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Paragraphs (blank-line separated, trimmed, non-empty) of every .txt file under `dir`.
inline std::vector<Passage> passages_in(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<Passage> out;
    for (const auto& f : files) {
        const std::string text = read_text(f);
        std::size_t at = 0, n = 0;
        while (at < text.size()) {
            auto end = text.find("\n\n", at);
            if (end == std::string::npos) end = text.size();
            std::string para = text.substr(at, end - at);
            at = end + 2;
            const auto first = para.find_first_not_of(" \n\t\r");
            if (first == std::string::npos) continue;
            para = para.substr(first, para.find_last_not_of(" \n\t\r") - first + 1);
            out.push_back({f.filename().string() + "#" + std::to_string(++n), para});
        }
    }
    return out;
}

/// Every passage of the seed and of the multilingual test documents.
inline std::vector<Passage> all_passages() {
    auto out = passages_in(RAPPORTEUR_SEEDS);
    auto more = passages_in(RAPPORTEUR_ANALYZER_DATA);
    out.insert(out.end(), more.begin(), more.end());
    return out;
}

/// Tokens as "text@position[start,end)", alternatives marked "+", space-separated.
inline std::string describe(const std::vector<Token>& tokens) {
    std::string out;
    for (const auto& t : tokens) {
        if (!out.empty()) out += ' ';
        if (t.alternative) out += '+';
        out += t.text + "@" + std::to_string(t.position) + "[" + std::to_string(t.start) + "," + std::to_string(t.end) +
               ")";
    }
    return out;
}

} // namespace rapporteur::test

#endif
