/** @file schema.cc
 *  @brief The field list for messages, and the check of a database's index format.
 */
#include "rapporteur/format/schema.h"

#include "rapporteur/base/errors.h"

namespace rapporteur::schema {

std::string field_names() {
    std::string out;
    for (const auto& f : FIELDS) {
        if (!out.empty()) out += ", ";
        out += f.name;
    }
    return out;
}

void check_index_format(const Xapian::Database& db, std::string_view path) {
    const auto version = db.get_metadata(std::string(META_VERSION));
    if (!version.empty() && version != VERSION) {
        throw RuntimeError(std::string(path) + ": index format " + version + ", this version reads format " +
                           std::string(VERSION) + "; index into a new database (rapporteur-index --db NEW DIR)");
    }
}

} // namespace rapporteur::schema
