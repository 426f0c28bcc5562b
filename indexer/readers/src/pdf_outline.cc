/** @file pdf_outline.cc
 *  @brief Pages of lines → an Outline (pdf_outline.h): each page's body lines into paragraphs,
 *         list items and headings, its footnote block into footnotes, markers into references
 *         resolved by number, hyphenation undone, paragraphs kept whole across breaks. The
 *         body's measures and the running heads come from pdf_running_heads.h, what a line's
 *         words say from pdf_line_text.h.
 */
#include "pdf_outline.h"

#include "line_joiner.h"
#include "pdf_line_text.h"
#include "pdf_running_heads.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace rapporteur {

using namespace pdf;

namespace {

/// A block being built, with what the next line needs to know of it.
struct Draft {
    OutlineBlock block;
    int lines = 0;
    double size = 0;
    bool bold = false;
    double text_x = 0; ///< list items: where the item's text starts (continuation lines align)
    bool centred = true; ///< every line is centred in its column
    double last_x0 = 0, last_x1 = 0, last_y1 = 0; ///< the box of the last line added
};

class Builder {
  public:
    explicit Builder(const std::vector<PdfPageLines>& pages) : pages_(pages) {}

    PdfOutline run() {
        body_ = measure_body(pages_);
        dropped_ = find_running_heads(pages_, body_);
        learn_words();
        for (std::size_t i = 0; i < pages_.size(); ++i) read_page(i);
        flush_draft();
        flush_footnotes();
        classify_headings();
        resolve_markers();
        return std::move(out_);
    }

  private:
    const std::vector<PdfPageLines>& pages_;
    PdfBody body_;
    std::vector<std::vector<bool>> dropped_; ///< per page, per line: a running head or number
    LineJoiner joiner_;
    PdfOutline out_;
    std::optional<Draft> draft_;
    std::vector<Draft> pending_footnotes_; ///< a page's footnotes, emitted after its open block
    std::vector<int> heading_flags_;       ///< per block: 1 when classify_headings made it one

    /// The document as its own dictionary: every word that does not end a line.
    void learn_words() {
        for (std::size_t p = 0; p < pages_.size(); ++p) {
            for (const auto& l : pages_[p].lines) {
                for (std::size_t i = 0; i + 1 < l.words.size(); ++i) {
                    if (!l.words[i].raised) joiner_.learn(l.words[i].text);
                }
            }
        }
    }

    /// Index of the first line of the footnote block at the end of `flow`'s lines [a, b), or b.
    /// The block is the run of lines set smaller than the body at the end of the flow, from the
    /// first that starts with a footnote label; lines before that label go on the previous
    /// page's last footnote when they are the run's top and the page has one pending.
    std::size_t footnote_start(const std::vector<PdfLine>& lines, const std::vector<bool>& dropped, std::size_t a, std::size_t b,
                               std::size_t& continuation) const {
        continuation = b;
        std::size_t run = b;
        while (run > a) {
            const auto& l = lines[run - 1];
            if (dropped[run - 1]) {
                --run;
                continue;
            }
            if (l.size > body_.size * 0.92 || l.size <= 0) break;
            --run;
        }
        std::size_t first = a;
        while (first < b && dropped[first]) ++first;
        if (run <= first) return b; // a flow set small throughout is small print, not footnotes
        for (std::size_t i = run; i < b; ++i) {
            if (dropped[i]) continue;
            if (footnote_label(lines[i])) {
                if (i > run) continuation = run;
                return i;
            }
        }
        if (run < b) continuation = run;
        return b;
    }

