/** @file odt_reader.cc
 *  @brief OpenDocument text: content.xml's office:text read in order into an Outline, with
 *         what the paragraph and list styles say of each paragraph (odt_styles.h: a title, a
 *         heading's outline level, the space around it, numbering 1, 2, 3), notes, and the
 *         title from meta.xml.
 */
#include "document_readers.h"

#include "numbered_paragraphs.h"
#include "odt_styles.h"
#include "outline.h"
#include "rapporteur/base/errors.h"
#include "xml_document.h"
#include "zip_archive.h"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace rapporteur {

namespace {

class OdtOutliner {
  public:
    explicit OdtOutliner(const ZipArchive& zip) : zip_(zip) {}

    Outline run() {
        const auto content = zip_.read("content.xml");
        if (!content) throw RuntimeError("not an OpenDocument text (the archive has no content.xml)");
        if (auto styles = zip_.read("styles.xml")) {
            const XmlDoc doc = parse_xml(*styles, "styles.xml");
            styles_.add(xmlDocGetRootElement(doc.get()));
        }
        if (auto meta = zip_.read("meta.xml")) {
            const XmlDoc doc = parse_xml(*meta, "meta.xml");
            if (xmlNode* m = child_element(xmlDocGetRootElement(doc.get()), "meta")) {
                if (xmlNode* t = child_element(m, "title")) outline_.title = plain_text(t);
            }
        }
        const XmlDoc doc = parse_xml(*content, "content.xml");
        xmlNode* root = xmlDocGetRootElement(doc.get());
        styles_.add(root);
        xmlNode* text = child_element(child_element(root, "body"), "text");
        if (!text) throw RuntimeError("not an OpenDocument text (content.xml has no office:text)");
        // Pages only where the file records where its pages broke when last laid out.
        pages_known_ = has_descendant(text, "soft-page-break");
        page_ = pages_known_ ? 1 : 0;
        read_blocks(text, 0);
        numbered_.close_all(outline_.blocks);
        title_block_.apply(outline_);
        return std::move(outline_);
    }

    const TitleBlock& title_block() const { return title_block_; }

  private:
    static bool has_descendant(const xmlNode* node, std::string_view name) {
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (is_element(c, name) || (c->type == XML_ELEMENT_NODE && has_descendant(c, name))) return true;
        }
        return false;
    }

