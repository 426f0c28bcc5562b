/** @file analyzer_impl.h
 *  @brief Private: the Analyzer's state (Analyzer::Impl), the per-thread Workspace it lends,
 *  and the units a query is cut into. Shared by analyzer.cc, query_analysis.cc and synonym_keys.cc.
 */
#ifndef RAPPORTEUR_ANALYZERS_ANALYZER_IMPL_H
#define RAPPORTEUR_ANALYZERS_ANALYZER_IMPL_H

#include "rapporteur/analyzers.h"

#include "analysis_chain.h"
#include "compound_filter.h"
#include "icu_tokenizer.h"
#include "synonym_map.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapporteur {

/** Throws UsageError for text of UINT32_MAX bytes or more (offsets are 32-bit) and
 *  RuntimeError for invalid UTF-8, naming the byte offset. */
void check_text(std::string_view text);

/// The language whose chain analyses text said to be in `lang`: a stemmed one, or "" (neutral).
std::string chain_language(std::string_view lang);

/// A unit of a query: one word, one group (compound, code) or one run of continuous script.
struct Unit {
    enum class Kind : std::uint8_t { WORD, GROUP, RUN } kind;
    std::uint32_t first_part, parts; // into the parts vector
    std::uint32_t group;             // index of the group (WORD, GROUP)
    std::uint32_t start, end;        // bytes
};

/// Buffers of one segmentation (analyze and the query-time sub-analyses use separate ones).
struct Segmentation {
    std::vector<RawWord> words, parts;
    std::vector<WordGroup> groups;
};

/// What one thread needs to analyse: cloned break iterator, chains with their stemmer caches,
/// reusable buffers. Workspaces are pooled, so threads never share one.
struct Workspace {
    IcuTokenizer tokenizer;
    Segmentation seg;
    std::map<std::string, std::unique_ptr<AnalysisChain>, std::less<>> chains;
    TermForms forms, part_forms;
    std::string whole;
};

struct Analyzer::Impl {
    AnalyzerOptions options;
    SharedFilters shared;
    std::map<std::string, StopFilter, std::less<>> stops;
    std::unique_ptr<SpellingVariantFilter> variants;
    /// Prefixes of closed compounds, split off at query time ("nonpunishment" → "non punishment").
    std::vector<std::string> compound_prefixes;
    SynonymMap synonyms;
    std::mutex pool_mutex;
    std::vector<std::unique_ptr<Workspace>> pool;

    /// Reads the data files the options ask for; throws RuntimeError naming a missing or bad one.
    explicit Impl(AnalyzerOptions o);
    void fold(std::string& w) const;

    /// A workspace for the calling thread, returned to the pool when the lease ends.
    class Lease {
      public:
        explicit Lease(Impl& impl) : impl_(impl) {
            std::lock_guard lock(impl_.pool_mutex);
            if (!impl_.pool.empty()) {
                ws_ = std::move(impl_.pool.back());
                impl_.pool.pop_back();
            }
            if (!ws_) ws_ = std::make_unique<Workspace>();
        }
        ~Lease() {
            std::lock_guard lock(impl_.pool_mutex);
            impl_.pool.push_back(std::move(ws_));
        }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Workspace* operator->() { return ws_.get(); }
        Workspace& operator*() { return *ws_; }

      private:
        Impl& impl_;
        std::unique_ptr<Workspace> ws_;
    };

    // analyzer.cc: the chain factory and what every use of a chain starts with.
    /// The factory of chains: the workspace's chain for a chain language ("" = neutral).
    AnalysisChain& chain(Workspace& ws, const std::string& lang);
    void segment(Workspace& ws, std::string_view text, Segmentation& seg) const;
    /// Tokens of `text` through `chain`, appended to `out` (positions from 0).
    void emit(Workspace& ws, std::string_view text, const Segmentation& seg, AnalysisChain& chain,
              std::vector<Token>& out);
    /// The query units of a segmentation, in text order.
    std::vector<Unit> units(std::string_view text, const Segmentation& seg) const;

    // query_analysis.cc
    /// Index terms at successive positions of `text` by `chain`: what a phrase of it must match,
    /// once with its compounds as hyphenated and, when different, once as closed words.
    std::vector<std::vector<std::string>> phrase_terms(Workspace& ws, std::string_view text, AnalysisChain& chain);
    /// For a closed compound ("nonpunishment"), the phrase of its prefix and rest as an alternative.
    void add_prefix_split(Workspace& ws, std::string_view word, const std::vector<AnalysisChain*>& chains,
                          QueryWord& w);

    // synonym_keys.cc
    /// The synonym key of a unit: folded, stemmed by the English chain, canonical spelling.
    std::string unit_key(Workspace& ws, std::string_view text, const Segmentation& seg, const Unit& u);
    /// Keys of all units of `text`, joined by one space, and their number.
    std::pair<std::string, std::size_t> text_key(Workspace& ws, std::string_view text);
    void add_synonym(Workspace& ws, std::string_view acronym, std::string_view expansion);
};

} // namespace rapporteur

#endif
