/** @file html_reader.cc
 *  @brief HTML pages into an Outline: block elements in order, footnotes found as links to an
 *         anchored note (pandoc's `a.footnote-ref` → `section.footnotes li`, and hand-written
 *         `<sup><a href="#fn1">1</a></sup>` → `<li id="fn1">` or `<p><a name="fn1">`), the page's
 *         furniture (script, style, nav, header, footer, forms) left out.
 *
 *  Every walk of the tree is iterative (parent and sibling pointers, no recursion), so a page
 *  nested 100,000 deep costs time in proportion to its size and no stack.
 */
#include "document_readers.h"

#include "outline.h"
#include "xml_document.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>

namespace rapporteur {

namespace {

std::string_view name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// Whether the class attribute of `n` has the word `word`.
bool has_class(const xmlNode* n, std::string_view word) {
    const std::string c = attribute(n, "class");
    std::size_t i = 0;
    while (i < c.size()) {
        while (i < c.size() && c[i] == ' ') ++i;
        std::size_t j = c.find(' ', i);
        if (j == std::string::npos) j = c.size();
        if (std::string_view(c).substr(i, j - i) == word) return true;
        i = j;
    }
    return false;
}

/// Elements whose content is never the report's text: scripts, styles, forms, embedded media,
/// and navigation however it is marked (<nav>, or the ARIA roles of menus, banners, page
/// footers and search boxes).
bool is_furniture(const xmlNode* n) {
    if (one_of(name_of(n), {"script", "style", "noscript", "template", "nav", "head", "form", "button", "select",
                            "textarea", "iframe", "object", "embed", "svg", "canvas", "audio", "video", "map"})) {
        return true;
    }
    if (!n->properties) return false;
    const std::string role = attribute(n, "role");
    return one_of(role, {"navigation", "banner", "contentinfo", "search", "menu", "menubar"}) ||
           xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden")) != nullptr;
}

/** Visits the subtree of `root` in document order without recursion: `enter(node)` returns
 *  whether to descend into an element; `leave(node)` follows an element whose children were
 *  visited. */
void walk(xmlNode* root, const std::function<bool(xmlNode*)>& enter, const std::function<void(xmlNode*)>& leave) {
    xmlNode* n = root->children;
    while (n) {
        if (enter(n) && n->type == XML_ELEMENT_NODE) {
            if (n->children) {
                n = n->children;
                continue;
            }
            leave(n);
        }
        while (n != root && !n->next) {
            n = n->parent;
            if (!n || n == root) return;
            leave(n);
        }
        n = n->next;
    }
}

std::string text_content(xmlNode* node) {
    std::string out;
    walk(
        node,
        [&](xmlNode* c) {
            if (c->type == XML_TEXT_NODE && c->content) out += reinterpret_cast<const char*>(c->content);
            return c->type == XML_ELEMENT_NODE && !is_furniture(c);
        },
        [](xmlNode*) {});
    return out;
}

class HtmlOutliner {
  public:
    explicit HtmlOutliner(xmlNode* root) : root_(root) {}

    Outline run() {
        find_notes();
        read_body();
        for (xmlNode* note : note_order_) emit_note(note);
        title_block_.apply(outline_);
        return std::move(outline_);
    }

    const TitleBlock& title_block() const { return title_block_; }

  private:
    /// A footnote marker: a link to an anchor in the page, written as a note reference.
    static bool is_marker_link(xmlNode* a) {
        if (!is_element(a, "a")) return false;
        const std::string href = attribute(a, "href");
        if (href.size() < 2 || href[0] != '#') return false;
        if (attribute(a, "role") == "doc-noteref" || has_class(a, "footnote-ref") || has_class(a, "noteref") ||
            has_class(a, "footnote-reference")) {
            return true;
        }
        const bool in_sup = a->parent && is_element(a->parent, "sup");
        const bool has_sup = child_element(a, "sup") != nullptr;
        const std::string text = text_content(a);
        if (marker_number(text) <= 0) return false;
        if (in_sup || has_sup) return true;
        // Unraised, a marker is bracketed ("[3]") and its anchor is named as a note's is.
        std::string target = href.substr(1);
        for (auto& c : target) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        // Word's HTML names them "_ftn1" and "_edn1".
        return text.find('[') != std::string::npos &&
               (target.find("fn") != std::string::npos || target.find("note") != std::string::npos ||
                target.find("ftn") != std::string::npos || target.find("edn") != std::string::npos);
    }

    /// The element a note's anchor names: the anchor's list item or paragraph when the id is
    /// on a link (`<p><a name="fn1" href="#r1">1</a> ...</p>`), else the element itself.
    static xmlNode* note_of(xmlNode* target) {
        if (!is_element(target, "a") && !is_element(target, "sup") && !is_element(target, "span")) return target;
        for (xmlNode* up = target->parent; up && up->type == XML_ELEMENT_NODE; up = up->parent) {
            if (one_of(name_of(up), {"li", "p", "div", "dd", "aside", "td"})) return up;
        }
        return target;
    }

