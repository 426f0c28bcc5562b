/** @file schema.h
 *  @brief The index format, defined once: term prefixes, value slots, metadata keys.
 *
 *  Both the indexer and the searcher read this header; nothing else names a prefix or a slot.
 */
#ifndef RAPPORTEUR_SCHEMA_H
#define RAPPORTEUR_SCHEMA_H

#include "rapporteur/analyzers.h"

#include <xapian.h>

#include <string>
#include <string_view>

namespace rapporteur::schema {

/// Version of the index format; a database with another version is refused.
inline constexpr std::string_view VERSION = "1";

// --- Term prefixes (Xapian convention: upper case; X starts a multi-letter prefix) ----------
inline constexpr std::string_view PREFIX_TEXT = "";          ///< passage text (positional)
inline constexpr std::string_view PREFIX_SESSION_TITLE = "T"; ///< words of the session title
inline constexpr std::string_view PREFIX_FOOTNOTE = "F";     ///< words of the cited footnotes
inline constexpr std::string_view PREFIX_ID = "Q";           ///< unique passage id
inline constexpr std::string_view PREFIX_DOCUMENT = "XD";    ///< document slug (boolean)
inline constexpr std::string_view PREFIX_KIND = "K";         ///< paragraph | bullet | footnote
inline constexpr std::string_view PREFIX_LANG = "L";         ///< ISO 639-1 language
inline constexpr std::string_view PREFIX_ORG = "XO";         ///< canonical organisation
inline constexpr std::string_view PREFIX_COUNTRY = "XC";     ///< canonical country
inline constexpr std::string_view PREFIX_SESSION = "XS";     ///< session number ("0" opening)
inline constexpr std::string_view PREFIX_DAY = "XY";         ///< meeting day

// --- Value slots -----------------------------------------------------------------------------
inline constexpr Xapian::valueno SLOT_SESSION = 0;   ///< "<day>/<number>/<title>"
inline constexpr Xapian::valueno SLOT_LANG = 1;      ///< ISO 639-1
inline constexpr Xapian::valueno SLOT_DOCUMENT = 2;  ///< document slug
inline constexpr Xapian::valueno SLOT_ORGS = 3;      ///< organisations joined by '\x1f'
inline constexpr Xapian::valueno SLOT_COUNTRIES = 4; ///< countries joined by '\x1f'
inline constexpr Xapian::valueno SLOT_ORDER = 5;     ///< sortable passage order in its document

/// Separator of multi-valued facet values in one slot.
inline constexpr char MULTI_SEPARATOR = '\x1f';

// --- Metadata keys ---------------------------------------------------------------------------
inline constexpr std::string_view META_VERSION = "rapporteur:version";
/// The analysis features the index was built with (see AnalyzerOptions), comma-separated.
inline constexpr std::string_view META_ANALYSIS = "rapporteur:analysis";
/// Followed by a document slug: "<content hash> <path>" of the indexed file.
inline constexpr std::string_view META_FILE = "rapporteur:file:";
/// Followed by an acronym: its expansion, as found in the corpus.
inline constexpr std::string_view META_SYNONYM = "rapporteur:synonym:";

/** Xapian's glass backend refuses terms longer than 245 bytes; a failed add_document then
 *  cancels every change since the last commit. Terms are capped below that, prefix included. */
inline constexpr std::size_t MAX_TERM_BYTES = 240;

/// The analysis features as stored under META_ANALYSIS: "stem,fold,compound,variant,synonym".
inline std::string format_features(const AnalyzerOptions& o) {
    std::string out;
    auto add = [&out](bool on, const char* name) {
        if (!on) return;
        if (!out.empty()) out += ',';
        out += name;
    };
    add(o.stemming, "stem");
    add(o.accent_folding, "fold");
    add(o.compounds, "compound");
    add(o.spelling_variants, "variant");
    add(o.synonyms, "synonym");
    return out.empty() ? "none" : out;
}

/** Set the feature switches of `o` from a list as format_features writes it ("all" and
 *  "none" too). Throws UsageError naming an unknown feature. */
inline void parse_features(std::string_view list, AnalyzerOptions& o) {
    const bool all = list == "all";
    o.stemming = o.accent_folding = o.compounds = o.spelling_variants = o.synonyms = all;
    if (all || list == "none" || list.empty()) return;
    while (!list.empty()) {
        auto comma = list.find(',');
        std::string_view name = list.substr(0, comma);
        if (name == "stem") o.stemming = true;
        else if (name == "fold") o.accent_folding = true;
        else if (name == "compound") o.compounds = true;
        else if (name == "variant") o.spelling_variants = true;
        else if (name == "synonym") o.synonyms = true;
        else throw UsageError("unknown analysis feature '" + std::string(name) +
                              "' (known: stem, fold, compound, variant, synonym, all, none)");
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
}

} // namespace rapporteur::schema

#endif
