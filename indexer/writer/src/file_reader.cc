/** @file file_reader.cc
 *  @brief Finding input files and reading them whole, with one clear error per bad path.
 */
#include "file_reader.h"

#include "rapporteur/base/errors.h"
#include "rapporteur/readers.h"

#include <fcntl.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

namespace rapporteur {

namespace fs = std::filesystem;

namespace {

/// A file in a folder is indexed when a reader knows its extension.
bool indexable(const fs::path& p) { return reader_for(p) != nullptr; }

} // namespace

std::vector<InputFile> collect_files(const std::vector<fs::path>& inputs) {
    std::vector<InputFile> files;
    for (const auto& in : inputs) {
        std::error_code ec;
        const auto status = fs::status(in, ec);
        if (ec && ec != std::errc::no_such_file_or_directory) {
            files.push_back({in, in.filename().string(), ec.message()});
            continue;
        }
        if (!fs::is_directory(status)) {
            // A single file keeps its own name; reading it reports what is wrong with it.
            files.push_back({in, in.filename().string(), {}});
            continue;
        }
        std::vector<InputFile> found;
        fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            std::error_code fec;
            if (it->is_directory(fec) || !indexable(it->path())) continue;
            found.push_back({it->path(), fs::relative(it->path(), in, fec).string(), {}});
        }
        if (ec) files.push_back({in, in.filename().string(), "cannot walk directory: " + ec.message()});
        std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

std::string read_file(const fs::path& path, std::uintmax_t max_bytes) {
    // open() reports ENOENT, ELOOP (symlink loops), EACCES and EISDIR precisely.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw RuntimeError(std::strerror(errno));
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw RuntimeError("is a directory");
    const auto size = fs::file_size(path, ec);
    if (ec) throw RuntimeError("not a regular file: " + ec.message());
    if (size > max_bytes) {
        throw RuntimeError("file of " + std::to_string(size) + " bytes is over the limit of " +
                           std::to_string(max_bytes) + " bytes (--max-file-bytes)");
    }
    std::string text(size, '\0');
    std::size_t got = 0;
    while (got < size) {
        ssize_t n = ::read(fd, text.data() + got, size - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw RuntimeError(std::string("read error: ") + std::strerror(errno));
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    text.resize(got);
    if (text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
        throw RuntimeError("empty file, nothing to index");
    }
    return text;
}

std::string content_hash(std::string_view data) {
    std::uint64_t h = 14695981039346656037ull; // FNV-1a offset basis
    for (unsigned char c : data) {
        h ^= c;
        h *= 1099511628211ull; // FNV prime
    }
    static const char* hex = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = hex[h & 0xf];
    return out;
}

} // namespace rapporteur
