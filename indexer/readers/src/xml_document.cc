/** @file xml_document.cc
 *  @brief libxml2 parsing with the safe options, element helpers, BlockText and TitleBlock.
 */
#include "xml_document.h"

#include "date_parser.h"
#include "front_matter.h"
#include "gazetteer.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/utf8.h"
#include "report_words.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace rapporteur {

namespace {

/// libxml2's global state is set up once, before any thread parses (the indexer reads files
/// on several threads).
void init_libxml() {
    static const bool done = [] {
        xmlInitParser();
        return true;
    }();
    (void)done;
}

std::string last_error(xmlParserCtxtPtr ctxt) {
    const xmlError* e = ctxt ? xmlCtxtGetLastError(ctxt) : nullptr;
    if (!e || !e->message) return "unknown error";
    std::string m = e->message;
    while (!m.empty() && std::isspace(static_cast<unsigned char>(m.back()))) m.pop_back();
    return "line " + std::to_string(e->line) + ": " + m;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// The value of the first `charset` of the page's head (`<meta charset="...">` or the
/// `content="text/html; charset=..."` of an http-equiv meta), lower-cased; empty when none.
std::string declared_charset(std::string_view head) {
    const std::string lower = lower_ascii(head);
    for (std::size_t at = lower.find("charset"); at != std::string::npos; at = lower.find("charset", at + 1)) {
        std::size_t i = at + 7;
        while (i < lower.size() && is_space(lower[i])) ++i;
        if (i >= lower.size() || lower[i] != '=') continue;
        ++i;
        while (i < lower.size() && (is_space(lower[i]) || lower[i] == '"' || lower[i] == '\'')) ++i;
        const std::size_t start = i;
        while (i < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[i])) || std::strchr("-_.:", lower[i]))) ++i;
        if (i > start) return lower.substr(start, i - start);
    }
    return {};
}

/// The ICU converter name for a declared label, with the WHATWG Encoding Standard's
/// readings of the labels that browsers do not take literally (https://encoding.spec.whatwg.org/):
/// Latin-1 and ASCII labels mean windows-1252, and a UTF-16 label found in the bytes
/// themselves means UTF-8. Empty for a label ICU does not know.
std::string converter_for(const std::string& label) {
    static const char* const windows_1252[] = {"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
                                               "l1", "cp1252", "x-cp1252", "windows-1252", "cp819", "ibm819"};
    for (const char* name : windows_1252) {
        if (label == name) return "windows-1252";
    }
    if (label == "utf8" || label == "utf-8" || label == "unicode-1-1-utf-8" || label.rfind("utf-16", 0) == 0) return "UTF-8";
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(label.c_str(), &status);
    if (U_FAILURE(status) || !converter) return {};
    ucnv_close(converter);
    return label;
}

/** The page as UTF-8: `bytes` themselves when they are UTF-8 already, else their decoding
 *  into `out`. As a browser reads a page: a byte-order mark first, then the declared charset,
 *  and without one (or with one nobody knows) UTF-8 when the bytes are UTF-8, else
 *  windows-1252. What the encoding cannot decode becomes U+FFFD; nothing is dropped. */
std::string_view html_as_utf8(std::string_view bytes, std::string& out) {
    std::string from;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        bytes.remove_prefix(3);
        from = "UTF-8";
    } else if (bytes.substr(0, 2) == "\xFE\xFF") {
        from = "UTF-16BE";
    } else if (bytes.substr(0, 2) == "\xFF\xFE") {
        from = "UTF-16LE";
    } else {
        from = converter_for(declared_charset(bytes.substr(0, 2048)));
    }
    // Whether the bytes are UTF-8 matters only when the page is read as UTF-8 or says
    // nothing: a page declared in another charset is decoded without this pass.
    if (from.empty() || from == "UTF-8") {
        const bool valid_utf8 = utf8::invalid_offset(bytes) == std::string_view::npos;
        if (valid_utf8 && from.empty()) from = "UTF-8";
        if (from.empty()) from = "windows-1252";
        if (from == "UTF-8" && valid_utf8) return bytes;
    }
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(from.c_str(), &status);
    if (U_FAILURE(status) || !converter) throw RuntimeError("cannot decode the page's charset " + from);
    const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), converter, status);
    ucnv_close(converter);
    if (U_FAILURE(status)) throw RuntimeError(std::string("cannot decode the page as ") + from + " (" + u_errorName(status) + ")");
    out.clear();
    text.toUTF8String(out);
    // A UTF-16 byte-order mark decodes to U+FEFF, which is not text.
    if (out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);
    return out;
}

} // namespace

XmlDoc parse_xml(std::string_view bytes, const std::string& where) {
    init_libxml();
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) throw RuntimeError(where + ": too large");
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) throw RuntimeError(where + ": out of memory");
    // Entities stay references (no XML_PARSE_NOENT), no DTD is loaded, nothing is fetched;
    // libxml2 prints nothing (its messages are in the context, for ours).
    const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, options);
    if (!doc || !ctxt->wellFormed) {
        const std::string cause = last_error(ctxt);
        if (doc) xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctxt);
        throw RuntimeError(where + ": not well-formed XML (" + cause + ")");
    }
    xmlFreeParserCtxt(ctxt);
    return XmlDoc(doc, xmlFreeDoc);
}

