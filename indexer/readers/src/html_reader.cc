/** @file html_reader.cc
 *  @brief HTML pages into an Outline: block elements in order (headings, paragraphs, list
 *         items, table rows), the title block, footnote markers where they stand (the notes are
 *         found first, html_notes.cc), the page's furniture (script, style, nav, header, footer,
 *         forms) left out.
 *
 *  Every walk of the tree is iterative (parent and sibling pointers, no recursion), so a page
 *  nested 100,000 deep costs time in proportion to its size and no stack.
 */
#include "document_readers.h"

#include "html_notes.h"
#include "numbered_paragraphs.h"
#include "outline.h"
#include "xml_document.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>

namespace rapporteur {

namespace {

using namespace html;

class HtmlOutliner {
  public:
    explicit HtmlOutliner(xmlNode* root) : root_(root) {}

    Outline run() {
        notes_ = find_notes(root_);
        outline_.title = notes_.title;
        read_body();
        for (xmlNode* note : note_order_) outline_.blocks.push_back(note_block(notes_, note));
        title_block_.apply(outline_);
        return std::move(outline_);
    }

    const TitleBlock& title_block() const { return title_block_; }

  private:
    struct Owner {
        xmlNode* node;
        OutlineBlock::Kind kind;
        int level;
    };

    void flush() {
        OutlineBlock block;
        text_.finish_into(block);
        if (block.text.empty() && block.refs.empty()) return;
        const Owner& o = owners_.back();
        block.kind = o.kind;
        block.level = o.level;
        outline_.blocks.push_back(std::move(block));
        if (is_element(o.node, "li")) numbered_.first_block(outline_.blocks, outline_.blocks.size() - 1);
    }

    /// Whether an <ol> numbers its items 1, 2, 3 (type "1", the default, or a decimal
    /// list-style-type), not by letters or Roman numerals.
    static bool decimal_list(xmlNode* ol) {
        const std::string type = attribute(ol, "type");
        if (!type.empty() && type != "1") return false;
        std::string style = attribute(ol, "style");
        for (auto& c : style) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const std::string_view key : {"list-style-type:", "list-style:"}) {
            std::size_t at = style.find(key);
            if (at == std::string::npos) continue;
            at = style.find_first_not_of(' ', at + key.size());
            if (at != std::string::npos && style.compare(at, 7, "decimal") != 0) return false;
        }
        return true;
    }

