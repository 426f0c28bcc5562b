/** @file odt_reader.cc
 *  @brief OpenDocument text: content.xml's office:text read in order into an Outline, with
 *         the paragraph styles of content.xml and styles.xml (a title, a heading's outline
 *         level, the space around it), the list styles (which levels are numbered 1, 2, 3),
 *         notes, and the title from meta.xml.
 */
#include "document_readers.h"

#include "numbered_paragraphs.h"
#include "outline.h"
#include "rapporteur/base/errors.h"
#include "xml_document.h"
#include "zip_archive.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>

namespace rapporteur {

namespace {

struct StyleInfo {
    std::string parent;  ///< style:parent-style-name
    int outline = 0;     ///< style:default-outline-level, 0 when none
    std::string display; ///< style:display-name, or the name
    double above = -1, below = -1; ///< fo:margin-top, fo:margin-bottom in points, -1 when not set
    int contextual = -1;           ///< style:contextual-spacing: 1 true, 0 false, -1 not set
};

/// A length ("0.0598in", "0.15cm", "4pt") in points, or -1 when it is not an absolute length.
double points(const std::string& v) {
    // from_chars, not strtod: a full stop whatever the process's locale.
    double x = 0;
    const auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (error != std::errc() || x < 0) return -1;
    const std::string_view unit(end, static_cast<std::size_t>(v.data() + v.size() - end));
    if (unit == "pt") return x;
    if (unit == "in") return x * 72;
    if (unit == "cm") return x * 72 / 2.54;
    if (unit == "mm") return x * 72 / 25.4;
    if (unit == "pc") return x * 12;
    if (unit == "px") return x * 0.75;
    return -1;
}

/// The most space above and below a paragraph of a tight list's items (pandoc sets none; body
/// text has 4 pt or more).
constexpr double TIGHT_SPACE_POINTS = 2.0;

class OdtOutliner {
  public:
    explicit OdtOutliner(const ZipArchive& zip) : zip_(zip) {}

    Outline run() {
        const auto content = zip_.read("content.xml");
        if (!content) throw RuntimeError("not an OpenDocument text (the archive has no content.xml)");
        if (auto styles = zip_.read("styles.xml")) {
            const XmlDoc doc = parse_xml(*styles, "styles.xml");
            read_styles(xmlDocGetRootElement(doc.get()));
        }
        if (auto meta = zip_.read("meta.xml")) {
            const XmlDoc doc = parse_xml(*meta, "meta.xml");
            if (xmlNode* m = child_element(xmlDocGetRootElement(doc.get()), "meta")) {
                if (xmlNode* t = child_element(m, "title")) outline_.title = plain_text(t);
            }
        }
        const XmlDoc doc = parse_xml(*content, "content.xml");
        xmlNode* root = xmlDocGetRootElement(doc.get());
        read_styles(root);
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
    /// The paragraph styles under `root`'s office:styles and office:automatic-styles.
    void read_styles(xmlNode* root) {
        if (!root) return;
        for (xmlNode* group = root->children; group; group = group->next) {
            if (!is_element(group, "styles") && !is_element(group, "automatic-styles")) continue;
            for (xmlNode* s = group->children; s; s = s->next) {
                if (is_element(s, "list-style")) read_list_style(s);
                const bool fallback = is_element(s, "default-style");
                if (!(is_element(s, "style") || fallback) || attribute(s, "family") != "paragraph") continue;
                StyleInfo info;
                if (xmlNode* pp = child_element(s, "paragraph-properties")) {
                    info.above = points(attribute(pp, "margin-top"));
                    info.below = points(attribute(pp, "margin-bottom"));
                    const std::string ctx = attribute(pp, "contextual-spacing");
                    info.contextual = ctx == "true" ? 1 : ctx == "false" ? 0 : -1;
                }
                if (fallback) {
                    default_style_ = std::move(info);
                    continue;
                }
                info.parent = attribute(s, "parent-style-name");
                const std::string level = attribute(s, "default-outline-level");
                info.outline = level.size() == 1 && level[0] >= '1' && level[0] <= '9' ? level[0] - '0' : 0;
                info.display = attribute(s, "display-name");
                if (info.display.empty()) info.display = attribute(s, "name");
                styles_[attribute(s, "name")] = std::move(info);
            }
        }
    }

    /// Which levels of a text:list-style are numbered 1, 2, 3 (style:num-format "1").
    void read_list_style(xmlNode* s) {
        auto& levels = list_styles_[attribute(s, "name")];
        for (xmlNode* l = s->children; l; l = l->next) {
            if (l->type != XML_ELEMENT_NODE) continue;
            const int level = std::atoi(attribute(l, "level").c_str());
            if (level >= 1 && level <= 10)
                levels[level] = is_element(l, "list-level-style-number") && attribute(l, "num-format") == "1";
        }
    }

    /** Whether a paragraph of the style `at` is set without space between it and the next: no
     *  more than TIGHT_SPACE_POINTS above and below, or contextual spacing (what a tight
     *  list's items have; body text is set apart). */
    bool tight(std::string at) const {
        double above = -1, below = -1;
        int contextual = -1;
        for (int hops = 0; hops < 16 && !at.empty(); ++hops) {
            auto it = styles_.find(at);
            if (it == styles_.end()) break;
            if (above < 0) above = it->second.above;
            if (below < 0) below = it->second.below;
            if (contextual < 0) contextual = it->second.contextual;
            at = it->second.parent;
        }
        if (above < 0) above = default_style_.above;
        if (below < 0) below = default_style_.below;
        if (contextual < 0) contextual = default_style_.contextual;
        return contextual == 1 || (above <= TIGHT_SPACE_POINTS && below <= TIGHT_SPACE_POINTS);
    }

    /// Whether the list level `level` (1-based) of the list style `name` is numbered 1, 2, 3.
    bool decimal(const std::string& name, int level) const {
        auto it = list_styles_.find(name);
        if (it == list_styles_.end()) return false;
        auto l = it->second.find(level);
        return l != it->second.end() && l->second;
    }

    /// A style's names along its parent chain ("P1" → "Title"), and its outline level.
    std::pair<std::vector<std::string>, int> style(std::string at) const {
        std::vector<std::string> names;
        int outline = 0;
        for (int hops = 0; hops < 16 && !at.empty(); ++hops) {
            names.push_back(at);
            auto it = styles_.find(at);
            if (it == styles_.end()) break;
            names.push_back(it->second.display);
            if (!outline) outline = it->second.outline;
            at = it->second.parent;
        }
        return {names, outline};
    }

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
        numbered_.open(decimal(style, level));
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
                if (!tight(attribute(n, "style-name"))) numbered_.loosen(); // items set apart
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
        const auto styled = style(attribute(p, "style-name"));
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
    std::map<std::string, StyleInfo> styles_;
    StyleInfo default_style_;                               ///< style:default-style of paragraphs
    std::map<std::string, std::map<int, bool>> list_styles_; ///< list style → level → numbered 1, 2, 3
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
