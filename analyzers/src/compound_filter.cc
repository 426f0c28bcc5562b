/** @file compound_filter.cc
 *  @brief CompoundFilter: hyphenated compounds and codes ("non-punishment", "PC.DEC/557") as groups.
 */
#include "compound_filter.h"

namespace rapporteur {

namespace {

/// Bytes of the connector that `gap` is made of, or 0: a hyphen, U+2010 hyphen, U+2011
/// non-breaking hyphen, full stop or slash, alone.
std::size_t connector_bytes(std::string_view gap) {
    if (gap.size() == 1 && (gap[0] == '-' || gap[0] == '.' || gap[0] == '/')) return 1;
    if (gap == "\xE2\x80\x90" || gap == "\xE2\x80\x91") return 3;
    return 0;
}

bool is_hyphen(std::string_view gap) { return gap != "." && gap != "/"; }

bool joinable(WordKind k) { return k == WordKind::LETTER || k == WordKind::NUMBER; }

} // namespace

void CompoundFilter::group(std::string_view text, const std::vector<RawWord>& words, bool enabled,
                           std::vector<RawWord>& parts, std::vector<WordGroup>& groups) {
    parts.clear();
    groups.clear();
    for (const auto& w : words) {
        if (!enabled || w.kind != WordKind::LETTER) {
            parts.push_back(w);
            continue;
        }
        // ICU joins letters across '.' ("e.g", "www.osce.org"): split there, the group rejoins.
        std::uint32_t from = w.start;
        const std::string_view word = text.substr(w.start, w.end - w.start);
        for (auto dot = word.find('.'); dot != std::string_view::npos; dot = word.find('.', dot + 1)) {
            const auto at = w.start + static_cast<std::uint32_t>(dot);
            if (at > from) parts.push_back({from, at, WordKind::LETTER});
            from = at + 1;
        }
        if (from < w.end) parts.push_back({from, w.end, WordKind::LETTER});
    }
    for (std::uint32_t i = 0; i < parts.size(); ++i) {
        const bool continues = enabled && !groups.empty() && joinable(parts[i].kind) && joinable(parts[i - 1].kind) &&
                               connector_bytes(text.substr(parts[i - 1].end, parts[i].start - parts[i - 1].end)) > 0;
        if (!continues) {
            groups.push_back({i, 1, parts[i].kind == WordKind::LETTER});
            continue;
        }
        auto& g = groups.back();
        ++g.count;
        const auto gap = text.substr(parts[i - 1].end, parts[i].start - parts[i - 1].end);
        g.stem_whole = g.stem_whole && parts[i].kind == WordKind::LETTER && is_hyphen(gap);
    }
}

void CompoundFilter::whole_form(std::string_view text, const std::vector<RawWord>& parts, const WordGroup& g,
                                std::string& out) {
    out.clear();
    for (std::uint32_t k = g.first; k < g.first + g.count; ++k) {
        if (k > g.first) {
            const auto gap = text.substr(parts[k - 1].end, parts[k].start - parts[k - 1].end);
            const bool numbers = parts[k - 1].kind == WordKind::NUMBER && parts[k].kind == WordKind::NUMBER;
            if (!is_hyphen(gap) || numbers) out += gap;
        }
        out += text.substr(parts[k].start, parts[k].end - parts[k].start);
    }
}

} // namespace rapporteur
