/** @file chunked_metadata.h
 *  @brief Long lists kept as metadata in chunks of lines, for what a sharded search must read
 *         over the remote protocol (a metadata value is one round trip there, a key listed
 *         another): a shard's spelling dictionary and its acronyms.
 */
#ifndef RAPPORTEUR_FORMAT_CHUNKED_METADATA_H
#define RAPPORTEUR_FORMAT_CHUNKED_METADATA_H

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace rapporteur::format {

/** Two 64-bit FNV-1a hashes (two offsets) of lines, each with its '\n', and their count:
 *  equal lists give equal fingerprints, as 32 hex digits, '-' and the line count. */
class LineFingerprint {
  public:
    void add(std::string_view line);
    std::string str() const;

  private:
    std::uint64_t a_ = 14695981039346656037ULL;
    std::uint64_t b_ = 0x6c62272e07bb0142ULL;
    std::size_t lines_ = 0;
};

/** Writes lines under `prefix` + "0000", "0001", …, each value about CHUNK bytes of whole
 *  lines ending in '\n'. Construction removes the chunks already under `prefix`; finish()
 *  writes the last one (the caller commits). */
class ChunkedMetadataWriter {
  public:
    static constexpr std::size_t CHUNK = 256 * 1024; ///< bytes a chunk holds, about

    ChunkedMetadataWriter(Xapian::WritableDatabase& db, std::string_view prefix);

    /// Adds one line; `line` must not be empty or hold '\n' (asserted: the callers' lines
    /// are words and expansions with their counts).
    void add_line(std::string_view line);

    /// Writes the chunk being filled. Lines added afterwards start a new chunk.
    void finish();

    /// The fingerprint of the lines added: chunked_fingerprint of what finish() left.
    std::string fingerprint() const { return fingerprint_.str(); }

  private:
    void flush();
    Xapian::WritableDatabase& db_;
    std::string prefix_;
    std::string chunk_;
    int number_ = 0;
    LineFingerprint fingerprint_;
};

/** Calls `line` with each line of the chunks under `prefix`, in chunk order (without its
 *  '\n'; empty lines skipped). Returns whether any chunk was there. Over a sharded database
 *  pass one shard's own Database: a union reads the first shard's metadata only. */
bool read_chunked_lines(const Xapian::Database& db, std::string_view prefix,
                        const std::function<void(std::string_view)>& line);

/// The LineFingerprint of the lines read_chunked_lines gives (what a writer's fingerprint()
/// was, when the chunks are whole).
std::string chunked_fingerprint(const Xapian::Database& db, std::string_view prefix);

} // namespace rapporteur::format

#endif
