/** @file outline_report.cc
 *  @brief An Outline (outline.h) made into a Report: sessions from headings, passages from
 *         paragraphs, list items and table rows, footnotes resolved by their label.
 */
#include "outline.h"

#include "acronym_finder.h"
#include "date_parser.h"
#include "gazetteer.h"
#include "rapporteur/readers.h"
#include "report_words.h"
#include "session_heading.h"

#include <algorithm>
#include <map>

namespace rapporteur {

namespace {

void add_acronyms(Report& report, std::string_view text) {
    for (auto& a : find_acronyms(text)) {
        const bool known = std::any_of(report.acronyms.begin(), report.acronyms.end(), [&](const auto& e) {
            return e.acronym == a.acronym && e.expansion == a.expansion;
        });
        if (!known) report.acronyms.push_back(std::move(a));
    }
}

} // namespace

Report build_report(Outline outline, std::string_view name) {
    const ReportWords& words = ReportWords::instance();
    Report report;
    report.path = std::string(name);
    report.slug = slug_of(name);
    report.sessions.push_back(Session{});
    report.title = outline.title;
    report.dates = outline.dates;

    // The level of the headings that open sessions: the highest level used below the title.
    int title_level = 0, session_level = 7;
    for (const auto& b : outline.blocks) {
        if (b.kind == OutlineBlock::Kind::TITLE && report.title.empty()) report.title = b.text;
        if (b.kind == OutlineBlock::Kind::HEADING && report.title.empty() && title_level == 0) {
            report.title = b.text;
            title_level = b.level;
        }
    }
    for (const auto& b : outline.blocks) {
        if (b.kind == OutlineBlock::Kind::HEADING && b.level > title_level) session_level = std::min(session_level, b.level);
    }
    if (report.dates.empty()) report.dates = parse_dates(report.title, words);

    std::vector<Passage> footnotes;
    std::map<std::string, std::size_t> footnote_of_label;
    int counter = 0, day = 0;
    bool title_seen = false;
    for (auto& b : outline.blocks) {
        switch (b.kind) {
            case OutlineBlock::Kind::TITLE: break;
            case OutlineBlock::Kind::HEADING: {
                if (!title_seen && b.level == title_level && b.text == report.title) {
                    title_seen = true;
                    break;
                }
                if (auto h = match_session_heading(b.text, words)) {
                    if (h->day) day = h->day;
                    if (h->number > 0) report.sessions.push_back(Session{h->day ? h->day : day, h->number, h->title, false});
                } else if (b.level == session_level) {
                    const int number = report.sessions.back().number + 1;
                    report.sessions.push_back(Session{day, number, b.text, false});
                }
                break;
            }
            case OutlineBlock::Kind::FOOTNOTE: {
                Passage p;
                p.kind = PassageKind::FOOTNOTE;
                p.text = std::move(b.text);
                p.footnote_number = b.n;
                p.urls = std::move(b.urls);
                p.session = static_cast<int>(report.sessions.size()) - 1;
                p.page = b.page;
                p.last_page = b.last_page;
                footnote_of_label.emplace(b.label, footnotes.size());
                footnotes.push_back(std::move(p));
                break;
            }
            case OutlineBlock::Kind::PARAGRAPH:
            case OutlineBlock::Kind::LIST_ITEM:
            case OutlineBlock::Kind::TABLE_ROW: {
                if (b.text.empty()) break;
                // A session announced in the text, as the plain-text reader reads one: "The
                // discussion during the fourth session focused on ...".
                if (b.kind == OutlineBlock::Kind::PARAGRAPH) {
                    const int current = report.sessions.back().number;
                    if (int n = announced_session(b.text, words); n > 0 && n == current + 1 && current > 0) {
                        report.sessions.push_back(Session{report.sessions.back().day, n, {}, true});
                    }
                }
                Passage p;
                p.kind = b.kind == OutlineBlock::Kind::LIST_ITEM ? PassageKind::BULLET : PassageKind::PARAGRAPH;
                p.id = report.slug + "/p" + std::to_string(++counter);
                p.text = std::move(b.text);
                p.urls = std::move(b.urls);
                p.session = static_cast<int>(report.sessions.size()) - 1;
                p.page = b.page;
                p.last_page = b.last_page;
                for (auto& r : b.refs) p.footnotes.push_back(FootnoteRef{r.n, r.offset, r.label});
                report.passages.push_back(std::move(p));
                break;
            }
        }
    }
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
    const Gazetteer& gazetteer = Gazetteer::instance();
    for (auto& p : report.passages) {
        gazetteer.tag(p.text, p.organisations, p.countries);
        add_acronyms(report, p.text);
    }
    return report;
}

} // namespace rapporteur
