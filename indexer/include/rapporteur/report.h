/** @file report.h
 *  @brief The document model of a meeting report: metadata, sessions, passages, footnotes, entities.
 */
#ifndef RAPPORTEUR_REPORT_H
#define RAPPORTEUR_REPORT_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace rapporteur {

/// A session of a meeting. Number 0 is the opening part, before the first session.
struct Session {
    int day = 0;          ///< 1-based meeting day, 0 when unknown
    int number = 0;       ///< 1-based session number, 0 for the opening part
    std::string title;    ///< heading text after the dash, "" when none
    bool inferred = false;///< announced in the text rather than by a heading
};

/// A footnote marker inside a passage: the footnote number and where the marker was.
struct FootnoteRef {
    int n = 0;               ///< footnote number as printed
    std::uint32_t offset = 0;///< byte offset in Passage::text where the marker stood
};

/// One searchable unit: a paragraph, a bullet item, or a footnote.
struct Passage {
    std::string id;                         ///< stable: "<document-slug>/p12" or "<slug>/fn7"
    std::string kind;                       ///< "paragraph", "bullet" or "footnote"
    std::string text;                       ///< clean text, footnote markers removed
    int session = 0;                        ///< index into Document::sessions
    std::vector<FootnoteRef> footnotes;     ///< markers in this passage (paragraphs, bullets)
    std::vector<std::string> cited_by;      ///< for footnotes: ids of the passages citing it
    int footnote_number = 0;                ///< for footnotes: its number
    std::vector<std::string> urls;          ///< links found in the passage
    std::vector<std::string> organisations; ///< canonical organisation names, sorted, unique
    std::vector<std::string> countries;     ///< canonical country names, sorted, unique
    std::string lang;                       ///< ISO 639-1, "" until analysed
};

/// An acronym defined in the text, e.g. "NRM" → "National Referral Mechanism".
struct AcronymDefinition {
    std::string acronym;
    std::string expansion;
};

/// A parsed meeting report.
struct Report {
    std::string path;                  ///< source path as given
    std::string slug;                  ///< stable id of the document, from its file name
    std::string title;
    std::vector<std::string> organisers;
    std::vector<std::string> dates;    ///< ISO 8601 dates, e.g. "2020-11-03"
    std::string venue;
    std::string lang;                  ///< the document's main language, "" when unknown
    std::vector<Session> sessions;     ///< sessions[0] is the opening part
    std::vector<Passage> passages;     ///< paragraphs and bullets, then footnotes, in order
    std::vector<AcronymDefinition> acronyms;
};

/** Parse a meeting report from UTF-8 text. `path` is used for the slug and in messages.
 *  Throws RuntimeError on invalid UTF-8 (naming the byte offset) or binary content. */
Report parse_report(std::string_view text, std::string_view path);

/// The report as JSON (what `rapporteur-index --dump` prints).
nlohmann::json to_json(const Report& report);

/// The slug of a path: the file name without extension, lowercased, non-alphanumerics as '-'.
std::string slug_of(std::string_view path);

} // namespace rapporteur

#endif
