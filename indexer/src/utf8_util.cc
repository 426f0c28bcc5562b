/** @file utf8_util.cc
 *  @brief UTF-8 decoding and character classes on top of ICU's uchar.h.
 */
#include "utf8_util.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace rapporteur::utf8 {

char32_t next(std::string_view text, std::size_t& pos) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    int32_t i = 0;
    UChar32 c = 0;
    // ICU's macro works on int32_t offsets; take a window so that huge texts are fine too.
    const std::size_t window = std::min<std::size_t>(text.size() - pos, 4);
    U8_NEXT(s + pos, i, static_cast<int32_t>(window), c);
    pos += static_cast<std::size_t>(i);
    return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

char32_t previous(std::string_view text, std::size_t& pos) {
    const std::size_t start = pos >= 4 ? pos - 4 : 0;
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data() + start);
    int32_t i = static_cast<int32_t>(pos - start);
    UChar32 c = 0;
    U8_PREV(s, 0, i, c);
    pos = start + static_cast<std::size_t>(i);
    return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void append(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
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
    bool ascii = true;
    for (unsigned char ch : text) ascii = ascii && ch < 0x80;
    std::string out;
    if (ascii) {  // the common case, without ICU's round trip
        out.reserve(text.size());
        for (char ch : text) out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
        return out;
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    u.foldCase();
    u.toUTF8String(out);
    return out;
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
    std::size_t n = 0;
    for (unsigned char ch : text) n += (ch & 0xC0) != 0x80;
    return n;
}

} // namespace rapporteur::utf8
