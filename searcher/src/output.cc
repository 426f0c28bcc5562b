/** @file output.cc
 *  @brief A result as JSON (the contract of searcher/README.md), as text for people laid out
 *         to a terminal's width, and as TREC run lines.
 */
#include "rapporteur/format/schema.h"
#include "rapporteur/searcher.h"
#include "rapporteur/utf8.h"

#include "highlighter.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace rapporteur {

nlohmann::ordered_json to_json(const SearchResult& r) {
    using json = nlohmann::ordered_json;
    json results = json::array();
    for (const auto& h : r.hits) {
        json footnotes = json::array();
        for (const auto& f : h.footnotes) footnotes.push_back({{"n", f.n}, {"text", f.text}, {"urls", f.urls}});
        json highlights = json::array();
        for (const auto& [s, e] : h.highlights) highlights.push_back({s, e});
        json hit = {{"rank", h.rank},
                    {"id", h.id},
                    {"score", h.score},
                    {"document", h.document},
                    {"title", h.title},
                    {"date", h.date.empty() ? json(nullptr) : json(h.date)},
                    {"path", h.path},
                    {"page", h.page > 0 ? json(h.page) : json(nullptr)},
                    {"speaker", h.speaker.empty() ? json(nullptr) : json(h.speaker)},
                    {"kind", kind_name(h.kind)},
                    {"lang", h.lang},
                    {"session", {{"day", h.session.day}, {"number", h.session.number}, {"title", h.session.title}}},
                    {"organisations", h.organisations},
                    {"countries", h.countries},
                    {"text", h.text},
                    {"snippet", h.snippet},
                    {"highlights", highlights},
                    {"footnotes", footnotes}};
        // Extra keys only where they apply (a footnote's own passage) or when asked for
        // (--explain, --like), so the contract stays exact.
        if (h.kind == PassageKind::FOOTNOTE) {
            hit["n"] = h.footnote_number;
            hit["cited_by"] = h.cited_by;
        }
        if (!h.explanation.empty()) {
            json explain = json::array();
            for (const auto& c : h.explanation)
                explain.push_back({{"query", c.label}, {"terms", c.terms}, {"weight", c.weight}});
            hit["explanation"] = explain;
        }
        if (r.related) hit["shared"] = {{"terms", h.shared_terms}, {"entities", h.shared_entities}};
        if (!h.shared_translations.empty()) {
            json pairs = json::array();
            for (const auto& [from, to] : h.shared_translations) pairs.push_back({{"source", from}, {"here", to}});
            hit["shared"]["translations"] = pairs;
        }
        results.push_back(std::move(hit));
    }
    json facets = json::object();
    for (const auto& field : schema::FIELDS) {
        auto f = field.facet.empty() ? r.facets.end() : r.facets.find(std::string(field.facet));
        if (f == r.facets.end()) continue;
        json values = json::array();
        for (const auto& v : f->second) values.push_back({{"value", v.value}, {"count", v.count}});
        facets[f->first] = values;
    }
    json out = {{"query", r.query},   {"total", r.total}, {"offset", r.offset},  {"limit", r.limit},
                {"results", results}, {"facets", facets}, {"notices", r.notices}};
    // Only with --cross-language, so the contract without it stays as it was.
    if (!r.translations.empty()) out["translations"] = r.translations;
    // Only when a shard is lost, so that a whole answer reads as one database's.
    if (r.partial) {
        json failed = json::array();
        for (const auto& f : r.failed_shards)
            failed.push_back({{"shard", f.shard}, {"servers", f.servers}, {"error", f.error}});
        out["partial"] = true;
        out["failed_shards"] = failed;
    }
    return out;
}

namespace {

/// Lines narrower than this are not laid out: a terminal that narrow gets lines this wide.
constexpr std::size_t MIN_WIDTH = 20;
/// Indent of a hit's lines under its header.
constexpr std::size_t INDENT = 3;
/// A word too long for a line starts on the current one when at least this much room is left.
constexpr std::size_t MIN_ROOM = 10;
constexpr std::string_view ANSI_RESET = "\033[0m";

/// The length of the ANSI escape sequence ("\033[...m") at byte `i` of `s`, else 0.
std::size_t escape_at(std::string_view s, std::size_t i) {
    if (s[i] != '\033' || i + 1 >= s.size() || s[i + 1] != '[') return 0;
    for (std::size_t j = i + 2; j < s.size(); ++j) {
        if (s[j] >= 0x40 && s[j] <= 0x7E) return j + 1 - i;
    }
    return 0;
}

/// Terminal columns of `s`: ANSI escape sequences take none.
std::size_t columns(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t e = escape_at(s, i)) {
            i += e;
            continue;
        }
        width += utf8::char_width(utf8::next(s, i));
    }
    return width;
}