    void find_notes() {
        std::map<std::string, xmlNode*> ids;
        std::vector<xmlNode*> links;
        walk(
            root_,
            [&](xmlNode* n) {
                if (n->type != XML_ELEMENT_NODE) return false;
                for (const char* key : {"id", "name"}) {
                    const std::string id = attribute(n, key);
                    if (!id.empty()) ids.emplace(id, n);
                }
                if (is_element(n, "title") && outline_.title.empty()) outline_.title = collapse(text_content(n));
                if (is_marker_link(n)) links.push_back(n);
                return true;
            },
            [](xmlNode*) {});
        for (xmlNode* a : links) {
            auto it = ids.find(attribute(a, "href").substr(1));
            if (it == ids.end()) continue;
            xmlNode* note = note_of(it->second);
            // A note is not inside the text that cites it, nor a heading; a link inside a note
            // already found (links come in document order) is its back-link, not a marker.
            bool inside = false, in_note = false;
            for (xmlNode* up = a; up; up = up->parent) {
                inside = inside || up == note;
                in_note = in_note || label_.count(up);
            }
            if (inside || in_note || one_of(name_of(note), {"h1", "h2", "h3", "h4", "h5", "h6", "body", "html"}))
                continue;
            marker_[a] = note;
            if (!label_.count(note)) {
                label_[note] = it->first;
                number_[note] = marker_number(text_content(a));
            }
            for (const char* key : {"id", "name"}) {
                const std::string back = attribute(a, key);
                if (!back.empty()) backlink_ids_.insert(back);
            }
        }
    }

    /// Elements that open a block, and what kind.
    static bool opens_block(std::string_view n) {
        return one_of(
            n, {"p",   "div", "li", "h1",         "h2",      "h3",      "h4",      "h5",      "h6",      "blockquote",
                "pre", "dt",  "dd", "figcaption", "caption", "address", "section", "article", "main",    "aside",
                "ul",  "ol",  "dl", "table",      "tr",      "hr",      "figure",  "details", "summary", "center"});
    }

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
                if (is_furniture(n) || label_.count(n)) return false;
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
                if (auto it = marker_.find(n); it != marker_.end()) {
                    text_.add_ref(label_[it->second], number_[it->second]);
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
                    return true;
                }
                flush();
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
            });
        flush();
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

    /// A link's target when it leaves the page ("" for anchors within it).
    static std::string web_link(xmlNode* a) {
        const std::string href = attribute(a, "href");
        return href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0 || href.rfind("mailto:", 0) == 0 ? href
                                                                                                                : "";
    }

    bool is_backlink(xmlNode* a) const {
        if (!is_element(a, "a")) return false;
        const std::string href = attribute(a, "href");
        return attribute(a, "role") == "doc-backlink" || has_class(a, "footnote-back") ||
               (href.size() > 1 && href[0] == '#' && backlink_ids_.count(href.substr(1)));
    }

    void emit_note(xmlNode* note) {
        OutlineBlock block;
        block.kind = OutlineBlock::Kind::FOOTNOTE;
        block.label = label_[note];
        block.n = number_[note];
        BlockText text;
        bool started = false;
        walk(
            note,
            [&](xmlNode* n) {
                if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                    if (n->content) {
                        text.append(reinterpret_cast<const char*>(n->content));
                        started = started || !text.empty();
                    }
                    return false;
                }
                if (n->type != XML_ELEMENT_NODE || is_furniture(n) || is_backlink(n)) return false;
                // The note's own number at its start ("<sup>1</sup> Text", "<a name=fn1>1</a>").
                if (!started && one_of(name_of(n), {"sup", "a", "span", "b", "strong"}) && block.n > 0 &&
                    marker_number(text_content(n)) == block.n) {
                    return false;
                }
                if (name_of(n) == "a") text.add_url(web_link(n));
                if (name_of(n) == "br" || opens_block(name_of(n))) text.append(" ");
                return true;
            },
            [&](xmlNode* n) {
                if (opens_block(name_of(n))) text.append(" ");
            });
        text.finish_into(block);
        block.refs.clear();
        // A hand-written note may start with its number as text: "1. See ...", "[1] See ...".
        if (block.n > 0) {
            const std::string num = std::to_string(block.n);
            for (const std::string& prefix : {num + ". ", "[" + num + "] ", num + ") ", "(" + num + ") ", num + " "}) {
                if (block.text.rfind(prefix, 0) == 0) {
                    block.text.erase(0, prefix.size());
                    break;
                }
            }
        }
        outline_.blocks.push_back(std::move(block));
    }

    static std::string collapse(const std::string& s) {
        BlockText t;
        t.append(s);
        OutlineBlock b;
        t.finish_into(b);
        return b.text;
    }

    xmlNode* root_;
    Outline outline_;
    TitleBlock title_block_;
    BlockText text_;
    std::vector<Owner> owners_;
    OutlineBlock row_;
    bool all_th_ = false;
    std::map<xmlNode*, xmlNode*> marker_;   ///< marker link → its note
    std::map<xmlNode*, std::string> label_; ///< note → its anchor's name
    std::map<xmlNode*, int> number_;        ///< note → its number as the first marker prints it
    std::vector<xmlNode*> note_order_;      ///< notes in the order first cited
    std::set<std::string> backlink_ids_;    ///< ids of the markers (a note's "↩" links to one)
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
