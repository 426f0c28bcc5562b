/** @file analyzer.cc
 *  @brief The Analyzer: its construction, the factory of per-language chains, and index-time
 *  analysis (the tokens that indexing stores and highlighting reads back through their offsets).
 */
#include "analyzer_impl.h"

#include "rapporteur/utf8.h"

#include "language_detector.h"
#include "word_list.h"

#include <algorithm>
#include <cassert>

namespace rapporteur {

namespace {

/// Languages with a Snowball stemmer and a stop list here: the query-time candidates.
const std::vector<std::string> STEMMED_LANGUAGES = {"en", "fr", "de", "es", "it", "pt", "ru", "nl"};

#ifndef NDEBUG
/** What the users of emit's tokens rely on (Xapian's phrase positions, the highlighter's
 *  offsets, phrase_terms' skipping by start): from `from` on, a main token is one position
 *  after the token before it (the first at 0) and an alternative shares its position; starts
 *  never go backwards; every token is a non-empty span of the text. */
bool well_formed(const std::vector<Token>& tokens, std::size_t from, std::string_view text) {
    for (std::size_t i = from; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.start >= t.end || t.end > text.size()) return false;
        if (i == from) {
            if (t.position != 0 || t.alternative) return false;
            continue;
        }
        const Token& before = tokens[i - 1];
        if (t.position != before.position + (t.alternative ? 0 : 1) || t.start < before.start) return false;
    }
    return true;
}
#endif

} // namespace

void check_text(std::string_view text) {
    if (text.size() >= UINT32_MAX) {
        throw UsageError("text of " + std::to_string(text.size()) + " bytes: offsets are 32-bit, split it first");
    }
    if (auto bad = utf8::invalid_offset(text); bad != std::string_view::npos) {
        throw RuntimeError("invalid UTF-8 at byte " + std::to_string(bad));
    }
}

std::string chain_language(std::string_view lang) {
    std::string code = normalise_language(lang);
    return std::find(STEMMED_LANGUAGES.begin(), STEMMED_LANGUAGES.end(), code) != STEMMED_LANGUAGES.end()
               ? code
               : std::string();
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
    [[maybe_unused]] const std::size_t first_token = out.size();
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
        if (!f.surface.empty() && f.surface != f.exact) out.push_back({f.surface, position, w.start, w.end, true});
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
                if (!f.surface.empty())
                    out.push_back({f.surface, position, first.start, seg.parts[g.first + g.count - 1].end, true});
                emit_word(first, true);
                ++position;
                ++k;
            }
        }
        for (; k < g.first + g.count; ++k) {
            if (emit_word(seg.parts[k], false)) ++position;
        }
    }
    assert(well_formed(out, first_token, text));
}

std::vector<Unit> Analyzer::Impl::units(std::string_view, const Segmentation& seg) const {
    std::vector<Unit> out;
    for (std::uint32_t gi = 0; gi < seg.groups.size(); ++gi) {
        const auto& g = seg.groups[gi];
        assert(g.count > 0 && g.first + g.count <= seg.parts.size()); // CompoundFilter::group's groups
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

std::string Analyzer::passage_language(std::string_view text, std::string_view document_lang) const {
    if (!impl_->options.lang.empty() || document_lang.empty()) return detect_language(text, document_lang);
    if (text.empty() || utf8::invalid_offset(text) != std::string_view::npos) return std::string(document_lang);
    return LanguageDetector::detect_passage(text, document_lang);
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

} // namespace rapporteur
