/** @file outline_report.cc
 *  @brief An Outline (outline.h) made into a Report: title and front matter, sessions and
 *         sub-headings (structure.h), passages from paragraphs, list items and table rows,
 *         footnotes resolved by their label, people and speakers (people.h).
 */
#include "outline.h"

#include "date_parser.h"
#include "front_matter.h"
#include "gazetteer.h"
#include "layout_lines.h"
#include "people.h"
#include "rapporteur/readers.h"
#include "report_words.h"
#include "session_heading.h"
#include "structure.h"

#include <algorithm>
#include <map>

namespace rapporteur {

namespace {

/// Front-matter lines are short: a date, "Organised by ...", a venue (as in report_parser.cc).
constexpr std::size_t MAX_FRONT_MATTER_LINE_BYTES = 250;
constexpr std::size_t MAX_FRONT_MATTER_BLOCKS = 8;

bool is_text_block(const OutlineBlock& b) {
    return b.kind == OutlineBlock::Kind::PARAGRAPH || b.kind == OutlineBlock::Kind::LIST_ITEM ||
           b.kind == OutlineBlock::Kind::TABLE_ROW;
}

} // namespace

Report build_report(Outline outline, std::string_view name) {
    const ReportWords& words = ReportWords::instance();
    const Gazetteer& gazetteer = Gazetteer::instance();
    Report report;
    report.path = std::string(name);
    report.slug = slug_of(name);
    report.sessions.push_back(Session{});
    report.title = outline.title;
    auto& blocks = outline.blocks;

    // The title: a TITLE block, else the metadata's, else the first heading when it opens the
    // document or stands above every other heading.
    std::size_t title_block = blocks.size();
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (blocks[i].kind == OutlineBlock::Kind::TITLE) {
            title_block = i;
            report.title = blocks[i].text;
            break;
        }
    }
    if (title_block == blocks.size()) {
        std::size_t first = blocks.size();
        for (std::size_t i = 0; i < blocks.size() && first == blocks.size(); ++i) {
            if (blocks[i].kind == OutlineBlock::Kind::HEADING) first = i;
        }
        if (first < blocks.size()) {
            bool above_all = true;
            for (std::size_t i = first + 1; i < blocks.size(); ++i) {
                if (blocks[i].kind == OutlineBlock::Kind::HEADING && blocks[i].level <= blocks[first].level)
                    above_all = false;
            }
            bool opens = true;
            for (std::size_t i = 0; i < first; ++i) opens = opens && !is_text_block(blocks[i]);
            const bool session = match_session_heading(blocks[first].text, words).has_value();
            if (!session && (opens || above_all) && (report.title.empty() || report.title == blocks[first].text)) {
                title_block = first;
                report.title = blocks[first].text;
            }
        }
    }

    // Front matter: the short paragraphs right after the title that are not sentences
    // ("Organised by ODIHR and UNHCR", "Vienna, 30 November 2021", "Venue: Hofburg").
    std::vector<bool> front(blocks.size(), false);
    std::vector<std::string> front_lines;
    if (title_block < blocks.size()) {
        for (std::size_t i = title_block + 1; i < blocks.size() && front_lines.size() < MAX_FRONT_MATTER_BLOCKS; ++i) {
            const auto& b = blocks[i];
            if (b.kind != OutlineBlock::Kind::PARAGRAPH || b.text.size() > MAX_FRONT_MATTER_LINE_BYTES ||
                ends_sentence(b.text) || !b.refs.empty() || match_session_heading(b.text, words))
                break;
            front[i] = true;
            front_lines.push_back(b.text);
        }
    }
    // Without a title heading, the short leading paragraphs are the front matter, title included
    // ("SUMMARY" / the title / "Co-organised by ..." / the dates / the venue), as for plain text.
    bool title_from_front = false;
    if (title_block == blocks.size() && report.title.empty()) {
        for (std::size_t i = 0; i < blocks.size() && front_lines.size() < MAX_FRONT_MATTER_BLOCKS; ++i) {
            const auto& b = blocks[i];
            if (b.kind != OutlineBlock::Kind::PARAGRAPH || b.text.size() > MAX_FRONT_MATTER_LINE_BYTES ||
                (ends_sentence(b.text) && parse_dates(b.text, words).empty()) || !b.refs.empty() ||
                match_session_heading(b.text, words))
                break;
            front[i] = true;
            front_lines.push_back(b.text);
        }
        title_from_front = !front_lines.empty();
    }
    if (title_from_front) {
        auto fm = read_front_matter(front_lines, words, gazetteer);
        report.title = std::move(fm.title);
        report.organisers = std::move(fm.organisers);
        report.venue = std::move(fm.venue);
        if (outline.dates.empty()) outline.dates = std::move(fm.dates);
        report.lang = fm.lang;
    } else if (!front_lines.empty()) {
        std::vector<std::string> lines{report.title};
        lines.insert(lines.end(), front_lines.begin(), front_lines.end());
        auto fm = read_front_matter(lines, words, gazetteer);
        report.organisers = std::move(fm.organisers);
        report.venue = std::move(fm.venue);
        if (outline.dates.empty()) outline.dates = std::move(fm.dates);
        report.lang = fm.lang;
    }
    report.dates = report_dates(outline.dates, report.title, front_lines, name, words);

