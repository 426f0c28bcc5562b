/** @file help_options.h
 *  @brief End-to-end support: the options an installed executable's --help lists, read from
 *         Boost.Program_options' layout ("  -q [ --quiet ]   text", "  --db DIR   text").
 */
#ifndef RAPPORTEUR_TESTS_E2E_HELP_OPTIONS_H
#define RAPPORTEUR_TESTS_E2E_HELP_OPTIONS_H

#include "support/process.h"

#include <cctype>
#include <set>
#include <sstream>
#include <string>

namespace rapporteur::test {

/// Every option name (`--long` and `-s`) in the first column of `exe --help`; empty when it fails.
inline std::set<std::string> help_options(const std::string& exe) {
    std::set<std::string> names;
    const auto help = run(exe + " --help");
    if (help.status != 0) return names;
    std::istringstream lines(help.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("  -", 0) != 0) continue;
        std::istringstream words(line);
        for (std::string w; words >> w;) {
            if (w == "[" || w == "]") continue;
            if (w.size() < 2 || w[0] != '-') break; // "arg", "DIR", then the description
            names.insert(w);
        }
    }
    return names;
}

/// Whether `name` occurs in `text` as a whole option name (so "--like" is not "--like-text").
inline bool names_option(const std::string& text, const std::string& name) {
    auto name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; };
    for (auto at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
        const bool left = at == 0 || !name_char(text[at - 1]);
        const bool right = at + name.size() == text.size() || !name_char(text[at + name.size()]);
        if (left && right) return true;
    }
    return false;
}

} // namespace rapporteur::test

#endif