    void read_page(std::size_t p) {
        const auto& lines = pages_[p].lines;
        const int page = pages_[p].number;
        // Column edges from the body lines of each column of this page (any lines where a
        // column has no body line).
        std::map<int, std::pair<double, double>> edges, any;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (dropped_[p][i]) continue;
            for (auto* e : {&any, body_.has_size(lines[i]) ? &edges : nullptr}) {
                if (!e) continue;
                auto [it, fresh] = e->emplace(lines[i].column, std::make_pair(lines[i].x0, lines[i].x1));
                it->second.first = std::min(it->second.first, lines[i].x0);
                it->second.second = std::max(it->second.second, lines[i].x1);
            }
        }
        for (const auto& [c, e] : any) edges.emplace(c, e);
        std::size_t a = 0;
        while (a < lines.size()) {
            std::size_t b = a;
            while (b < lines.size() && lines[b].flow == lines[a].flow) ++b;
            std::size_t continuation = b;
            const std::size_t fn = footnote_start(lines, dropped_[p], a, b, continuation);
            if (continuation < fn && !continues_footnote(lines, a, continuation, page)) continuation = fn;
            bool first = true;
            const std::size_t body_end = std::min(fn, continuation);
            for (std::size_t i = a; i < body_end; ++i) {
                if (dropped_[p][i]) continue;
                body_line(lines[i], page, edges[lines[i].column], first);
                first = false;
            }
            for (std::size_t i = continuation; i < fn; ++i) { // a footnote going on from the page before
                if (dropped_[p][i]) continue;
                Draft* last = !pending_footnotes_.empty() ? &pending_footnotes_.back() : last_footnote();
                if (!last) {
                    body_line(lines[i], page, edges[lines[i].column], first);
                    first = false;
                    continue;
                }
                append_words(*last, lines[i], 0, page);
            }
            for (std::size_t i = fn; i < b; ++i) {
                if (dropped_[p][i]) continue;
                footnote_line(lines[i], page);
            }
            a = b;
        }
    }

    /// Whether the small lines from `c` go on with the last footnote of the page before: that
    /// footnote is pending or just emitted, and a gap (the footnote rule) sets them apart.
    bool continues_footnote(const std::vector<PdfLine>& lines, std::size_t a, std::size_t c, int page) {
        const Draft* last = !pending_footnotes_.empty() ? &pending_footnotes_.back() : last_footnote();
        if (!last || last->block.last_page != page - 1) return false;
        if (c == a) return false; // a flow made only of small lines: a page of small print
        return lines[c].y0 - lines[c - 1].y1 > body_.leading + 0.5 * body_.size;
    }

    /// The last footnote already emitted, to take the continuation of a footnote split over
    /// a page break (LaTeX does split long ones).
    Draft* last_footnote() { return last_footnote_ ? &out_drafts_[*last_footnote_] : nullptr; }

    std::vector<Draft> out_drafts_;
    std::optional<std::size_t> last_footnote_; ///< index in out_drafts_ of the last footnote

    void footnote_line(const PdfLine& line, int page) {
        if (auto label = footnote_label(line)) {
            Draft d;
            d.block.kind = OutlineBlock::Kind::FOOTNOTE;
            d.block.n = label->first.find_first_not_of("0123456789") == std::string::npos ? std::stoi(label->first) : 0;
            d.block.label = label->first + "@" + std::to_string(page);
            d.block.page = d.block.last_page = page;
            d.size = line.size;
            if (label->second) {
                append_words(d, line, 1, page);
            } else { // "¹Including": the label glued to the first word
                PdfLine rest = line;
                rest.words[0].text = std::string(split_superscript(rest.words[0].text, false).second);
                append_words(d, rest, 0, page);
            }
            pending_footnotes_.push_back(std::move(d));
            return;
        }
        if (!pending_footnotes_.empty()) {
            append_words(pending_footnotes_.back(), line, 0, page);
        } else if (Draft* last = last_footnote()) {
            append_words(*last, line, 0, page);
        }
    }

