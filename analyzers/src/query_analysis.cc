/** @file query_analysis.cc
 *  @brief Query analysis: a query's words through the chains its passages may have been
 *  indexed by, each word with its alternatives (stems, exact forms, compounds, synonyms).
 */
#include "analyzer_impl.h"

#include "language_detector.h"

#include <algorithm>
#include <cassert>

namespace rapporteur {

namespace {

/// Weight of the exact accented form of a word typed with accents, beside the folded reading:
/// enough to rank "sécurité" above "securite" for the query "sécurité", not to outweigh a word.
constexpr double EXACT_BONUS = 0.5;

/// Adds `terms` as an alternative unless it is empty, has an empty term or is there already.
void add_alternative(std::vector<QueryAlternative>& alts, std::vector<std::string> terms, double weight = 1.0) {
    if (terms.empty() || std::any_of(terms.begin(), terms.end(), [](const auto& t) { return t.empty(); })) return;
    for (const auto& a : alts) {
        if (a.terms == terms && a.weight == weight) return;
    }
    alts.push_back({std::move(terms), weight});
}

} // namespace

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
    // A query of CERTAIN_WORDS words or more whose language CLD2 is sure of keeps that one
    // language (and the neutral chain). CLD2 calls four French words reliably English
    // ("engagements pertinents de l'OSCE"), and eight of them too: hence a long threshold, in
    // words and in bytes (CERTAIN_BYTES).
    // language (and the neutral chain); a word or short query, whose language a guess cannot
    // tell ("proteccion", "victime"), is analysed in every language, each with its folding,
    // elisions and stemmer.
    constexpr std::size_t CERTAIN_WORDS = 8, CERTAIN_BYTES = 64;
    bool certain = false;
    if (given.empty() && !main_lang.empty()) {
        std::size_t spaces = 0;
        for (char c : text) spaces += c == ' ';
        certain = spaces + 1 >= CERTAIN_WORDS && text.size() >= CERTAIN_BYTES &&
                  LanguageDetector::detect_certain(text) == main_lang;
    }
    if (given.empty() && !certain) {
        for (const auto& l : Analyzer::stemmed_languages()) {
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
                std::vector<std::string> surfaces;
                for (auto* c : chains) {
                    c->normalise(text.substr(first.start, first.end - first.start), f, first.kind == WordKind::LETTER);
                    add_alternative(w.alternatives, {f.term});
                    if (!f.surface.empty()) surfaces.push_back(f.surface);
                    if (c == chains.front()) {
                        w.stopword = f.stopword;
                        if (!f.exact.empty() && f.exact != f.term) exact = f.exact;
                    }
                }
                // Typed with accents: the exact form, which the index keeps beside the folded one,
                // earns a bonus, so exact matches rank first.
                if (!exact.empty()) add_alternative(w.alternatives, {exact}, EXACT_BONUS);
                // The form typed, beside its stems: passages holding it rank above the stem's others.
                for (auto& s : surfaces) add_alternative(w.alternatives, {std::move(s)}, EXACT_BONUS);
                if (first.kind == WordKind::LETTER)
                    impl.add_prefix_split(*ws, text.substr(first.start, first.end - first.start), chains, w);
                break;
            }
            case Unit::Kind::GROUP: {
                const auto& g = seg.groups[u.group];
                CompoundFilter::whole_form(text, seg.parts, g, ws->whole);
                std::vector<std::string> surfaces;
                for (auto* c : chains) {
                    c->normalise(ws->whole, f, g.stem_whole);
                    add_alternative(w.alternatives, {f.term});
                    if (!f.surface.empty()) surfaces.push_back(f.surface);
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
                for (auto& s : surfaces) add_alternative(w.alternatives, {std::move(s)}, EXACT_BONUS);
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
    // The passes below read a word's unit as us[i]: they hold only while the guard dropped none.
    assert(words.size() == us.size());

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
                seg.parts[us[i + 1].first_part].kind != WordKind::LETTER)
                continue;
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
                    for (auto& phrase : impl.phrase_terms(*ws, expansion, *c))
                        add_alternative(words[i].alternatives, std::move(phrase));
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
                        for (auto& phrase : impl.phrase_terms(*ws, a, *c))
                            add_alternative(g.alternatives, std::move(phrase));
                    }
                }
                words[i].groups.push_back(std::move(g));
                break;
            }
        }
    }
    return words;
}

} // namespace rapporteur
