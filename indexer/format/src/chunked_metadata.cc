/** @file chunked_metadata.cc
 *  @brief ChunkedMetadataWriter, read_chunked_lines and their fingerprint: lines in chunks
 *         of metadata.
 */
#include "rapporteur/format/chunked_metadata.h"

#include <cassert>
#include <cstdio>
#include <vector>

namespace rapporteur::format {

ChunkedMetadataWriter::ChunkedMetadataWriter(Xapian::WritableDatabase& db, std::string_view prefix)
    : db_(db), prefix_(prefix) {
    std::vector<std::string> old;
    for (auto k = db.metadata_keys_begin(prefix_); k != db.metadata_keys_end(prefix_); ++k) old.push_back(*k);
    for (const auto& k : old) db.set_metadata(k, "");
}

void ChunkedMetadataWriter::add_line(std::string_view line) {
    assert(line.find('\n') == std::string_view::npos);
    chunk_ += line;
    chunk_ += '\n';
    fingerprint_.add(line);
    if (chunk_.size() >= CHUNK) flush();
}

void ChunkedMetadataWriter::finish() {
    if (!chunk_.empty()) flush();
}

void ChunkedMetadataWriter::flush() {
    char key[16];
    std::snprintf(key, sizeof key, "%04d", number_++);
    db_.set_metadata(prefix_ + key, chunk_);
    chunk_.clear();
}

void LineFingerprint::add(std::string_view line) {
    for (unsigned char c : line) {
        a_ = (a_ ^ c) * 1099511628211ULL;
        b_ = (b_ ^ c) * 1099511628211ULL;
    }
    a_ = (a_ ^ '\n') * 1099511628211ULL;
    b_ = (b_ ^ '\n') * 1099511628211ULL;
    ++lines_;
}

std::string LineFingerprint::str() const {
    char out[64];
    std::snprintf(out, sizeof out, "%016llx%016llx-%zu", static_cast<unsigned long long>(a_),
                  static_cast<unsigned long long>(b_), lines_);
    return out;
}

bool read_chunked_lines(const Xapian::Database& db, std::string_view prefix,
                        const std::function<void(std::string_view)>& line) {
    const std::string p(prefix);
    bool any = false;
    for (auto k = db.metadata_keys_begin(p); k != db.metadata_keys_end(p); ++k) {
        any = true;
        const std::string chunk = db.get_metadata(*k);
        for (std::size_t at = 0, nl; at < chunk.size(); at = nl + 1) {
            nl = chunk.find('\n', at);
            if (nl == std::string::npos) nl = chunk.size();
            if (nl > at) line(std::string_view(chunk.data() + at, nl - at));
        }
    }
    return any;
}

std::string chunked_fingerprint(const Xapian::Database& db, std::string_view prefix) {
    LineFingerprint fp;
    read_chunked_lines(db, prefix, [&](std::string_view line) { fp.add(line); });
    return fp.str();
}

} // namespace rapporteur::format
