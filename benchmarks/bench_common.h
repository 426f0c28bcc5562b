/** @file bench_common.h
 *  @brief What the reference and our benchmark share: the corpus reader, the query set, the
 *         timed query loop with its count check, percentiles and the JSON layout.
 *
 *  Both programs read the same documents into the same passages and time the same queries the
 *  same way, so that a ratio between their figures compares the engines and nothing else.
 */
#ifndef RAPPORTEUR_BENCH_COMMON_H
#define RAPPORTEUR_BENCH_COMMON_H

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <sys/resource.h>

namespace bench {

/// One passage of the corpus, as both engines see it.
struct Passage {
    std::string text;     ///< the paragraph, lines joined by one space
    std::string lang;     ///< ISO 639-1, from the document's file name ("ru-0003.txt" → "ru")
    std::string document; ///< the file name without ".txt"
    std::string session;  ///< the heading it sits under ("cat(1)"), "" before the first one
};

/// One query of the query set (benchmarks/corpus/make_queries.pl).
struct Query {
    std::string qid, query_class, text, lang;
};

/** Reads the documents of a tier (every `*.txt` in `dir`, sorted by name) into passages the way
 *  the seed's format reads: blank-line separated blocks, the first block a title, a block
 *  `Day N. Session M - title` a heading. `bytes` gets the total size of the files read. */
inline std::vector<Passage> read_passages(const std::filesystem::path& dir, std::uintmax_t& bytes) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) throw std::runtime_error(dir.string() + ": no .txt documents");
    std::vector<Passage> out;
    bytes = 0;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        if (!in) throw std::runtime_error(f.string() + ": cannot read");
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        bytes += text.size();
        const std::string name = f.stem().string();
        const std::string lang = name.substr(0, name.find('-'));
        std::string session, block;
        bool title = true;
        auto flush = [&] {
            if (block.empty()) return;
            if (title) {
                title = false;
            } else if (block.rfind("Day ", 0) == 0 && block.find(". Session ") != std::string::npos &&
                       block.find(" - ") != std::string::npos) {
                session = block.substr(block.find(" - ") + 3);
            } else {
                out.push_back({block, lang, name, session});
            }
            block.clear();
        };
        std::size_t pos = 0;
        while (pos <= text.size()) {
            auto nl = text.find('\n', pos);
            if (nl == std::string::npos) nl = text.size();
            std::string_view line(text.data() + pos, nl - pos);
            while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
            if (line.empty()) {
                flush();
            } else {
                if (!block.empty()) block += ' ';
                block += line;
            }
            pos = nl + 1;
        }
        flush();
    }
    return out;
}

/// Reads `qid<TAB>class<TAB>query<TAB>lang` rows after a header line.
inline std::vector<Query> read_queries(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path.string() + ": cannot read the query set");
    std::vector<Query> out;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::vector<std::string> f;
        std::size_t pos = 0;
        for (;;) {
            auto tab = line.find('\t', pos);
            f.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
            if (tab == std::string::npos) break;
            pos = tab + 1;
        }
        if (f.size() < 3) throw std::runtime_error(path.string() + ": bad row: " + line);
        out.push_back({f[0], f[1], f[2], f.size() > 3 ? f[3] : ""});
    }
    return out;
}

/// Splits a trailing drill-down `lang:xx` off a query: returns the language, or "" if none.
inline std::string take_lang_filter(std::string& text) {
    auto at = text.rfind(" lang:");
    if (at == std::string::npos) return {};
    std::string lang = text.substr(at + 6);
    text.erase(at);
    return lang;
}

/// Peak resident set size of this process so far, in KiB.
inline long peak_rss_kib() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/// Total size in bytes of the regular files under `dir`.
inline std::uintmax_t directory_bytes(const std::filesystem::path& dir) {
    std::uintmax_t n = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        if (e.is_regular_file()) n += e.file_size();
    }
    return n;
}

/// The value at quantile q (0..1) of sorted samples, nearest rank.
inline double percentile(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return 0;
    auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

/// What one query returned: checked equal on every timed round.
struct Answer {
    std::uint64_t total = 0; ///< matches (estimated or exact, as the engine reports)
    std::uint64_t shown = 0; ///< hits returned
    std::uint64_t check = 0; ///< a sum over the hits (lengths of snippets, facet counts...)
    bool operator==(const Answer&) const = default;
};

/** Times `run` over every query: one untimed round records each answer, then `rounds` timed
 *  rounds must give the same answers (the known count inside the timed loop; a mismatch
 *  throws). Returns, per query class and for "all": n, p50/p95/p99 in ms, mean ms, QPS
 *  (queries over the summed query time, one thread) and the mean number of matches. */
inline nlohmann::json time_queries(const std::vector<Query>& queries, int rounds,
                                   const std::function<Answer(const Query&)>& run) {
    std::vector<Answer> expected;
    expected.reserve(queries.size());
    for (const auto& q : queries) expected.push_back(run(q));
    std::map<std::string, std::vector<double>> ms;
    std::map<std::string, double> matches;
    for (int r = 0; r < rounds; ++r) {
        for (std::size_t i = 0; i < queries.size(); ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            const Answer a = run(queries[i]);
            const auto t1 = std::chrono::steady_clock::now();
            if (!(a == expected[i])) {
                throw std::runtime_error("query " + queries[i].qid + " answered " + std::to_string(a.total) + "/" +
                                         std::to_string(a.shown) + " then " + std::to_string(expected[i].total) + "/" +
                                         std::to_string(expected[i].shown));
            }
            const double d = std::chrono::duration<double, std::milli>(t1 - t0).count();
            ms[queries[i].query_class].push_back(d);
            ms["all"].push_back(d);
            if (r == 0) {
                matches[queries[i].query_class] += static_cast<double>(a.total);
                matches["all"] += static_cast<double>(a.total);
            }
        }
    }
    nlohmann::json out = nlohmann::json::object();
    for (auto& [cls, v] : ms) {
        std::sort(v.begin(), v.end());
        double sum = 0;
        for (double d : v) sum += d;
        const double n = static_cast<double>(v.size());
        out[cls] = {{"n", v.size() / static_cast<std::size_t>(rounds)},
                    {"p50_ms", percentile(v, 0.50)},
                    {"p95_ms", percentile(v, 0.95)},
                    {"p99_ms", percentile(v, 0.99)},
                    {"mean_ms", sum / n},
                    {"qps", sum > 0 ? n * 1000.0 / sum : 0.0},
                    {"mean_matches", matches[cls] * rounds / n}};
    }
    return out;
}

/// Whole seconds since the steady clock's epoch, as a double, for wall-clock spans.
inline double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace bench

#endif
