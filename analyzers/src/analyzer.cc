/** @file analyzer.cc
 *  @brief The Analyzer: a factory of per-language chains, and the three uses of one chain
 *  (index tokens, query words, and through the tokens' offsets, highlights).
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/utf8.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "analysis_chain.h"
#include "compound_filter.h"
#include "icu_tokenizer.h"
#include "language_detector.h"
#include "synonym_map.h"
#include "word_list.h"

namespace rapporteur {

namespace {

/// Languages with a Snowball stemmer and a stop list here: the query-time candidates.
const std::vector<std::string> STEMMED_LANGUAGES = {"en", "fr", "de", "es", "it", "pt", "ru", "nl"};

/// Weight of the exact accented form of a word typed with accents, beside the folded reading:
/// enough to rank "sécurité" above "securite" for the query "sécurité", not to outweigh a word.
constexpr double EXACT_BONUS = 0.5;

void check_text(std::string_view text) {
    if (text.size() >= UINT32_MAX) {
        throw UsageError("text of " + std::to_string(text.size()) + " bytes: offsets are 32-bit, split it first");
    }
    if (auto bad = utf8::invalid_offset(text); bad != std::string_view::npos) {
        throw RuntimeError("invalid UTF-8 at byte " + std::to_string(bad));
    }
}

/// The language whose chain analyses text said to be in `lang`: a stemmed one, or "" (neutral).
std::string chain_language(std::string_view lang) {
    std::string code = normalise_language(lang);
    return std::find(STEMMED_LANGUAGES.begin(), STEMMED_LANGUAGES.end(), code) != STEMMED_LANGUAGES.end()
        ? code : std::string();
}

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

void add_alternative(std::vector<QueryAlternative>& alts, std::vector<std::string> terms, double weight = 1.0) {
    if (terms.empty() || std::any_of(terms.begin(), terms.end(), [](const auto& t) { return t.empty(); })) return;
    for (const auto& a : alts) {
        if (a.terms == terms && a.weight == weight) return;
    }
    alts.push_back({std::move(terms), weight});
}

} // namespace

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

    /// The factory of chains: the workspace's chain for a chain language ("" = neutral).
    AnalysisChain& chain(Workspace& ws, const std::string& lang);
    void segment(Workspace& ws, std::string_view text, Segmentation& seg) const;
    /// Tokens of `text` through `chain`, appended to `out` (positions from 0).
    void emit(Workspace& ws, std::string_view text, const Segmentation& seg, AnalysisChain& chain,
              std::vector<Token>& out);
    /// Index terms at successive positions of `text` by `chain`: what a phrase of it must match,
    /// once with its compounds as hyphenated and, when different, once as closed words.
    std::vector<std::vector<std::string>> phrase_terms(Workspace& ws, std::string_view text, AnalysisChain& chain);
    std::vector<Unit> units(std::string_view text, const Segmentation& seg) const;
    /// The synonym key of a unit: folded, unstemmed, canonical spelling.
    std::string unit_key(Workspace& ws, std::string_view text, const Segmentation& seg, const Unit& u);
    /// Keys of all units of `text`, joined by one space, and their number.
    std::pair<std::string, std::size_t> text_key(Workspace& ws, std::string_view text);
    void add_synonym(Workspace& ws, std::string_view acronym, std::string_view expansion);
    /// For a closed compound ("nonpunishment"), the phrase of its prefix and rest as an alternative.
    void add_prefix_split(Workspace& ws, std::string_view word, const std::vector<AnalysisChain*>& chains,
                          QueryWord& w);
};

void Analyzer::Impl::add_prefix_split(Workspace& ws, std::string_view word, const std::vector<AnalysisChain*>& chains,
                                      QueryWord& w) {
    if (compound_prefixes.empty()) return;
    std::string folded;
    shared.case_fold.apply(word, folded);
    if (options.accent_folding) shared.accent_fold.apply(folded);
    constexpr std::size_t MIN_REST = 4;
    for (const auto& p : compound_prefixes) {
        if (folded.size() < p.size() + MIN_REST || folded.compare(0, p.size(), p) != 0) continue;
        const std::string rest = folded.substr(p.size());
        for (auto* c : chains) {
            c->normalise(p, ws.part_forms, true);
            std::vector<std::string> phrase{ws.part_forms.term};
            c->normalise(rest, ws.part_forms, true);
            phrase.push_back(ws.part_forms.term);
            add_alternative(w.alternatives, std::move(phrase));
        }
    }
}

Analyzer::Impl::Impl(AnalyzerOptions o) : options(std::move(o)) {
    auto folder = [this](std::string& w) { fold(w); };
    for (const auto& lang : STEMMED_LANGUAGES) stops.try_emplace(lang, lang, folder);
    std::unique_ptr<StemFilter> english;
    if (options.stemming) english = std::make_unique<StemFilter>("en");
    variants = std::make_unique<SpellingVariantFilter>(folder, [&english](std::string& w) {
        if (english) english->apply(w);
    });
    if (options.compounds) {
        for (auto& p : read_word_list(data_path("analyzers", "compound_prefixes.txt"))) {
            fold(p);
            compound_prefixes.push_back(std::move(p));
        }
    }
    if (options.synonyms) {
        const auto path = data_path("analyzers", "glossary.tsv");
        Lease ws(*this);
        for (const auto& line : read_word_list(path)) {
            const auto tab = line.find('\t');
            if (tab == std::string::npos) {
                throw RuntimeError(path.string() + ": expected 'ACRONYM<TAB>expansion', got '" + line + "'");
            }
            add_synonym(*ws, std::string_view(line).substr(0, tab), std::string_view(line).substr(tab + 1));
        }
    }
}

void Analyzer::Impl::fold(std::string& w) const {
    std::string folded;
    shared.case_fold.apply(w, folded);
    if (options.accent_folding) shared.accent_fold.apply(folded);
    w.swap(folded);
}

AnalysisChain& Analyzer::Impl::chain(Workspace& ws, const std::string& lang) {
    auto it = ws.chains.find(lang);
    if (it == ws.chains.end()) {
        auto stop = stops.find(lang);
        auto c = std::make_unique<AnalysisChain>(lang, shared, stop == stops.end() ? nullptr : &stop->second,
                                                 lang == "en" ? variants.get() : nullptr, options);
        it = ws.chains.emplace(lang, std::move(c)).first;
    }
    return *it->second;
}

void Analyzer::Impl::segment(Workspace& ws, std::string_view text, Segmentation& seg) const {
    ws.tokenizer.tokenize(text, seg.words);
    CompoundFilter::group(text, seg.words, options.compounds, seg.parts, seg.groups);
}

void Analyzer::Impl::emit(Workspace& ws, std::string_view text, const Segmentation& seg, AnalysisChain& chain,
                          std::vector<Token>& out) {
    std::uint32_t position = 0;
    TermForms& f = ws.forms;
    auto emit_word = [&](const RawWord& w, bool alternative_only) {
        chain.normalise(text.substr(w.start, w.end - w.start), f, w.kind == WordKind::LETTER);
        if (f.term.empty()) return false;
        if (alternative_only) {
            if (f.term != out.back().text) out.push_back({f.term, position, w.start, w.end, true});
        } else {
            out.push_back({f.term, position, w.start, w.end, false});
        }
        if (!f.exact.empty() && f.exact != f.term) out.push_back({f.exact, position, w.start, w.end, true});
        return true;
    };
    for (const auto& g : seg.groups) {
        const auto& first = seg.parts[g.first];
        std::uint32_t k = g.first;
        if (g.count > 1) {
            CompoundFilter::whole_form(text, seg.parts, g, ws.whole);
            chain.normalise(ws.whole, f, g.stem_whole);
            if (!f.term.empty()) {
                // The whole compound is the position's main token, spanning all of it, so that a
                // match of either spelling highlights the whole compound; the first part shares it.
                out.push_back({f.term, position, first.start, seg.parts[g.first + g.count - 1].end, false});
                emit_word(first, true);
                ++position;
                ++k;
            }
        }
        for (; k < g.first + g.count; ++k) {
            if (emit_word(seg.parts[k], false)) ++position;
        }
    }
}

std::vector<Unit> Analyzer::Impl::units(std::string_view, const Segmentation& seg) const {
    std::vector<Unit> out;
    for (std::uint32_t gi = 0; gi < seg.groups.size(); ++gi) {
        const auto& g = seg.groups[gi];
        const auto& p = seg.parts[g.first];
        const auto end = seg.parts[g.first + g.count - 1].end;
        if (g.count > 1) {
            out.push_back({Unit::Kind::GROUP, g.first, g.count, gi, p.start, end});
        } else if (p.kind == WordKind::CONTINUOUS) {
            // Words of a script without spaces, written together, are one query word: a phrase.
            if (!out.empty() && out.back().kind == Unit::Kind::RUN && out.back().end == p.start) {
                ++out.back().parts;
                out.back().end = p.end;
            } else {
                out.push_back({Unit::Kind::RUN, g.first, 1, gi, p.start, p.end});
            }
        } else {
            out.push_back({Unit::Kind::WORD, g.first, 1, gi, p.start, p.end});
        }
    }
    return out;
}

std::vector<std::vector<std::string>> Analyzer::Impl::phrase_terms(Workspace& ws, std::string_view text,
                                                                   AnalysisChain& chain) {
    Segmentation seg;
    segment(ws, text, seg);
    std::vector<Token> tokens;
    emit(ws, text, seg, chain, tokens);
    // As indexed where the compounds are written with hyphens (whole, then the later parts)...
    std::vector<std::string> hyphenated;
    for (auto& t : tokens) {
        if (!t.alternative) hyphenated.push_back(t.text);
    }
    // ...and where they are written as one word (whole only): "Co-operation" / "Cooperation".
    std::vector<std::string> joined;
    std::uint32_t covered_to = 0;
    for (auto& t : tokens) {
        if (t.alternative || (t.start < covered_to)) continue;
        joined.push_back(std::move(t.text));
        covered_to = t.end;
    }
    std::vector<std::vector<std::string>> out{std::move(hyphenated)};
    if (joined != out.front()) out.push_back(std::move(joined));
    return out;
}

std::string Analyzer::Impl::unit_key(Workspace& ws, std::string_view text, const Segmentation& seg, const Unit& u) {
    // Keys go through the English chain (stemmed): "mechanisms" meets "mechanism". Both sides
    // of a lookup are keyed alike, whatever the expansion's language.
    AnalysisChain& english = chain(ws, "en");
    std::string key;
    if (u.kind == Unit::Kind::GROUP) {
        CompoundFilter::whole_form(text, seg.parts, seg.groups[u.group], ws.whole);
        english.normalise(ws.whole, ws.part_forms, seg.groups[u.group].stem_whole);
        key = ws.part_forms.term;
    } else {
        for (std::uint32_t k = u.first_part; k < u.first_part + u.parts; ++k) {
            const auto& p = seg.parts[k];
            english.normalise(text.substr(p.start, p.end - p.start), ws.part_forms, p.kind == WordKind::LETTER);
            key += ws.part_forms.term;
        }
    }
    if (options.spelling_variants) variants->apply_to_word(key);
    return key;
}

std::pair<std::string, std::size_t> Analyzer::Impl::text_key(Workspace& ws, std::string_view text) {
    Segmentation seg;
    segment(ws, text, seg);
    std::string key;
    const auto us = units(text, seg);
    for (const auto& u : us) {
        if (!key.empty()) key += ' ';
        key += unit_key(ws, text, seg, u);
    }
    return {key, us.size()};
}

void Analyzer::Impl::add_synonym(Workspace& ws, std::string_view acronym, std::string_view expansion) {
    auto [akey, awords] = text_key(ws, acronym);
    auto [ekey, ewords] = text_key(ws, expansion);
    // An acronym is one word (or code); an "expansion" of one word is a plain synonym pair.
    if (akey.empty() || ekey.empty() || akey == ekey || awords != 1) return;
    synonyms.add(akey, acronym, ekey, ewords, expansion);
}

Analyzer::Analyzer(AnalyzerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

const std::vector<std::string>& Analyzer::stemmed_languages() { return STEMMED_LANGUAGES; }

std::string Analyzer::detect_language(std::string_view text, std::string_view fallback) const {
    if (!impl_->options.lang.empty()) return normalise_language(impl_->options.lang);
    const std::string_view fb = fallback.empty() ? std::string_view(impl_->options.fallback_lang) : fallback;
    if (text.empty() || utf8::invalid_offset(text) != std::string_view::npos) return std::string(fb);
    return LanguageDetector::detect(text, fb);
}

std::vector<Token> Analyzer::analyze(std::string_view text, std::string_view lang) const {
    std::vector<Token> out;
    check_text(text);
    if (text.empty()) return out;
    const std::string language = chain_language(lang.empty() ? detect_language(text) : std::string(lang));
    Impl::Lease ws(*impl_);
    impl_->segment(*ws, text, ws->seg);
    out.reserve(ws->seg.parts.size() + ws->seg.parts.size() / 4 + 4);
    impl_->emit(*ws, text, ws->seg, impl_->chain(*ws, language), out);
    return out;
}

std::vector<QueryWord> Analyzer::analyze_query(std::string_view text, std::string_view lang) const {
    check_text(text);
    std::vector<QueryWord> words;
    if (text.empty()) return words;
    Impl& impl = *impl_;
    Impl::Lease ws(impl);
    const std::string_view given = lang.empty() ? std::string_view(impl.options.lang) : lang;
    const std::string main_lang = chain_language(given.empty() ? detect_language(text) : std::string(given));
    // The chains the query is analysed by: its own language first, then (when the language was
    // not given) every stemmed language, then the neutral chain of unstemmed languages. The
    // index holds each passage's words by one of these, so one of them meets it.
    std::vector<AnalysisChain*> chains{&impl.chain(*ws, main_lang)};
    if (given.empty()) {
        for (const auto& l : STEMMED_LANGUAGES) {
            if (l != main_lang) chains.push_back(&impl.chain(*ws, l));
        }
    }
    if (!main_lang.empty()) chains.push_back(&impl.chain(*ws, ""));

    Segmentation seg;
    impl.segment(*ws, text, seg);
    const auto us = impl.units(text, seg);
    std::vector<std::string> keys;
    TermForms& f = ws->forms;
    for (const auto& u : us) {
        QueryWord w;
        w.original = std::string(text.substr(u.start, u.end - u.start));
        w.start = u.start;
        w.end = u.end;
        const auto& first = seg.parts[u.first_part];
        switch (u.kind) {
        case Unit::Kind::WORD: {
            std::string exact;
            for (auto* c : chains) {
                c->normalise(text.substr(first.start, first.end - first.start), f, first.kind == WordKind::LETTER);
                add_alternative(w.alternatives, {f.term});
                if (c == chains.front()) {
                    w.stopword = f.stopword;
                    if (!f.exact.empty() && f.exact != f.term) exact = f.exact;
                }
            }
            // Typed with accents: the exact form, which the index keeps beside the folded one,
            // earns a bonus, so exact matches rank first.
            if (!exact.empty()) add_alternative(w.alternatives, {exact}, EXACT_BONUS);
            if (first.kind == WordKind::LETTER) impl.add_prefix_split(*ws, text.substr(first.start, first.end - first.start), chains, w);
            break;
        }
        case Unit::Kind::GROUP: {
            const auto& g = seg.groups[u.group];
            CompoundFilter::whole_form(text, seg.parts, g, ws->whole);
            for (auto* c : chains) {
                c->normalise(ws->whole, f, g.stem_whole);
                add_alternative(w.alternatives, {f.term});
            }
            for (auto* c : chains) {
                std::vector<std::string> phrase;
                for (std::uint32_t k = g.first; k < g.first + g.count; ++k) {
                    const auto& p = seg.parts[k];
                    c->normalise(text.substr(p.start, p.end - p.start), f, p.kind == WordKind::LETTER);
                    phrase.push_back(f.term);
                }
                add_alternative(w.alternatives, std::move(phrase));
            }
            break;
        }
        case Unit::Kind::RUN: {
            std::vector<std::string> phrase;
            for (std::uint32_t k = u.first_part; k < u.first_part + u.parts; ++k) {
                const auto& p = seg.parts[k];
                chains.front()->normalise(text.substr(p.start, p.end - p.start), f, false);
                phrase.push_back(f.term);
            }
            add_alternative(w.alternatives, std::move(phrase));
            break;
        }
        }
        keys.push_back(impl.unit_key(*ws, text, seg, u));
        words.push_back(std::move(w));
    }
    // Drop words that analysed to nothing (cannot happen for ICU words, kept as a guard).
    for (std::size_t i = 0; i < words.size();) {
        if (words[i].alternatives.empty()) {
            words.erase(words.begin() + static_cast<std::ptrdiff_t>(i));
            keys.erase(keys.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
        }
    }

    auto only_spaces = [&](std::size_t i) {
        for (auto b = words[i].end; b < words[i + 1].start; ++b) {
            if (text[b] != ' ' && text[b] != '\t') return false;
        }
        return true;
    };
    if (impl.options.compounds) {
        // "non punishment" may be indexed as "nonpunishment" or "non-punishment": offer the
        // joined word for two letter words typed apart.
        for (std::size_t i = 0; i + 1 < words.size(); ++i) {
            if (us[i].kind != Unit::Kind::WORD || us[i + 1].kind != Unit::Kind::WORD) continue;
            if (seg.parts[us[i].first_part].kind != WordKind::LETTER ||
                seg.parts[us[i + 1].first_part].kind != WordKind::LETTER) continue;
            if (words[i].stopword || words[i + 1].stopword || !only_spaces(i)) continue;
            const std::string joined = words[i].original + words[i + 1].original;
            QueryGroup g{2, {}};
            for (auto* c : chains) {
                c->normalise(joined, f, true);
                add_alternative(g.alternatives, {f.term});
            }
            words[i].groups.push_back(std::move(g));
        }
    }
    if (impl.options.synonyms && impl.synonyms.size() > 0) {
        const std::size_t longest = impl.synonyms.longest_expansion();
        for (std::size_t i = 0; i < words.size(); ++i) {
            for (const auto& expansion : impl.synonyms.expansions(keys[i])) {
                for (auto* c : chains) {
                    for (auto& phrase : impl.phrase_terms(*ws, expansion, *c)) add_alternative(words[i].alternatives, std::move(phrase));
                }
            }
            for (std::size_t n = std::min(longest, words.size() - i); n >= 2; --n) {
                std::string key = keys[i];
                for (std::size_t k = i + 1; k < i + n; ++k) key += ' ' + keys[k];
                const auto acronyms = impl.synonyms.acronyms(key);
                if (acronyms.empty()) continue;
                QueryGroup g{n, {}};
                for (const auto& a : acronyms) {
                    for (auto* c : chains) {
                        for (auto& phrase : impl.phrase_terms(*ws, a, *c)) add_alternative(g.alternatives, std::move(phrase));
                    }
                }
                words[i].groups.push_back(std::move(g));
                break;
            }
        }
    }
    return words;
}

void Analyzer::add_synonym(std::string_view acronym, std::string_view expansion) {
    if (acronym.empty() || expansion.empty()) return;
    check_text(acronym);
    check_text(expansion);
    Impl::Lease ws(*impl_);
    impl_->add_synonym(*ws, acronym, expansion);
}

} // namespace rapporteur
