/** @file pdf_reader.cc
 *  @brief The PDF reader: poppler's text boxes in, a report out (pdf_reader.h).
 */
#include "pdf_reader.h"

#include "front_matter.h"
#include "gazetteer.h"
#include "outline.h"
#include "pdf_outline.h"
#include "pdf_running_heads.h"
#include "pdf_font_pages.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/utf8.h"
#include "report_words.h"
#include "session_heading.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <climits>
#include <cmath>
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

/// A word's text as the index wants it, from poppler's UTF-16: ligatures spelled out, soft
/// hyphens inside the word, control characters and unpaired surrogates dropped (a soft hyphen
/// at the end stays: it marks hyphenation). ICU's UTF-16 macros, not poppler's to_utf8, which
/// opens an iconv converter for every word.
std::string clean_word(const poppler::ustring& utf16) {
    const auto* s = utf16.data();
    const auto n = static_cast<std::int32_t>(utf16.size());
    std::string out;
    out.reserve(utf16.size());
    std::int32_t i = 0;
    while (i < n) {
        UChar32 c = 0;
        U16_NEXT(s, i, n, c);
        switch (c) {
            case U'\uFB00': out += "ff"; continue;
            case U'\uFB01': out += "fi"; continue;
            case U'\uFB02': out += "fl"; continue;
            case U'\uFB03': out += "ffi"; continue;
            case U'\uFB04': out += "ffl"; continue;
            case U'\uFB05':
            case U'\uFB06': out += "st"; continue;
            case U'\u00AD':
                if (i == n) utf8::append(out, static_cast<char32_t>(c));
                continue;
            case U'\uFFFD': continue;
            default: break;
        }
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || U_IS_SURROGATE(c)) continue;
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else {
            utf8::append(out, static_cast<char32_t>(c));
        }
    }
    return out;
}

/// A word's size in points from its box: poppler's box runs from its font's ascent to its
/// descent, 0.89 to 0.90 of the font size in the Latin text fonts of the test PDFs and of
/// /usr/share/doc (Times, Computer and Latin Modern). Only ratios between sizes decide
/// anything, and one document's fonts mostly share that proportion.
constexpr double BOX_HEIGHT_PER_POINT = 0.9;

/// One loaded PDF, read a page at a time: the glue to poppler.
class PopplerPdf {
  public:
    PopplerPdf(std::string_view bytes, std::string_view name) : name_(name) {
        silence_poppler();
        if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) fail(name, "not a PDF (no %PDF- header)");
        if (bytes.size() > static_cast<std::size_t>(INT_MAX)) fail(name, "PDF larger than 2 GB");
        doc_.reset(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
        if (!doc_) fail(name, "damaged PDF (poppler cannot open it: truncated or corrupt)");
        if (doc_->is_locked()) fail(name, "encrypted PDF (it needs a password to be read)");
        pages_ = doc_->pages();
        if (pages_ <= 0) fail(name, "PDF without pages");
        if (pages_ > PdfReader::MAX_PAGES) {
            fail(name, "PDF of " + std::to_string(pages_) + " pages, more than the " + std::to_string(PdfReader::MAX_PAGES) + " a file may have");
        }
    }

    int pages() const { return pages_; }

