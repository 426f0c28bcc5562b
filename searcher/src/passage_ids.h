/** @file passage_ids.h
 *  @brief Every passage's sort key (its id encoded, SLOT_SORT_ID) by docid, for one revision
 *         of one local database, and whether the keys run in docid order.
 *
 *  Equal scores rank in passage id order (the sort key), which Xapian's matcher pays for by
 *  reading the key of every candidate that reaches the page: on the 10MB benchmark tier that
 *  doubles a one-word query's block reads (12 to 24). When the keys of a database already rise
 *  with its docids (a fresh index, or one compacted, of files whose ids rise in input order),
 *  ranking by score with ties in docid order is the same ranking, and each hit's id is read
 *  here instead of from the passage. The table is one pass over the key's value stream (1.6 ms
 *  and 0.8 MB for 57,476 passages).
 */
#ifndef RAPPORTEUR_PASSAGE_IDS_H
#define RAPPORTEUR_PASSAGE_IDS_H

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

class PassageIds {
  public:
    /// Reads every SLOT_SORT_ID value of `db` (one local database, at the revision it is at).
    explicit PassageIds(const Xapian::Database& db);

    /** Whether every passage has a key and the keys rise strictly with the docids: then the
     *  ranking by (score, docid) is the ranking by (score, passage id). */
    bool in_docid_order() const { return in_order_; }

    /// The sort key of passage `did`, or empty when it has none (or no such passage).
    std::string_view key(Xapian::docid did) const;

    /// How many passages have a key.
    std::size_t size() const { return docids_.size(); }

    /** How many tables in docid order this process has built: what tells a test that a
     *  searcher took the docid path (one table per revision), since its answers are the same. */
    static std::size_t built_in_order();

  private:
    std::vector<Xapian::docid> docids_; ///< ascending
    std::vector<std::uint32_t> ends_;   ///< key i is keys_[ends_[i-1], ends_[i])
    std::string keys_;
    bool in_order_ = false;
};

} // namespace rapporteur

#endif
