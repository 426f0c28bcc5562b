/** @file bench_analysis.cc
 *  @brief Analysis throughput (MB/s) of Analyzer::analyze over directories of text files, beside
 *  a bare ICU word-break scan of the same text in the same run, reported as a ratio.
 *
 *  Usage: bench_analysis DIR_OR_FILE... [--repeat N]
 *  Files are split into passages at blank lines (as the indexer's passages are), and each
 *  passage's language is detected once, before the timed loops, as the indexer does before it
 *  calls analyze. Each timed loop asserts the count it must reproduce (words, tokens), so that
 *  no loop can be optimised away or silently do less work. The best of N runs is reported.
 */
#include "rapporteur/analyzers.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct Passage {
    std::string text;
    std::string lang;
};

std::vector<std::string> read_passages(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        auto end = text.find("\n\n", at);
        if (end == std::string::npos) end = text.size();
        if (end > at) out.push_back(text.substr(at, end - at));
        at = end + 2;
    }
    return out;
}

/// The bare reference: ICU's word break iterator over UTF-8, counting word segments.
std::size_t icu_scan(icu::BreakIterator& bi, const std::vector<Passage>& passages) {
    std::size_t words = 0;
    UText* ut = nullptr;
    for (const auto& p : passages) {
        UErrorCode status = U_ZERO_ERROR;
        ut = utext_openUTF8(ut, p.text.data(), static_cast<std::int64_t>(p.text.size()), &status);
        bi.setText(ut, status);
        for (auto n = bi.next(); n != icu::BreakIterator::DONE; n = bi.next()) {
            if (bi.getRuleStatus() != UBRK_WORD_NONE) ++words;
        }
    }
    utext_close(ut);
    return words;
}

std::size_t analyse(const rapporteur::Analyzer& analyzer, const std::vector<Passage>& passages) {
    std::size_t tokens = 0;
    for (const auto& p : passages) tokens += analyzer.analyze(p.text, p.lang).size();
    return tokens;
}

template <typename F> double seconds(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::filesystem::path> inputs;
    int repeat = 3;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--repeat" && i + 1 < argc) {
            repeat = std::max(1, std::atoi(argv[++i]));
        } else {
            inputs.emplace_back(a);
        }
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "usage: bench_analysis DIR_OR_FILE... [--repeat N]\n");
        return 2;
    }
    try {
        const rapporteur::Analyzer analyzer;
        std::vector<std::filesystem::path> paths;
        for (const auto& d : inputs) {
            if (std::filesystem::is_regular_file(d)) {
                paths.push_back(d);
                continue;
            }
            for (const auto& e : std::filesystem::recursive_directory_iterator(d)) {
                if (e.is_regular_file()) paths.push_back(e.path());
            }
        }
        std::sort(paths.begin(), paths.end());
        std::vector<Passage> passages;
        for (const auto& path : paths) {
            for (auto& t : read_passages(path)) {
                std::string lang = analyzer.detect_language(t);
                passages.push_back({std::move(t), std::move(lang)});
            }
        }
        // Passages that are not valid UTF-8 are left out, as the indexer reports and skips them.
        std::erase_if(passages, [&](const Passage& p) {
            try {
                (void)analyzer.analyze(p.text, p.lang);
                return false;
            } catch (const rapporteur::RuntimeError&) {
                return true;
            }
        });
        std::size_t bytes = 0;
        for (const auto& p : passages) bytes += p.text.size();

        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status)) throw std::runtime_error("ICU word break iterator unavailable");
        // Warm-up runs give the counts every timed run must reproduce.
        const std::size_t words = icu_scan(*bi, passages);
        const std::size_t tokens = analyse(analyzer, passages);
        double icu_best = 1e300, analysis_best = 1e300;
        for (int r = 0; r < repeat; ++r) {
            icu_best = std::min(icu_best, seconds([&] {
                if (icu_scan(*bi, passages) != words) throw std::logic_error("ICU scan count changed");
            }));
            analysis_best = std::min(analysis_best, seconds([&] {
                if (analyse(analyzer, passages) != tokens) throw std::logic_error("token count changed");
            }));
        }
        const double mb = static_cast<double>(bytes) / 1e6;
        std::printf("corpus: %zu files, %zu passages, %.1f MB\n", paths.size(), passages.size(), mb);
        std::printf("icu word-break scan: %zu words, %.3f s, %.1f MB/s\n", words, icu_best, mb / icu_best);
        std::printf("Analyzer::analyze:   %zu tokens, %.3f s, %.1f MB/s\n", tokens, analysis_best, mb / analysis_best);
        std::printf("ratio analysis/icu:  %.2f\n", icu_best / analysis_best);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_analysis: %s\n", e.what());
        return 1;
    }
    return 0;
}
