/** @file inline_markup.cc
 *  @brief One linear pass over a passage's raw text: markers, links, escapes, emphasis, spaces.
 */
#include "inline_markup.h"

#include "rapporteur/utf8.h"

#include <algorithm>
#include <cstring>

namespace rapporteur {

namespace {

/// Longest link label or URL we look for; beyond it a bracket is plain text.
constexpr std::size_t MAX_LINK_BYTES = 4096;

bool is_ascii_punct(char c) { return std::strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != nullptr && c != '\0'; }

/// Finds the next occurrence of a byte at or after a position, caching the answer so that a
/// text full of opening brackets and no closing one is still scanned once (linear time).
class NextByte {
  public:
    NextByte(std::string_view text, char c) : text_(text), c_(c) {}
    std::size_t from(std::size_t pos) {
        // found_ is the first occurrence at or after searched_from_; it answers any later
        // position up to itself, so forward queries never rescan.
        if (valid_ && pos >= searched_from_ && (found_ == std::string_view::npos || found_ >= pos)) {
            return found_;
        }
        valid_ = true;
        searched_from_ = pos;
        found_ = text_.find(c_, pos);
        return found_;
    }

  private:
    std::string_view text_;
    char c_;
    bool valid_ = false;
    std::size_t searched_from_ = 0;
    std::size_t found_ = std::string_view::npos;
};

/// Byte length of the superscript digit at `pos` (¹ ² ³ are 2 bytes, ⁰ ⁴-⁹ are 3), or 0.
std::size_t superscript_at(std::string_view s, std::size_t pos) {
    const auto b = [&](std::size_t k) { return pos + k < s.size() ? static_cast<unsigned char>(s[pos + k]) : 0u; };
    if (b(0) == 0xC2 && (b(1) == 0xB9 || b(1) == 0xB2 || b(1) == 0xB3)) return 2;
    if (b(0) == 0xE2 && b(1) == 0x81 && (b(2) == 0xB0 || (b(2) >= 0xB4 && b(2) <= 0xB9))) return 3;
    return 0;
}

bool contains_superscript(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (superscript_at(s, i)) return true;
    }
    return false;
}

bool starts_url(std::string_view s, std::size_t pos) {
    auto rest = s.substr(pos);
    return rest.rfind("https://", 0) == 0 || rest.rfind("http://", 0) == 0;
}

class InlineReader {
  public:
    explicit InlineReader(std::string_view raw)
        : raw_(raw), close_bracket_(raw, ']'), close_paren_(raw, ')'), close_angle_(raw, '>') {}

    InlineText run() {
        out_.text.reserve(raw_.size()); // the clean text is never longer than the raw one
        std::size_t pos = 0;
        while (pos < raw_.size()) step(pos);
        while (!out_.text.empty() && out_.text.back() == ' ') out_.text.pop_back();
        for (auto& r : out_.refs) {
            r.offset = std::min<std::uint32_t>(r.offset, static_cast<std::uint32_t>(out_.text.size()));
        }
        return std::move(out_);
    }

  private:
    void emit_space() {
        if (!out_.text.empty() && out_.text.back() != ' ') out_.text += ' ';
    }
    void emit(std::string_view s) { out_.text += s; }
    void add_url(std::string_view url) {
        while (!url.empty() && url.front() == ' ') url.remove_prefix(1);
        if (auto sp = url.find(' '); sp != std::string_view::npos) url = url.substr(0, sp); // [x](url "title")
        if (!url.empty() && url.front() == '<') url.remove_prefix(1);                       // [x](<url>)
        if (!url.empty() && url.back() == '>') url.remove_suffix(1);
        if (url.empty() || url.front() == '#') return; // an anchor inside the page, not a link
        std::string u(url);
        if (std::find(out_.urls.begin(), out_.urls.end(), u) == out_.urls.end()) out_.urls.push_back(u);
    }
    void add_ref(int n) { out_.refs.push_back(FootnoteRef{n, static_cast<std::uint32_t>(out_.text.size()), {}}); }

