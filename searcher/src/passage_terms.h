/** @file passage_terms.h
 *  @brief A passage's text terms and their positions, from its stored text analysed again, so
 *         that a hit over shards is highlighted without a position list (a round trip) a term.
 */
#ifndef RAPPORTEUR_PASSAGE_TERMS_H
#define RAPPORTEUR_PASSAGE_TERMS_H

#include "rapporteur/analyzers.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapporteur {

/** The unprefixed terms of a passage's text with their positions (1-based, as Xapian's), as
 *  the indexer's add_tokens() wrote them from Analyzer::analyze(text, lang). */
class PassageTerms {
  public:
    /** Analyses `text` in `lang` with `analyzer` (the index's features, read from it). Empty
     *  when the tokens' spans are not exactly the stored ones (`offsets`, flat, from the passage data):
     *  then the analysis differs from the indexer's (another version, other features) and only
     *  the index's own position lists are right. Never throws. */
    static std::optional<PassageTerms> analyse(const Analyzer& analyzer, std::string_view text, std::string_view lang,
                                               const std::vector<std::uint32_t>& offsets);

    /// The terms the indexer wrote in a shard's page value (stored_passage.h: page_value): the
    /// text terms with their positions, the session-title and footnote terms without.
    explicit PassageTerms(std::map<std::string, std::vector<std::uint32_t>, std::less<>> terms)
        : terms_(std::move(terms)) {}

    /// The positions of `term` in the text, ascending; empty when the text does not have it.
    const std::vector<std::uint32_t>& positions(const std::string& term) const;
    /// Every term with its positions, in term order (as a termlist is).
    const std::map<std::string, std::vector<std::uint32_t>, std::less<>>& all() const { return terms_; }

  private:
    PassageTerms() = default;
    std::map<std::string, std::vector<std::uint32_t>, std::less<>> terms_;
};

} // namespace rapporteur

#endif
