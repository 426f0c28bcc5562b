/** @file term_vocabulary.cc
 *  @brief TermVocabulary: the small fields' terms read once a revision, lookups for the rest.
 */
#include "term_vocabulary.h"

#include "rapporteur/format/schema.h"

#include <algorithm>

namespace rapporteur {

TermVocabulary::TermVocabulary(const Xapian::Database& db, std::size_t max_terms) {
    // A table holds every index term that starts with its letter, whatever field it belongs
    // to (the schema's other prefixes start with other letters, and text terms are case-folded,
    // so in practice that is the field's): its answers are exact either way.
    for (std::string_view p : {schema::PREFIX_SESSION_TITLE, schema::PREFIX_FOOTNOTE, schema::PREFIX_LANG,
                               schema::PREFIX_KIND}) {
        Prefix held{std::string(p), true, {}};
        for (auto t = db.allterms_begin(held.prefix); t != db.allterms_end(held.prefix); ++t) {
            if (held.terms.size() == max_terms) {
                held.held = false;
                held.terms.clear();
                break;
            }
            held.terms.push_back(*t);
        }
        // allterms come in byte order; the check keeps the binary search right on any backend.
        if (!std::is_sorted(held.terms.begin(), held.terms.end())) std::sort(held.terms.begin(), held.terms.end());
        prefixes_.push_back(std::move(held));
    }
}

bool TermVocabulary::exists(const Xapian::Database& db, const std::string& term) const {
    for (const auto& p : prefixes_) {
        if (!p.held || term.compare(0, p.prefix.size(), p.prefix) != 0) continue;
        return std::binary_search(p.terms.begin(), p.terms.end(), term);
    }
    return db.term_exists(term);
}

std::size_t TermVocabulary::held_prefixes() const {
    return static_cast<std::size_t>(std::count_if(prefixes_.begin(), prefixes_.end(), [](const auto& p) { return p.held; }));
}

} // namespace rapporteur
