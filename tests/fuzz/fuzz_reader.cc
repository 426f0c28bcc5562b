/** @file fuzz_reader.cc
 *  @brief libFuzzer target: the reader the registry picks for RAPPORTEUR_FUZZ_EXTENSION.
 *
 *  Compiled once per extension of tests/fuzz/CMakeLists.txt's RAPPORTEUR_FUZZ_READERS, so a
 *  new reader gets its target by adding its extension there. A reader may refuse its input
 *  with RuntimeError (invalid UTF-8, binary content); anything else, or a crash, is a bug. The
 *  report it returns must keep the Reader contract: an opening session, passages whose text
 *  is valid UTF-8, and JSON that serialises (what --dump prints).
 */
#include "rapporteur/base/errors.h"
#include "rapporteur/readers.h"
#include "rapporteur/utf8.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

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

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rapporteur;
    static const Reader* reader = reader_for("fuzz" RAPPORTEUR_FUZZ_EXTENSION);
    require(reader != nullptr, "no reader registered for " RAPPORTEUR_FUZZ_EXTENSION);
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
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
