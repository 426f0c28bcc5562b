/** @file fuzz_file_records.cc
 *  @brief libFuzzer target: the decoder of the file records (metadata rapporteur:file:<slug>).
 *
 *  Each input is the value of one record; read_records() reads a damaged record as an empty
 *  one (costing only a re-index of that file) and never throws, and a record it read is
 *  written back and read again the same.
 */
#include "file_records.h"

#include "rapporteur/format/schema.h"

#include <xapian.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rapporteur;
    if (size == 0) return 0; // an empty metadata value is no entry at all
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.set_metadata(std::string(schema::META_FILE) + "fuzz", std::string(reinterpret_cast<const char*>(data), size));
    const auto records = read_records(db);
    if (records.size() != 1 || records.begin()->first != "fuzz") {
        std::fprintf(stderr, "file record lost\n");
        std::abort();
    }
    write_record(db, "again", records.begin()->second);
    const auto again = read_records(db).at("again");
    const FileRecord& first = records.begin()->second;
    if (again.hash != first.hash || again.path != first.path || again.acronyms.size() != first.acronyms.size()) {
        std::fprintf(stderr, "file record changed on a round trip\n");
        std::abort();
    }
    return 0;
}
