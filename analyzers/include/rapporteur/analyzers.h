/** @file analyzers.h
 *  @brief Public API of the analysis chain: text → tokens with positions and byte offsets.
 *
 *  One chain serves indexing, querying and highlighting: the indexer writes the terms of
 *  `Analyzer::analyze`, the searcher builds its Xapian queries from `Analyzer::analyze_query`,
 *  and highlights come from the offsets the indexer stored for each position, so the three can
 *  never disagree.
 */
#ifndef RAPPORTEUR_ANALYZERS_H
#define RAPPORTEUR_ANALYZERS_H

#include "rapporteur/base/data_files.h"
#include "rapporteur/base/errors.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace rapporteur {

/** Tunes glibc's allocator for a process that analyses much text; the executables call it
 *  once, first thing. CLD2 allocates and frees scanner buffers of a few hundred KB on every
 *  call, and glibc by default hands such memory back to the kernel each time (a heap trim or
 *  munmap, then a TLB flush on every core): 10-15 % of an indexing run or a batch of topics.
 *  Keeping up to 64 MB of freed memory for reuse removes that cost. It matters only when
 *  glibc's malloc is the one in use: the default build links the executables with jemalloc
 *  (RAPPORTEUR_JEMALLOC), which does not have that cost, and then this changes nothing. */
void tune_allocator();

/** One token of analysed text.
 *
 *  `start`/`end` are byte offsets into the text given to the analyzer, [start, end); filters
 *  never change them. Several tokens may share a position: the extra ones (`alternative`) are
 *  other index forms of the same word (the exact accented form, compound parts, a spelling
 *  variant), indexed at that position so that phrases still match.
 */
struct Token {
    std::string text;           ///< the term, normalised (UTF-8, no prefix)
    std::uint32_t position = 0; ///< word position, 0-based, increasing
    std::uint32_t start = 0;    ///< byte offset of the token's first byte
    std::uint32_t end = 0;      ///< byte offset one past the token's last byte
    bool alternative = false;   ///< an extra form at the same position as the previous token
};

/** One alternative reading of a query word: a single term, or a phrase of terms
 *  (an acronym's expansion), with a weight factor relative to the exact reading (1.0). */
struct QueryAlternative {
    std::vector<std::string> terms;
    double weight = 1.0;
};

/** A reading of several consecutive query words taken together: two words typed apart that
 *  the index may hold as one compound ("non punishment" → "nonpunishment"), or an acronym's
 *  expansion typed in full ("National Referral Mechanism" → "nrm"). */
struct QueryGroup {
    std::size_t words = 0;                      ///< how many words it covers, this one included (≥ 2)
    std::vector<QueryAlternative> alternatives; ///< the group's readings (weight 1 each)
};

/** One word of a query as the user typed it, with every index form it may take.
 *
 *  Alternatives of weight 1 are interchangeable forms (they are merged as one term); an
 *  alternative of another weight is a bonus for matching that form (the exact accented
 *  form of a word typed with accents), scored beside the merged term. */
struct QueryWord {
    std::string original;                       ///< the slice of the query text
    std::uint32_t start = 0, end = 0;           ///< byte offsets into the query text
    std::vector<QueryAlternative> alternatives; ///< never empty; first is the main reading
    bool stopword = false;                      ///< a stop word in the query's language
    /// Readings of this word together with the words after it; build_query uses the longest.
    std::vector<QueryGroup> groups;
};

/** Leads a surface-form term: a word as written, folded but not stemmed ("=organs"), indexed
 *  beside its stem ("organ") at the same position. The mark keeps the two vocabularies apart:
 *  another language's stem may be spelled like an English word ("mechanism"). */
inline constexpr std::string_view SURFACE_MARK = "=";

/// Options of an Analyzer.
struct AnalyzerOptions {
    /// Force this language (ISO 639-1, e.g. "fr") instead of detecting it; "" detects.
    std::string lang;
    /// Language assumed when detection is unsure.
    std::string fallback_lang = "en";
    // Features of the chain, each switchable for the relevance regression table. The indexer
    // records them in the database and the searcher reads them back, so both sides agree.
    bool stemming = true;          ///< Snowball stemming in the passage's language
    bool accent_folding = true;    ///< "sécurité" and "securite" meet
    bool compounds = true;         ///< "non-punishment" = "non punishment" = "nonpunishment"
    bool spelling_variants = true; ///< British/American spellings meet
    bool synonyms = true;          ///< acronyms and their expansions meet
    bool exact_forms = true;       ///< a word's own folded form is indexed beside its stem
};

/// The feature switches of `o` as a list: "stem,fold,compound,variant,synonym,exact" ("none" when off).
/// The indexer records it in the database and the searcher reads it back.
std::string format_features(const AnalyzerOptions& o);

/** Set the feature switches of `o` from a list as format_features writes it ("all" and
 *  "none" too). Throws UsageError naming an unknown feature. */
void parse_features(std::string_view list, AnalyzerOptions& o);