    SectionTracker sections(report, words);
    {
        std::vector<HeadingLine> headings;
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            if (blocks[i].kind == OutlineBlock::Kind::HEADING && i != title_block)
                headings.push_back({blocks[i].text, std::max(1, blocks[i].level)});
        }
        sections.plan(headings);
    }
    PeopleReader people(words, gazetteer);

    std::vector<Passage> footnotes;
    std::map<std::string, std::size_t> footnote_of_label;
    int counter = 0;
    bool footnotes_between = false; // footnote blocks since the last text passage
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        auto& b = blocks[i];
        if (i == title_block || front[i]) continue;
        switch (b.kind) {
            case OutlineBlock::Kind::TITLE: break;
            case OutlineBlock::Kind::HEADING:
                sections.heading({b.text, std::max(1, b.level)});
                footnotes_between = false;
                break;
            case OutlineBlock::Kind::FOOTNOTE: {
                Passage p;
                p.kind = PassageKind::FOOTNOTE;
                p.text = std::move(b.text);
                p.footnote_number = b.n;
                p.urls = std::move(b.urls);
                p.session = sections.session();
                p.page = b.page;
                p.last_page = b.last_page;
                footnote_of_label.emplace(b.label, footnotes.size());
                footnotes.push_back(std::move(p));
                footnotes_between = true;
                break;
            }
            case OutlineBlock::Kind::PARAGRAPH:
            case OutlineBlock::Kind::LIST_ITEM:
            case OutlineBlock::Kind::TABLE_ROW: {
                if (b.kind == OutlineBlock::Kind::TABLE_ROW) {
                    const bool first = i == 0 || blocks[i - 1].kind != OutlineBlock::Kind::TABLE_ROW;
                    people.table_row(b.cells, b.header_row, first);
                    if (b.header_row) break; // column names, not a passage
                } else if (sections.in_people()) {
                    people.attendance_item(b.text);
                }
                if (b.text.empty()) break;
                // A paragraph a page's footnote block cut in two is one passage again: the first
                // half does not end a sentence, or the second begins in lower case.
                if (b.kind == OutlineBlock::Kind::PARAGRAPH && footnotes_between && !report.passages.empty() &&
                    report.passages.back().kind != PassageKind::FOOTNOTE &&
                    (!ends_sentence(report.passages.back().text) || starts_lower(b.text))) {
                    Passage& prev = report.passages.back();
                    const auto shift = static_cast<std::uint32_t>(prev.text.size() + 1);
                    prev.text += ' ';
                    prev.text += b.text;
                    for (auto& r : b.refs) prev.footnotes.push_back(FootnoteRef{r.n, r.offset + shift, r.label});
                    for (auto& u : b.urls) prev.urls.push_back(std::move(u));
                    if (b.last_page) prev.last_page = b.last_page;
                    footnotes_between = false;
                    break;
                }
                footnotes_between = false;
                // The next session, announced: "The discussion during the fourth session ..."
                // (as the layout parser reads it; in an opening part with session headings it
                // is an overview of the programme).
                if (b.kind == OutlineBlock::Kind::PARAGRAPH && !sections.in_meta()) {
                    const int current = report.sessions.back().number;
                    if (int n = announced_session(b.text, words);
                        n > 0 && n == current + 1 && (current > 0 || !sections.numbered())) {
                        report.sessions.push_back(Session{report.sessions.back().day, n, {}, true});
                        sections.session_opened();
                    }
                }
                Passage p;
                p.kind = b.kind == OutlineBlock::Kind::LIST_ITEM ? PassageKind::BULLET : PassageKind::PARAGRAPH;
                p.id = report.slug + "/p" + std::to_string(++counter);
                p.text = std::move(b.text);
                p.urls = std::move(b.urls);
                p.session = sections.session();
                p.heading = sections.sub_heading();
                p.page = b.page;
                p.last_page = b.last_page;
                for (auto& r : b.refs) p.footnotes.push_back(FootnoteRef{r.n, r.offset, r.label});
                report.passages.push_back(std::move(p));
                break;
            }
        }
    }
    if (report.lang.empty()) report.lang = sections.heading_lang();
    // Footnote ids are their numbers; a number used twice (numbering restarted) gets "-2".
    std::map<int, int> seen;
    for (auto& f : footnotes) {
        const int k = ++seen[f.footnote_number];
        f.id = report.slug + "/fn" + std::to_string(f.footnote_number) + (k > 1 ? "-" + std::to_string(k) : "");
    }
    std::vector<bool> session_set(footnotes.size(), false);
    for (auto& p : report.passages) {
        for (auto& ref : p.footnotes) {
            auto it = footnote_of_label.find(ref.id); // the label, until resolved here
            ref.id.clear();
            if (it == footnote_of_label.end()) continue;
            Passage& fn = footnotes[it->second];
            ref.id = fn.id;
            if (std::find(fn.cited_by.begin(), fn.cited_by.end(), p.id) == fn.cited_by.end()) fn.cited_by.push_back(p.id);
            if (!session_set[it->second]) {
                fn.session = p.session; // a footnote belongs to the session that first cites it
                session_set[it->second] = true;
            }
        }
    }
    for (auto& f : footnotes) report.passages.push_back(std::move(f));
    people.finish(report);
    return report;
}

} // namespace rapporteur
