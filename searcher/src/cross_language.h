/** @file cross_language.h
 *  @brief Cross-language search: a query's words (or a passage's telling words) translated
 *         into the other languages of the index with the FreeDict dictionaries, each
 *         translation analysed by its own language's chain into a Xapian query.
 */
#ifndef RAPPORTEUR_CROSS_LANGUAGE_H
#define RAPPORTEUR_CROSS_LANGUAGE_H

#include "rapporteur/analyzers.h"

#include "translator.h"

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

namespace rapporteur {

/// One word's translations into one language.
struct WordTranslation {
    std::string word;                      ///< as typed in the query (or written in the passage)
    std::string from, to;                  ///< ISO 639-1 codes
    std::vector<std::string> translations; ///< as the dictionary writes them, those the index holds
    /// The translations analysed in `to`, alternatives of one meaning (OP_SYNONYM; a translation
    /// of several words is the AND of its words).
    Xapian::Query query;
    std::set<std::string> terms; ///< the unprefixed index terms of `query`, to highlight
};

/// The words of a query to translate, and those it excludes.
struct QueryTerms {
    /// Words and phrases in query order; consecutive free words are tried together first.
    std::vector<std::vector<std::string>> runs;
    std::vector<std::string> negated; ///< words and phrases under NOT or `-`
};

/** The translations of words into the languages of one index. Reads the index's languages
 *  (its `L` terms) at construction. */
class CrossLanguage {
  public:
    /// At most this many translations per word and language: FreeDict lists a word's senses in
    /// order of use, and the rare ones further down mostly add noise to the ranking.
    static constexpr std::size_t MAX_TRANSLATIONS = 3;
    /// Translations looked at per word and language: those the index holds no word of are
    /// skipped (FreeDict's first senses are often rare ones), up to MAX_TRANSLATIONS kept.
    static constexpr std::size_t MAX_CANDIDATES = 8;

    CrossLanguage(const Xapian::Database& db, const Analyzer& analyzer, Translator& translator);

    /// The languages of the index's passages (ISO 639-1), sorted.
    const std::vector<std::string>& languages() const { return languages_; }

    /** The words of query text `text` for translation: free words and phrases that are not
     *  negated, in order (field values, wildcards and operators are not translated). A query
     *  that does not lex is taken as words separated by spaces. */
    static QueryTerms query_terms(const std::string& text);

    /** Translations of each run's words into every language of the index but the word's own.
     *  A run's words are tried three, then two together (dictionaries have headwords such as
     *  "human trafficking"), then alone. A word's language is the first of `sources` from
     *  which it translates at all. Words with no translation are left out. `notices` gets
     *  one line per language of the index that no installed dictionary reaches from a source
     *  that was used (or, with no dictionary installed at all, one line saying so). A damaged
     *  dictionary adds a notice too: searching never fails for a dictionary. */
    std::vector<WordTranslation> translate(const std::vector<std::vector<std::string>>& runs,
                                           const std::vector<std::string>& sources, std::vector<std::string>& notices);

  private:
    std::vector<WordTranslation> translate_word(const std::string& word, const std::vector<std::string>& sources,
                                                std::set<std::string>& used_sources, std::vector<std::string>& notices);

    const Xapian::Database& db_;
    const Analyzer& analyzer_;
    Translator& translator_;
    std::vector<std::string> languages_;
};

/// The notice and JSON text of translations: `"word": de Menschenhandel, illegaler Handel; fr traite`.
std::string describe_translations(const std::vector<WordTranslation>& translations, const std::string& word);

} // namespace rapporteur

#endif
