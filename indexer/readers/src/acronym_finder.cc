/** @file acronym_finder.cc
 *  @brief The Schwartz–Hearst matcher on code points, with bounded windows.
 */
#include "acronym_finder.h"

#include "rapporteur/utf8.h"

#include <algorithm>
#include <optional>
#include <string>

namespace rapporteur {

namespace {

constexpr std::size_t MAX_SHORT_FORM_BYTES = 40;
constexpr std::size_t MAX_LONG_FORM_BYTES = 400;

std::u32string_view trim(std::u32string_view s) {
    while (!s.empty() && (utf8::is_space(s.front()) || s.front() == U',' || s.front() == U';')) s.remove_prefix(1);
    while (!s.empty() && (utf8::is_space(s.back()) || s.back() == U',' || s.back() == U';')) s.remove_suffix(1);
    return s;
}

std::size_t count_words(std::u32string_view s) {
    std::size_t n = 0;
    bool in_word = false;
    for (char32_t c : s) {
        const bool space = utf8::is_space(c);
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

/// Is `sf` shaped like a short form: 2-10 code points, ≤ 2 words, first a letter or digit,
/// at least one letter and one upper-case letter.
bool is_short_form(std::u32string_view sf) {
    if (sf.size() < 2 || sf.size() > 10 || count_words(sf) > 2) return false;
    if (!utf8::is_word_char(sf.front())) return false;
    bool letter = false, upper = false;
    for (char32_t c : sf) {
        letter = letter || utf8::is_letter(c);
        upper = upper || utf8::is_upper(c);
    }
    return letter && upper;
}

/// The singular of a plural short form: "NRMs" → "NRM" (at least two capitals before the 's').
std::u32string_view singular(std::u32string_view sf) {
    if (sf.size() >= 3 && sf.back() == U's') {
        std::size_t caps = 0;
        for (std::size_t i = 0; i + 1 < sf.size(); ++i) caps += utf8::is_upper(sf[i]);
        if (caps >= 2 && utf8::is_upper(sf[sf.size() - 2])) return sf.substr(0, sf.size() - 1);
    }
    return sf;
}

/// Schwartz–Hearst's best long form for `sf` inside `candidate`, or nullopt.
std::optional<std::u32string> best_long_form(std::u32string_view sf, std::u32string_view lf) {
    long s = static_cast<long>(sf.size()) - 1;
    long l = static_cast<long>(lf.size()) - 1;
    for (; s >= 0; --s) {
        const char32_t c = utf8::to_lower(sf[static_cast<std::size_t>(s)]);
        if (!utf8::is_word_char(c)) continue;
        while (l >= 0 && (utf8::to_lower(lf[static_cast<std::size_t>(l)]) != c ||
                          (s == 0 && l > 0 && utf8::is_word_char(lf[static_cast<std::size_t>(l - 1)])))) {
            --l;
        }
        if (l < 0) return std::nullopt;
        --l;
    }
    // Back to the start of the word that holds the first character.
    std::size_t start = static_cast<std::size_t>(l + 1);
    while (start > 0 && !utf8::is_space(lf[start - 1])) --start;
    return std::u32string(lf.substr(start));
}

/// Up to `max_words` words of `text` before byte `end`, within MAX_LONG_FORM_BYTES.
std::u32string_view last_words(std::u32string_view text, std::size_t max_words) {
    std::size_t words = 0;
    std::size_t i = text.size();
    bool in_word = false;
    while (i > 0) {
        const char32_t c = text[i - 1];
        // A long form does not reach across the end of a sentence or a clause.
        if (c == U'.' || c == U';' || c == U':' || c == U'(' || c == U')' || c == U'!' || c == U'?') break;
        const bool space = utf8::is_space(c);
        if (space && in_word && ++words == max_words) break;
        in_word = !space;
        --i;
    }
    return text.substr(i);
}

void add(std::vector<AcronymDefinition>& out, std::u32string_view sf, std::u32string_view lf) {
    AcronymDefinition d{utf8::encode(singular(sf)), utf8::encode(trim(lf))};
    if (d.expansion.empty() || utf8::length(d.expansion) <= utf8::length(d.acronym)) return;
    for (const auto& e : out) {
        if (e.acronym == d.acronym && e.expansion == d.expansion) return;
    }
    out.push_back(std::move(d));
}

} // namespace

std::vector<AcronymDefinition> find_acronyms(std::string_view text) {
    std::vector<AcronymDefinition> out;
    std::size_t pos = 0;
    while ((pos = text.find('(', pos)) != std::string_view::npos) {
        const std::size_t open = pos++;
        // The closing parenthesis, looked for only a bounded distance away.
        const std::size_t limit = std::min(text.size(), open + 1 + MAX_LONG_FORM_BYTES);
        const std::size_t close = text.substr(0, limit).find(')', open + 1);
        if (close == std::string_view::npos) continue;
        const std::string_view inside = text.substr(open + 1, close - open - 1);
        if (inside.find('(') != std::string_view::npos) continue;
        // The words before the parenthesis, found on bytes (spaces are ASCII) so that only a
        // short window is decoded: at most 22 words (2 x 10 + the word cut by the limit).
        std::size_t before_start = open, words = 0;
        while (before_start > 0 && open - before_start < MAX_LONG_FORM_BYTES) {
            if (text[before_start - 1] == ' ' && ++words > 22) break;
            --before_start;
        }
        std::string_view before = text.substr(before_start, open - before_start);
        // Do not start in the middle of a UTF-8 sequence.
        while (!before.empty() && (static_cast<unsigned char>(before.front()) & 0xC0) == 0x80) before.remove_prefix(1);
        const std::u32string in32 = utf8::decode(inside);
        const std::u32string_view sf = trim(in32);
        if (inside.size() <= MAX_SHORT_FORM_BYTES && is_short_form(sf)) {
            // "long form (SF)"
            const std::u32string_view core = singular(sf);
            std::size_t letters = 0;
            for (char32_t c : core) letters += utf8::is_word_char(c);
            const std::size_t max_words = std::min(letters + 5, letters * 2);
            const std::u32string before32 = utf8::decode(before);
            const auto window = trim(last_words(before32, max_words));
            if (auto lf = best_long_form(core, window); lf && count_words(*lf) <= max_words) {
                // The first character of the short form must start the long form.
                if (utf8::to_lower(lf->front()) == utf8::to_lower(core.front())) add(out, core, *lf);
            }
        } else if (count_words(sf) > 2) {
            // "SF (long form)": the word before the parenthesis is the short form.
            const std::u32string before32 = utf8::decode(before);
            std::u32string_view b = trim(before32);
            std::size_t start = b.size();
            while (start > 0 && !utf8::is_space(b[start - 1])) --start;
            const std::u32string_view word = b.substr(start);
            if (!is_short_form(word)) continue;
            const std::u32string_view core = singular(word);
            std::size_t letters = 0;
            for (char32_t c : core) letters += utf8::is_word_char(c);
            if (count_words(sf) > std::min(letters + 5, letters * 2)) continue;
            if (auto lf = best_long_form(core, sf); lf && *lf == sf) add(out, core, sf);
        }
    }
    return out;
}

} // namespace rapporteur
