/** @file passage_terms.cc
 *  @brief A passage's text terms and positions by analysing its stored text again, trusted only
 *         when the tokens' spans are the stored ones.
 */
#include "passage_terms.h"

#include "rapporteur/format/codecs.h"

#include <algorithm>
#include <utility>

namespace rapporteur {

std::optional<PassageTerms> PassageTerms::analyse(const Analyzer& analyzer, std::string_view text,
                                                  std::string_view lang, const std::vector<std::uint32_t>& offsets) {
    std::vector<Token> tokens;
    try {
        tokens = analyzer.analyze(text, lang);
    } catch (const std::exception&) {
        return std::nullopt; // the index's position lists then
    }
    // The spans exactly as document_builder.cc stores them: each position's first start and
    // last end, through the same encoding (which caps what it cannot write).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
    for (const auto& t : tokens) {
        if (t.position >= spans.size()) spans.resize(t.position + 1, {t.start, t.end});
        auto& span = spans[t.position];
        span.first = std::min(span.first, t.start);
        span.second = std::max(span.second, t.end);
    }
    if (codecs::decode_offsets(codecs::encode_offsets(spans)) != offsets) return std::nullopt;
    PassageTerms out;
    for (const auto& t : tokens) {
        if (!is_storable_term({}, t.text)) continue; // add_tokens leaves these out
        auto& ps = out.terms_[t.text];
        const std::uint32_t p = t.position + 1;
        if (ps.empty() || ps.back() < p) ps.push_back(p); // a term twice at one position is one posting
    }
    return out;
}

const std::vector<std::uint32_t>& PassageTerms::positions(const std::string& term) const {
    static const std::vector<std::uint32_t> none;
    const auto it = terms_.find(term);
    return it == terms_.end() ? none : it->second;
}

} // namespace rapporteur