    void body_line(const PdfLine& line, int page, std::pair<double, double> edge, bool first_of_flow) {
        const double size = std::max(1.0, line.size);
        const auto [left, right] = edge;
        const bool bullet = line.words.size() >= 2 && is_bullet(line.words[0].text) && !line.words[0].raised &&
                            line.words[1].x0 - line.words[0].x1 > 0.15 * size;
        const bool indented = line.x0 > left + 0.8 * size;
        const bool centred = line.x0 > left + 2 * size && line.x1 < right - 2 * size &&
                             std::abs((line.x0 - left) - (right - line.x1)) < 2 * size;
        bool start = !draft_;
        if (draft_) {
            const Draft& d = *draft_;
            const bool same_style = std::abs(d.size - line.size) <= 0.08 * std::max(d.size, line.size) && d.bold == line.bold;
            const bool list = d.block.kind == OutlineBlock::Kind::LIST_ITEM;
            const bool at_item_text = list && std::abs(line.x0 - d.text_x) < 0.4 * size;
            if (bullet || !same_style) {
                start = true;
            } else if (first_of_flow || d.block.last_page != page) {
                // Going on over a column or page break: not indented (or at the item's text),
                // and the text before it unfinished or this one starting in lower case.
                const bool unfinished = !ends_sentence(d.block.text) || starts_lower(line.words[0].text);
                start = !(unfinished && (list ? at_item_text : !indented));
            } else {
                const double gap = line.y0 - d.last_y1;
                const bool short_prev = d.last_x1 < right - 2.5 * size;
                const bool heading_style = d.bold || d.size >= body_.size * 1.15;
                if (gap > body_.leading + 0.35 * size) {
                    start = true;
                } else if (centred && d.centred && !heading_style) {
                    start = true; // centred lines of a title page, one block each
                } else if (list) {
                    start = !at_item_text && !(line.x0 > d.text_x);
                } else if (indented && d.last_x0 <= left + 0.5 * size && !centred) {
                    start = true; // a first-line indent
                } else if (short_prev && (ends_sentence(d.block.text) || centred) && body_.has_size(line)) {
                    start = true;
                }
            }
        }
        if (start) {
            flush_draft();
            flush_footnotes();
            Draft d;
            d.block.kind = bullet ? OutlineBlock::Kind::LIST_ITEM : OutlineBlock::Kind::PARAGRAPH;
            d.block.level = bullet ? 1 : 0;
            d.block.page = d.block.last_page = page;
            d.size = line.size;
            d.bold = line.bold;
            d.text_x = bullet ? line.words[1].x0 : line.x0;
            draft_ = std::move(d);
        }
        draft_->centred = draft_->centred && centred;
        append_words(*draft_, line, start && bullet ? 1 : 0, page);
    }

    void add_ref(Draft& d, const std::string& text, int page) {
        std::size_t startpos = 0;
        while (startpos <= text.size()) {
            const std::size_t comma = text.find(',', startpos);
            const std::string part = text.substr(startpos, comma == std::string::npos ? std::string::npos : comma - startpos);
            OutlineRef r;
            r.n = is_digits(part) ? std::stoi(part) : 0;
            r.label = part + "@" + std::to_string(page);
            r.offset = static_cast<std::uint32_t>(d.block.text.size());
            d.block.refs.push_back(std::move(r));
            if (comma == std::string::npos) break;
            startpos = comma + 1;
        }
    }

    /// Appends `line`'s words from `from` to `d`'s text: raised markers become references, an
    /// ordinal's raised letters are glued to their number, the line end joined (line_joiner.h).
    void append_words(Draft& d, const PdfLine& line, std::size_t from, int page) {
        std::string& text = d.block.text;
        bool line_start = true;
        double last_x1 = 0;
        for (std::size_t i = from; i < line.words.size(); ++i) {
            const PdfWord& w = line.words[i];
            // Words the text layer splits at a font change ("(2020)", marker, ",") touch.
            const bool glue_next = !line_start && w.x0 - last_x1 < 0.12 * std::max(1.0, line.size);
            last_x1 = w.x1;
            if (w.raised && is_marker_text(w.text) && !text.empty()) {
                add_ref(d, w.text, page);
                continue;
            }
            if (w.raised && !text.empty()) { // "21" "st"
                text += w.text;
                continue;
            }
            std::string_view word = w.text;
            std::string marker;
            if (!text.empty() || i > from) {
                auto [digits, base] = split_superscript(word, true);
                if (!digits.empty()) {
                    marker = digits;
                    word = base;
                }
            }
            if (!word.empty()) {
                if (!text.empty() && !glue_next) {
                    if (line_start) {
                        const std::size_t sp = text.rfind(' ');
                        const std::string_view end = std::string_view(text).substr(sp == std::string::npos ? 0 : sp + 1);
                        switch (joiner_.join(end, word)) {
                            case LineJoiner::Join::SPACE: text.push_back(' '); break;
                            case LineJoiner::Join::GLUE: break;
                            case LineJoiner::Join::DROP_HYPHEN: text.erase(text.size() - (text.back() == '-' ? 1 : 2)); break;
                        }
                    } else {
                        text.push_back(' ');
                    }
                }
                text += word;
            }
            if (!marker.empty()) add_ref(d, marker, page);
            line_start = false;
        }
        d.lines += 1;
        d.block.last_page = std::max(d.block.last_page, page);
        d.last_x0 = line.x0;
        d.last_x1 = line.x1;
        d.last_y1 = line.y1;
    }