    void read_body() {
        xmlNode* body = root_;
        walk(
            root_,
            [&](xmlNode* n) {
                if (is_element(n, "body")) body = n;
                return n->type == XML_ELEMENT_NODE && !is_element(n, "body") && !is_element(n, "head");
            },
            [](xmlNode*) {});
        owners_.push_back(Owner{body, OutlineBlock::Kind::PARAGRAPH, 0});
        int list_depth = 0, in_cell = 0;
        walk(
            body,
            [&](xmlNode* n) {
                if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                    if (n->content) text_.append(reinterpret_cast<const char*>(n->content));
                    return false;
                }
                if (n->type != XML_ELEMENT_NODE) return false; // comments; entities stay unexpanded
                const std::string_view name = name_of(n);
                if (is_furniture(n) || notes_.label.count(n)) return false;
                if (name == "header" && attribute(n, "id") == "title-block-header") {
                    read_title_block(n);
                    return false;
                }
                if (name == "header" || name == "footer") {
                    // The page's header and footer are its furniture; an article's are its own.
                    bool in_article = false;
                    for (xmlNode* up = n->parent; up; up = up->parent) {
                        in_article = in_article || is_element(up, "article") || is_element(up, "main");
                    }
                    if (!in_article) return false;
                }
                if (auto it = notes_.marker.find(n); it != notes_.marker.end()) {
                    text_.add_ref(notes_.label[it->second], notes_.number[it->second]);
                    if (std::find(note_order_.begin(), note_order_.end(), it->second) == note_order_.end()) {
                        note_order_.push_back(it->second);
                    }
                    return false;
                }
                if (name == "a") text_.add_url(web_link(n));
                if (name == "br" || name == "td" || name == "th") text_.append(" ");
                if (name == "img") return false;
                if (in_cell) {
                    if (name == "td" || name == "th") ++in_cell;
                    if (opens_block(name)) text_.append(" ");
                    return true;
                }
                if (name == "tr") {
                    flush();
                    row_ = OutlineBlock{};
                    row_.kind = OutlineBlock::Kind::TABLE_ROW;
                    row_.header_row = n->parent && is_element(n->parent, "thead");
                    all_th_ = true;
                    return true;
                }
                if (name == "td" || name == "th") {
                    flush();
                    all_th_ = all_th_ && name == "th";
                    ++in_cell;
                    return true;
                }
                if (!opens_block(name)) return true;
                if (name == "ul" || name == "ol") ++list_depth;
                const Owner& top = owners_.back();
                if (top.kind == OutlineBlock::Kind::LIST_ITEM && !is_element(n, "li") && name != "ul" && name != "ol" &&
                    !one_of(name, {"h1", "h2", "h3", "h4", "h5", "h6", "table"})) {
                    text_.append(" "); // a list item's paragraphs are one item
                    if (name == "p") numbered_.loosen(); // <li><p>: a loose list
                    return true;
                }
                flush();
                if (name == "ul" || name == "ol") numbered_.open(name == "ol" && decimal_list(n));
                if (name == "li") numbered_.item();
                if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
                    owners_.push_back(Owner{n, OutlineBlock::Kind::HEADING, name[1] - '0'});
                } else if (name == "li" || name == "dd" || name == "dt") {
                    owners_.push_back(Owner{n, OutlineBlock::Kind::LIST_ITEM, std::max(list_depth, 1)});
                } else {
                    owners_.push_back(Owner{n, OutlineBlock::Kind::PARAGRAPH, 0});
                }
                return true;
            },
            [&](xmlNode* n) {
                const std::string_view name = name_of(n);
                if (in_cell) {
                    if (name == "td" || name == "th") {
                        if (--in_cell == 0) {
                            OutlineBlock cell;
                            text_.finish_into(cell);
                            if (!row_.text.empty()) row_.text += " | ";
                            for (auto& r : cell.refs) {
                                r.offset += static_cast<std::uint32_t>(row_.text.size());
                                row_.refs.push_back(std::move(r));
                            }
                            row_.text += cell.text;
                            for (auto& u : cell.urls) row_.urls.push_back(std::move(u));
                            row_.cells.push_back(std::move(cell.text));
                        }
                    } else if (opens_block(name)) {
                        text_.append(" ");
                    }
                    return;
                }
                if (name == "tr") {
                    flush();
                    bool any = false;
                    for (const auto& c : row_.cells) any = any || !c.empty();
                    row_.header_row = row_.header_row || (all_th_ && !row_.cells.empty());
                    if (any) outline_.blocks.push_back(std::move(row_));
                    row_ = OutlineBlock{};
                    return;
                }
                if (name == "ul" || name == "ol") --list_depth;
                if (owners_.size() > 1 && owners_.back().node == n) {
                    flush();
                    owners_.pop_back();
                } else if (opens_block(name)) {
                    text_.append(" ");
                }
                if (name == "ul" || name == "ol") numbered_.close(outline_.blocks);
            });
        flush();
        numbered_.close_all(outline_.blocks);
    }

    /// pandoc's `<header id="title-block-header">`: title, subtitle, author and date lines.
    void read_title_block(xmlNode* header) {
        for (xmlNode* c = header->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            const std::string line = collapse(text_content(c));
            if (line.empty()) continue;
            if (has_class(c, "title")) {
                title_block_.lines.insert(title_block_.lines.begin(), line);
                OutlineBlock t;
                t.kind = OutlineBlock::Kind::TITLE;
                t.text = line;
                outline_.blocks.push_back(std::move(t));
            } else if (has_class(c, "subtitle") || has_class(c, "author") || has_class(c, "date")) {
                title_block_.lines.push_back(line);
            }
        }
    }

    xmlNode* root_;
    Outline outline_;
    TitleBlock title_block_;
    BlockText text_;
    std::vector<Owner> owners_;
    NumberedParagraphs numbered_; ///< the open lists, and which of their items are paragraphs
    OutlineBlock row_;
    bool all_th_ = false;
    Notes notes_;
    std::vector<xmlNode*> note_order_; ///< notes in the order first cited
};

} // namespace

Report HtmlReader::read(std::string_view bytes, std::string_view name) const {
    const XmlDoc doc = parse_html(bytes);
    xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!root) return build_report(Outline{}, name);
    HtmlOutliner outliner(root);
    Report report = build_report(outliner.run(), name);
    outliner.title_block().apply(report);
    return report;
}

} // namespace rapporteur