    /// Bytes that may start markup (or a URL); every other ASCII byte is copied as it is.
    static bool special(unsigned char c) {
        return c >= 0x80 || c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\\' || c == '*' || c == '_' ||
               c == '`' || c == '!' || c == '[' || c == '<' || c == '&' || c == 'h';
    }

    void step(std::size_t& pos) {
        if (!special(static_cast<unsigned char>(raw_[pos]))) {
            // A run of ordinary bytes, with the single spaces between words and the 'h's that
            // start no URL, is copied at once.
            std::size_t end = pos + 1;
            while (end < raw_.size()) {
                const auto b = static_cast<unsigned char>(raw_[end]);
                if (special(b) &&
                    !(b == ' ' && raw_[end - 1] != ' ' && end + 1 < raw_.size() &&
                      !special(static_cast<unsigned char>(raw_[end + 1]))) &&
                    !(b == 'h' && !starts_url(raw_, end))) {
                    break;
                }
                ++end;
            }
            out_.text.append(raw_.data() + pos, end - pos);
            pos = end;
            return;
        }
        const char c = raw_[pos];
        switch (c) {
            case ' ':
            case '\n':
            case '\t':
            case '\r':
                emit_space();
                ++pos;
                return;
            case '\\':
                if (pos + 1 < raw_.size() && is_ascii_punct(raw_[pos + 1])) {
                    out_.text += raw_[pos + 1];
                    pos += 2;
                } else {
                    out_.text += c;
                    ++pos;
                }
                return;
            case '*':
            case '_': {
                // Strong emphasis ("**", "__") goes whole.
                if (pos + 1 < raw_.size() && raw_[pos + 1] == c) {
                    pos += 2;
                    return;
                }
                // A single '*' marks emphasis too, but a lone one between spaces ("2 * 3") stays;
                // a single '_' is part of a word ("snake_case").
                const bool lone =
                    (pos == 0 || raw_[pos - 1] == ' ') && (pos + 1 == raw_.size() || raw_[pos + 1] == ' ');
                if (c == '_' || lone) out_.text += c;
                ++pos;
                return;
            }
            case '`': ++pos; return;
            case '!':
                if (pos + 1 < raw_.size() && raw_[pos + 1] == '[' && link(pos + 1, pos)) return;
                out_.text += c;
                ++pos;
                return;
            case '[':
                if (link(pos, pos)) return;
                out_.text += c;
                ++pos;
                return;
            case '<':
                if (angle(pos)) return;
                out_.text += c;
                ++pos;
                return;
            case '&':
                if (entity(pos)) return;
                out_.text += c;
                ++pos;
                return;
            case 'h':
                if (starts_url(raw_, pos) &&
                    (pos == 0 || !utf8::is_word_char(static_cast<unsigned char>(raw_[pos - 1])))) {
                    bare_url(pos);
                    return;
                }
                break;
            default: break;
        }
        if (static_cast<unsigned char>(c) < 0x80) {
            out_.text += c;
            ++pos;
            return;
        }
        std::size_t p = pos;
        const char32_t cp = utf8::next(raw_, p);
        if (superscript_digit(cp) >= 0) {
            int n = 0;
            while (pos < raw_.size()) {
                std::size_t q = pos;
                const int d = superscript_digit(utf8::next(raw_, q));
                if (d < 0) break;
                if (n < 100000) n = n * 10 + d;
                pos = q;
            }
            add_ref(n);
            return;
        }
        if (cp == U'\u00A0' || cp == U'\u2009' || cp == U'\u202F' || cp == U'\u2002' || cp == U'\u2003') {
            emit_space(); // no-break and thin spaces are spaces to a reader
        } else {
            out_.text.append(raw_.substr(pos, p - pos));
        }
        pos = p;
    }

