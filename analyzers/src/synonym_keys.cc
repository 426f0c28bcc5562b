/** @file synonym_keys.cc
 *  @brief Synonym keys: acronyms and their expansions keyed alike, so that a query meets either.
 */
#include "analyzer_impl.h"

namespace rapporteur {

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

void Analyzer::add_synonym(std::string_view acronym, std::string_view expansion) {
    if (acronym.empty() || expansion.empty()) return;
    check_text(acronym);
    check_text(expansion);
    Impl::Lease ws(*impl_);
    impl_->add_synonym(*ws, acronym, expansion);
}

} // namespace rapporteur