XmlDoc parse_html(std::string_view bytes) {
    init_libxml();
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) throw RuntimeError("too large for the HTML parser");
    // The page is decoded here, with ICU, and libxml2 is given UTF-8 only: its own decoding
    // lets bytes that are not UTF-8 through into the text of a page declared UTF-8, and stops
    // a windows-1252 page at its first unassigned byte, dropping the rest (libxml2 2.9.14).
    std::string decoded;
    const std::string_view utf8_bytes = html_as_utf8(bytes, decoded);
    // Decoding can make a page up to three times longer (two bytes of UTF-16 or one of a
    // legacy charset become up to three of UTF-8), and the parser takes an int's length.
    if (utf8_bytes.size() > static_cast<std::size_t>(INT32_MAX)) {
        throw RuntimeError("too large for the HTML parser once decoded to UTF-8 (" +
                           std::to_string(utf8_bytes.size() >> 20) + " MiB)");
    }
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) throw RuntimeError("out of memory");
    const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC;
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, utf8_bytes.data(), static_cast<int>(utf8_bytes.size()), nullptr,
                                        "UTF-8", options);
    // The HTML parser repairs what it can and stops only at a fatal error (elements nested
    // deeper than its limit, 256): then the page is refused rather than read in part.
    const bool stopped = ctxt->disableSAX && ctxt->instate == XML_PARSER_EOF;
    if (!doc || stopped) {
        std::string cause = last_error(ctxt);
        if (cause.find("Excessive depth") != std::string::npos) {
            cause = cause.substr(0, cause.find(':')) + ": elements nested more than 256 deep";
        }
        if (doc) xmlFreeDoc(doc);
        htmlFreeParserCtxt(ctxt);
        throw RuntimeError("cannot be read as HTML (" + cause + ")");
    }
    htmlFreeParserCtxt(ctxt);
    return XmlDoc(doc, xmlFreeDoc);
}

bool is_element(const xmlNode* node, std::string_view name) {
    return node && node->type == XML_ELEMENT_NODE && node->name && name == reinterpret_cast<const char*>(node->name);
}

std::string attribute(const xmlNode* node, std::string_view name) {
    if (!node || node->type != XML_ELEMENT_NODE) return {};
    for (const xmlAttr* a = node->properties; a; a = a->next) {
        if (!a->name || name != reinterpret_cast<const char*>(a->name)) continue;
        std::string out;
        for (const xmlNode* c = a->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE && c->content) out += reinterpret_cast<const char*>(c->content);
        }
        return out;
    }
    return {};
}

xmlNode* child_element(const xmlNode* node, std::string_view name) {
    if (!node) return nullptr;
    for (xmlNode* c = node->children; c; c = c->next) {
        if (is_element(c, name)) return c;
    }
    return nullptr;
}

void BlockText::append(std::string_view text) {
    for (char c : text) {
        if (is_space(c)) {
            space_ = !text_.empty();
            continue;
        }
        if (space_) text_ += ' ';
        space_ = false;
        text_ += c;
    }
}

void BlockText::add_ref(std::string label, int n) {
    refs_.push_back(OutlineRef{std::move(label), n, static_cast<std::uint32_t>(text_.size())});
}

void BlockText::add_url(std::string url) {
    if (!url.empty() && std::find(urls_.begin(), urls_.end(), url) == urls_.end()) urls_.push_back(std::move(url));
}

void BlockText::finish_into(OutlineBlock& block) {
    // U+00A0 no-break spaces are spaces to a reader; the plain-text reader sees them so too.
    std::string out;
    out.reserve(text_.size());
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_.compare(i, 2, "\xC2\xA0") == 0) {
            for (auto& r : refs_) {
                if (r.offset > out.size()) --r.offset;
            }
            if (!out.empty() && out.back() != ' ') out += ' ';
            ++i;
            continue;
        }
        out += text_[i];
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    for (auto& r : refs_) r.offset = std::min<std::uint32_t>(r.offset, static_cast<std::uint32_t>(out.size()));
    block.text = std::move(out);
    block.refs = std::move(refs_);
    block.urls = std::move(urls_);
    text_.clear();
    space_ = false;
    refs_.clear();
    urls_.clear();
}

void add_table_cell(OutlineBlock& row, BlockText& text) {
    OutlineBlock cell;
    text.finish_into(cell);
    if (!row.text.empty()) row.text += " | ";
    for (auto& r : cell.refs) {
        r.offset += static_cast<std::uint32_t>(row.text.size());
        row.refs.push_back(std::move(r));
    }
    row.text += cell.text;
    for (auto& u : cell.urls) row.urls.push_back(std::move(u));
    row.cells.push_back(std::move(cell.text));
}

bool has_cell_text(const OutlineBlock& row) {
    for (const auto& c : row.cells) {
        if (!c.empty()) return true;
    }
    return false;
}

int marker_number(std::string_view text) {
    std::string digits;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (!(is_space(c) || c == '[' || c == ']' || c == '(' || c == ')')) {
            return 0;
        }
    }
    if (digits.empty() || digits.size() > 6) return 0;
    return std::stoi(digits);
}

void TitleBlock::apply(Outline& outline) const {
    if (lines.empty()) return;
    const FrontMatter fm = read_front_matter(lines, ReportWords::instance(), Gazetteer::instance());
    if (outline.title.empty()) outline.title = fm.title.empty() ? lines.front() : fm.title;
    if (outline.dates.empty()) outline.dates = fm.dates;
}

void TitleBlock::apply(Report& report) const {
    if (lines.empty()) return;
    const FrontMatter fm = read_front_matter(lines, ReportWords::instance(), Gazetteer::instance());
    if (report.organisers.empty()) report.organisers = fm.organisers;
    if (report.venue.empty()) report.venue = fm.venue;
    if (report.lang.empty()) report.lang = fm.lang;
}

} // namespace rapporteur