/// `s` cut to at most `max` columns, with "…" where it was cut.
std::string shorten(std::string_view s, std::size_t max) {
    if (columns(s) <= max) return std::string(s);
    std::string out;
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const std::size_t w = utf8::char_width(utf8::next(s, i));
        if (width + w + 1 > max) break;
        out.append(s.substr(start, i - start));
        width += w;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "…";
}

/** Words laid out on lines of at most `width` columns, after a first-line prefix and then an
 *  indent. A word too long for a line is cut between characters (a URL, a run of Chinese),
 *  unless it must stay whole (an id). A colour open at a line's end is closed there and
 *  opened again after the next line's indent, so the margin stays plain. */
class Paragraph {
  public:
    Paragraph(std::string& out, std::size_t width, std::string_view prefix, std::size_t indent)
        : out_(out), width_(width), indent_(std::min(indent, width / 2)), line_(prefix), cols_(columns(prefix)) {}
    ~Paragraph() { out_ += line_ + "\n"; }
    Paragraph(const Paragraph&) = delete;
    Paragraph& operator=(const Paragraph&) = delete;

    /// The columns the current line has taken.
    std::size_t used() const { return cols_; }

    /// Adds one word after `separator` (on the same line) or on a new line.
    void word(std::string_view w, std::string_view separator = " ", bool whole = false) {
        const std::size_t wide = columns(w), sep = words_ ? separator.size() : 0;
        if (cols_ + sep + wide <= width_) {
            if (words_) append(separator);
            append(w);
        } else if (whole || indent_ + wide <= width_) {
            if (words_) new_line();
            append(w);
        } else if (w.find(' ') != std::string_view::npos) {
            text(w); // a name of several words: break it between them rather than inside one
            return;
        } else {
            if (words_ && cols_ + sep + MIN_ROOM <= width_)
                append(separator);
            else if (words_)
                new_line();
            cut(w);
        }
        ++words_;
    }

    /// Adds the words of `text` (split at white space).
    void text(std::string_view text) {
        std::size_t i = 0;
        while (i < text.size()) {
            const std::size_t end = std::min(text.find_first_of(" \t\n\r", i), text.size());
            if (end > i) word(text.substr(i, end - i));
            i = end + 1;
        }
    }

    /// Ends the current line; the next word starts at the indent.
    void new_line() {
        if (!style_.empty()) line_ += ANSI_RESET;
        out_ += line_ + "\n";
        line_ = std::string(indent_, ' ') + style_;
        cols_ = indent_;
        words_ = 0;
    }

  private:
    /// Appends `s` to the line, following the colour its escape sequences leave on.
    void append(std::string_view s) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (const std::size_t e = escape_at(s, i)) {
                const std::string_view esc = s.substr(i, e);
                style_ = esc == ANSI_RESET || esc == "\033[m" ? std::string() : std::string(esc);
                i += e - 1;
            }
        }
        line_ += s;
        cols_ += columns(s);
    }

    /** Appends a word too long for a line onto as many lines as it takes: each piece as long
     *  as the line allows, ending after a '/', '-' or '.' when there is one in its second
     *  half (a URL breaks between its parts), else between any two characters. */
    void cut(std::string_view w) {
        while (!w.empty()) {
            std::size_t fit = 0, wide = 0, soft = 0;
            for (std::size_t i = 0; i < w.size();) {
                const std::size_t start = i;
                std::size_t cw = 0;
                if (const std::size_t e = escape_at(w, i))
                    i += e;
                else
                    cw = utf8::char_width(utf8::next(w, i));
                if (cols_ + wide + cw > width_ && (fit > 0 || cols_ > indent_)) break;
                wide += cw;
                fit = i;
                const char c = w[start];
                if ((c == '/' || c == '-' || c == '.') && 2 * (cols_ + wide) > cols_ + width_) soft = fit;
            }
            if (fit < w.size() && soft > 0) fit = soft;
            append(w.substr(0, fit));
            w.remove_prefix(fit);
            if (!w.empty()) new_line();
        }
    }

    std::string& out_;
    std::size_t width_, indent_;
    std::string line_;
    std::size_t cols_;
    std::size_t words_ = 0; ///< words on the current line
    std::string style_;     ///< the colour in force ("" when none)
};

