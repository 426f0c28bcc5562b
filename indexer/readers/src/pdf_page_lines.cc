/** @file pdf_page_lines.cc
 *  @brief Words → rows by baseline → lines per column, in reading order (pdf_page_lines.h).
 */
#include "pdf_page_lines.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

namespace rapporteur {

namespace {

double center(const PdfWord& w) { return (w.y0 + w.y1) / 2; }

/// The x interval of a two-column page's gutter, or nullopt for a one-column page. Words
/// covering each point of the middle half of the text area are counted (a difference array:
/// linear in words and width); the widest run of points almost no word covers (a full-width
/// title's words may), at least 7 pt wide (LaTeX's \columnsep is 10 pt, a word processor's
/// 0.5 in; a justified line's spaces are narrower), is the gutter when each side holds at
/// least a fifth of the words.
std::optional<std::pair<double, double>> find_gutter(const std::vector<PdfWord>& words) {
    if (words.size() < 40) return std::nullopt;
    double left = words[0].x0, right = words[0].x1;
    for (const auto& w : words) {
        left = std::min(left, w.x0);
        right = std::max(right, w.x1);
    }
    const double width = right - left;
    if (width < 100 || width > 20000) return std::nullopt;
    const int n = static_cast<int>(width) + 2;
    std::vector<int> diff(static_cast<std::size_t>(n) + 1, 0);
    for (const auto& w : words) {
        const int a = std::clamp(static_cast<int>(std::floor(w.x0 - left)), 0, n);
        const int b = std::clamp(static_cast<int>(std::ceil(w.x1 - left)), 0, n);
        diff[static_cast<std::size_t>(a)] += 1;
        diff[static_cast<std::size_t>(b)] -= 1;
    }
    const int lo = static_cast<int>(width * 0.3), hi = static_cast<int>(width * 0.7);
    const int allowed = std::max(2, static_cast<int>(words.size() / 50));
    int cover = 0, best_a = -1, best_len = 0, run_a = -1;
    for (int x = 0; x <= hi; ++x) {
        cover += diff[static_cast<std::size_t>(x)];
        if (x < lo) continue;
        if (cover <= allowed) {
            if (run_a < 0) run_a = x;
            if (x - run_a + 1 > best_len) {
                best_len = x - run_a + 1;
                best_a = run_a;
            }
        } else {
            run_a = -1;
        }
    }
    if (best_len < 7) return std::nullopt;
    const double g0 = left + best_a, g1 = left + best_a + best_len;
    std::size_t on_left = 0, on_right = 0;
    for (const auto& w : words) {
        if (w.x1 <= g0) ++on_left;
        if (w.x0 >= g1) ++on_right;
    }
    if (on_left * 5 < words.size() || on_right * 5 < words.size()) return std::nullopt;
    return std::make_pair(g0, g1);
}

/// Whether `rows` really have a gutter at [g0, g1] and not a chance alignment of spaces in one
/// column of text: a column has an edge there, so most rows' left parts end at it (justified
/// or right-aligned left column) or their right parts start at it (left-aligned right column).
bool gutter_is_an_edge(const std::vector<std::vector<PdfWord>>& rows, double g0, double g1) {
    std::size_t both = 0, left_edge = 0, right_edge = 0;
    for (const auto& r : rows) {
        double end = -1e9, start = 1e9;
        if (std::any_of(r.begin(), r.end(), [&](const PdfWord& w) { return w.x0 < g1 && w.x1 > g0; })) continue; // full width
        for (const auto& w : r) {
            if (w.x1 <= g0) end = std::max(end, w.x1);
            if (w.x0 >= g1) start = std::min(start, w.x0);
        }
        if (end < -1e8 || start > 1e8) continue;
        ++both;
        const double size = std::max(1.0, r[0].size);
        if (end >= g0 - 0.5 * size) ++left_edge;
        if (start <= g1 + 0.5 * size) ++right_edge;
    }
    return both >= 5 && (left_edge * 10 >= both * 7 || right_edge * 10 >= both * 7);
}

/// A line of `words` (one row's words on one side of the gutter): sorted by x, raised markers
/// flagged against the line's main size and baseline.
PdfLine make_line(std::vector<PdfWord> words, int column) {
    std::sort(words.begin(), words.end(), [](const PdfWord& a, const PdfWord& b) { return a.x0 < b.x0; });
    PdfLine line;
    line.column = column;
    // Size and boldness of most characters.
    std::map<long, std::size_t> chars_of_size;
    std::size_t bold_chars = 0, chars = 0;
    for (const auto& w : words) {
        chars_of_size[std::lround(w.size * 10)] += w.text.size();
        chars += w.text.size();
        if (w.bold) bold_chars += w.text.size();
    }
    long main = 0;
    std::size_t most = 0;
    for (const auto& [s, c] : chars_of_size) {
        if (c > most || (c == most && s > main)) {
            most = c;
            main = s;
        }
    }
    line.size = static_cast<double>(main) / 10;
    line.bold = bold_chars * 2 > chars;
    // The baseline is the bottom of the words of the main size; a smaller word whose bottom
    // is clearly above it is raised (a footnote marker, an ordinal's "st").
    double bottom = 0, top = 0;
    bool first = true;
    for (const auto& w : words) {
        if (w.size < line.size * 0.9) continue;
        if (first) {
            top = w.y0;
            bottom = w.y1;
            line.x0 = w.x0;
            line.x1 = w.x1;
            first = false;
        }
        top = std::min(top, w.y0);
        bottom = std::max(bottom, w.y1);
        line.x0 = std::min(line.x0, w.x0);
        line.x1 = std::max(line.x1, w.x1);
    }
    line.y0 = top;
    line.y1 = bottom;
    for (auto& w : words) {
        w.raised = w.size < line.size * 0.9 && w.y1 < bottom - 0.15 * (bottom - top);
        if (!w.raised && w.size < line.size * 0.9) { // a smaller word on the baseline
            line.x0 = std::min(line.x0, w.x0);
            line.x1 = std::max(line.x1, w.x1);
        }
    }
    line.words = std::move(words);
    return line;
}

} // namespace

std::vector<PdfLine> page_lines(PdfPage page) {
    std::vector<PdfLine> out;
    auto& words = page.words;
    words.erase(std::remove_if(words.begin(), words.end(), [](const PdfWord& w) { return w.text.empty() || !(w.x1 >= w.x0) || !(w.y1 >= w.y0); }),
                words.end());
    if (words.empty()) return out;
    auto gutter = find_gutter(words);

    // Rows: words sorted by their vertical centre; a word whose centre lies in the current
    // row's band joins it. A raised marker's centre is above its line's but inside its band.
    std::stable_sort(words.begin(), words.end(), [](const PdfWord& a, const PdfWord& b) { return center(a) < center(b); });
    std::vector<std::vector<PdfWord>> rows;
    double band0 = 0, band1 = 0;
    for (auto& w : words) {
        const double c = center(w);
        if (rows.empty() || c > band1) {
            rows.emplace_back();
            band0 = w.y0;
            band1 = w.y1;
        } else {
            band0 = std::min(band0, w.y0);
            band1 = std::max(band1, w.y1);
        }
        rows.back().push_back(std::move(w));
    }

    if (gutter && !gutter_is_an_edge(rows, gutter->first, gutter->second)) gutter.reset();
    if (!gutter) {
        for (auto& r : rows) out.push_back(make_line(std::move(r), 0));
        return out;
    }
    // Two columns: a row with a word across the gutter is full width; other rows are split.
    // Lines between two full-width rows are read left column, then right column.
    std::vector<PdfLine> left, right;
    int flow = -1;
    auto flush = [&] {
        for (auto* side : {&left, &right}) {
            if (side->empty()) continue;
            ++flow;
            for (auto& l : *side) {
                l.flow = flow;
                out.push_back(std::move(l));
            }
            side->clear();
        }
    };
    bool last_full = false;
    for (auto& r : rows) {
        const bool across = std::any_of(r.begin(), r.end(), [&](const PdfWord& w) { return w.x0 < gutter->second && w.x1 > gutter->first; });
        if (across) {
            flush();
            if (!last_full) ++flow;
            PdfLine l = make_line(std::move(r), 0);
            l.flow = flow;
            out.push_back(std::move(l));
            last_full = true;
            continue;
        }
        last_full = false;
        std::vector<PdfWord> a, b;
        for (auto& w : r) (w.x1 <= gutter->first ? a : b).push_back(std::move(w));
        if (!a.empty()) left.push_back(make_line(std::move(a), 1));
        if (!b.empty()) right.push_back(make_line(std::move(b), 2));
    }
    flush();
    return out;
}

} // namespace rapporteur
