/** @file pdf_reader.cc
 *  @brief The PDF reader: poppler's text boxes in, a report out (pdf_reader.h).
 */
#include "pdf_reader.h"

#include "front_matter.h"
#include "gazetteer.h"
#include "outline.h"
#include "pdf_outline.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/utf8.h"
#include "report_words.h"
#include "session_heading.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace rapporteur {

namespace {

/// Poppler reports damage it works around on stderr; a library does not print, and what it
/// cannot work around comes back as a failed load, which is reported with the file's name.
void silence_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

/// The cause alone: like every reader's, the message is printed after the file's path by the
/// indexer ("rapporteur-index: a/b.pdf: encrypted PDF ...").
[[noreturn]] void fail(std::string_view, std::string_view cause) { throw RuntimeError(std::string(cause)); }

bool bold_font(std::string_view font) {
    const std::string f = utf8::fold(font);
    for (std::string_view k : {"bold", "medi", "semibold", "demi", "black", "heavy", "cmbx", "cmb10", "-bx"}) {
        if (f.find(k) != std::string::npos) return true;
    }
    return false;
}

/// A word's text as the index wants it: ligatures spelled out, soft hyphens inside the word
/// and control characters dropped (a soft hyphen at the end stays: it marks hyphenation).
std::string clean_word(const std::vector<char>& utf8_bytes) {
    const std::string_view in(utf8_bytes.data(), utf8_bytes.size());
    std::string out;
    out.reserve(in.size());
    std::size_t pos = 0;
    while (pos < in.size()) {
        const char32_t c = utf8::next(in, pos);
        switch (c) {
            case U'\uFB00': out += "ff"; continue;
            case U'\uFB01': out += "fi"; continue;
            case U'\uFB02': out += "fl"; continue;
            case U'\uFB03': out += "ffi"; continue;
            case U'\uFB04': out += "ffl"; continue;
            case U'\uFB05':
            case U'\uFB06': out += "st"; continue;
            case U'\u00AD':
                if (pos == in.size()) utf8::append(out, c);
                continue;
            case U'\uFFFD': continue;
            default: break;
        }
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) continue;
        utf8::append(out, c);
    }
    return out;
}

} // namespace

std::vector<PdfPage> read_pdf_words(std::string_view bytes, std::string_view name) {
    silence_poppler();
    if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) fail(name, "not a PDF (no %PDF- header)");
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) fail(name, "PDF larger than 2 GB");
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) fail(name, "damaged PDF (poppler cannot open it: truncated or corrupt)");
    if (doc->is_locked()) fail(name, "encrypted PDF (it needs a password to be read)");
    const int pages = doc->pages();
    if (pages <= 0) fail(name, "PDF without pages");
    if (pages > PdfReader::MAX_PAGES) {
        fail(name, "PDF of " + std::to_string(pages) + " pages, more than the " + std::to_string(PdfReader::MAX_PAGES) + " a file may have");
    }
    std::vector<PdfPage> out;
    out.reserve(static_cast<std::size_t>(pages));
    std::size_t total = 0;
    for (int i = 0; i < pages; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        PdfPage p;
        p.number = i + 1;
        if (!page) {
            out.push_back(std::move(p));
            continue;
        }
        const poppler::rectf box = page->page_rect();
        p.width = box.width();
        p.height = box.height();
        std::vector<poppler::text_box> boxes = page->text_list(poppler::page::text_list_include_font);
        if (boxes.size() > PdfReader::MAX_PAGE_WORDS) {
            fail(name, "page " + std::to_string(i + 1) + " has " + std::to_string(boxes.size()) + " words, more than the " +
                           std::to_string(PdfReader::MAX_PAGE_WORDS) + " a page may have");
        }
        total += boxes.size();
        if (total > PdfReader::MAX_WORDS) fail(name, "more than " + std::to_string(PdfReader::MAX_WORDS) + " words of text, more than a file may have");
        p.words.reserve(boxes.size());
        // Vertical text on an upright page (a margin stamp, a rotated table head) is not body
        // text; a page whose text is mostly turned (a landscape page) keeps it all.
        const auto upright = std::count_if(boxes.begin(), boxes.end(), [](const poppler::text_box& b) { return b.rotation() == 0; });
        const bool skip_turned = upright * 2 >= static_cast<long>(boxes.size());
        for (auto& b : boxes) {
            if (skip_turned && b.rotation() != 0) continue;
            PdfWord w;
            w.text = clean_word(b.text().to_utf8());
            if (w.text.empty()) continue;
            const poppler::rectf r = b.bbox();
            w.x0 = r.left();
            w.y0 = r.top();
            w.x1 = r.right();
            w.y1 = r.bottom();
            w.size = b.has_font_info() ? b.get_font_size() : r.height();
            if (!(w.size > 0 && w.size < 2000)) w.size = std::max(1.0, r.height());
            w.bold = b.has_font_info() && bold_font(b.get_font_name());
            p.words.push_back(std::move(w));
        }
        out.push_back(std::move(p));
    }
    return out;
}

Report PdfReader::read(std::string_view bytes, std::string_view name) const {
    std::vector<PdfPage> pages = read_pdf_words(bytes, name);
    const bool any_text = std::any_of(pages.begin(), pages.end(), [](const PdfPage& p) { return !p.words.empty(); });
    if (!any_text) fail(name, "PDF without a text layer (scanned pages?): nothing to index");
    std::vector<PdfPageLines> lines;
    lines.reserve(pages.size());
    for (auto& p : pages) {
        PdfPageLines pl;
        pl.number = p.number;
        pl.lines = page_lines(std::move(p));
        lines.push_back(std::move(pl));
    }
    pages.clear();
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