std::string session_label(const Session& s) {
    if (s.number == 0) return s.title.empty() ? "Opening" : "Opening - " + s.title;
    std::string out = s.day ? fmt::format("Day {}, Session {}", s.day, s.number) : fmt::format("Session {}", s.number);
    if (!s.title.empty()) out += " - " + s.title;
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : std::string(separator)) + i;
    return out;
}

/// "1 passage matches", "3 passages match".
std::string passages_match(std::size_t n) { return n == 1 ? "1 passage matches" : fmt::format("{} passages match", n); }

/// The count, what was searched (a corrected query, the languages, the filters) and the page.
void format_header(const SearchResult& r, std::size_t width, std::string& out) {
    // Quoted, unless it is one quoted phrase already ("\"release schedule\"", not doubled).
    const std::string& asked = r.searched.empty() ? r.query : r.searched;
    const bool quoted = asked.size() >= 2 && asked.front() == '"' && asked.back() == '"' &&
                        asked.find('"', 1) == asked.size() - 1;
    const std::string query = quoted ? asked : fmt::format("\"{}\"", asked);
    {
        Paragraph line(out, width, "", 2);
        if (r.hits.empty() && r.total > 0 && r.limit > 0 && r.offset >= r.total) {
            line.text(
                fmt::format("no results on this page: {} {}, --offset {}", passages_match(r.total), query, r.offset));
        } else {
            line.text(passages_match(r.total));
            line.word(query);
            auto documents = r.facets.find("document");
            if (documents != r.facets.end() && !documents->second.empty()) {
                const std::size_t n = documents->second.size();
                line.text(fmt::format("in {} document{}", n, n == 1 ? "" : "s"));
            }
            if (r.hits.size() == 1) line.text(fmt::format("(showing {})", r.hits.front().rank));
            if (r.hits.size() > 1) line.text(fmt::format("(showing {}-{})", r.hits.front().rank, r.hits.back().rank));
        }
    }
    std::vector<std::string> searched;
    if (!r.searched.empty()) searched.push_back(fmt::format("corrected from \"{}\"", r.query));
    if (!r.related) searched.push_back(r.lang.empty() ? "every language" : "language " + r.lang);
    for (const auto& [field, values] : r.filters) searched.push_back(field + "=" + join(values, " or "));
    if (!searched.empty()) Paragraph(out, width, "searched: ", 2).text(join(searched, "; "));
}

