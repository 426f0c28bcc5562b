/** @file schema.h
 *  @brief The index format, defined once: term prefixes, value slots, metadata keys.
 *
 *  The writer, the searcher and anything else reading a database use this header; nothing
 *  else names a prefix, a slot or a field. How values are written into slots is codecs.h.
 */
#ifndef RAPPORTEUR_SCHEMA_H
#define RAPPORTEUR_SCHEMA_H

#include <xapian.h>

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>

namespace rapporteur::schema {

/// Version of the index format; a database with another version is refused.
inline constexpr std::string_view VERSION = "5"; // 5: what a hit shows is in the document data

/// Block size of the tables of a database this writer creates or compacts (Xapian's default
/// is 8192). A query reads a few blocks of each table at random (the page's document data and
/// position lists, each term's first posting chunk), and each block read is a copy of a whole
/// block from the page cache: 4 KB blocks made queries 14-30 % faster on the benchmark's
/// 10MB tier for the same size on disk (benchmarks/README.md, "Block size"). A database
/// updated in place keeps the block size it was created with; any size reads the same.
inline constexpr unsigned BLOCK_SIZE = 4096;

// --- Term prefixes (Xapian convention: upper case; X starts a multi-letter prefix) ----------
inline constexpr std::string_view PREFIX_TEXT = "";           ///< passage text (positional)
inline constexpr std::string_view PREFIX_SESSION_TITLE = "T"; ///< words of the session title
inline constexpr std::string_view PREFIX_FOOTNOTE = "F";      ///< words of the cited footnotes
inline constexpr std::string_view PREFIX_DOCUMENT = "XD";     ///< document slug (boolean)
inline constexpr std::string_view PREFIX_KIND = "K";          ///< paragraph | bullet | footnote
inline constexpr std::string_view PREFIX_LANG = "L";          ///< ISO 639-1 language
inline constexpr std::string_view PREFIX_ORG = "XO";          ///< canonical organisation
inline constexpr std::string_view PREFIX_COUNTRY = "XC";      ///< canonical country
inline constexpr std::string_view PREFIX_SESSION = "XS";      ///< session number ("0" opening)
inline constexpr std::string_view PREFIX_DAY = "XY";          ///< meeting day ("0" unknown)
inline constexpr std::string_view PREFIX_SPEAKER = "XP";      ///< the passage's speaker, as named
/// On a shard's database only (rapporteur-index --shard K/N): the passage id (boolean), so
/// that a sharded search selects a page's passages in one match (SLOT_PAGE_DATA).
inline constexpr std::string_view PREFIX_PASSAGE = "Q";

// --- Value slots -----------------------------------------------------------------------------
// The slots are what facets count, filters and drill-downs test and the ranking orders ties
// by; a hit reads none of them (its session, language, organisations, countries and speaker
// are in the document data too, stored_passage.h). Slots 2 and 5 held the document and the
// word offsets before format 5, which moved them into the data.
inline constexpr Xapian::valueno SLOT_SESSION = 0;   ///< encode_session() (codecs.h)
inline constexpr Xapian::valueno SLOT_LANG = 1;      ///< ISO 639-1
inline constexpr Xapian::valueno SLOT_ORGS = 3;      ///< organisations, join_values() (codecs.h)
inline constexpr Xapian::valueno SLOT_COUNTRIES = 4; ///< countries, join_values() (codecs.h)
inline constexpr Xapian::valueno SLOT_SPEAKER = 6;   ///< the speaker as named, "" when none
/// The passage id as a sort key, encode_sort_key() (codecs.h): equal scores rank in id order,
/// so a sharded search (whose docids interleave the shards) orders them as one database does.
inline constexpr Xapian::valueno SLOT_SORT_ID = 7;
/** On a shard's database only: the document data again, with the passage's text terms and
 *  their positions and its title and footnote terms (stored_passage.h: page_value). A match
 *  sorted by this slot returns each item's value with it, so a sharded search gets a page's
 *  passages and their highlights from one match over their PREFIX_PASSAGE terms, a message to
 *  each shard, instead of a round trip a passage and a term (the remote protocol reads a
 *  document or a position list a round trip). A shard is about 1.5 times the size of one
 *  database of the same passages (957 against 620 MB on the 100MB benchmark tier); one
 *  database has neither. */
inline constexpr Xapian::valueno SLOT_PAGE_DATA = 8;
// The document data (stored_passage.h) holds the id, text, what a hit shows of it (session,
// language, organisations, countries, speaker, its document, the span of each word), and its
// kind and cited footnotes. There is
// no unique-id term: a term per passage cost a posting list per passage (about 3 % of the
// index); find_passage() looks the id up among its document's passages instead.

// --- Metadata keys ---------------------------------------------------------------------------
inline constexpr std::string_view META_VERSION = "rapporteur:version";
/// The analysis features the index was built with (see AnalyzerOptions), comma-separated.
inline constexpr std::string_view META_ANALYSIS = "rapporteur:analysis";
/// Followed by a document slug: "<content hash> <path>" of the indexed file.
inline constexpr std::string_view META_FILE = "rapporteur:file:";
/// Followed by an acronym: its expansion, as found in the corpus.
inline constexpr std::string_view META_SYNONYM = "rapporteur:synonym:";
/// On a shard's database (rapporteur-index --shard K/N): "K/N".
inline constexpr std::string_view META_SHARD = "rapporteur:shard";
/** On a shard's database, followed by a 4-digit chunk number: its spelling dictionary as
 *  lines `word<TAB>frequency`, for a sharded search (the remote protocol cannot read the
 *  spelling table). Rewritten by every run on the shard. */
inline constexpr std::string_view META_SPELLING = "rapporteur:spelling:";
/// On a shard's database: the fingerprint of its META_SPELLING chunks (see
/// format::ChunkedMetadataWriter), which names a sharded search's cached dictionary without
/// reading the chunks.
inline constexpr std::string_view META_SPELLING_FINGERPRINT = "rapporteur:spelling-fingerprint";
/// Followed by a chunk number: a shard's acronyms, one line per definition,
/// "<acronym>\t<documents>\t<expansion>" (the META_SYNONYM values in one read over the remote
/// protocol, which asks a round trip a key). The META_SYNONYM keys stay: they are what the
/// writer updates document by document, and the chunks are rewritten from them.
inline constexpr std::string_view META_ACRONYMS = "rapporteur:acronyms:";

/// A field of a passage that queries filter by (`org:GRETA`, `--filter org=GRETA`) and, when
/// it has a facet, results count by. The one list of field and facet names.
struct Field {
    std::string_view name;   ///< in the query language and --filter: "org"
    std::string_view prefix; ///< its boolean term prefix
    std::string_view facet;  ///< its facet's name in results ("organisation"), "" when none
    Xapian::valueno slot;    ///< the slot its facet counts (BAD_VALUENO: counted from its terms)
};

inline constexpr Field FIELDS[] = {
    {"session", PREFIX_SESSION, "session", SLOT_SESSION},
    {"org", PREFIX_ORG, "organisation", SLOT_ORGS},
    {"country", PREFIX_COUNTRY, "country", SLOT_COUNTRIES},
    {"lang", PREFIX_LANG, "lang", SLOT_LANG},
    {"doc", PREFIX_DOCUMENT, "document", Xapian::BAD_VALUENO},
    {"speaker", PREFIX_SPEAKER, "speaker", SLOT_SPEAKER},
    {"kind", PREFIX_KIND, "", Xapian::BAD_VALUENO},
    {"day", PREFIX_DAY, "", Xapian::BAD_VALUENO},
};

/// The fields that have a facet, in FIELDS order (the order results list them in).
inline constexpr std::size_t FACET_COUNT = 6;
static_assert(
    [] {
        for (std::size_t i = 0; i < std::size(FIELDS); ++i) {
            if (FIELDS[i].facet.empty() != (i >= FACET_COUNT)) return false;
        }
        return true;
    }(),
    "the fields with a facet come first in FIELDS, FACET_COUNT of them");

/// The field called `name` ("org"), or nullptr.
constexpr const Field* find_field(std::string_view name) {
    for (const auto& f : FIELDS) {
        if (f.name == name) return &f;
    }
    return nullptr;
}

/// The field names, comma-separated, for messages: "session, org, country, lang, doc, speaker, kind, day".
std::string field_names();

/** Throws RuntimeError naming `path` when `db` was written in another index format (its
 *  META_VERSION is set and is not VERSION). */
void check_index_format(const Xapian::Database& db, std::string_view path);

} // namespace rapporteur::schema

#endif
