/** @file gazetteer.h
 *  @brief Organisations and countries named in a text, as canonical facet values (data/gazetteer.tsv).
 */
#ifndef RAPPORTEUR_INDEXER_GAZETTEER_H
#define RAPPORTEUR_INDEXER_GAZETTEER_H

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rapporteur {

/// One entity found in a text.
struct EntityMention {
    enum class Kind { ORGANISATION, COUNTRY } kind = Kind::ORGANISATION;
    std::string canonical; ///< the facet value, e.g. "Council of Europe" for "CoE"
    std::size_t start = 0; ///< byte offset of the mention in the text
    std::size_t end = 0;   ///< byte offset one past it
};

/** A gazetteer of organisations and countries with their aliases in several languages.
 *  Matching is case-sensitive on whole words, leftmost longest: at each word the longest alias
 *  wins and matching goes on after it ("UN Women" is not also "UN"; "OSCE/ODIHR" gives both).
 *  An alias word ending in '*' matches any word starting with it (Russian declensions).
 *  Linear in the text. Immutable once built. */
class Gazetteer {
  public:
    /// The shared instance, loaded once from data_path("indexer", "gazetteer.tsv").
    static const Gazetteer& instance();
    /// Build from the text of a data file; `source` names it in error messages (RuntimeError).
    static Gazetteer parse(std::string_view tsv, std::string_view source);

    /// Every mention in `text`, in order of position.
    std::vector<EntityMention> find(std::string_view text) const;

    /// The canonical organisations and countries of `text`, each sorted and unique.
    void tag(std::string_view text, std::vector<std::string>& organisations, std::vector<std::string>& countries) const;

  private:
    struct Alias {
        std::vector<std::string> words; ///< the alias split into words
        std::vector<bool> stem;         ///< word i ends in '*': a prefix
        std::vector<std::string> gaps;  ///< text between word i and i+1 (spaces as one ' ')
        std::size_t entity = 0;         ///< index into entities_
    };
    struct Entity {
        EntityMention::Kind kind;
        std::string canonical;
    };
    /// Hashing that accepts string_view keys, so that lookups copy nothing.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Index = std::unordered_map<std::string, std::vector<std::size_t>, Hash, std::equal_to<>>;

    /// Call `on_match(entity index, start, end)` for every mention, leftmost longest.
    template <class OnMatch>
    void scan(std::string_view text, OnMatch on_match) const;

    std::vector<Entity> entities_;
    std::vector<Alias> aliases_;
    Index by_first_word_; ///< aliases by their first word
    Index by_first_stem_; ///< aliases whose first word is a '*' stem, by the stem
    std::unordered_map<std::string, int, Hash, std::equal_to<>> stem_heads_; ///< first 3 code points of stems
    std::size_t longest_stem_ = 0;                                           ///< bytes
};

} // namespace rapporteur

#endif
