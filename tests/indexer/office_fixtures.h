/** @file office_fixtures.h
 *  @brief Test helper shared by the document readers' tests: DOCX and ODT archives written
 *  here with libzip from XML given inline, so that each test says what it reads.
 */
#ifndef RAPPORTEUR_TESTS_OFFICE_FIXTURES_H
#define RAPPORTEUR_TESTS_OFFICE_FIXTURES_H

#include <zip.h>
#include <catch2/catch.hpp>

#include <map>
#include <string>

namespace rapporteur::test {

/// A zip archive of `entries` (name → bytes), deflated, made with libzip.
inline std::string zip_of(const std::map<std::string, std::string>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
    REQUIRE(out != nullptr);
    zip_source_keep(out);
    zip_t* archive = zip_open_from_source(out, ZIP_TRUNCATE, &error);
    REQUIRE(archive != nullptr);
    for (const auto& [name, bytes] : entries) {
        zip_source_t* s = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        REQUIRE(s != nullptr);
        REQUIRE(zip_file_add(archive, name.c_str(), s, ZIP_FL_OVERWRITE) >= 0);
    }
    REQUIRE(zip_close(archive) == 0);
    REQUIRE(zip_source_open(out) == 0);
    REQUIRE(zip_source_seek(out, 0, SEEK_END) == 0);
    const zip_int64_t size = zip_source_tell(out);
    REQUIRE(zip_source_seek(out, 0, SEEK_SET) == 0);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    REQUIRE(zip_source_read(out, bytes.data(), bytes.size()) == size);
    zip_source_close(out);
    zip_source_free(out);
    zip_error_fini(&error);
    return bytes;
}

inline const char* const W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

/// A DOCX whose body is `body` (w:p elements), after an optional DOCTYPE `doctype`.
inline std::string docx_of(const std::string& body, const std::string& doctype = "") {
    return zip_of({{"word/document.xml", "<?xml version=\"1.0\"?>" + doctype + "<w:document " + W + "><w:body>" + body +
                                             "</w:body></w:document>"}});
}

inline const char* const OFFICE =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";

inline std::string odt_of(const std::string& text, const std::string& doctype = "") {
    return zip_of({{"mimetype", "application/vnd.oasis.opendocument.text"},
                   {"content.xml", "<?xml version=\"1.0\"?>" + doctype + "<office:document-content " + OFFICE +
                                       "><office:body><office:text>" + text +
                                       "</office:text></office:body></office:document-content>"}});
}

/// A DOCX of `body` with other parts beside word/document.xml ("word/styles.xml" → its XML).
inline std::string docx_with(const std::string& body, std::map<std::string, std::string> parts) {
    parts["word/document.xml"] =
        std::string("<?xml version=\"1.0\"?><w:document ") + W + "><w:body>" + body + "</w:body></w:document>";
    return zip_of(parts);
}

/// An ODT of `text` (office:text's content) whose content.xml has `automatic_styles`, with
/// other parts beside it ("meta.xml" → its XML).
inline std::string odt_with(const std::string& text, const std::string& automatic_styles,
                            std::map<std::string, std::string> parts) {
    parts["content.xml"] = std::string("<?xml version=\"1.0\"?><office:document-content ") + OFFICE +
                           " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
                           " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
                           " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\">"
                           "<office:automatic-styles>" +
                           automatic_styles +
                           "</office:automatic-styles>"
                           "<office:body><office:text>" +
                           text + "</office:text></office:body></office:document-content>";
    return zip_of(parts);
}

} // namespace rapporteur::test

#endif
