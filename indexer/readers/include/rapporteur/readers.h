/** @file readers.h
 *  @brief The document model's readers: one per input format, behind one interface.
 *
 *  A reader turns a file's bytes into a Report (model/report.h). The registry picks one by
 *  the file's extension, as omindex picks a filter by MIME type; a new format is a new file
 *  under indexer/readers/src/ and one line in reader_registry.cc.
 */
#ifndef RAPPORTEUR_READERS_H
#define RAPPORTEUR_READERS_H

#include "rapporteur/model/report.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// Reads one input format into the document model.
class Reader {
  public:
    virtual ~Reader() = default;

    /// The format's name, for messages ("plain text", "Markdown").
    virtual std::string_view format() const = 0;

    /** The report in `bytes`. `name` (the path relative to its input folder) gives the slug
     *  and names the file in messages. Throws RuntimeError on content it cannot read (invalid
     *  UTF-8, naming the byte offset; binary content). Never returns a report without its
     *  opening session. */
    virtual Report read(std::string_view bytes, std::string_view name) const = 0;
};

/// The reader registered for `path`'s extension (case-insensitive), or nullptr.
const Reader* reader_for(const std::filesystem::path& path);

/// The extensions a folder is searched for (".txt", ".md"), lower case.
std::vector<std::string> reader_extensions();

/** The layout parser shared by the plain-text and Markdown readers: front matter, sessions,
 *  paragraphs and bullets (rejoined across footnote blocks), footnotes linked both ways,
 *  entities, acronyms. Throws RuntimeError on invalid UTF-8 (naming the byte offset) or binary
 *  content. */
Report parse_report(std::string_view text, std::string_view path);

/// The report as JSON (what `rapporteur-index --dump` prints).
nlohmann::json to_json(const Report& report);

/// The slug of a path: the file name without extension, lowercased, non-alphanumerics as '-'.
std::string slug_of(std::string_view path);

} // namespace rapporteur

#endif
