/** @file inline_markup.h
 *  @brief Inline text of a passage → clean text, footnote markers with offsets, and links.
 */
#ifndef RAPPORTEUR_INDEXER_INLINE_MARKUP_H
#define RAPPORTEUR_INDEXER_INLINE_MARKUP_H

#include "rapporteur/model/report.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// A passage's text once its markup is read.
struct InlineText {
    std::string text;              ///< clean text: single spaces, no markers, no markup
    std::vector<FootnoteRef> refs; ///< footnote markers, offsets in bytes into `text`
    std::vector<std::string> urls; ///< links, in order, without duplicates
};

/** Read the inline markup of a passage (its lines already joined by spaces):
 *  - superscript digit runs (¹²³⁴⁵⁶⁷⁸⁹⁰, "¹⁰", also right after punctuation as in "2020,⁵"),
 *    Markdown footnote references "[^7]" and HTML "<sup>7</sup>" are removed and kept as
 *    FootnoteRef{n, offset of the byte where they stood in the clean text};
 *  - Markdown links "[label](url)" keep their label as text and their URL as a link (a URL
 *    that is only an anchor, "#..." or empty, is not a link); images "![alt](url)" keep alt;
 *  - autolinks "<https://...>" become their URL as text and a link; bare http(s):// URLs stay
 *    text and are links too;
 *  - backslash escapes ("\(") are unescaped; "**", "__", '`' and emphasis '*' are removed;
 *    the entities &amp; &lt; &gt; &quot; &#39; &nbsp; are decoded;
 *  - whitespace runs become one space, none at either end.
 *  Linear in the input: each search for a closing bracket is bounded or cached. */
InlineText read_inline(std::string_view raw);

/// The value 0-9 of a superscript digit, or -1.
int superscript_digit(char32_t c);

/// A line that starts a footnote: "¹⁰ See <...>", "[^10]: See ...", "<sup>10</sup> See ...".
struct FootnoteStart {
    int n = 0;            ///< the footnote number
    std::size_t body = 0; ///< byte offset in the line where the footnote's text starts
};

/** The footnote a line starts, or nullopt. Inside a block of lines the marker must be followed
 *  by a space (or ':' for "[^N]:") and then by something other than a lower-case letter: a
 *  wrapped paragraph line that happens to begin with a marker ("¹ and CoE standards") does not
 *  start a footnote. The first line of a block (after a blank line) cannot be such a wrapped
 *  line, so there (`block_start`) a lower-case text ("³ ibid.") is accepted, and so is an
 *  upper-case letter right after the marker ("¹Including"). */
std::optional<FootnoteStart> match_footnote_start(std::string_view line, bool block_start = false);

} // namespace rapporteur

#endif
