/** @file html_notes.cc
 *  @brief The HTML reader's first walk of a page: footnote markers (links to an anchored note,
 *         pandoc's and hand-written shapes) and their notes, and the tree helpers of both walks.
 *
 *  Every walk of the tree is iterative (parent and sibling pointers, no recursion), so a page
 *  nested 100,000 deep costs time in proportion to its size and no stack.
 */
#include "html_notes.h"

#include <algorithm>
#include <cctype>

namespace rapporteur::html {

namespace {

/// A footnote marker: a link to an anchor in the page, written as a note reference.
bool is_marker_link(xmlNode* a) {
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
xmlNode* note_of(xmlNode* target) {
    if (!is_element(target, "a") && !is_element(target, "sup") && !is_element(target, "span")) return target;
    for (xmlNode* up = target->parent; up && up->type == XML_ELEMENT_NODE; up = up->parent) {
        if (one_of(name_of(up), {"li", "p", "div", "dd", "aside", "td"})) return up;
    }
    return target;
}

bool is_backlink(const Notes& notes, xmlNode* a) {
    if (!is_element(a, "a")) return false;
    const std::string href = attribute(a, "href");
    return attribute(a, "role") == "doc-backlink" || has_class(a, "footnote-back") ||
           (href.size() > 1 && href[0] == '#' && notes.backlink_ids.count(href.substr(1)));
}

} // namespace

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

bool opens_block(std::string_view n) {
    return one_of(
        n, {"p",   "div", "li", "h1",         "h2",      "h3",      "h4",      "h5",      "h6",      "blockquote",
            "pre", "dt",  "dd", "figcaption", "caption", "address", "section", "article", "main",    "aside",
            "ul",  "ol",  "dl", "table",      "tr",      "hr",      "figure",  "details", "summary", "center"});
}

std::string web_link(xmlNode* a) {
    const std::string href = attribute(a, "href");
    return href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0 || href.rfind("mailto:", 0) == 0 ? href
                                                                                                            : "";
}

std::string collapse(const std::string& s) {
    BlockText t;
    t.append(s);
    OutlineBlock b;
    t.finish_into(b);
    return b.text;
}

Notes find_notes(xmlNode* root) {
    Notes notes;
    std::map<std::string, xmlNode*> ids;
    std::vector<xmlNode*> links;
    walk(
        root,
        [&](xmlNode* n) {
            if (n->type != XML_ELEMENT_NODE) return false;
            for (const char* key : {"id", "name"}) {
                const std::string id = attribute(n, key);
                if (!id.empty()) ids.emplace(id, n);
            }
            if (is_element(n, "title") && notes.title.empty()) notes.title = collapse(text_content(n));
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
            in_note = in_note || notes.label.count(up);
        }
        if (inside || in_note || one_of(name_of(note), {"h1", "h2", "h3", "h4", "h5", "h6", "body", "html"}))
            continue;
        notes.marker[a] = note;
        if (!notes.label.count(note)) {
            notes.label[note] = it->first;
            notes.number[note] = marker_number(text_content(a));
        }
        for (const char* key : {"id", "name"}) {
            const std::string back = attribute(a, key);
            if (!back.empty()) notes.backlink_ids.insert(back);
        }
    }
    return notes;
}

OutlineBlock note_block(const Notes& notes, xmlNode* note) {
    OutlineBlock block;
    block.kind = OutlineBlock::Kind::FOOTNOTE;
    block.label = notes.label.at(note);
    block.n = notes.number.at(note);
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
            if (n->type != XML_ELEMENT_NODE || is_furniture(n) || is_backlink(notes, n)) return false;
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
    return block;
}

} // namespace rapporteur::html
