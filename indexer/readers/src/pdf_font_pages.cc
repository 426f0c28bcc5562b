/** @file pdf_font_pages.cc
 *  @brief The pages whose headings need their fonts (pdf_font_pages.h).
 */
#include "pdf_font_pages.h"

#include "pdf_line_text.h"
#include "pdf_running_heads.h"

#include <algorithm>
#include <map>

namespace rapporteur {

using namespace pdf;

std::vector<std::size_t> pages_needing_fonts(const std::vector<PdfPageLines>& pages) {
    const PdfBody body = measure_body(pages);
    const auto dropped = find_running_heads(pages, body);
    const auto in_band = [&](const PdfLine& l) { return l.size >= body.size * 0.94 && l.size < body.size * 1.15; };
    std::vector<std::size_t> out;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const auto& lines = pages[p].lines;
        std::map<int, double> right; // column → its right edge
        for (const auto& l : lines) {
            auto [it, fresh] = right.emplace(l.column, l.x1);
            it->second = std::max(it->second, l.x1);
        }
        const auto is_short = [&](const PdfLine& l) { return l.x1 < right[l.column] - 2.5 * l.size; };
        const PdfLine* prev = nullptr; // the line before in the same flow, running heads aside
        bool found = false;
        for (std::size_t i = 0; i < lines.size() && !found; ++i) {
            if (dropped[p][i]) continue;
            const PdfLine& l = lines[i];
            if (l.size >= body.size * 1.05 && !l.words.empty()) {
                found = true;
                break;
            }
            const bool apart = !prev || prev->flow != l.flow || !in_band(*prev) || l.y0 - prev->y1 > body.leading + 0.35 * l.size;
            prev = &l;
            if (!apart || !in_band(l) || l.words.empty() || is_bullet(l.words[0].text)) continue;
            // The block's first short line, within four, is where a heading would end.
            const PdfLine* last = &l;
            for (std::size_t j = i, n = 0; j < lines.size() && n < 4; ++j) {
                if (dropped[p][j]) continue;
                const PdfLine& m = lines[j];
                if (n > 0 && (m.flow != last->flow || !in_band(m) || m.y0 - last->y1 > body.leading + 0.35 * m.size)) break;
                last = &m;
                ++n;
                if (is_short(m)) {
                    found = !ends_sentence(m.words.back().text);
                    break;
                }
            }
        }
        if (found) out.push_back(p);
    }
    return out;
}

} // namespace rapporteur
