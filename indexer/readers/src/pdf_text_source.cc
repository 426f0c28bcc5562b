/** @file pdf_text_source.cc
 *  @brief A PDF's words through poppler's core PDFDoc and TextOutputDev (pdf_text_source.h).
 *
 *  Why the core API and not poppler-cpp's page::text_list(): poppler-cpp builds a new text
 *  device and copies the cross-reference table for every page, converts every word from UTF-8
 *  to UTF-16 through a new iconv converter, keeps a box for every glyph, and gives fonts only
 *  after scanning each page's font resources again (asking fontconfig for every font the PDF
 *  does not embed). Here one text device reads every page, each word's font comes with it from
 *  the text device, and its text is taken as code points, with no conversion in between.
 */
#include "pdf_text_source.h"

#include "rapporteur/base/errors.h"
#include "rapporteur/utf8.h"

#include <poppler/Error.h>
#include <poppler/ErrorCodes.h>
#include <poppler/GlobalParams.h>
#include <poppler/Object.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/Stream.h>
#include <poppler/TextOutputDev.h>
#include <poppler/goo/GooString.h>

#include <climits>
#include <string>

namespace rapporteur {

namespace {

/** Poppler's core needs its global parameters before any document is opened. They are made
 *  once for the process, on the first PDF (thread-safe: a function-local static), and never
 *  freed. Through poppler's own GlobalParamsIniter, which counts its users, rather than by
 *  setting `globalParams` directly: another poppler frontend in the same process (poppler-cpp
 *  or poppler-glib, which use it too) then cannot free them under us. Its error callback
 *  silences poppler: a library does not print, and damage poppler cannot work around comes
 *  back as a failed load, reported with the file's name. */
void init_poppler() {
    static const GlobalParamsIniter* const params = new GlobalParamsIniter([](ErrorCategory, Goffset, const char*) {});
    (void)params;
}

bool bold_font(std::string_view font) {
    const std::string f = utf8::fold(font);
    for (std::string_view k : {"bold", "medi", "semibold", "demi", "black", "heavy", "cmbx", "cmb10", "-bx"}) {
        if (f.find(k) != std::string::npos) return true;
    }
    return false;
}

/// A word's text as the index wants it, from the text device's code points: ligatures spelled
/// out, soft hyphens inside the word, control characters, replacement characters and code
/// points that are no Unicode scalar value dropped (a soft hyphen at the end stays: it marks
/// hyphenation).
std::string clean_word(const Unicode* text, int n) {
    std::string out;
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const Unicode c = text[i];
        switch (c) {
            case 0xFB00: out += "ff"; continue;
            case 0xFB01: out += "fi"; continue;
            case 0xFB02: out += "fl"; continue;
            case 0xFB03: out += "ffi"; continue;
            case 0xFB04: out += "ffl"; continue;
            case 0xFB05:
            case 0xFB06: out += "st"; continue;
            case 0x00AD:
                if (i + 1 == n) utf8::append(out, static_cast<char32_t>(c));
                continue;
            case 0xFFFD: continue;
            default: break;
        }
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0xD800 && c < 0xE000) || c > 0x10FFFF) continue;
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else {
            utf8::append(out, static_cast<char32_t>(c));
        }
    }
    return out;
}

/// A box's height per point of font size (the font's ascent to its descent): 0.89 to 0.90 in
/// Times and Computer and Latin Modern. Only a word without a usable font size is sized by it.
constexpr double BOX_HEIGHT_PER_POINT = 0.9;

/// Calls `f` on every word of the text device's current page, in its reading order (flows,
/// their blocks, their lines, left to right: the order of poppler's TextWordList).
template <class F> void for_each_word(const TextOutputDev& dev, F&& f) {
    for (const TextFlow* flow = dev.getFlows(); flow; flow = flow->getNext()) {
        for (const TextBlock* block = flow->getBlocks(); block; block = block->getNext()) {
            for (const TextLine* line = block->getLines(); line; line = line->getNext()) {
                for (const TextWord* word = line->getWords(); word; word = word->getNext()) f(*word);
            }
        }
    }
}

} // namespace

