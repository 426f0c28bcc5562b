/** @file codecs.h
 *  @brief How values are written into the index: varints, word offsets, the session value and
 *         multi-valued slots. Each has one encoder and one decoder, here.
 */
#ifndef RAPPORTEUR_FORMAT_CODECS_H
#define RAPPORTEUR_FORMAT_CODECS_H

#include "rapporteur/model/report.h"

#include <concepts>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapporteur::codecs {

/// Appends `v` as a varint: 7 bits a byte, low bits first, the high bit set on all but the last.
void append_varint(std::string& out, std::uint64_t v);

/// Reads a varint of at most 32 bits at `at`, which moves past it; false when cut short or longer.
bool read_varint(std::string_view data, std::size_t& at, std::uint32_t& v);

/** The span of each word position, as the passage data stores it (stored_passage.h), for
 *  positions 1, 2, ... in order, as byte offsets [start, end) into the passage text. A position's span covers every
 *  token at it, so a compound's whole form makes its first position span the whole compound
 *  and spans may overlap; starts never go back (a start that does is clamped, and the end is
 *  never before the start).
 *
 *  Most words follow the previous one after a space or two and are shorter than 32 bytes, so
 *  a span is one byte when it can be: (start − previous end) × 32 + length, for a gap of 0–6
 *  and a length of 1–31 (values below OFFSETS_ESCAPE). Any other span is OFFSETS_ESCAPE
 *  followed by varint(start − previous start) and varint(length). About 1.1 bytes a word on
 *  the benchmark corpus, against 2 for two varints and 9 as JSON numbers. */
inline constexpr unsigned char OFFSETS_ESCAPE = 0xE0;
std::string encode_offsets(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& spans);

/// The spans of encode_offsets(), flat: [start₁, end₁, start₂, end₂, ...]. Stops at a truncated
/// varint or a byte no encoder writes (damaged data gives fewer spans, never a wrong read).
std::vector<std::uint32_t> decode_offsets(std::string_view data);

/// A passage's text terms with their positions, ascending (a positional term list).
using TermPositions = std::map<std::string, std::vector<std::uint32_t>, std::less<>>;

/** A shard's page value (schema::SLOT_PAGE_DATA): varint(length) and the passage's document
 *  data, then its text terms and their positions, as the position table holds them, so that
 *  a sharded search highlights a hit without a round trip a term or analysing its text again.
 *  Each term is varint(bytes shared with the previous term), varint(length of the rest), the
 *  rest, varint(number of positions) and the positions as varint gaps (the first from 0).
 *  Sorted terms share most of their bytes with the previous one (a stem and its word's
 *  folded form): about 3 bytes a term and position on the benchmark corpus. */
std::string encode_page_value(std::string_view data, const TermPositions& terms);

/** The parts of encode_page_value(); false when the value is damaged or is not one (then
 *  `data` and `terms` are unspecified). Positions must rise within a term. */
bool decode_page_value(std::string_view value, std::string_view& data, TermPositions& terms);
/// `data` points into the value: a temporary string (`it.get_sort_key()`) would leave it dangling.
template <typename String>
    requires std::same_as<String, std::string>
bool decode_page_value(String&& value, std::string_view& data, TermPositions& terms) = delete;

/// SLOT_SESSION's value: "<day>/<number>/<title>" (the title may itself contain '/').
std::string encode_session(const Session& session);

/// The session of a SLOT_SESSION value; day and number 0 and no title when it is not one.
Session decode_session(std::string_view value);

/// The session number of a SLOT_SESSION value, as written ("4"), without decoding the rest.
std::string_view session_number(std::string_view value);

/// Separator of the values of a multi-valued slot (organisations, countries).
inline constexpr char MULTI_SEPARATOR = '\x1f';

/// The values joined by MULTI_SEPARATOR.
std::string join_values(const std::vector<std::string>& values);

/// The non-empty values of a join_values() slot value.
std::vector<std::string> split_values(std::string_view value);

/** A passage id as a key whose byte order is the ids' natural order: each run of ASCII digits
 *  is preceded by its length (as one byte), so "doc/p2" sorts before "doc/p10". */
std::string encode_sort_key(std::string_view id);

/** The permutation that puts `ids` in encode_sort_key() order, equal keys in their given order,
 *  each key encoded once. The writer's one ordering rule: a document's passages are added in
 *  it, and its files are written in it (by "<slug>/", the start of each of their passage ids),
 *  so that a fresh index's docids rise with its passage ids (the searcher's passage_ids.h). */
std::vector<std::size_t> sort_key_order(const std::vector<std::string>& ids);

/** The passage id a sort key encodes, or false when `key` is not exactly encode_sort_key of
 *  some id (empty, cut, a run of 48 to 57 digits whose length byte reads as a digit, or more
 *  than 255 digits): the caller then reads the id from the document data. */
bool decode_sort_key(std::string_view key, std::string& id);

/** The shard, 1 to `shards`, of the document with slug `slug` (`rapporteur-index --shard K/N`):
 *  FNV-1a (64 bits) of the slug's bytes, modulo `shards`, plus 1. Stable across runs, hosts and
 *  versions: changing it moves documents between shards. `shards` ≥ 1. */
unsigned shard_of(std::string_view slug, unsigned shards);

/** An acronym's definitions (metadata `rapporteur:synonym:<acronym>`): one line per expansion,
 *  "<documents defining it>\t<expansion>", most documents first, then in byte order. Counts,
 *  not a choice, are stored, so that the shards of a collection, merged, choose as one
 *  database of it does (the searcher uses the expansion with most documents). */
std::string encode_expansions(const std::map<std::string, std::uint32_t>& counts);

/** The (expansion, count) pairs of an encode_expansions() value; a value of an index written
 *  before counts were kept (the expansion alone) is that expansion once. Lines that cannot be
 *  read (no expansion, a count out of range) are skipped; never throws. */
std::vector<std::pair<std::string, std::uint32_t>> decode_expansions(std::string_view value);

} // namespace rapporteur::codecs

#endif
