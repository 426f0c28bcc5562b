/** @file zip_archive.h
 *  @brief A zip archive read from memory (DOCX, ODT), each entry size-checked before it is
 *         inflated, so that a zip bomb is refused instead of filling memory.
 */
#ifndef RAPPORTEUR_READERS_ZIP_ARCHIVE_H
#define RAPPORTEUR_READERS_ZIP_ARCHIVE_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct zip;

namespace rapporteur {

/// The archive in a buffer the caller keeps alive; entries are read whole, one at a time.
class ZipArchive {
  public:
    /// An entry's uncompressed size may not exceed this (bytes), whatever the archive declares.
    static constexpr std::uint64_t MAX_ENTRY_BYTES = 64ull << 20;
    /// Nor may it exceed this many times its compressed size, once past MAX_RATIO_FREE bytes:
    /// XML compresses by 5-20 times, a zip bomb by a thousand.
    static constexpr std::uint64_t MAX_RATIO = 200;
    static constexpr std::uint64_t MAX_RATIO_FREE = 1ull << 20;

    /** Opens the archive in `bytes`. Throws RuntimeError ("not a zip archive, or a damaged one
     *  (cause)") when it is not one, or is truncated. Messages do not name the file: the caller
     *  that knows its path puts it before them, as for every reader's error. */
    explicit ZipArchive(std::string_view bytes);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    /** The uncompressed bytes of the entry `entry` ("word/document.xml"), or nullopt when the
     *  archive has no such entry. Throws RuntimeError naming the entry when the
     *  entry is larger than the bounds above (declared or actual) or cannot be inflated. */
    std::optional<std::string> read(std::string_view entry) const;

  private:
    zip* archive_ = nullptr;
};

} // namespace rapporteur

#endif
