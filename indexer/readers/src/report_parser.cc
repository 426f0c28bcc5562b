/** @file report_parser.cc
 *  @brief Reading a meeting report as a person does: front matter, sessions, paragraphs and
 *  bullets (rejoined across footnote blocks), footnotes linked both ways, entities, acronyms.
 *
 *  The text goes through four stages: normalise (text_normalizer.cc) → blocks of lines between
 *  blank lines → items (heading, paragraph, bullet, footnote, skipped) in reading order, where a
 *  paragraph cut by a page's footnote block is joined again → passages with clean text
 *  (inline_markup.cc), footnote links, entities (gazetteer.cc) and acronyms (acronym_finder.cc).
 */
#include "rapporteur/base/data_files.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/readers.h"

#include "acronym_finder.h"
#include "date_parser.h"
#include "front_matter.h"
#include "gazetteer.h"
#include "inline_markup.h"
#include "layout_items.h"
#include "layout_lines.h"
#include "people.h"
#include "rapporteur/utf8.h"
#include "report_words.h"
#include "session_heading.h"
#include "structure.h"
#include "text_normalizer.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace rapporteur {

std::string slug_of(std::string_view path) {
    auto slash = path.find_last_of('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (auto dot = name.find_last_of('.'); dot != std::string_view::npos && dot > 0) {
        name = name.substr(0, dot);
    }
    std::string slug;
    for (unsigned char c : name) {
        if (std::isalnum(c))
            slug += static_cast<char>(std::tolower(c));
        else if (c >= 0x80)
            slug += static_cast<char>(c);
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug.empty() ? "document" : slug;
}

namespace {

/// Front-matter lines are short: a title, "Co-organized by ...", a date, a venue.
constexpr std::size_t MAX_FRONT_MATTER_LINE_BYTES = 250;
/// A front matter written without blank lines is one block; a wrapped first paragraph is not
/// taken for one because its last line ends a sentence.
constexpr std::size_t MAX_FRONT_MATTER_BLOCK_LINES = 8;


/// The level of a Markdown ATX heading line ("## x" → 2).
int markdown_level(std::string_view line) {
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    int n = 0;
    while (n < static_cast<int>(line.size()) && line[n] == '#') ++n;
    return std::max(1, n);
}

class ReportReader {
  public:
    ReportReader(Report& report, const ReportWords& words, const Gazetteer& gazetteer)
        : report_(report), words_(words), gazetteer_(gazetteer), sections_(report, words), people_(words, gazetteer) {}

    void read(std::string_view text) {
        auto blocks = split_blocks(text);
        std::size_t first_body = read_front_matter_blocks(blocks);
        // Whether any heading opens a session decides whether the opening part may announce one.
        for (std::size_t b = first_body; b < blocks.size() && !has_headings_; ++b) {
            for (auto line : blocks[b]) {
                if (auto h = match_session_heading(line, words_); h && h->number > 0) {
                    has_headings_ = true;
                    break;
                }
            }
        }
        // The headings that are not the layout parser's own session headings go through the
        // structure stage shared with the structured readers (structure.h).
        std::vector<HeadingLine> headings;
        for (std::size_t b = first_body; b < blocks.size(); ++b) {
            for (auto line : blocks[b]) {
                if (is_markdown_heading(line))
                    headings.push_back({read_inline(strip_line_markup(line)).text, markdown_level(line)});
                else if (auto h = match_session_heading(line, words_); h && h->number > 0)
                    headings.push_back({std::string(line), 1}); // tells the stage sessions are numbered
            }
            if (blocks[b].size() == 1) {
                if (auto level = numbered_heading_level(blocks[b][0]); level && !is_heading(blocks[b][0]))
                    headings.push_back({read_inline(blocks[b][0]).text, *level});
            }
        }
        sections_.plan(headings);
        for (std::size_t b = first_body; b < blocks.size(); ++b) read_block(blocks[b]);
        make_passages();
    }

  private:
    bool is_heading(std::string_view line) const { return match_session_heading(line, words_).has_value(); }

    /// The leading blocks of short lines that are not headings, bullets, footnotes or sentences.
    std::size_t read_front_matter_blocks(const std::vector<Block>& blocks) {
        std::vector<std::string> lines;
        std::size_t b = 0;
        for (; b < blocks.size(); ++b) {
            const Block& block = blocks[b];
            if (block.size() > MAX_FRONT_MATTER_BLOCK_LINES) break;
            bool front = true;
            for (auto line : block) {
                // A full stop ends a sentence, except after a date ("3-4 ноября 2020 г.").
                const bool sentence = ends_sentence(line) &&
                                      !(count_non_date_words(line, words_) <= 2 && !parse_dates(line, words_).empty());
                if (line.size() > MAX_FRONT_MATTER_LINE_BYTES || is_heading(line) || bullet_body(line) ||
                    numbered_heading_level(line) || is_table_line(line) ||
                    (!lines.empty() && is_markdown_heading(line)) || // a section after the title
                    match_footnote_start(line, true) || sentence || is_page_furniture(line)) {
                    front = false;
                    break;
                }
            }
            if (!front) break;
            for (auto line : block) lines.push_back(strip_line_markup(line));
        }
        auto fm = read_front_matter(lines, words_, gazetteer_);
        // A Markdown title heading is the title even when it is mostly a date
        // ("# 16 November, 2020 Meeting Notes"), as build_report reads it.
        if (fm.title.empty() && b > 0 && is_markdown_heading(blocks[0][0])) fm.title = lines.front();
        report_.title = read_inline(fm.title).text; // markup and markers out of the title
        report_.organisers = std::move(fm.organisers);
        report_.dates = std::move(fm.dates);
        report_.venue = std::move(fm.venue);
        front_lang_ = std::move(fm.lang);
        return b;
    }

    void read_block(const Block& block) {
        // Page furniture never breaks a paragraph cut in two.
        if (block.size() == 1 && is_page_furniture(block[0])) return;
        // A URL on its own after a footnote belongs to that footnote ("... can be found here:").
        if (block.size() == 1 && is_url_only(block[0]) && !items_.empty() &&
            items_.back().kind == LayoutItem::Kind::FOOTNOTE) {
            append_line(items_.back().raw, block[0]);
            return;
        }
        // A table: its rows, the delimiter row left out.
        if (is_table_line(block[0]) && std::all_of(block.begin(), block.end(), is_table_line)) {
            const bool header = block.size() >= 2 && is_table_rule(block[1]);
            for (std::size_t r = 0; r < block.size(); ++r) {
                if (is_table_rule(block[r])) continue;
                LayoutItem item = make_item(LayoutItem::Kind::PARAGRAPH, {});
                item.cells = table_cells(block[r]);
                item.header_row = header && r == 0;
                item.first_row = r == 0;
                for (const auto& c : item.cells) {
                    if (c.empty()) continue;
                    if (!item.raw.empty()) item.raw += " | ";
                    item.raw += c;
                }
                items_.push_back(std::move(item));
            }
            return;
        }
        // A numbered section heading alone on its line: "I. Introduction", "4.9 JSON changes".
        if (block.size() == 1 && numbered_heading_level(block[0]) && !is_heading(block[0])) {
            sections_.heading({read_inline(block[0]).text, *numbered_heading_level(block[0])});
            return;
        }
        std::size_t i = 0;
        bool first_group = true;
        // A setext heading ("Background" over "----------") that opens no session is a title.
        if (block.size() >= 2 && is_rule(block[1]) && (block[1].front() == '=' || block[1].front() == '-') &&
            !is_heading(block[0])) {
            i = 2;
            first_group = false;
        }
        while (i < block.size()) {
            std::string_view line = block[i];
            if (is_rule(line)) {
                ++i; // an underline or a thematic break: no text
                continue;
            }
            if ((first_group || line_has_day(line)) && heading(line)) {
                ++i;
                // "Day 1. Session 1" with its title on the next line: a short line that is not
                // a sentence, a bullet or a footnote.
                Session& s = report_.sessions.back();
                if (i < block.size() && s.title.empty() && s.number > 0 && items_.back().kind == LayoutItem::Kind::HEADING &&
                    block[i].size() <= MAX_FRONT_MATTER_LINE_BYTES && !ends_sentence(block[i]) &&
                    !bullet_body(block[i]) && !match_footnote_start(block[i]) && !is_heading(block[i])) {
                    s.title = read_inline(strip_line_markup(block[i])).text;
                    ++i;
                }
            } else if (auto fn = match_footnote_start(line, i == 0)) {
                LayoutItem item = make_item(LayoutItem::Kind::FOOTNOTE, std::string(line.substr(fn->body)), fn->n);
                for (++i; i < block.size() && !match_footnote_start(block[i]) && !line_has_day_heading(block[i]) &&
                          !is_markdown_heading(block[i]);
                     ++i) {
                    append_line(item.raw, block[i]);
                }
                items_.push_back(std::move(item));
            } else if (auto numbered = numbered_line(line); numbered && i == 0 && numbered_paragraph(block)) {
                // "12. At its 3rd meeting, ...": a numbered paragraph (UN style), not a list item.
                LayoutItem item = make_item(LayoutItem::Kind::PARAGRAPH, std::string(line.substr(numbered->body)));
                for (++i; i < block.size() && !ends_item(block[i]); ++i) append_line(item.raw, block[i]);
                items_.push_back(std::move(item));
            } else if (auto body = bullet_body(line);
                       body && (first_group || last_kind() == LayoutItem::Kind::BULLET ||
                                (last_kind() == LayoutItem::Kind::PARAGRAPH && ends_sentence(items_.back().raw)))) {
                LayoutItem item = make_item(LayoutItem::Kind::BULLET, std::string(line.substr(*body)));
                for (++i; i < block.size() && !bullet_body(block[i]) && !match_footnote_start(block[i]) &&
                          !line_has_day_heading(block[i]) && !is_markdown_heading(block[i]);
                     ++i) {
                    append_line(item.raw, block[i]);
                }
                items_.push_back(std::move(item));
            } else if (is_markdown_heading(line)) {
                // A Markdown heading that is no "Session N" heading: an agenda item, a
                // sub-heading or a meta section, as the structure stage decides.
                sections_.heading({read_inline(strip_line_markup(line)).text, markdown_level(line)});
                ++i;
            } else {
                std::string raw(line);
                for (++i; i < block.size() && !match_footnote_start(block[i]) && !line_has_day_heading(block[i]) &&
                          !is_markdown_heading(block[i]) && !is_rule(block[i]) &&
                          !(bullet_body(block[i]) && ends_sentence(raw));
                     ++i) {
                    append_line(raw, block[i]);
                }
                add_paragraph(std::move(raw), first_group);
            }
            first_group = false;
        }
    }

    /// Whether a line ends the text of the list item or numbered paragraph above it.
    bool ends_item(std::string_view line) const {
        return bullet_body(line) || numbered_line(line) || match_footnote_start(line) || line_has_day_heading(line) || is_markdown_heading(line);
    }

    /** Whether a block that starts "N. " is a numbered paragraph: its first item's text ends a
     *  sentence ("... adopted the following agenda:" too), and no later line of the block
     *  continues the numbering with N+1 (a list of items, "1. Opening.", "2. Election.").
     *  An agenda numbered from 1 inside paragraph 5 is that paragraph's list. */
    bool numbered_paragraph(const Block& block) const {
        const auto first = numbered_line(block[0]);
        std::string text(block[0]);
        std::size_t i = 1;
        for (; i < block.size() && !ends_item(block[i]); ++i) append_line(text, block[i]);
        if (!ends_sentence(text)) return false;
        for (; i < block.size(); ++i) {
            if (auto next = numbered_line(block[i]); next && next->number == first->number + 1) return false;
        }
        return true;
    }

    bool line_has_day(std::string_view line) const { return starts_with_day(line, words_); }
    bool line_has_day_heading(std::string_view line) const { return line_has_day(line) && is_heading(line); }

    LayoutItem::Kind last_kind() const { return items_.empty() ? LayoutItem::Kind::SKIP : items_.back().kind; }
    int current_session() const { return sections_.session(); }

    LayoutItem make_item(LayoutItem::Kind kind, std::string raw, int footnote_number = 0) const {
        LayoutItem item;
        item.kind = kind;
        item.raw = std::move(raw);
        item.footnote_number = footnote_number;
        item.session = current_session();
        item.heading = sections_.sub_heading();
        item.people = sections_.in_people();
        return item;
    }

    /// A session or day heading: opens a session (or sets the day). False when not a heading.
    bool heading(std::string_view line) {
        auto h = match_session_heading(line, words_);
        if (!h) return false;
        if (heading_lang_.empty()) heading_lang_ = h->lang;
        if (h->day) current_day_ = h->day;
        sections_.day(h->day);
        if (h->number > 0) {
            report_.sessions.push_back(
                Session{h->day ? h->day : current_day_, h->number, read_inline(h->title).text, false});
            sections_.session_opened();
        }
        items_.push_back(make_item(LayoutItem::Kind::HEADING, {}));
        return true;
    }

    /// A paragraph: joined to the one a page's footnote block cut, or a new one that may
    /// announce the next session.
    void add_paragraph(std::string raw, bool block_start) {
        if (block_start) {
            bool footnotes_between = false;
            std::size_t k = items_.size();
            while (k > 0 && items_[k - 1].kind == LayoutItem::Kind::FOOTNOTE) {
                footnotes_between = true;
                --k;
            }
            if (k > 0) {
                LayoutItem& prev = items_[k - 1];
                const bool text_item = prev.kind == LayoutItem::Kind::PARAGRAPH || prev.kind == LayoutItem::Kind::BULLET;
                // Across a footnote block, either sign is enough: the first half does not end a
                // sentence, or the second half begins in lower case. Without one (a page break
                // that left only a blank line), both are needed.
                const bool open = !ends_sentence(prev.raw);
                const bool lower = starts_lower(raw);
                if (text_item && (footnotes_between ? (open || lower) : (open && lower))) {
                    append_line(prev.raw, raw);
                    return;
                }
            }
        }
        // The next session, announced: "The discussion during the fourth session focused on".
        // In the opening part of a report that has headings, "the first session will ..." is
        // an overview of the programme, not the start of Session 1.
        const int current = report_.sessions.back().number;
        if (int n = announced_session(raw, words_); n > 0 && n == current + 1 && (current > 0 || !has_headings_)) {
            report_.sessions.push_back(Session{current_day_, n, {}, true});
            sections_.session_opened();
        }
        items_.push_back(make_item(LayoutItem::Kind::PARAGRAPH, std::move(raw)));
    }

    void make_passages() {
        report_.lang = !heading_lang_.empty() ? heading_lang_ : front_lang_;
        if (report_.lang.empty()) report_.lang = sections_.heading_lang();
        report_.dates = report_dates(report_.dates, report_.title, {}, report_.path, words_);
        make_passages_of(items_, report_, people_);
    }

    Report& report_;
    const ReportWords& words_;
    const Gazetteer& gazetteer_;
    std::vector<LayoutItem> items_;
    int current_day_ = 0;
    bool has_headings_ = false;
    std::string heading_lang_, front_lang_;
    SectionTracker sections_;
    PeopleReader people_;
};

} // namespace

Report parse_report(std::string_view text, std::string_view path) {
    Report report;
    report.path = std::string(path);
    report.slug = slug_of(path);
    report.sessions.push_back(Session{});
    const std::string clean = normalize_text(text);
    ReportReader(report, ReportWords::instance(), Gazetteer::instance()).read(clean);
    return report;
}

} // namespace rapporteur
