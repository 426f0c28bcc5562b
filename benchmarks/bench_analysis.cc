/** @file bench_analysis.cc
 *  @brief Analysis throughput (MB/s) of Analyzer::analyze over directories of text files, beside
 *  a bare ICU word-break scan of the same text in the same run, reported as a ratio.
 *
 *  Usage: bench_analysis DIR_OR_FILE... [--repeat N]
 *  Files are split into passages at blank lines (as the indexer's passages are), and each
 *  passage's language is detected once, before the timed loops, as the indexer does before it
 *  calls analyze. Each timed loop asserts the count it must reproduce (words, tokens), so that
 *  no loop can be optimised away or silently do less work. The best of N runs is reported.
 *  A second pair of loops builds Xapian documents, with Xapian's own TermGenerator and with
 *  analyze + add_tokens, to show the chain's share of indexing beside what it replaces.
 */
#include "rapporteur/analyzers.h"

#include <xapian.h>

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

/// The second reference: Xapian's own TermGenerator (what indexing costs without this chain),
/// building one document per passage; returns the documents' distinct terms, summed.
std::size_t termgenerator_documents(const std::vector<Passage>& passages) {
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("en"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    std::size_t terms = 0;
    for (const auto& p : passages) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(p.text);
        terms += doc.termlist_count();
    }
    return terms;
}

/// The chain's share of indexing: analyze + add_tokens into one document per passage.
std::size_t chain_documents(const rapporteur::Analyzer& analyzer, const std::vector<Passage>& passages) {
    std::size_t terms = 0;
    for (const auto& p : passages) {
        Xapian::Document doc;
        rapporteur::add_tokens(doc, analyzer.analyze(p.text, p.lang));
        terms += doc.termlist_count();
    }
    return terms;
}

template <typename F>
double seconds(F&& f) {
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
        const std::size_t tg_terms = termgenerator_documents(passages);
        const std::size_t chain_terms = chain_documents(analyzer, passages);
        double icu_best = 1e300, analysis_best = 1e300, tg_best = 1e300, chain_best = 1e300;
        for (int r = 0; r < repeat; ++r) {
            tg_best = std::min(tg_best, seconds([&] {
                                   if (termgenerator_documents(passages) != tg_terms)
                                       throw std::logic_error("TermGenerator count changed");
                               }));
            chain_best = std::min(chain_best, seconds([&] {
                                      if (chain_documents(analyzer, passages) != chain_terms)
                                          throw std::logic_error("document count changed");
                                  }));
            icu_best = std::min(icu_best, seconds([&] {
                                    if (icu_scan(*bi, passages) != words)
                                        throw std::logic_error("ICU scan count changed");
                                }));
            analysis_best = std::min(analysis_best, seconds([&] {
                                         if (analyse(analyzer, passages) != tokens)
                                             throw std::logic_error("token count changed");
                                     }));
        }
        const double mb = static_cast<double>(bytes) / 1e6;
        std::printf("corpus: %zu files, %zu passages, %.1f MB\n", paths.size(), passages.size(), mb);
        std::printf("icu word-break scan: %zu words, %.3f s, %.1f MB/s\n", words, icu_best, mb / icu_best);
        std::printf("Analyzer::analyze:   %zu tokens, %.3f s, %.1f MB/s\n", tokens, analysis_best, mb / analysis_best);
        std::printf("ratio analysis/icu:  %.2f\n", icu_best / analysis_best);
        std::printf("Xapian TermGenerator documents: %zu terms, %.3f s, %.1f MB/s\n", tg_terms, tg_best, mb / tg_best);
        std::printf("analyze + add_tokens documents: %zu terms, %.3f s, %.1f MB/s\n", chain_terms, chain_best,
                    mb / chain_best);
        std::printf("ratio chain/TermGenerator: %.2f\n", tg_best / chain_best);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_analysis: %s\n", e.what());
        return 1;
    }
    return 0;
}
