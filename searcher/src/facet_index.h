/** @file facet_index.h
 *  @brief Exact, multi-valued facet counts: the facet values of every passage, read once from
 *         the value slots, and a MatchSpy that counts by docid without loading documents.
 */
#ifndef RAPPORTEUR_FACET_INDEX_H
#define RAPPORTEUR_FACET_INDEX_H

#include "rapporteur/format/schema.h"
#include "rapporteur/searcher.h"

#include <xapian.h>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rapporteur {

/// The facet values stored in one slot's value: a session value → its number, a joined list
/// (codecs::join_values) → its values, any other → itself; none for "".
std::vector<std::string> facet_values(Xapian::valueno slot, const std::string& value);

/// Most frequent first, ties by value (numbers in numeric order): the order results list.
void sort_facet_values(std::vector<FacetValue>& values);

/** The facet values of every passage of one database revision. Building it reads the five
 *  value streams once (O(passages)); counting a match is then a few array increments. */
class FacetIndex {
  public:
    /// The fields with a facet: the first schema::FACET_COUNT of schema::FIELDS.
    static constexpr std::size_t FIELDS = schema::FACET_COUNT;

    explicit FacetIndex(const Xapian::Database& db);

    /// Counts the facet values of every passage the matcher hands it.
    class Spy : public Xapian::MatchSpy {
      public:
        explicit Spy(const FacetIndex& index);
        void operator()(const Xapian::Document& doc, double weight) override;
        /// field name → values, most frequent first, ties by value (numbers in numeric order).
        std::map<std::string, std::vector<FacetValue>> results() const;

      private:
        const FacetIndex& index_;
        std::array<std::vector<std::size_t>, FIELDS> counts_;
    };

  private:
    /// Per field: value ids of each docid as CSR (first[did]..first[did+1] into ids).
    struct Field {
        std::vector<std::string> values;
        std::vector<std::uint32_t> first;
        std::vector<std::uint32_t> ids;
    };
    std::array<Field, FIELDS> fields_;
};

} // namespace rapporteur

#endif