/** Xapian's glass backend refuses terms longer than 245 bytes, and one failed add_document
 *  cancels every change since the last commit: every term (prefix included) is kept at or
 *  under this many bytes, and terms with a NUL byte are dropped. */
inline constexpr std::size_t MAX_TERM_BYTES = 240;

/// Whether `prefix` + `term` may be given to Xapian (see MAX_TERM_BYTES).
inline bool is_storable_term(std::string_view prefix, std::string_view term) {
    return !term.empty() && prefix.size() + term.size() <= MAX_TERM_BYTES &&
           term.find('\0') == std::string_view::npos && prefix.find('\0') == std::string_view::npos;
}

/** The analysis chain: ICU word breaks → NFKC + case folding → accent folding → stop words →
 *  Snowball stemming → term length cap, with compounds, identifiers, spelling variants and
 *  synonyms. Thread-safe for concurrent `analyze*` calls once constructed.
 */
class Analyzer {
  public:
    explicit Analyzer(AnalyzerOptions options = {});
    ~Analyzer();
    Analyzer(Analyzer&&) noexcept;
    Analyzer& operator=(Analyzer&&) noexcept;

    /** Identify the language of `text`: an ISO 639-1 code, or `fallback` when unsure.
     *  Returns the forced language when the options set one. */
    std::string detect_language(std::string_view text, std::string_view fallback = {}) const;

    /** The language of a passage of a document in `document_lang`: the passage's own where the
     *  identifier is sure of it (reliable, 80 % of the text, and in the Latin script three
     *  lower-case words or 40 letters: a French paragraph in an English report, a Chinese
     *  quotation), else
     *  `document_lang` (a line such as "Trevor Norris: +1" tells the identifier nothing);
     *  detect_language's guess when `document_lang` is empty. The forced language wins. */
    std::string passage_language(std::string_view text, std::string_view document_lang) const;

    /** Tokens to index for `text` in language `lang` ("" → detect). Throws RuntimeError
     *  on invalid UTF-8. Empty text gives no tokens. */
    std::vector<Token> analyze(std::string_view text, std::string_view lang = {}) const;

    /** The words of a query with all their index forms. `lang` "" means: stem in every
     *  candidate language the query may be in. */
    std::vector<QueryWord> analyze_query(std::string_view text, std::string_view lang = {}) const;

    /** Register an acronym definition found in the corpus (acronym → expansion, e.g. "NRM" →
     *  "National Referral Mechanism"), beside the curated glossary: afterwards a query for either
     *  finds the other. Safe to call while other threads analyse. Empty arguments are ignored. */
    void add_synonym(std::string_view acronym, std::string_view expansion);

    /// The languages that have a stemmer and stop list here (ISO 639-1), the query-time candidates.
    static const std::vector<std::string>& stemmed_languages();

    /** Whether `code` is a language code the analyzers know: an ISO 639-1 (or, where a language
     *  has none, 639-2) code of a language the language identifier (CLD2) tells, such as "en",
     *  "fr", "zh" or "pl", in any case ("EN"), with a region or not ("pt-BR"). A language name
     *  ("english") or an unknown code ("xx") is not one. Languages outside stemmed_languages()
     *  are analysed without stemming. */
    static bool is_known_language(std::string_view code);

    /// The one-line message for a `--lang` that is_known_language() refuses, saying which are known.
    static std::string unknown_language(std::string_view code);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/** Whether a written word (as the text has it, not folded) goes into the spelling dictionary:
 *  3 to 32 bytes of letters, not ideographs, kana or hangul (words typed through an input
 *  method, where "did you mean" by edit distance does not apply, and a dictionary of them
 *  would be a tenth of the index). The indexer adds these; the speller trusts the dictionary
 *  for them. */
bool is_spelling_word(std::string_view word);

/// Whether add_tokens records the tokens' positions (phrases need them) or only their counts.
enum class Positions : bool { KEEP, DROP };

/** Add tokens to a Xapian document as terms with `prefix`, at position + 1 (Xapian counts from
 *  1) unless `positions` is DROP (for text that counts for ranking but needs no phrases).
 *  Terms that are not is_storable_term() are dropped here so that Xapian never sees them (a
 *  failed add cancels a whole batch). */
void add_tokens(Xapian::Document& doc, const std::vector<Token>& tokens, std::string_view prefix = {},
                Positions positions = Positions::KEEP);

/** Build the Xapian query for analysed query words: each word is the OP_SYNONYM of its
 *  weight-1 alternatives (a phrase for multi-term alternatives), OR'd with its other-weight
 *  alternatives scaled by OP_SCALE_WEIGHT; the words are joined by `op`. A word that starts a
 *  group covers the group's words: (those words joined by `op`) OR (the group's readings).
 *  Stop words are left out unless every word is one. Empty in → empty out (MatchNothing). */
Xapian::Query build_query(const std::vector<QueryWord>& words, std::string_view prefix = {},
                          Xapian::Query::op op = Xapian::Query::OP_OR);

} // namespace rapporteur

#endif
