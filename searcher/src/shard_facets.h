/** @file shard_facets.h
 *  @brief Exact, multi-valued facet counts over remote shards, with what stock servers run:
 *         Xapian's ValueCountMatchSpy per slot, and the match list for fields without a slot.
 */
#ifndef RAPPORTEUR_SHARD_FACETS_H
#define RAPPORTEUR_SHARD_FACETS_H

#include "rapporteur/searcher.h"
#include "shard_set.h"

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace rapporteur {

/** The facet fields of schema::FIELDS over a ShardSet's union. A field with a slot is counted
 *  by a ValueCountMatchSpy on the servers (exact with checkatleast = the doccount; a joined
 *  multi-valued value is split here, so each value counts once a passage). A field without
 *  one (the document) is counted here from the docids of every match, through the posting
 *  lists of its terms, read once per union. */
class ShardFacets {
  public:
    explicit ShardFacets(const ShardSet& shards);

    /// True when counting needs the docid of every match (a facet field has no slot).
    bool needs_matches() const { return needs_matches_; }

    /// The counts of one search: attach() before get_mset, results() after.
    class Count {
      public:
        Count(const ShardFacets& facets, Xapian::Enquire& enquire);
        /** field name → values, in sort_facet_values() order. `matches`: every matching docid
         *  (read only when needs_matches()); `excluded`: a matching passage to leave out of the
         *  counts (the source of --like), or null. */
        std::map<std::string, std::vector<FacetValue>> results(const std::vector<Xapian::docid>& matches,
                                                               const Xapian::Document* excluded) const;

      private:
        const ShardFacets& facets_;
        std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies_; ///< one per facet field with a slot
    };

  private:
    /// A field without a slot: its values, and (union docid, value id) sorted by docid.
    struct TermField {
        std::vector<std::string> values;
        std::vector<std::pair<Xapian::docid, std::uint32_t>> postings;
    };
    std::vector<TermField> term_fields_; ///< per facet field (empty for a field with a slot)
    bool needs_matches_ = false;
};

} // namespace rapporteur

#endif
