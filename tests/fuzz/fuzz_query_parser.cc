/** @file fuzz_query_parser.cc
 *  @brief libFuzzer target: the query language (lexer → parser → compiler) and the match.
 *
 *  The seed report is indexed once into an in-memory database, so field values, wildcards
 *  and term frequencies are real. Each input is a query: QueryParser::parse never throws on
 *  bad syntax (it reads the text as plain words and says so); the query it gives must run.
 *  Invalid UTF-8 may be refused with RuntimeError.
 */
#include "document_builder.h"
#include "query_parser.h"

#include "rapporteur/base/data_files.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/readers.h"

#include <xapian.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

namespace {

Xapian::WritableDatabase seed_database(const rapporteur::Analyzer& analyzer) {
    using namespace rapporteur;
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::string path = std::string(RAPPORTEUR_SOURCE_DATADIR) + "/seeds/000_2e1ad919f53edd39.txt";
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const PreparedReport prepared = DocumentBuilder(analyzer).build(reader_for(path)->read(bytes.str(), path));
    for (const auto& p : prepared.passages) db.add_document(p.document);
    db.commit();
    return db;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rapporteur;
    static const Analyzer analyzer;
    static const Xapian::WritableDatabase db = seed_database(analyzer);
    static const SearchOptions options;
    static const QueryParser parser(db, analyzer, options);
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const ParsedQuery parsed = parser.parse(text);
        if (!parsed.query.empty()) {
            Xapian::Enquire enquire(db);
            enquire.set_query(parsed.query);
            (void)enquire.get_mset(0, 10);
        }
    } catch (const RuntimeError&) {
        // Refused with a message (invalid UTF-8).
    }
    return 0;
}