    void flush_draft() {
        if (!draft_) return;
        out_drafts_.push_back(std::move(*draft_));
        draft_.reset();
    }

    void flush_footnotes() {
        for (auto& f : pending_footnotes_) {
            out_drafts_.push_back(std::move(f));
            last_footnote_ = out_drafts_.size() - 1;
        }
        pending_footnotes_.clear();
    }

    /// Blocks set larger than the body, or bold in its size and short, are headings; their
    /// levels rank their sizes, largest first.
    void classify_headings() {
        std::vector<bool> heading(out_drafts_.size(), false);
        std::set<long, std::greater<>> sizes;
        for (std::size_t i = 0; i < out_drafts_.size(); ++i) {
            const Draft& d = out_drafts_[i];
            if (d.block.kind != OutlineBlock::Kind::PARAGRAPH || d.block.text.empty()) continue;
            const bool larger = d.size >= body_.size * 1.15;
            const bool bold_body = d.bold && d.size >= body_.size * 0.94 && !ends_sentence(d.block.text);
            if ((larger || bold_body) && d.lines <= 4 && d.block.text.size() <= 300) {
                heading[i] = true;
                sizes.insert(larger ? std::lround(d.size * 2) : std::lround(body_.size * 2));
            }
        }
        const std::vector<long> ranked(sizes.begin(), sizes.end());
        for (std::size_t i = 0; i < out_drafts_.size(); ++i) {
            Draft& d = out_drafts_[i];
            if (heading[i]) {
                const long s = d.size >= body_.size * 1.15 ? std::lround(d.size * 2) : std::lround(body_.size * 2);
                const auto rank = std::find(ranked.begin(), ranked.end(), s) - ranked.begin();
                d.block.kind = OutlineBlock::Kind::HEADING;
                d.block.level = static_cast<int>(std::min<long>(6, rank + 1));
                d.block.refs.clear();
            }
            out_.line_counts.push_back(d.lines);
            out_.centred.push_back(d.centred && d.block.kind != OutlineBlock::Kind::FOOTNOTE);
            out_.outline.blocks.push_back(std::move(d.block));
        }
    }

    /// Each marker's label names the footnote of its number on its page, else on the nearest
    /// page after, else the first of its number anywhere. (A symbol marker, "*@3", names the
    /// footnote of that symbol on its page as it stands.)
    void resolve_markers() {
        std::map<int, std::map<int, std::string>> by_number; // n → page → label
        for (auto& b : out_.outline.blocks) {
            if (b.kind == OutlineBlock::Kind::FOOTNOTE && b.n > 0) by_number[b.n].emplace(b.page, b.label);
        }
        for (auto& b : out_.outline.blocks) {
            for (auto& r : b.refs) {
                if (r.n <= 0) continue;
                const int page = std::stoi(r.label.substr(r.label.rfind('@') + 1));
                auto it = by_number.find(r.n);
                if (it == by_number.end()) continue;
                auto at = it->second.lower_bound(page);
                r.label = at != it->second.end() ? at->second : it->second.begin()->second;
            }
        }
    }
};

} // namespace

PdfOutline pdf_outline(const std::vector<PdfPageLines>& pages) { return Builder(pages).run(); }

} // namespace rapporteur
