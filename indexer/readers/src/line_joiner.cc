/** @file line_joiner.cc
 *  @brief Line-end joins: hyphenation, compounds and broken URLs (line_joiner.h).
 */
#include "line_joiner.h"

#include "rapporteur/utf8.h"

#include <algorithm>
#include <array>

namespace rapporteur {

namespace {

bool is_url(std::string_view w) {
    return w.find("://") != std::string_view::npos || w.rfind("www.", 0) == 0 || w.rfind("<http", 0) == 0 || w.rfind("(http", 0) == 0;
}

/// Prefixes an English compound keeps its hyphen after even where hyphenation could fall
/// ("anti-trafficking", "co-operation", "non-punishment"); TeX's patterns never break these
/// words there, so a line end after them is the compound's own hyphen.
constexpr std::array<std::string_view, 6> COMPOUND_PREFIXES = {"anti", "co", "non", "self", "cross", "multi"};

/// Beginnings of the English suffixes hyphenation splits off ("work-ing", "move-ment"): a
/// right part that starts so is not the second word of a compound.
constexpr std::array<std::string_view, 26> SUFFIXES = {"ing", "ed", "er", "es", "ion", "tion", "ment", "ness", "ity", "ive", "able",
                                                       "ance", "ence", "al", "ous", "ly", "ful", "less", "ary", "ory", "ist", "ism",
                                                       "ise", "ize", "isa", "iza"};

} // namespace

std::string dictionary_form(std::string_view word) {
    std::size_t a = 0, b = word.size();
    while (a < b) {
        std::size_t pos = a;
        const char32_t c = utf8::next(word, pos);
        if (utf8::is_word_char(c)) break;
        a = pos;
    }
    while (b > a) {
        std::size_t pos = b;
        const char32_t c = utf8::previous(word, pos);
        if (utf8::is_word_char(c)) break;
        b = pos;
    }
    return utf8::fold(word.substr(a, b - a));
}

void LineJoiner::learn(std::string_view word) {
    std::string w = dictionary_form(word);
    if (!w.empty()) words_.insert(std::move(w));
}

LineJoiner::Join LineJoiner::join(std::string_view end, std::string_view next) const {
    if (end.empty() || next.empty()) return Join::SPACE;
    const char last = end.back();
    if (is_url(end)) {
        static constexpr std::string_view BREAKS = "/.-_=?&#%~";
        return BREAKS.find(last) != std::string_view::npos ? Join::GLUE : Join::SPACE;
    }
    std::string_view stem = end;
    if (stem.size() >= 2 && static_cast<unsigned char>(stem[stem.size() - 2]) == 0xC2 && static_cast<unsigned char>(stem.back()) == 0xAD) {
        return Join::DROP_HYPHEN; // a soft hyphen is hyphenation by definition
    }
    if (last != '-' || stem.size() < 2) return Join::SPACE;
    stem.remove_suffix(1);
    std::size_t pos = stem.size();
    if (!utf8::is_letter(utf8::previous(stem, pos))) return Join::SPACE; // "--", "1-", "(-"
    pos = 0;
    const char32_t first = utf8::next(next, pos);
    if (!utf8::is_letter(first) || utf8::is_upper(first)) return utf8::is_space(first) ? Join::SPACE : Join::GLUE;

    const std::string left = dictionary_form(stem), right = dictionary_form(next);
    if (words_.count(left + right)) return Join::DROP_HYPHEN;
    if (words_.count(left + "-" + right)) return Join::GLUE;
    // The part after the compound's last hyphen ("short-" + "and" has none).
    const std::size_t dash = left.rfind('-');
    const std::string part = dash == std::string::npos ? left : left.substr(dash + 1);
    for (auto p : COMPOUND_PREFIXES) {
        if (part == p) return Join::GLUE;
    }
    // "victim-" + "centred": the left part is a word of the document on its own, and the right
    // part does not start like a suffix. Hyphenation's left fragments are rarely whole words
    // of four letters or more ("traf-", "pan-", "ex-").
    if (utf8::length(part) >= 4 && words_.count(part) && utf8::length(right) >= 4) {
        const bool suffix = std::any_of(SUFFIXES.begin(), SUFFIXES.end(), [&](std::string_view s) { return right.rfind(s, 0) == 0; });
        if (!suffix) return Join::GLUE;
    }
    return Join::DROP_HYPHEN;
}

} // namespace rapporteur
