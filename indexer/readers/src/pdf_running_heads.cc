/** @file pdf_running_heads.cc
 *  @brief The body's size and leading, running heads and page numbers (pdf_running_heads.h).
 */
#include "pdf_running_heads.h"

#include "pdf_line_text.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace rapporteur {

using namespace pdf;

namespace {

double top_of(const std::vector<PdfLine>& lines) {
    double top = 1e18;
    for (const auto& l : lines) top = std::min(top, l.y0);
    return top;
}

/// The space between `lines[i]` and the nearest line below it.
double gap_below(const std::vector<PdfLine>& lines, std::size_t i) {
    double gap = 1e18;
    for (const auto& o : lines) {
        if (o.y0 > lines[i].y1) gap = std::min(gap, o.y0 - lines[i].y1);
    }
    return gap;
}

} // namespace

PdfBody measure_body(const std::vector<PdfPageLines>& pages) {
    PdfBody body;
    std::map<long, std::size_t> chars; // half points → characters
    for (const auto& p : pages) {
        for (const auto& l : p.lines) {
            for (const auto& w : l.words) {
                if (!w.raised) chars[std::lround(w.size * 2)] += w.text.size();
            }
        }
    }
    std::size_t most = 0;
    for (const auto& [s, c] : chars) {
        if (c > most) {
            most = c;
            body.size = static_cast<double>(s) / 2;
        }
    }
    std::vector<double> gaps;
    for (const auto& p : pages) {
        for (std::size_t i = 1; i < p.lines.size(); ++i) {
            const auto &a = p.lines[i - 1], &b = p.lines[i];
            if (a.flow != b.flow || !body.has_size(a) || !body.has_size(b)) continue;
            const double g = b.y0 - a.y1;
            if (g > -1 && g < 3 * body.size) gaps.push_back(g);
        }
    }
    if (!gaps.empty()) {
        std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
        body.leading = std::max(0.0, gaps[gaps.size() / 2]);
    } else {
        body.leading = 0.3 * body.size;
    }
    return body;
}

std::vector<std::vector<bool>> find_running_heads(const std::vector<PdfPageLines>& pages, const PdfBody& body) {
    std::vector<std::vector<bool>> dropped(pages.size());
    std::map<std::string, std::set<std::size_t>> pages_of_key;
    std::vector<std::vector<std::size_t>> candidates(pages.size());
    std::vector<std::string> keys; // of the candidates, in the order found
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const auto& lines = pages[p].lines;
        dropped[p].assign(lines.size(), false);
        if (lines.empty()) continue;
        double top = lines[0].y0, bottom = lines[0].y1;
        for (const auto& l : lines) {
            top = std::min(top, l.y0);
            bottom = std::max(bottom, l.y1);
        }
        // At most a few lines at each end are candidates (a row split in columns, a head of
        // two parts), which keeps this linear on any page.
        std::size_t tops = 0, bottoms = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto& l = lines[i];
            const double h = std::max(1.0, l.y1 - l.y0);
            const bool at_top = l.y0 <= top + 0.5 * h && tops < 3, at_bottom = l.y1 >= bottom - 0.5 * h && bottoms < 3;
            if (!at_top && !at_bottom) continue;
            tops += at_top;
            bottoms += at_bottom;
            // Apart from the rest: no other line within 1.2 line heights on its inner side.
            bool apart = true;
            for (std::size_t j = 0; j < lines.size() && apart; ++j) {
                if (j == i) continue;
                const auto& o = lines[j];
                if (o.y1 > l.y0 - 1 && o.y0 < l.y1 + 1) continue; // the same row
                if (at_top && o.y0 > l.y1 && o.y0 - l.y1 < 1.2 * h) apart = false;
                if (at_bottom && o.y1 < l.y0 && l.y0 - o.y1 < 1.2 * h) apart = false;
            }
            if (!apart || lines.size() == 1) continue;
            candidates[p].push_back(i);
            keys.push_back(running_key(l));
            pages_of_key[keys.back()].insert(p);
        }
    }
    const std::size_t repeat = std::max<std::size_t>(2, (pages.size() * 3 + 9) / 10);
    std::size_t k = 0;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const auto& lines = pages[p].lines;
        for (std::size_t i : candidates[p]) {
            const auto& l = lines[i];
            const std::string& key = keys[k++];
            // A page's first line set apart and smaller than the body, after the first page
            // (which often has none): a running head even where it does not repeat.
            const bool small_head = p > 0 && l.y0 <= top_of(lines) + 0.5 * (l.y1 - l.y0) && l.size < body.size * 0.95 && gap_below(lines, i) > 2 * body.size;
            if (is_page_number(l) || small_head || (pages.size() >= 2 && pages_of_key[key].size() >= repeat)) dropped[p][i] = true;
        }
    }
    return dropped;
}

} // namespace rapporteur