    /// "[label](url)", "![alt](url)" (pos at '[') or "[^n]". Returns false to treat '[' as text.
    bool link(std::size_t open, std::size_t& pos) {
        const std::size_t close = close_bracket_.from(open + 1);
        if (close == std::string_view::npos || close - open > MAX_LINK_BYTES) return false;
        std::string_view label = raw_.substr(open + 1, close - open - 1);
        if (label.size() >= 2 && label[0] == '^') { // Markdown footnote reference "[^12]"
            int n = 0;
            bool digits = true;
            for (char d : label.substr(1)) {
                if (d < '0' || d > '9' || n > 100000)
                    digits = false;
                else
                    n = n * 10 + (d - '0');
            }
            if (digits && close + 1 < raw_.size() && raw_[close + 1] == ':') return false;
            if (digits) {
                add_ref(n);
                pos = close + 1;
                return true;
            }
        }
        // A label containing another '[' is not one we can read; leave the text alone.
        if (label.find('[') != std::string_view::npos) return false;
        if (close + 1 >= raw_.size() || raw_[close + 1] != '(') return false;
        const std::size_t end = close_paren_.from(close + 2);
        if (end == std::string_view::npos || end - close > MAX_LINK_BYTES) return false;
        std::string_view url = raw_.substr(close + 2, end - close - 2);
        // "(url)" may itself contain escaped parentheses: "\)" does not close it.
        std::size_t real_end = end;
        while (real_end != std::string_view::npos && real_end > 0 && raw_[real_end - 1] == '\\') {
            real_end = close_paren_.from(real_end + 1);
        }
        if (real_end == std::string_view::npos || real_end - close > MAX_LINK_BYTES) return false;
        url = raw_.substr(close + 2, real_end - close - 2);
        // The label is inline text too (escapes, markers): read it with a nested reader.
        InlineText inner = InlineReader(label).run();
        const auto shift = static_cast<std::uint32_t>(out_.text.size());
        emit(inner.text);
        for (const auto& r : inner.refs) out_.refs.push_back(FootnoteRef{r.n, r.offset + shift, r.id});
        for (const auto& u : inner.urls) add_url(u);
        add_url(url);
        pos = real_end + 1;
        return true;
    }

    /// "<https://...>", "<sup>7</sup>", or other HTML tags (dropped). False: '<' is text.
    bool angle(std::size_t& pos) {
        const std::size_t close = close_angle_.from(pos + 1);
        if (close == std::string_view::npos || close - pos > MAX_LINK_BYTES) return false;
        std::string_view inside = raw_.substr(pos + 1, close - pos - 1);
        // A footnote marker is never part of a link: "<https://x¹" is text with a marker.
        if (inside.find(' ') == std::string_view::npos && !contains_superscript(inside) &&
            (inside.rfind("http://", 0) == 0 || inside.rfind("https://", 0) == 0 || inside.rfind("mailto:", 0) == 0)) {
            emit(inside);
            add_url(inside);
            pos = close + 1;
            return true;
        }
        if (inside == "sup") {
            std::size_t p = close + 1;
            int n = 0;
            std::size_t digits = 0;
            while (p < raw_.size() && raw_[p] >= '0' && raw_[p] <= '9' && digits < 6)
                n = n * 10 + (raw_[p++] - '0'), ++digits;
            if (digits > 0 && raw_.substr(p, 6) == "</sup>") {
                add_ref(n);
                pos = p + 6;
                return true;
            }
            return false;
        }
        // Simple HTML tags: "<br>", "<br/>", "<p>", "</em>"; anything else stays text.
        static const char* const TAGS[] = {"br", "br/", "br /", "p", "/p", "em",  "/em",  "strong", "/strong", "b",
                                           "/b", "i",   "/i",   "u", "/u", "sup", "/sup", "sub",    "/sub"};
        for (const char* t : TAGS) {
            if (inside == t) {
                if (inside.rfind("br", 0) == 0 || inside == "p" || inside == "/p") emit_space();
                pos = close + 1;
                return true;
            }
        }
        return false;
    }

