/** @file pdf_reader.cc
 *  @brief The PDF reader: a PDF's words (pdf_text_source.h) in, a report out (pdf_reader.h).
 */
#include "pdf_reader.h"

#include "front_matter.h"
#include "gazetteer.h"
#include "outline.h"
#include "pdf_outline.h"
#include "pdf_text_source.h"
#include "rapporteur/base/errors.h"
#include "report_words.h"
#include "session_heading.h"

#include <algorithm>
#include <set>
#include <string>

namespace rapporteur {

namespace {

/// The cause alone: like every reader's, the message is printed after the file's path by the
/// indexer ("rapporteur-index: a/b.pdf: encrypted PDF ...").
[[noreturn]] void fail(std::string_view cause) { throw RuntimeError(std::string(cause)); }

} // namespace

std::vector<PdfPageLines> read_pdf_lines(std::string_view bytes, std::string_view) {
    PdfTextSource pdf(bytes);
    const int pages = pdf.pages();
    if (pages > PdfReader::MAX_PAGES) {
        fail("PDF of " + std::to_string(pages) + " pages, more than the " + std::to_string(PdfReader::MAX_PAGES) + " a file may have");
    }
    std::vector<PdfPageLines> out(static_cast<std::size_t>(pages));
    std::size_t total = 0;
    for (int i = 0; i < pages; ++i) {
        PdfPage page = pdf.page(i, PdfReader::MAX_PAGE_WORDS);
        total += page.words.size();
        if (total > PdfReader::MAX_WORDS) fail("more than " + std::to_string(PdfReader::MAX_WORDS) + " words of text, more than a file may have");
        out[static_cast<std::size_t>(i)].number = page.number;
        out[static_cast<std::size_t>(i)].lines = page_lines(std::move(page));
    }
    return out;
}

Report PdfReader::read(std::string_view bytes, std::string_view name) const {
    const std::vector<PdfPageLines> lines = read_pdf_lines(bytes, name);
    const bool any_text = std::any_of(lines.begin(), lines.end(), [](const PdfPageLines& p) { return !p.lines.empty(); });
    if (!any_text) fail("PDF without a text layer (scanned pages?): nothing to index");
    PdfOutline pdf = pdf_outline(lines);
    Outline& outline = pdf.outline;

    // The front matter: the headings and short centred lines that open the first page before
    // any body text, in sizes no later heading uses (the title, "Co-organized by ...", the
    // dates, the venue), read as the plain-text reader reads a report's first lines.
    const ReportWords& words = ReportWords::instance();
    std::set<int> later_levels;
    bool body = false;
    std::size_t front = 0;
    for (std::size_t i = 0; i < outline.blocks.size(); ++i) {
        const auto& b = outline.blocks[i];
        if (b.kind != OutlineBlock::Kind::HEADING) {
            body = true;
        } else if (body) {
            later_levels.insert(b.level);
        }
    }
    while (front < outline.blocks.size() && front < 12) {
        const auto& b = outline.blocks[front];
        const bool centred_line = b.kind == OutlineBlock::Kind::PARAGRAPH && pdf.centred[front] && pdf.line_counts[front] <= 2;
        if (b.page != 1 || match_session_heading(b.text, words)) break;
        if (!centred_line && (b.kind != OutlineBlock::Kind::HEADING || later_levels.count(b.level))) break;
        ++front;
    }
    FrontMatter fm;
    if (front > 0) {
        std::vector<std::string> fm_lines;
        for (std::size_t i = 0; i < front; ++i) fm_lines.push_back(outline.blocks[i].text);
        fm = read_front_matter(fm_lines, words, Gazetteer::instance());
        outline.blocks.erase(outline.blocks.begin(), outline.blocks.begin() + static_cast<long>(front));
        outline.title = fm.title;
        outline.dates = fm.dates;
    }
    Report report = build_report(std::move(outline), name);
    if (report.organisers.empty()) report.organisers = fm.organisers;
    if (report.venue.empty()) report.venue = fm.venue;
    if (report.lang.empty()) report.lang = fm.lang;
    return report;
}

} // namespace rapporteur
