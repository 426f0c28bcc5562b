/** @file layout_items.cc
 *  @brief The layout parser's items into passages: clean text, footnotes linked both ways,
 *         people and speakers (people.h).
 */
#include "layout_items.h"

#include "inline_markup.h"

#include <algorithm>
#include <optional>

namespace rapporteur {

void make_passages_of(std::vector<LayoutItem>& items, Report& report, PeopleReader& people) {
    const std::string& slug = report.slug;
    std::vector<std::size_t> item_of_passage; // item index of each text passage
    std::vector<Passage> footnotes;
    std::vector<std::size_t> item_of_footnote;
    int counter = 0;
    for (std::size_t k = 0; k < items.size(); ++k) {
        LayoutItem& item = items[k];
        if (item.kind == LayoutItem::Kind::HEADING || item.kind == LayoutItem::Kind::SKIP) continue;
        if (!item.cells.empty()) {
            std::vector<std::string> cells;
            for (const auto& c : item.cells) cells.push_back(read_inline(c).text);
            people.table_row(cells, item.header_row, item.first_row);
            if (item.header_row) continue; // column names, not a passage
        }
        InlineText in = read_inline(item.raw);
        if (item.people && item.kind != LayoutItem::Kind::FOOTNOTE) people.attendance_item(in.text);
        item.raw.clear();
        item.raw.shrink_to_fit();
        Passage p;
        p.text = std::move(in.text);
        p.urls = std::move(in.urls);
        p.session = item.session;
        if (item.kind == LayoutItem::Kind::FOOTNOTE) {
            p.kind = PassageKind::FOOTNOTE;
            p.footnote_number = item.footnote_number;
            p.footnotes = std::move(in.refs); // a footnote citing another one
            footnotes.push_back(std::move(p));
            item_of_footnote.push_back(k);
        } else {
            if (p.text.empty()) continue;
            p.kind = item.kind == LayoutItem::Kind::BULLET ? PassageKind::BULLET : PassageKind::PARAGRAPH;
            p.id = slug + "/p" + std::to_string(++counter);
            p.footnotes = std::move(in.refs);
            p.heading = std::move(item.heading);
            report.passages.push_back(std::move(p));
            item_of_passage.push_back(k);
        }
    }
    // Footnote ids are their numbers; a number used twice (numbering restarted) gets "-2".
    for (std::size_t f = 0; f < footnotes.size(); ++f) {
        int seen = 0;
        for (std::size_t g = 0; g < f; ++g) seen += footnotes[g].footnote_number == footnotes[f].footnote_number;
        footnotes[f].id = slug + "/fn" + std::to_string(footnotes[f].footnote_number) +
                          (seen ? "-" + std::to_string(seen + 1) : "");
    }
    // A marker cites the first footnote of its number after it, or else the last before it.
    std::vector<bool> session_set(footnotes.size(), false);
    for (std::size_t i = 0; i < report.passages.size(); ++i) {
        for (auto& ref : report.passages[i].footnotes) {
            std::optional<std::size_t> target;
            for (std::size_t f = 0; f < footnotes.size(); ++f) {
                if (footnotes[f].footnote_number != ref.n) continue;
                if (item_of_footnote[f] > item_of_passage[i]) {
                    target = f;
                    break;
                }
                target = f;
            }
            if (!target) continue;
            Passage& fn = footnotes[*target];
            ref.id = fn.id;
            if (std::find(fn.cited_by.begin(), fn.cited_by.end(), report.passages[i].id) == fn.cited_by.end()) {
                fn.cited_by.push_back(report.passages[i].id);
            }
            // A footnote belongs to the session of the passage that first cites it.
            if (!session_set[*target]) {
                fn.session = report.passages[i].session;
                session_set[*target] = true;
            }
        }
    }
    for (auto& f : footnotes) report.passages.push_back(std::move(f));
    people.finish(report);
}

} // namespace rapporteur
