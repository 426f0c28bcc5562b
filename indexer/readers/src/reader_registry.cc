/** @file reader_registry.cc
 *  @brief The table from file extension to reader: the one place a new format is registered.
 */
#include "rapporteur/readers.h"

#include "document_readers.h"
#include "pdf_reader.h"
#include "plain_text_reader.h"
#include "rapporteur/utf8.h"

#include <utility>

namespace rapporteur {

namespace {

const PlainTextReader PLAIN_TEXT;
const MarkdownReader MARKDOWN;
const DocxReader DOCX;
const OdtReader ODT;
const HtmlReader HTML;
const PdfReader PDF;

/// Extension (lower case, with its dot) → reader.
const std::pair<std::string_view, const Reader*> READERS[] = {
    {".txt", &PLAIN_TEXT},
    {".md", &MARKDOWN},
    {".docx", &DOCX},
    {".odt", &ODT},
    {".html", &HTML},
    {".htm", &HTML},
    {".pdf", &PDF},
};

} // namespace

const Reader* reader_for(const std::filesystem::path& path) {
    const std::string ext = utf8::fold(path.extension().string());
    for (const auto& [e, reader] : READERS) {
        if (e == ext) return reader;
    }
    return nullptr;
}

std::vector<std::string> reader_extensions() {
    std::vector<std::string> out;
    for (const auto& [e, reader] : READERS) out.emplace_back(e);
    return out;
}

} // namespace rapporteur