    /** The words of page `index` (0-based), their sizes from their boxes. With `font_sizes`,
     *  also which words are bold, from their fonts' names, and each word's font size into
     *  `font_sizes` (0 where poppler has none): poppler then scans the page's fonts (asking
     *  fontconfig for each font the PDF does not embed) and copies its font table into every
     *  word, several times the cost of the words alone, so it is asked for only where
     *  headings need it. */
    PdfPage page(int index, std::vector<double>* font_sizes = nullptr) const {
        const bool weights = font_sizes != nullptr;
        PdfPage p;
        p.number = index + 1;
        std::unique_ptr<poppler::page> page(doc_->create_page(index));
        if (!page) return p;
        const poppler::rectf box = page->page_rect();
        p.width = box.width();
        p.height = box.height();
        std::vector<poppler::text_box> boxes = weights ? page->text_list(poppler::page::text_list_include_font) : page->text_list();
        if (boxes.size() > PdfReader::MAX_PAGE_WORDS) {
            fail(name_, "page " + std::to_string(index + 1) + " has " + std::to_string(boxes.size()) + " words, more than the " +
                            std::to_string(PdfReader::MAX_PAGE_WORDS) + " a page may have");
        }
        p.words.reserve(boxes.size());
        // Vertical text on an upright page (a margin stamp, a rotated table head) is not body
        // text; a page whose text is mostly turned (a landscape page) keeps it all.
        const auto upright = std::count_if(boxes.begin(), boxes.end(), [](const poppler::text_box& b) { return b.rotation() == 0; });
        const bool skip_turned = upright * 2 >= static_cast<long>(boxes.size());
        std::string last_font;
        bool last_bold = false;
        for (auto& b : boxes) {
            if (skip_turned && b.rotation() != 0) continue;
            PdfWord w;
            w.text = clean_word(b.text());
            if (w.text.empty()) continue;
            const poppler::rectf r = b.bbox();
            w.x0 = r.left();
            w.y0 = r.top();
            w.x1 = r.right();
            w.y1 = r.bottom();
            w.size = r.height() / BOX_HEIGHT_PER_POINT;
            if (!(w.size > 0 && w.size < 2000)) w.size = 1;
            if (weights) font_sizes->push_back(b.has_font_info() ? b.get_font_size() : 0);
            if (weights && b.has_font_info()) {
                std::string font = b.get_font_name();
                if (font != last_font) { // a page's words come in runs of one font
                    last_bold = bold_font(font);
                    last_font = std::move(font);
                }
                w.bold = last_bold;
            }
            p.words.push_back(std::move(w));
        }
        return p;
    }

  private:
    std::string name_;
    std::unique_ptr<poppler::document> doc_;
    int pages_ = 0;
};

} // namespace

std::vector<PdfPageLines> read_pdf_lines(std::string_view bytes, std::string_view name) {
    const PopplerPdf pdf(bytes, name);
    std::vector<PdfPageLines> out(static_cast<std::size_t>(pdf.pages()));
    std::size_t total = 0;
    for (int i = 0; i < pdf.pages(); ++i) {
        PdfPage page = pdf.page(i);
        total += page.words.size();
        if (total > PdfReader::MAX_WORDS) fail(name, "more than " + std::to_string(PdfReader::MAX_WORDS) + " words of text, more than a file may have");
        out[static_cast<std::size_t>(i)].number = page.number;
        out[static_cast<std::size_t>(i)].lines = page_lines(std::move(page));
    }
    // The pages whose headings need fonts are read again with them: their words take their
    // fonts' sizes, in the boxes' scale (the body font's box height per point, measured on
    // these pages), and their weights.
    const std::vector<std::size_t> font_pages = pages_needing_fonts(out);
    if (font_pages.empty()) return out;
    const double body = measure_body(out).size;
    std::vector<PdfPage> again;
    std::vector<std::vector<double>> font_sizes(font_pages.size());
    std::vector<double> scales;
    for (std::size_t k = 0; k < font_pages.size(); ++k) {
        again.push_back(pdf.page(static_cast<int>(font_pages[k]), &font_sizes[k]));
        for (std::size_t j = 0; j < again.back().words.size(); ++j) {
            const double s = again.back().words[j].size, f = font_sizes[k][j];
            if (f > 0 && std::abs(s - body) <= 0.06 * body) scales.push_back(s / f);
        }
    }
    double scale = 1;
    if (!scales.empty()) {
        std::nth_element(scales.begin(), scales.begin() + static_cast<long>(scales.size() / 2), scales.end());
        scale = scales[scales.size() / 2];
    }
    for (std::size_t k = 0; k < font_pages.size(); ++k) {
        auto& words = again[k].words;
        for (std::size_t j = 0; j < words.size(); ++j) {
            const double f = font_sizes[k][j] * scale;
            if (f > 0 && f < 2000) words[j].size = f;
        }
        out[font_pages[k]].lines = page_lines(std::move(again[k]));
    }
    return out;
}

Report PdfReader::read(std::string_view bytes, std::string_view name) const {
    const std::vector<PdfPageLines> lines = read_pdf_lines(bytes, name);
    const bool any_text = std::any_of(lines.begin(), lines.end(), [](const PdfPageLines& p) { return !p.lines.empty(); });
    if (!any_text) fail(name, "PDF without a text layer (scanned pages?): nothing to index");
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
