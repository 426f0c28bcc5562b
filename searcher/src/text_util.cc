/** @file text_util.cc
 *  @brief Small UTF-8 helpers of the searcher: case folding, cutting, escaping, code points.
 */
#include "text_util.h"

#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace rapporteur {

std::string fold_case(std::string_view s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())));
    u.foldCase();
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return std::string(s);
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return std::string(s.substr(0, end));
}

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

std::vector<std::size_t> code_point_index(std::string_view s) {
    std::vector<std::size_t> index(s.size() + 1);
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        index[i] = n;
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
    }
    index[s.size()] = n;
    return index;
}

std::size_t byte_of_code_point(std::string_view s, std::size_t cp) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (n == cp) return i;
            ++n;
        }
    }
    return s.size();
}

namespace {
std::vector<std::int32_t> code_points(std::string_view s) {
    std::vector<std::int32_t> out;
    std::int32_t i = 0;
    const auto n = static_cast<std::int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        out.push_back(c);
    }
    return out;
}
} // namespace

std::size_t edit_distance(std::string_view a8, std::string_view b8, std::size_t max) {
    const auto a = code_points(a8), b = code_points(b8);
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
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], before[j - 2] + 1);
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > max) return max + 1;
        before.swap(prev);
        prev.swap(cur);
    }
    return std::min(prev[m], max + 1);
}

} // namespace rapporteur
