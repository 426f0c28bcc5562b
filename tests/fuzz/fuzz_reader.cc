/** @file fuzz_reader.cc
 *  @brief libFuzzer target: the reader the registry picks for RAPPORTEUR_FUZZ_EXTENSION.
 *
 *  Compiled once per extension of tests/fuzz/CMakeLists.txt's RAPPORTEUR_FUZZ_READERS, so a
 *  new reader gets its target by adding its extension there. A reader may refuse its input
 *  with RuntimeError (invalid UTF-8, binary content); anything else, or a crash, is a bug. The
 *  report it returns must keep the Reader contract: an opening session, passages whose text
 *  is valid UTF-8, and JSON that serialises (what --dump prints).
 *
 *  With RAPPORTEUR_FUZZ_ZIP_ENTRY ("word/document.xml"), the bytes are that entry of a zip
 *  archive written here, stored uncompressed with its right CRC, so the mutations reach the
 *  XML (in a real archive they would fail the entry's CRC).
 */
#include "rapporteur/base/errors.h"
#include "rapporteur/readers.h"
#include "rapporteur/utf8.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#ifdef RAPPORTEUR_FUZZ_ZIP_ENTRY
#include <zip.h>
#endif

#ifndef RAPPORTEUR_FUZZ_EXTENSION
#error "RAPPORTEUR_FUZZ_EXTENSION (such as \".txt\") must be defined"
#endif

namespace {

void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "reader contract broken: %s\n", what);
        std::abort();
    }
}

#ifdef RAPPORTEUR_FUZZ_ZIP_ENTRY
/// A zip archive with one stored entry `entry` holding `bytes`.
std::string zip_of(const char* entry, std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    require(buffer != nullptr, "libzip: no buffer source");
    zip_source_keep(buffer); // it outlives the archive written into it
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    require(archive != nullptr, "libzip: cannot write an archive");
    zip_source_t* data = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    const zip_int64_t index = zip_file_add(archive, entry, data, ZIP_FL_OVERWRITE);
    require(index >= 0, "libzip: cannot add the entry");
    require(zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0) == 0, "libzip: store");
    require(zip_close(archive) == 0, "libzip: cannot close the archive");
    std::string out;
    require(zip_source_open(buffer) == 0, "libzip: cannot reopen the buffer");
    char chunk[16384];
    for (zip_int64_t n; (n = zip_source_read(buffer, chunk, sizeof chunk)) > 0;) out.append(chunk, static_cast<std::size_t>(n));
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}
#endif

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rapporteur;
    static const Reader* reader = reader_for("fuzz" RAPPORTEUR_FUZZ_EXTENSION);
    require(reader != nullptr, "no reader registered for " RAPPORTEUR_FUZZ_EXTENSION);
#ifdef RAPPORTEUR_FUZZ_ZIP_ENTRY
    const std::string archive = zip_of(RAPPORTEUR_FUZZ_ZIP_ENTRY, {reinterpret_cast<const char*>(data), size});
    const std::string_view bytes(archive);
#else
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
#endif
    try {
        const Report report = reader->read(bytes, "fuzz" RAPPORTEUR_FUZZ_EXTENSION);
        require(!report.sessions.empty(), "a report without its opening session");
        for (const auto& p : report.passages) {
            require(utf8::invalid_offset(p.text) == std::string_view::npos, "a passage text is not UTF-8");
            require(!p.id.empty(), "a passage without an id");
            require(p.session >= 0 && static_cast<std::size_t>(p.session) < report.sessions.size(),
                    "a passage in a session the report does not have");
            for (const auto& f : p.footnotes) require(f.offset <= p.text.size(), "a footnote marker past the text");
        }
        (void)to_json(report).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    } catch (const RuntimeError&) {
        // Refused with a message: the expected answer to bad bytes.
    }
    return 0;
}
