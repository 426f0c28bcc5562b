/** @file zip_archive.cc
 *  @brief ZipArchive on libzip: opened from memory with zip_source_buffer_create, entries
 *         bounded by their declared size, their compression ratio and the bytes actually read.
 */
#include "zip_archive.h"

#include "rapporteur/base/errors.h"

#include <zip.h>

#include <algorithm>

namespace rapporteur {

namespace {

std::string mib(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

} // namespace

ZipArchive::ZipArchive(std::string_view bytes) {
    // libzip opens zero bytes as an archive with no entries; to a reader it is no document.
    if (bytes.empty()) throw RuntimeError("not a zip archive, or a damaged one (an empty file)");
    zip_error_t error;
    zip_error_init(&error);
    // freep = 0: the buffer stays the caller's.
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    // No ZIP_CHECKCONS: some writers' local headers differ from the central directory in ways
    // that harm nothing; a truncated archive has no central directory, and a damaged entry
    // fails its CRC when it is read.
    if (source) archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!archive_) {
        const std::string cause = zip_error_strerror(&error);
        if (source) zip_source_free(source);
        zip_error_fini(&error);
        throw RuntimeError("not a zip archive, or a damaged one (" + cause + ")");
    }
    zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
    if (archive_) zip_discard(archive_);
}

std::optional<std::string> ZipArchive::read(std::string_view entry) const {
    const std::string key(entry);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(archive_, key.c_str(), 0, &st) != 0) return std::nullopt;
    const std::string& where = key;
    const bool sizes = (st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE);
    if (!sizes) throw RuntimeError(where + ": the archive does not say the entry's size");
    if (st.size > MAX_ENTRY_BYTES) {
        throw RuntimeError(where + ": " + mib(st.size) + " uncompressed, more than the " + mib(MAX_ENTRY_BYTES) +
                           " an entry may have");
    }
    if (st.size > MAX_RATIO_FREE && st.size / std::max<std::uint64_t>(st.comp_size, 1) > MAX_RATIO) {
        throw RuntimeError(where + ": compressed " +
                           std::to_string(st.size / std::max<std::uint64_t>(st.comp_size, 1)) +
                           " to 1, more than the " + std::to_string(MAX_RATIO) + " to 1 a document has (a zip bomb?)");
    }
    zip_file_t* file = zip_fopen(archive_, key.c_str(), 0);
    if (!file) throw RuntimeError(where + ": cannot open the entry (" + zip_strerror(archive_) + ")");
    // Read at most one byte more than declared: a header that lies about the size is caught
    // here, before more than the declared size (itself bounded) is inflated.
    std::string out(static_cast<std::size_t>(st.size) + 1, '\0');
    std::size_t got = 0;
    while (got < out.size()) {
        const zip_int64_t n = zip_fread(file, out.data() + got, out.size() - got);
        if (n < 0) {
            const std::string cause = zip_file_strerror(file);
            zip_fclose(file);
            throw RuntimeError(where + ": cannot inflate the entry (" + cause + ")");
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    zip_fclose(file);
    if (got != st.size) {
        throw RuntimeError(where + ": the entry inflates to " + (got > st.size ? "more" : "fewer") +
                           " bytes than the archive says");
    }
    out.resize(got);
    return out;
}

} // namespace rapporteur
