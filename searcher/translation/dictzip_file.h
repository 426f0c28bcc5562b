/** @file dictzip_file.h
 *  @brief Random access to a dictzip file (`.dict.dz`): a gzip file whose extra field lists
 *         independently compressed chunks, so that any byte range is read by inflating only
 *         the chunks that hold it.
 *
 *  The layout is dictzip(1)'s (dictd's `data.c`, RFC 1952 for the gzip header): FLG.FEXTRA
 *  set, a subfield `RA` holding VER (2 bytes, 1), CHLEN (2, uncompressed bytes per chunk),
 *  CHCNT (2) and CHCNT compressed chunk sizes (2 each), all little-endian; each chunk is raw
 *  deflate data ending in a full flush. A plain gzip file without that field is inflated whole
 *  on first read instead.
 */
#ifndef RAPPORTEUR_TRANSLATION_DICTZIP_FILE_H
#define RAPPORTEUR_TRANSLATION_DICTZIP_FILE_H

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <list>
#include <string>
#include <vector>

namespace rapporteur {

/// A dictzip (or plain gzip) file opened for reading byte ranges of its uncompressed content.
class DictzipFile {
  public:
    /// Opens `path` and reads its header. Throws RuntimeError naming the path when the file
    /// cannot be read or is not gzip.
    explicit DictzipFile(std::filesystem::path path);

    /** The uncompressed bytes [offset, offset + length), cut at the end of the content.
     *  Throws RuntimeError naming the path on damaged data. */
    std::string read(std::uint64_t offset, std::uint64_t length);

    /// Whether the file has dictzip's chunk table (false: a plain gzip file, inflated whole).
    bool random_access() const { return chunk_length_ != 0; }

  private:
    const std::string& chunk(std::size_t index);
    void inflate_whole();

    std::filesystem::path path_;
    std::ifstream in_;
    std::uint32_t chunk_length_ = 0;       ///< uncompressed bytes per chunk; 0: plain gzip
    std::vector<std::uint64_t> offsets_;   ///< file offset of each chunk, and one past the last
    /// The chunks inflated last, most recent first: a query's words fall in few chunks, and
    /// inflating one (58 KB in Debian's files) is most of a lookup's cost.
    static constexpr std::size_t CACHED_CHUNKS = 32;
    std::list<std::pair<std::size_t, std::string>> cached_;
    std::string cache_;                    ///< plain gzip: all the content, once read
    bool whole_ = false;
};

} // namespace rapporteur

#endif
