/** @file html_notes.h
 *  @brief What the HTML reader shares between its two walks of a page: the tree helpers
 *         (iterative walk, text, furniture, block elements) and the footnotes, found first: the
 *         links that are note markers, the note each cites, a note made into a FOOTNOTE block.
 */
#ifndef RAPPORTEUR_READERS_HTML_NOTES_H
#define RAPPORTEUR_READERS_HTML_NOTES_H

#include "outline.h"
#include "xml_document.h"

#include <functional>
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace rapporteur::html {

/// An element's name.
std::string_view name_of(const xmlNode* n);

bool one_of(std::string_view name, std::initializer_list<std::string_view> names);

/// Whether the class attribute of `n` has the word `word`.
bool has_class(const xmlNode* n, std::string_view word);

/// Elements whose content is never the report's text: scripts, styles, forms, embedded media,
/// and navigation however it is marked (<nav>, or the ARIA roles of menus, banners, page
/// footers and search boxes).
bool is_furniture(const xmlNode* n);

/** Visits the subtree of `root` in document order without recursion: `enter(node)` returns
 *  whether to descend into an element; `leave(node)` follows an element whose children were
 *  visited. */
void walk(xmlNode* root, const std::function<bool(xmlNode*)>& enter, const std::function<void(xmlNode*)>& leave);

/// The text of `node`'s subtree, furniture left out, as written (white space not collapsed).
std::string text_content(xmlNode* node);

/// Elements that open a block of their own (a paragraph, a list item, a table row ...).
bool opens_block(std::string_view name);

/// A link's target when it leaves the page ("" for anchors within it).
std::string web_link(xmlNode* a);

/// `s` with runs of white space made one space, none at the ends.
std::string collapse(const std::string& s);

/// The page's footnotes: which links are markers, the note each cites, and how it is named.
struct Notes {
    std::map<xmlNode*, xmlNode*> marker;   ///< marker link → its note
    std::map<xmlNode*, std::string> label; ///< note → its anchor's name
    std::map<xmlNode*, int> number;        ///< note → its number as the first marker prints it
    std::set<std::string> backlink_ids;    ///< ids of the markers (a note's "↩" links to one)
    std::string title;                     ///< the page's <title>, collapsed ("" when none)
};

/** The notes of the page under `root`: pandoc's `a.footnote-ref` → `section.footnotes li`, and
 *  hand-written `<sup><a href="#fn1">1</a></sup>` → `<li id="fn1">` or `<p><a name="fn1">`.
 *  A link inside the note it names, or naming a heading, is no marker. */
Notes find_notes(xmlNode* root);

/// The FOOTNOTE block of `note` (a key of `notes.label`): its text without its own number and
/// back-links.
OutlineBlock note_block(const Notes& notes, xmlNode* note);

} // namespace rapporteur::html

#endif
