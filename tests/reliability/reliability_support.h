/** @file reliability_support.h
 *  @brief Shared by the reliability tests: a generated corpus whose passage counts are known,
 *         and what a database must look like after any fault.
 */
#ifndef RAPPORTEUR_TESTS_RELIABILITY_SUPPORT_H
#define RAPPORTEUR_TESTS_RELIABILITY_SUPPORT_H

#include "file_records.h"

#include "rapporteur/format/stored_passage.h"
#include "rapporteur/indexer.h"
#include "support/process.h"

#include <xapian.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rapporteur::test {

/// A report of `paragraphs` paragraphs, its words varied by `seed`; every paragraph holds the
/// word `marker` once.
inline std::string generated_report(int seed, int paragraphs, const std::string& marker = "hotline") {
    static const char* const WORDS[] = {"trafficking", "victims", "labour",  "shelter",  "asylum",     "protection",
                                        "coordinator", "session", "report", "referral", "inspection", "pandemic"};
    std::string text = "SUMMARY\n\nReport number " + std::to_string(seed) + "\n\n";
    unsigned x = static_cast<unsigned>(seed) * 2654435761u + 1;
    for (int p = 0; p < paragraphs; ++p) {
        text += "Paragraph " + std::to_string(p) + " names the " + marker + ":";
        for (int w = 0; w < 60; ++w) {
            x = x * 1103515245u + 12345u;
            text += ' ';
            text += WORDS[(x >> 16) % 12];
            if (w % 15 == 14) text += '.';
        }
        text += "\n\n";
    }
    return text;
}

/// How many passages the document model makes of `text`.
inline std::size_t passage_count(const std::string& text) { return parse_report(text, "x.txt").passages.size(); }

/// Document slug → its passages in the database (current generation, as a searcher opens it).
inline std::map<std::string, std::size_t> passages_by_document(const std::filesystem::path& db) {
    Xapian::Database reader(db.string());
    std::map<std::string, std::size_t> out;
    for (auto it = reader.postlist_begin(""); it != reader.postlist_end(""); ++it) {
        ++out[read_stored_passage(reader.get_document(*it)).document];
    }
    return out;
}

/// The names in the database directory that a finished run leaves nothing of: scratch shards
/// ("tmp-*") and generations other than the current one and the one before it.
inline std::vector<std::string> debris(const std::filesystem::path& db) {
    const std::string current = read_current_generation(db);
    const int now = std::stoi(current.substr(4));
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(db)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("tmp-", 0) == 0) out.push_back(name);
        if (name.rfind("gen-", 0) == 0) {
            const int n = std::stoi(name.substr(4));
            if (n != now && n != now - 1) out.push_back(name);
        }
        if (name == "XAPIANDB.tmp") out.push_back(name);
    }
    return out;
}

/// Problems of the database after a fault: check_database() and xapian-check on the current
/// generation. Empty when whole.
inline std::vector<std::string> problems_of(const std::filesystem::path& db) {
    auto found = check_database(db).problems;
    const auto r = run("xapian-check " + quote((db / read_current_generation(db)).string()));
    if (r.status != 0) found.push_back("xapian-check: " + r.out + r.err);
    return found;
}

} // namespace rapporteur::test

#endif
