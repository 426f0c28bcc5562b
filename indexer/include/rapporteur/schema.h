/** @file schema.h
 *  @brief The index format, defined once: term prefixes, value slots, metadata keys.
 *
 *  Both the indexer and the searcher read this header; nothing else names a prefix or a slot.
 */
#ifndef RAPPORTEUR_SCHEMA_H
#define RAPPORTEUR_SCHEMA_H

#include "rapporteur/analyzers.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapporteur::schema {

/// Version of the index format; a database with another version is refused.
inline constexpr std::string_view VERSION = "2";

// --- Term prefixes (Xapian convention: upper case; X starts a multi-letter prefix) ----------
inline constexpr std::string_view PREFIX_TEXT = "";          ///< passage text (positional)
inline constexpr std::string_view PREFIX_SESSION_TITLE = "T"; ///< words of the session title
inline constexpr std::string_view PREFIX_FOOTNOTE = "F";     ///< words of the cited footnotes
inline constexpr std::string_view PREFIX_DOCUMENT = "XD";    ///< document slug (boolean)
inline constexpr std::string_view PREFIX_KIND = "K";         ///< paragraph | bullet | footnote
inline constexpr std::string_view PREFIX_LANG = "L";         ///< ISO 639-1 language
inline constexpr std::string_view PREFIX_ORG = "XO";         ///< canonical organisation
inline constexpr std::string_view PREFIX_COUNTRY = "XC";     ///< canonical country
inline constexpr std::string_view PREFIX_SESSION = "XS";     ///< session number ("0" opening)
inline constexpr std::string_view PREFIX_DAY = "XY";         ///< meeting day ("0" unknown)

// --- Value slots -----------------------------------------------------------------------------
inline constexpr Xapian::valueno SLOT_SESSION = 0;   ///< "<day>/<number>/<title>"
inline constexpr Xapian::valueno SLOT_LANG = 1;      ///< ISO 639-1
// Slot 2 is free: a passage's document is the start of its id, and the XD term filters by it.
inline constexpr Xapian::valueno SLOT_ORGS = 3;      ///< organisations joined by '\x1f'
inline constexpr Xapian::valueno SLOT_COUNTRIES = 4; ///< countries joined by '\x1f'
/// Byte span of every word position of the passage text, encode_offsets() format.
inline constexpr Xapian::valueno SLOT_OFFSETS = 5;
// The document data (stored_passage.h) holds the id, kind, text and cited footnotes. There is
// no unique-id term: a term per passage cost a posting list per passage (about 3 % of the
// index); find_passage() looks the id up among its document's passages instead.

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

/// Appends `v` as a varint: 7 bits a byte, low bits first, the high bit set on all but the last.
inline void append_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

/// Reads a varint of at most 32 bits at `at`, which moves past it; false when cut short or longer.
inline bool read_varint(std::string_view data, std::size_t& at, std::uint32_t& v) {
    v = 0;
    for (int shift = 0; at < data.size() && shift < 35; shift += 7) {
        const auto byte = static_cast<unsigned char>(data[at++]);
        v |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return true;
    }
    return false;
}

/** The span of each word position, as stored in SLOT_OFFSETS, for positions 1, 2, ... in
 *  order, as byte offsets into the passage text. A position's span covers every token at it,
 *  so a compound's whole form makes its first position span the whole compound and spans may
 *  overlap; starts never go back.
 *
 *  Most words follow the previous one after a space or two and are shorter than 32 bytes, so
 *  a span is one byte when it can be: (start − previous end) × 32 + length, for a gap of 0–6
 *  and a length of 1–31 (values below 0xE0). Any other span is OFFSETS_ESCAPE followed by
 *  varint(start − previous start) and varint(length). About 1.1 bytes a word on the benchmark
 *  corpus, against 2 for two varints and 9 as JSON numbers. */
inline constexpr unsigned char OFFSETS_ESCAPE = 0xE0;

inline std::string encode_offsets(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& spans) {
    std::string out;
    out.reserve(spans.size() + 8);
    std::uint32_t prev_start = 0, prev_end = 0;
    for (const auto& [start, end] : spans) {
        // A start that went backwards is clamped rather than wrapped.
        const std::uint32_t s = std::max(start, prev_start), e = std::max(end, s);
        const std::uint32_t length = e - s;
        if (s >= prev_end && s - prev_end <= 6 && length >= 1 && length <= 31) {
            out += static_cast<char>((s - prev_end) * 32 + length);
        } else {
            out += static_cast<char>(OFFSETS_ESCAPE);
            append_varint(out, s - prev_start);
            append_varint(out, length);
        }
        prev_start = s;
        prev_end = e;
    }
    return out;
}

/// The spans of encode_offsets(), flat: [start₁, end₁, start₂, end₂, ...]. Stops at a truncated
/// varint or a byte no encoder writes.
inline std::vector<std::uint32_t> decode_offsets(std::string_view data) {
    std::vector<std::uint32_t> flat;
    flat.reserve(2 * data.size());
    std::size_t i = 0;
    std::uint32_t prev_start = 0, prev_end = 0;
    while (i < data.size()) {
        const auto byte = static_cast<unsigned char>(data[i++]);
        std::uint32_t start = 0, length = 0;
        if (byte < OFFSETS_ESCAPE) {
            start = prev_end + (byte >> 5);
            length = byte & 31u;
        } else if (byte == OFFSETS_ESCAPE) {
            std::uint32_t delta = 0;
            if (!read_varint(data, i, delta) || !read_varint(data, i, length)) break;
            start = prev_start + delta;
        } else {
            break;
        }
        flat.push_back(start);
        flat.push_back(start + length);
        prev_start = start;
        prev_end = start + length;
    }
    return flat;
}

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