struct PdfTextSource::Internal {
    std::unique_ptr<PDFDoc> doc;
    // Laid out in reading order (not raw order), not in physical layout: as pdftotext and
    // poppler-cpp's text_list() read a page.
    TextOutputDev dev{nullptr, false, 0, false, false};
    int pages = 0;
};

PdfTextSource::PdfTextSource(std::string_view bytes) : internal_(std::make_unique<Internal>()) {
    init_poppler();
    if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) throw RuntimeError("not a PDF (no %PDF- header)");
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throw RuntimeError("PDF larger than 2 GB");
    // The stream reads the caller's bytes in place; the document owns (and frees) the stream.
    auto* stream = new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
    internal_->doc = std::make_unique<PDFDoc>(stream);
    const PDFDoc& doc = *internal_->doc;
    if (!doc.isOk()) {
        if (doc.getErrorCode() == errEncrypted) throw RuntimeError("encrypted PDF (it needs a password to be read)");
        throw RuntimeError("damaged PDF (poppler cannot open it: truncated or corrupt)");
    }
    if (!internal_->dev.isOk()) throw RuntimeError("poppler's text device failed to start");
    internal_->pages = internal_->doc->getNumPages();
    if (internal_->pages <= 0) throw RuntimeError("PDF without pages");
}

PdfTextSource::~PdfTextSource() = default;

int PdfTextSource::pages() const { return internal_->pages; }

PdfPage PdfTextSource::page(int index, std::size_t max_words) {
    PdfPage p;
    p.number = index + 1;
    PDFDoc& doc = *internal_->doc;
    Page* page = doc.getPage(index + 1);
    if (!page) return p;
    const PDFRectangle* box = page->getCropBox();
    p.width = box->x2 - box->x1;
    p.height = box->y2 - box->y1;
    // 72 dpi: coordinates in points, origin at the top left of the page as it is shown (its
    // /Rotate applied); crop box, not media box; not printing (annotations as a viewer shows
    // them). The document is read from one thread, so its cross-reference table is not copied.
    TextOutputDev& dev = internal_->dev;
    doc.displayPage(&dev, index + 1, 72, 72, 0, false, false, false);

    std::size_t words = 0, upright = 0;
    for_each_word(dev, [&](const TextWord& w) {
        ++words;
        if (w.getRotation() == 0) ++upright;
    });
    if (words > max_words) {
        throw RuntimeError("page " + std::to_string(index + 1) + " has " + std::to_string(words) + " words, more than the " +
                           std::to_string(max_words) + " a page may have");
    }
    // Vertical text on an upright page (a margin stamp, a rotated table head) is not body
    // text; a page whose text is mostly turned (a landscape page) keeps it all.
    const bool skip_turned = upright * 2 >= words;
    p.words.reserve(words);
    const TextFontInfo* last_font = nullptr; // a page's words come in runs of one font
    bool last_bold = false;
    for_each_word(dev, [&](const TextWord& tw) {
        if (skip_turned && tw.getRotation() != 0) return;
        PdfWord w;
        w.text = clean_word(tw.getChar(0), tw.getLength());
        if (w.text.empty()) return;
        tw.getBBox(&w.x0, &w.y0, &w.x1, &w.y1);
        w.size = tw.getFontSize();
        if (!(w.size > 0 && w.size < 2000)) w.size = (w.y1 - w.y0) / BOX_HEIGHT_PER_POINT;
        if (!(w.size > 0 && w.size < 2000)) w.size = 1;
        const TextFontInfo* font = tw.getFontInfo(0);
        if (font != last_font) {
            const GooString* name = font ? font->getFontName() : nullptr;
            last_bold = name && bold_font(name->toStr());
            last_font = font;
        }
        w.bold = last_bold;
        p.words.push_back(std::move(w));
    });
    return p;
}

} // namespace rapporteur
