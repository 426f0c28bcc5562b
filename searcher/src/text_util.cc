/** @file text_util.cc
 *  @brief The searcher's text helpers beside utf8.h: HTML escaping and edit distance.
 */
#include "text_util.h"

#include "rapporteur/utf8.h"

#include <algorithm>
#include <cstdint>

namespace rapporteur {

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::size_t edit_distance(std::string_view a8, std::string_view b8, std::size_t max) {
    return edit_distance(std::u32string_view(utf8::decode(a8)), std::u32string_view(utf8::decode(b8)), max);
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t max) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > max) return max + 1;
    // Three rows of the optimal-string-alignment table; stop once a whole row is over `max`.
    std::vector<std::size_t> before(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], before[j - 2] + 1);
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > max) return max + 1;
        before.swap(prev);
        prev.swap(cur);
    }
    return std::min(prev[m], max + 1);
}

} // namespace rapporteur
