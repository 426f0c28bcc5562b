/** @file dictzip_file.cc
 *  @brief DictzipFile: the gzip header and dictzip chunk table, and inflating one chunk.
 */
#include "dictzip_file.h"

#include "rapporteur/base/errors.h"

#include <zlib.h>

#include <array>
#include <cstring>

namespace rapporteur {

namespace {

constexpr unsigned char FHCRC = 0x02, FEXTRA = 0x04, FNAME = 0x08, FCOMMENT = 0x10;

std::uint32_t le16(const unsigned char* p) { return p[0] | (static_cast<std::uint32_t>(p[1]) << 8); }

} // namespace

DictzipFile::DictzipFile(std::filesystem::path path) : path_(std::move(path)), in_(path_, std::ios::binary) {
    if (!in_) throw RuntimeError(path_.string() + ": cannot open: " + std::strerror(errno));
    std::array<unsigned char, 10> head{};
    if (!in_.read(reinterpret_cast<char*>(head.data()), head.size()) || head[0] != 0x1f || head[1] != 0x8b ||
        head[2] != 8) {
        throw RuntimeError(path_.string() + ": not a gzip file");
    }
    const unsigned char flags = head[3];
    auto fail = [&] { throw RuntimeError(path_.string() + ": truncated gzip header"); };
    if (flags & FEXTRA) {
        unsigned char xlen_bytes[2];
        if (!in_.read(reinterpret_cast<char*>(xlen_bytes), 2)) fail();
        std::vector<unsigned char> extra(le16(xlen_bytes));
        if (!in_.read(reinterpret_cast<char*>(extra.data()), static_cast<std::streamsize>(extra.size()))) fail();
        // Subfields: SI1 SI2 LEN(2) data; dictzip's is "RA".
        for (std::size_t at = 0; at + 4 <= extra.size();) {
            const std::size_t len = le16(&extra[at + 2]);
            if (at + 4 + len > extra.size()) break;
            if (extra[at] == 'R' && extra[at + 1] == 'A' && len >= 6) {
                const unsigned char* ra = &extra[at + 4];
                const std::uint32_t chlen = le16(ra + 2), chcnt = le16(ra + 4);
                if (le16(ra) != 1 || chlen == 0 || 6 + 2 * static_cast<std::size_t>(chcnt) > len) {
                    throw RuntimeError(path_.string() + ": unsupported dictzip chunk table");
                }
                chunk_length_ = chlen;
                offsets_.resize(chcnt + 1);
                for (std::uint32_t i = 0; i < chcnt; ++i) offsets_[i + 1] = le16(ra + 6 + 2 * i);
            }
            at += 4 + len;
        }
    }
    auto skip_string = [&] {
        for (char c; in_.get(c);) {
            if (c == '\0') return;
        }
        fail();
    };
    if (flags & FNAME) skip_string();
    if (flags & FCOMMENT) skip_string();
    if (flags & FHCRC) in_.ignore(2);
    if (!in_) fail();
    const auto data_start = static_cast<std::uint64_t>(in_.tellg());
    // Chunk sizes → file offsets.
    if (!offsets_.empty()) {
        offsets_[0] = data_start;
        for (std::size_t i = 1; i < offsets_.size(); ++i) offsets_[i] += offsets_[i - 1];
    }
}

const std::string& DictzipFile::chunk(std::size_t index) {
    for (auto it = cached_.begin(); it != cached_.end(); ++it) {
        if (it->first == index) {
            cached_.splice(cached_.begin(), cached_, it);
            return cached_.front().second;
        }
    }
    const std::uint64_t begin = offsets_[index], end = offsets_[index + 1];
    std::string in(end - begin, '\0');
    in_.clear();
    in_.seekg(static_cast<std::streamoff>(begin));
    if (!in_.read(in.data(), static_cast<std::streamsize>(in.size()))) {
        throw RuntimeError(path_.string() + ": truncated dictzip chunk " + std::to_string(index));
    }
    std::string out(chunk_length_, '\0');
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) throw RuntimeError(path_.string() + ": zlib: cannot start inflating");
    z.next_in = reinterpret_cast<Bytef*>(in.data());
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = inflate(&z, Z_SYNC_FLUSH);
    const std::size_t produced = out.size() - z.avail_out;
    inflateEnd(&z);
    // A chunk ends with a full flush (Z_OK); the last one ends the stream (Z_STREAM_END).
    if (rc != Z_OK && rc != Z_STREAM_END) {
        throw RuntimeError(path_.string() + ": damaged dictzip chunk " + std::to_string(index));
    }
    out.resize(produced);
    cached_.emplace_front(index, std::move(out));
    if (cached_.size() > CACHED_CHUNKS) cached_.pop_back();
    return cached_.front().second;
}

void DictzipFile::inflate_whole() {
    gzFile gz = gzopen(path_.c_str(), "rb");
    if (!gz) throw RuntimeError(path_.string() + ": cannot open: " + std::strerror(errno));
    std::string all;
    char buffer[1 << 16];
    for (int n; (n = gzread(gz, buffer, sizeof buffer)) > 0;) all.append(buffer, static_cast<std::size_t>(n));
    int err = 0;
    const char* message = gzerror(gz, &err);
    const bool bad = err != Z_OK && err != Z_STREAM_END;
    const std::string why = bad && message ? message : "";
    gzclose(gz);
    if (bad) throw RuntimeError(path_.string() + ": damaged gzip data: " + why);
    cache_ = std::move(all);
    whole_ = true;
}

std::string DictzipFile::read(std::uint64_t offset, std::uint64_t length) {
    if (!random_access()) {
        if (!whole_) inflate_whole();
        if (offset >= cache_.size()) return {};
        return cache_.substr(offset, length);
    }
    std::string out;
    const std::size_t chunks = offsets_.size() - 1;
    for (std::size_t i = offset / chunk_length_; i < chunks && out.size() < length; ++i) {
        const std::string& data = chunk(i);
        const std::uint64_t chunk_start = static_cast<std::uint64_t>(i) * chunk_length_;
        const std::uint64_t from = offset > chunk_start ? offset - chunk_start : 0;
        if (from >= data.size()) break;
        out.append(data, from, length - out.size());
    }
    return out;
}

} // namespace rapporteur
