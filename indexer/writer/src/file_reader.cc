/** @file file_reader.cc
 *  @brief Finding input files and reading them whole, with one clear error per bad path.
 */
#include "file_reader.h"

#include "rapporteur/base/data_files.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/readers.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

namespace rapporteur {

namespace fs = std::filesystem;

namespace {

/// Why a file's format is not read: "no reader for '.pdf' files (the formats read are .txt, .md)".
std::string no_reader(const fs::path& p) {
    const std::string ext = p.extension().string();
    std::string formats;
    for (const auto& e : reader_extensions()) formats += (formats.empty() ? "" : ", ") + e;
    return (ext.empty() ? std::string("no reader for files without an extension")
                        : "no reader for '" + ext + "' files") +
           " (the formats read are " + formats + ")";
}

/// "a named pipe, not a regular file"
std::string not_regular(fs::file_type type) {
    return "a " + std::string(file_type_name(type)) + ", not a regular file";
}

/** Why a file found in a folder is passed over, or "" when it is to be read. A dangling
 *  symlink is read, and fails as a missing file does. */
std::string skip_reason(const fs::directory_entry& entry) {
    std::error_code ec;
    const auto status = entry.status(ec); // follows symlinks
    if (fs::is_directory(status)) return "link to a directory (not followed)";
    if (!reader_for(entry.path())) return no_reader(entry.path());
    if (ec == std::errc::too_many_symbolic_link_levels) return "symlink loop";
    if (ec || fs::is_regular_file(status)) return {};
    return std::string(file_type_name(status.type()));
}

/// Why a file given by name cannot be indexed, or "" when it is to be read (a missing one fails there).
std::string named_file_error(const fs::path& path, fs::file_status status) {
    if (!fs::exists(status)) return {};
    if (!fs::is_regular_file(status)) return not_regular(status.type());
    return reader_for(path) ? std::string() : no_reader(path);
}

} // namespace

std::vector<InputFile> collect_files(const std::vector<fs::path>& inputs) {
    std::vector<InputFile> files;
    for (const auto& in : inputs) {
        std::error_code ec;
        const auto status = fs::status(in, ec);
        if (ec && ec != std::errc::no_such_file_or_directory) {
            files.push_back({in, in.filename().string(), ec.message(), {}});
            continue;
        }
        if (!fs::is_directory(status)) {
            // A single file keeps its own name; reading it reports what else is wrong with it.
            files.push_back({in, in.filename().string(), named_file_error(in, status), {}});
            continue;
        }
        std::vector<InputFile> found;
        fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            std::error_code fec;
            if (it->is_directory(fec) && !it->is_symlink(fec)) continue; // walked into
            found.push_back({it->path(), fs::relative(it->path(), in, fec).string(), {}, skip_reason(*it)});
        }
        if (ec) files.push_back({in, in.filename().string(), "cannot walk directory: " + ec.message(), {}});
        std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

std::string read_file(const fs::path& path, std::uintmax_t max_bytes) {
    // Opening a named pipe blocks until a writer comes, and opening a device may do anything:
    // look first. status() reports ENOENT, ELOOP (symlink loops) and EACCES precisely.
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec) throw RuntimeError(ec.message());
    if (fs::is_directory(status)) throw RuntimeError("is a directory");
    if (!fs::is_regular_file(status)) throw RuntimeError(not_regular(status.type()));
    // O_NONBLOCK: should the path become a pipe in between, open() still returns at once.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) throw RuntimeError(std::strerror(errno));
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw RuntimeError(std::strerror(errno));
    if (!S_ISREG(st.st_mode)) throw RuntimeError("not a regular file");
    const auto size = static_cast<std::uintmax_t>(st.st_size);
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

const Reader& reader_of(const fs::path& path) {
    const Reader* reader = reader_for(path);
    if (!reader) throw RuntimeError(no_reader(path));
    return *reader;
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