void format_hit(const Hit& h, const std::string& open, const std::string& close, std::size_t width, std::string& out) {
    {
        // The id first and whole (what --like takes), then rank and score, then the session.
        Paragraph head(out, width, "", INDENT);
        head.word(h.id, "  ", true);
        head.word(fmt::format("rank {}", h.rank), "  ");
        head.word(fmt::format("score {:.3f}", h.score), "  ");
        if (h.page > 0) head.word(fmt::format("p. {}", h.page), "  ", true); // to cite it
        const std::string label = session_label(h.session);
        constexpr std::size_t MIN_LABEL = 24;
        const std::size_t room = width > head.used() + 2 ? width - head.used() - 2 : 0;
        if (columns(label) <= room || room >= MIN_LABEL) {
            head.word(shorten(label, room), "  ", true);
        } else {
            head.new_line();
            head.word(shorten(label, width - INDENT), "  ", true);
        }
    }
    const std::string indent(INDENT, ' ');
    if (h.kind == PassageKind::FOOTNOTE && h.footnote_number > 0) {
        Paragraph note(out, width, indent, INDENT);
        note.text(fmt::format("footnote {}", h.footnote_number));
        if (!h.cited_by.empty()) {
            note.word(",", "");
            note.text("cited by");
            for (std::size_t i = 0; i < h.cited_by.size(); ++i)
                note.word(h.cited_by[i] + (i + 1 < h.cited_by.size() ? "," : ""), " ", true);
        }
    }
    if (!h.speaker.empty()) Paragraph(out, width, indent + "speaker: ", INDENT).text(h.speaker);
    if (!h.matched_in.empty() && h.matched_in.front() != "text") {
        std::vector<std::string> where;
        for (const auto& m : h.matched_in) where.push_back(m == "title" ? "session title" : "cited footnote");
        Paragraph(out, width, indent + "matched in: ", INDENT).text(join(where, ", "));
    }
    // Render from the text and the highlight offsets: no round trip through HTML.
    std::vector<ByteRange> bytes;
    for (const auto& [s, e] : h.highlights)
        bytes.push_back({utf8::byte_of_code_point(h.text, s), utf8::byte_of_code_point(h.text, e)});
    Highlighter highlighter(h.text, {});
    ByteRange window{utf8::byte_of_code_point(h.text, h.snippet_window.first),
                     utf8::byte_of_code_point(h.text, h.snippet_window.second)};
    if (h.snippet_window.second == 0) window = {0, h.text.size()};
    Paragraph(out, width, indent, INDENT).text(highlighter.render(window, bytes, open, close, false));
    for (const auto& f : h.footnotes) {
        const std::string marker = fmt::format("[{}] ", f.n);
        Paragraph(out, width, indent + marker, INDENT + columns(marker)).text(f.text);
    }
    if (!h.shared_terms.empty() || !h.shared_entities.empty()) {
        std::vector<std::string> shared = h.shared_terms;
        shared.insert(shared.end(), h.shared_entities.begin(), h.shared_entities.end());
        Paragraph(out, width, indent + "shares: ", INDENT + 8).text(join(shared, ", "));
    }
    if (!h.shared_translations.empty()) {
        std::vector<std::string> pairs;
        for (const auto& [from, to] : h.shared_translations) pairs.push_back(from + " → " + to);
        Paragraph(out, width, indent + "translates: ", INDENT + 12).text(join(pairs, ", "));
    }
    for (const auto& c : h.explanation) {
        const std::string weight = fmt::format("{}{:>8.4f}  ", indent, c.weight);
        Paragraph line(out, width, weight, columns(weight));
        line.text(c.label);
        for (std::size_t i = 0; i < c.terms.size(); ++i) line.word(c.terms[i], i == 0 ? "  " : " ");
    }
}

} // namespace

std::string format_text(const SearchResult& r, MarkStyle marks, std::size_t width) {
    width = std::max(width, MIN_WIDTH);
    std::string out;
    const std::string open = marks == MarkStyle::ANSI ? "\033[1;31m" : marks == MarkStyle::BRACKETS ? "[" : "";
    const std::string close = marks == MarkStyle::ANSI       ? std::string(ANSI_RESET)
                              : marks == MarkStyle::BRACKETS ? "]"
                                                             : "";
    format_header(r, width, out);
    out += "\n";
    for (const auto& h : r.hits) {
        format_hit(h, open, close, width, out);
        out += "\n";
    }
    for (const auto& field : schema::FIELDS) {
        auto f = field.facet.empty() ? r.facets.end() : r.facets.find(std::string(field.facet));
        if (f == r.facets.end() || f->second.empty()) continue;
        constexpr std::size_t SHOWN = 10;
        Paragraph line(out, width, f->first + ": ", 2);
        const std::size_t n = std::min(f->second.size(), SHOWN);
        for (std::size_t i = 0; i < n; ++i) {
            const bool last = i + 1 == n && f->second.size() <= SHOWN;
            line.word(fmt::format("{} ({}){}", f->second[i].value, f->second[i].count, last ? "" : ","));
        }
        if (f->second.size() > SHOWN) line.text(fmt::format("… {} more", f->second.size() - SHOWN));
    }
    if (out.ends_with("\n\n")) out.pop_back(); // blank lines between parts, not after the last
    return out;
}

std::string format_trec_run(const std::string& qid, const SearchResult& result, const std::string& tag) {
    std::string out;
    for (const auto& h : result.hits) out += fmt::format("{} Q0 {} {} {:.6f} {}\n", qid, h.id, h.rank, h.score, tag);
    return out;
}

} // namespace rapporteur