    static std::string plain_text(const xmlNode* node) {
        std::string out;
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE && c->content) out += reinterpret_cast<const char*>(c->content);
        }
        return out;
    }

    /// The blocks under `node`; `list_level` > 0 inside a list.
    void read_blocks(xmlNode* node, int list_level) {
        for (xmlNode* n = node->children; n; n = n->next) {
            if (is_element(n, "h")) {
                const std::string level = attribute(n, "outline-level");
                const int lv = level.empty() ? 1 : std::max(1, std::min(9, std::atoi(level.c_str())));
                read_paragraph(n, OutlineBlock::Kind::HEADING, lv);
            } else if (is_element(n, "p")) {
                read_paragraph(n, list_level ? OutlineBlock::Kind::LIST_ITEM : OutlineBlock::Kind::PARAGRAPH,
                               list_level);
            } else if (is_element(n, "list")) {
                read_list(n, list_level + 1);
            } else if (is_element(n, "list-item") || is_element(n, "list-header")) {
                read_list_item(n, list_level);
            } else if (is_element(n, "table")) {
                read_table(n);
            } else if (is_element(n, "soft-page-break")) {
                if (pages_known_) ++page_;
            } else if (is_element(n, "section") || is_element(n, "index-body") || is_element(n, "table-of-content") ||
                       is_element(n, "alphabetical-index") || is_element(n, "illustration-index")) {
                // A table of contents repeats the headings: its body is left out.
                if (!is_element(n, "table-of-content")) read_blocks(n, list_level);
            }
        }
    }

    /// A text:list at `level` (1-based): its items, as a list of the numbered-paragraph rule.
    void read_list(xmlNode* list, int level) {
        // A nested list without a style of its own is numbered by its outer list's.
        std::string style = attribute(list, "style-name");
        if (style.empty() && !list_style_.empty()) style = list_style_.back();
        list_style_.push_back(style);
        numbered_.open(styles_.decimal(style, level));
        read_blocks(list, level);
        numbered_.close(outline_.blocks);
        list_style_.pop_back();
    }

    /// A list item: its first paragraphs make one item; a nested list makes its own.
    void read_list_item(xmlNode* item, int level) {
        BlockText text;
        std::vector<std::pair<xmlNode*, std::string>> cited;
        OutlineBlock block;
        block.kind = OutlineBlock::Kind::LIST_ITEM;
        block.level = std::max(level, 1);
        block.page = page_;
        numbered_.item();
        auto flush = [&] {
            block.last_page = page_;
            text.finish_into(block);
            if (!block.text.empty()) {
                outline_.blocks.push_back(block);
                numbered_.first_block(outline_.blocks, outline_.blocks.size() - 1);
            }
            emit_notes(cited);
            cited.clear();
            block.page = page_;
        };
        for (xmlNode* n = item->children; n; n = n->next) {
            if (is_element(n, "p") || is_element(n, "h")) {
                if (!styles_.tight(attribute(n, "style-name"))) numbered_.loosen(); // items set apart
                text.append(" ");
                collect(n, text, &cited);
            } else if (is_element(n, "list")) {
                flush();
                read_list(n, level + 1);
            } else if (is_element(n, "soft-page-break")) {
                if (pages_known_) ++page_;
            } else if (is_element(n, "table")) {
                flush();
                read_table(n);
            }
        }
        flush();
    }

    void read_paragraph(xmlNode* p, OutlineBlock::Kind kind, int level) {
        OutlineBlock block;
        block.kind = kind;
        block.level = level;
        block.page = page_;
        // Not a structured binding: clang 15 (the fuzz build) cannot capture one in a lambda.
        const auto styled = styles_.style(attribute(p, "style-name"));
        const auto& names = styled.first;
        const auto outline = styled.second;
        auto named = [&](std::string_view want) { return std::find(names.begin(), names.end(), want) != names.end(); };
        BlockText text;
        std::vector<std::pair<xmlNode*, std::string>> cited;
        collect(p, text, &cited);
        text.finish_into(block);
        block.last_page = page_;
        if (kind == OutlineBlock::Kind::PARAGRAPH) {
            if (named("Title")) {
                block.kind = OutlineBlock::Kind::TITLE;
                if (!block.text.empty()) title_block_.lines.insert(title_block_.lines.begin(), block.text);
            } else if (named("Subtitle") || named("Author") || named("Date")) {
                // A title block's lines (pandoc writes these styles): front matter, not passages.
                if (!block.text.empty()) title_block_.lines.push_back(block.text);
                return;
            } else if (outline > 0) {
                block.kind = OutlineBlock::Kind::HEADING;
                block.level = outline;
            }
        }
        if (block.text.empty() && block.refs.empty()) return;
        outline_.blocks.push_back(std::move(block));
        emit_notes(cited);
    }

    void read_table(xmlNode* table) {
        for (xmlNode* n = table->children; n; n = n->next) {
            if (is_element(n, "table-row")) {
                read_row(n, is_element(table, "table-header-rows"));
            } else if (is_element(n, "table-header-rows") || is_element(n, "table-rows") ||
                       is_element(n, "table-row-group")) {
                read_table(n);
            } else if (is_element(n, "soft-page-break")) {
                if (pages_known_) ++page_;
            }
        }
    }

    void read_row(xmlNode* tr, bool header) {
        OutlineBlock row;
        row.kind = OutlineBlock::Kind::TABLE_ROW;
        row.header_row = header;
        row.page = page_;
        std::vector<std::pair<xmlNode*, std::string>> cited;
        for (xmlNode* tc = tr->children; tc; tc = tc->next) {
            if (!is_element(tc, "table-cell")) continue;
            BlockText text;
            collect(tc, text, &cited);
            add_table_cell(row, text);
        }
        row.last_page = page_;
        if (!has_cell_text(row)) return;
        outline_.blocks.push_back(std::move(row));
        emit_notes(cited);
    }

    /// The inline text of `node` into `text`; notes as markers (and into `cited`, when given).
    void collect(xmlNode* node, BlockText& text, std::vector<std::pair<xmlNode*, std::string>>* cited) {
        for (xmlNode* c = node->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                if (c->content) text.append(reinterpret_cast<const char*>(c->content));
                continue;
            }
            if (c->type != XML_ELEMENT_NODE) continue; // entity references stay unexpanded
            const std::string_view n = reinterpret_cast<const char*>(c->name);
            if (n == "s" || n == "tab" || n == "line-break") {
                text.append(" ");
            } else if (n == "soft-page-break") {
                if (pages_known_) ++page_;
            } else if (n == "note") {
                if (!cited) continue;
                xmlNode* citation = child_element(c, "note-citation");
                const std::string printed = citation ? plain_text(citation) : "";
                std::string label = attribute(c, "id");
                if (label.empty()) label = "note:" + std::to_string(++anonymous_);
                text.add_ref(label, marker_number(printed));
                cited->emplace_back(c, label);
            } else if (n == "a") {
                text.add_url(attribute(c, "href"));
                collect(c, text, cited);
            } else if (n == "annotation" || n == "annotation-end" || n == "tracked-changes" || n == "frame" ||
                       n == "bookmark-ref" || n == "note-citation" || n == "deletion" || n == "ruby-text") {
                continue; // comments, change tracking, drawings
            } else if (n == "p" || n == "h") {
                text.append(" ");
                collect(c, text, cited);
                text.append(" ");
            } else {
                collect(c, text, cited);
            }
        }
    }

    void emit_notes(const std::vector<std::pair<xmlNode*, std::string>>& cited) {
        for (const auto& [note, label] : cited) {
            OutlineBlock block;
            block.kind = OutlineBlock::Kind::FOOTNOTE;
            block.label = label;
            xmlNode* citation = child_element(note, "note-citation");
            block.n = marker_number(citation ? plain_text(citation) : "");
            block.page = block.last_page = page_;
            BlockText text;
            if (xmlNode* body = child_element(note, "note-body")) collect(body, text, nullptr);
            text.finish_into(block);
            block.refs.clear();
            outline_.blocks.push_back(std::move(block));
        }
    }

    const ZipArchive& zip_;
    Outline outline_;
    TitleBlock title_block_;
    OdtStyles styles_;
    std::vector<std::string> list_style_;                   ///< the open lists' styles, outermost first
    NumberedParagraphs numbered_; ///< the open lists, and which of their items are paragraphs
    bool pages_known_ = false;
    int page_ = 0;
    int anonymous_ = 0;
};

} // namespace

Report OdtReader::read(std::string_view bytes, std::string_view name) const {
    const ZipArchive zip(bytes);
    OdtOutliner outliner(zip);
    Report report = build_report(outliner.run(), name);
    outliner.title_block().apply(report);
    return report;
}

} // namespace rapporteur