    bool entity(std::size_t& pos) {
        static const std::pair<std::string_view, std::string_view> ENTITIES[] = {
            {"&amp;", "&"}, {"&lt;", "<"},   {"&gt;", ">"},  {"&quot;", "\""},
            {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};
        for (const auto& [name, value] : ENTITIES) {
            if (raw_.substr(pos, name.size()) == name) {
                if (value == " ")
                    emit_space();
                else
                    emit(value);
                pos += name.size();
                return true;
            }
        }
        return false;
    }

    void bare_url(std::size_t& pos) {
        std::size_t end = pos;
        // A URL ends at a space, a bracket, a quote, or a footnote marker ("https://x.org/a¹").
        while (end < raw_.size() && raw_[end] != ' ' && raw_[end] != '\n' && raw_[end] != '<' && raw_[end] != '>' &&
               raw_[end] != '"' && !superscript_at(raw_, end)) {
            ++end;
        }
        std::size_t url_end = end;
        // Sentence punctuation after a URL is not part of it.
        while (url_end > pos && std::strchr(".,;:!?)]'", raw_[url_end - 1]) != nullptr) --url_end;
        add_url(raw_.substr(pos, url_end - pos));
        emit(raw_.substr(pos, url_end - pos));
        pos = url_end;
    }

    std::string_view raw_;
    InlineText out_;
    NextByte close_bracket_, close_paren_, close_angle_;
};

} // namespace

InlineText read_inline(std::string_view raw) { return InlineReader(raw).run(); }

int superscript_digit(char32_t c) {
    switch (c) {
        case U'\u2070': return 0;
        case U'\u00B9': return 1;
        case U'\u00B2': return 2;
        case U'\u00B3': return 3;
        default:
            if (c >= U'\u2074' && c <= U'\u2079') return static_cast<int>(c - U'\u2070');
            return -1;
    }
}

std::optional<FootnoteStart> match_footnote_start(std::string_view line, bool block_start) {
    std::size_t pos = 0;
    int n = 0;
    std::size_t digits = 0;
    // A number of up to six digits between `open` and `close`: "[^12]:", "<sup>12</sup>".
    auto enclosed = [&](std::string_view open, std::string_view close) {
        pos = open.size();
        while (pos < line.size() && line[pos] >= '0' && line[pos] <= '9' && digits < 6) {
            n = n * 10 + (line[pos++] - '0');
            ++digits;
        }
        if (digits == 0 || line.substr(pos, close.size()) != close) return false;
        pos += close.size();
        return true;
    };
    if (line.rfind("[^", 0) == 0) { // Markdown footnote definition "[^12]: text"
        if (!enclosed("[^", "]:")) return std::nullopt;
    } else if (line.rfind("<sup>", 0) == 0) {
        if (!enclosed("<sup>", "</sup>")) return std::nullopt;
    } else {
        while (pos < line.size() && digits < 6) {
            std::size_t q = pos;
            const int d = superscript_digit(utf8::next(line, q));
            if (d < 0) break;
            n = n * 10 + d;
            ++digits;
            pos = q;
        }
        if (digits == 0) return std::nullopt;
    }
    if (pos >= line.size()) return std::nullopt;
    if (line[pos] != ' ') {
        std::size_t q = pos;
        if (block_start && utf8::is_upper(utf8::next(line, q))) return FootnoteStart{n, pos};
        return std::nullopt;
    }
    while (pos < line.size() && line[pos] == ' ') ++pos;
    if (pos >= line.size()) return std::nullopt;
    std::size_t q = pos;
    if (!block_start && utf8::is_lower(utf8::next(line, q))) return std::nullopt;
    return FootnoteStart{n, pos};
}

} // namespace rapporteur
