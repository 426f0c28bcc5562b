/** @file fuzz_file_records.cc
 *  @brief libFuzzer target: the decoder of the file records (metadata rapporteur:file:<slug>).
 *
 *  Each input is the value of one record. decode_record() reads a damaged record as an empty
 *  one (costing only a re-index of that file) and never throws, and a record it read is
 *  encoded and decoded again the same.
 */
#include "file_records.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rapporteur;
    const FileRecord first = decode_record(std::string_view(reinterpret_cast<const char*>(data), size));
    const FileRecord again = decode_record(encode_record(first));
    bool same = again.hash == first.hash && again.path == first.path && again.acronyms.size() == first.acronyms.size();
    for (std::size_t i = 0; same && i < first.acronyms.size(); ++i) {
        same = again.acronyms[i].acronym == first.acronyms[i].acronym &&
               again.acronyms[i].expansion == first.acronyms[i].expansion;
    }
    if (!same) {
        std::fprintf(stderr, "file record changed on a round trip\n");
        std::abort();
    }
    return 0;
}
