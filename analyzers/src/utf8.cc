/** @file utf8.cc
 *  @brief The one set of UTF-8 helpers, on ICU's utf8.h, uchar.h and UnicodeString.
 */
#include "rapporteur/utf8.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace rapporteur::utf8 {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

} // namespace

std::size_t invalid_offset(std::string_view s) {
    std::size_t i = 0;
    // Skip ASCII quickly; ICU's macro handles the rest (it rejects overlongs and surrogates).
    while (true) {
        // ASCII fast path, eight bytes at a time, then byte by byte.
        while (i + 8 <= s.size()) {
            std::uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            if (word & 0x8080808080808080ULL) break;
            i += 8;
        }
        while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
        if (i == s.size()) return std::string_view::npos;
        std::int32_t at = 0;
        const auto window = static_cast<std::int32_t>(std::min<std::size_t>(s.size() - i, 4));
        UChar32 c;
        U8_NEXT(s.data() + i, at, window, c);
        if (c < 0) return i;
        i += static_cast<std::size_t>(at);
    }
}

char32_t next(std::string_view text, std::size_t& pos) {
    std::int32_t i = 0;
    UChar32 c = 0;
    // ICU's macro works on int32_t offsets; take a window so that huge texts are fine too.
    const auto window = static_cast<std::int32_t>(std::min<std::size_t>(text.size() - pos, 4));
    U8_NEXT(text.data() + pos, i, window, c);
    pos += static_cast<std::size_t>(i);
    return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

char32_t previous(std::string_view text, std::size_t& pos) {
    const std::size_t start = pos >= 4 ? pos - 4 : 0;
    auto i = static_cast<std::int32_t>(pos - start);
    UChar32 c = 0;
    U8_PREV(text.data() + start, 0, i, c);
    pos = start + static_cast<std::size_t>(i);
    return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void append(std::string& out, char32_t c) {
    char buf[U8_MAX_LENGTH];
    std::int32_t n = 0;
    UBool error = false;
    U8_APPEND(buf, n, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
    if (error) {
        n = 0;
        U8_APPEND_UNSAFE(buf, n, 0xFFFD);
    }
    out.append(buf, static_cast<std::size_t>(n));
}

bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    const auto cat = U_GET_GC_MASK(static_cast<UChar32>(c));
    return u_isalnum(static_cast<UChar32>(c)) || (cat & (U_GC_MN_MASK | U_GC_MC_MASK)) != 0;
}

bool is_letter(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return u_isalpha(static_cast<UChar32>(c));
}

bool is_lower(char32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return u_islower(static_cast<UChar32>(c));
}

bool is_upper(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool is_space(char32_t c) {
    if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    return u_isUWhiteSpace(static_cast<UChar32>(c));
}

char32_t to_lower(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

std::string fold(std::string_view text) {
    std::string out;
    if (std::all_of(text.begin(), text.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; })) {
        out.reserve(text.size());
        for (char ch : text) out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
        return out;
    }
    icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())))
        .foldCase()
        .toUTF8String(out);
    return out;
}

std::string_view prefix(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    while (end > 0 && is_continuation(text[end])) --end;
    return text.substr(0, end);
}

std::string_view first_code_points(std::string_view text, std::size_t count) {
    std::size_t pos = 0;
    while (count > 0 && pos < text.size()) {
        next(text, pos);
        --count;
    }
    return text.substr(0, pos);
}

std::size_t length(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
}

std::vector<std::size_t> code_point_index(std::string_view text) {
    std::vector<std::size_t> index(text.size() + 1);
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        index[i] = n;
        if (!is_continuation(text[i])) ++n;
    }
    index[text.size()] = n;
    return index;
}

std::size_t byte_of_code_point(std::string_view text, std::size_t cp) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_continuation(text[i])) {
            if (n == cp) return i;
            ++n;
        }
    }
    return text.size();
}

std::size_t char_width(char32_t c) {
    if (c >= 0x20 && c < 0x7F) return 1;
    if (c < 0xA0) return 0; // C0 and C1 controls, DEL
    const auto uc = static_cast<UChar32>(c);
    if ((U_GET_GC_MASK(uc) & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_CF_MASK)) != 0 && c != 0xAD) return 0;
    const auto eaw = u_getIntPropertyValue(uc, UCHAR_EAST_ASIAN_WIDTH);
    return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0, pos = 0;
    while (pos < text.size()) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            width += char_width(static_cast<unsigned char>(text[pos++]));
            continue;
        }
        width += char_width(next(text, pos));
    }
    return width;
}

std::u32string decode(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) out += next(text, pos);
    return out;
}

std::string encode(std::u32string_view code_points) {
    std::string out;
    out.reserve(code_points.size());
    for (char32_t c : code_points) append(out, c);
    return out;
}

} // namespace rapporteur::utf8
