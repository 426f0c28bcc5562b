/** @file field_filters.cc
 *  @brief Field filters: a field value's index term (case-insensitive for canonical names)
 *         and the drill-down query of --filter (AND across fields, OR within one).
 */
#include "query_parser.h"

#include "compiler.h" // combine

#include "rapporteur/format/schema.h"
#include "rapporteur/utf8.h"

namespace rapporteur {

bool QueryParser::has(const std::string& term) const { return terms_ ? terms_->exists(db_, term) : db_.term_exists(term); }

std::string QueryParser::field_term(const std::string& field, const std::string& value) const {
    const schema::Field* f = schema::find_field(field);
    if (!f) throw UsageError("unknown filter field '" + field + "' (" + schema::field_names() + ")");
    const std::string prefix(f->prefix);
    std::string exact = prefix + value;
    if (has(exact)) return exact;
    // Canonical names are stored as written ("GRETA", "Council of Europe"): match any case.
    const std::string wanted = utf8::fold(value);
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
        const std::string& term = *t;
        if (utf8::fold(std::string_view(term).substr(prefix.size())) == wanted) return term;
    }
    return exact;
}

Xapian::Query QueryParser::filter_query(const std::map<std::string, std::vector<std::string>>& filters,
                                        std::vector<std::string>& notices) const {
    using query::combine;
    std::vector<Xapian::Query> across;
    for (const auto& [field, values] : filters) {
        std::vector<Xapian::Query> within;
        for (const auto& v : values) {
            std::string term = field_term(field, v);
            if (!has(term)) notices.push_back("no passage has " + field + "=" + v);
            within.emplace_back(term);
        }
        if (!within.empty()) across.push_back(combine(Xapian::Query::OP_OR, within));
    }
    return combine(Xapian::Query::OP_AND, across);
}

} // namespace rapporteur
