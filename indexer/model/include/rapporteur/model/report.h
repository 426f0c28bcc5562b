/** @file report.h
 *  @brief The document model of a meeting report: metadata, sessions, passages, footnotes,
 *         entities. Plain data: every reader (readers.h) fills it, the writer stores it.
 */
#ifndef RAPPORTEUR_MODEL_REPORT_H
#define RAPPORTEUR_MODEL_REPORT_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// What a passage is. Its name (kind_name) is what the index and the JSON output say.
enum class PassageKind : std::uint8_t { PARAGRAPH, BULLET, FOOTNOTE };

/// "paragraph", "bullet" or "footnote".
constexpr std::string_view kind_name(PassageKind kind) {
    switch (kind) {
        case PassageKind::BULLET: return "bullet";
        case PassageKind::FOOTNOTE: return "footnote";
        case PassageKind::PARAGRAPH: break;
    }
    return "paragraph";
}

/// The kind named `name` (as kind_name writes it), or nullopt.
constexpr std::optional<PassageKind> parse_kind(std::string_view name) {
    for (auto k : {PassageKind::PARAGRAPH, PassageKind::BULLET, PassageKind::FOOTNOTE}) {
        if (kind_name(k) == name) return k;
    }
    return std::nullopt;
}

/// A session of a meeting. Number 0 is the opening part, before the first session.
struct Session {
    int day = 0;           ///< 1-based meeting day, 0 when unknown
    int number = 0;        ///< 1-based session number, 0 for the opening part
    std::string title;     ///< heading text after the dash, "" when none
    bool inferred = false; ///< announced in the text rather than by a heading
};

/// A footnote marker inside a passage: the footnote number and where the marker was.
struct FootnoteRef {
    int n = 0;                ///< footnote number as printed
    std::uint32_t offset = 0; ///< byte offset in Passage::text where the marker stood
    /// The footnote it cites, by identity: the id of that footnote's Passage, as the reader
    /// resolved it ("" when no footnote of the report matches). Numbering may restart in a
    /// document, so the number alone does not name a footnote.
    std::string id;
};

/// One searchable unit: a paragraph, a bullet item, or a footnote.
struct Passage {
    std::string id; ///< stable: "<document-slug>/p12" or "<slug>/fn7"
    PassageKind kind = PassageKind::PARAGRAPH;
    std::string text;                       ///< clean text, footnote markers removed
    int session = 0;                        ///< index into Document::sessions
    std::vector<FootnoteRef> footnotes;     ///< markers in this passage (paragraphs, bullets)
    std::vector<std::string> cited_by;      ///< for footnotes: ids of the passages citing it
    int footnote_number = 0;                ///< for footnotes: its number
    std::vector<std::string> urls;          ///< links found in the passage
    std::vector<std::string> organisations; ///< canonical organisation names, sorted, unique
    std::vector<std::string> countries;     ///< canonical country names, sorted, unique
    std::string lang;                       ///< ISO 639-1, "" until analysed
    int page = 0;      ///< 1-based page where the passage starts, 0 where the format has no pages
    int last_page = 0; ///< 1-based page where it ends (== page unless it runs over a break), or 0
    std::string speaker; ///< the person (or delegation) speaking, as the report names them, or ""
    /// The sub-headings above the passage inside its session, outermost first, joined by " / "
    /// ("Conclusion"); "" when none. Searchable with the session's title.
    std::string heading;
};

/// An acronym defined in the text, e.g. "NRM" → "National Referral Mechanism".
struct AcronymDefinition {
    std::string acronym;
    std::string expansion;
};

/// A parsed meeting report.
struct Report {
    std::string path; ///< source path relative to the folder indexed (as given for a lone file)
    std::string slug; ///< stable id of the document, from its file name
    std::string title;
    std::vector<std::string> organisers;
    std::vector<std::string> dates; ///< ISO 8601 dates, e.g. "2020-11-03"
    std::string venue;
    std::string lang;              ///< the document's main language, "" when unknown
    std::vector<Session> sessions; ///< sessions[0] is the opening part
    std::vector<Passage> passages; ///< paragraphs and bullets, then footnotes, in order
    std::vector<AcronymDefinition> acronyms;
};

} // namespace rapporteur

#endif
