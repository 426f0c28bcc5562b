/** @file data_files.cc
 *  @brief Finding run-time data files in the environment, the install prefix or the source
 *         tree, and reading whole files with one form of error.
 */
#include "rapporteur/base/data_files.h"
#include "rapporteur/base/errors.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

namespace rapporteur {

namespace {

/// The directory of the running executable, or empty when /proc is not there.
std::filesystem::path executable_dir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe.parent_path();
}

} // namespace

std::filesystem::path data_path(std::string_view component, std::string_view relpath) {
    namespace fs = std::filesystem;
    std::vector<fs::path> tried;
    if (const char* env = std::getenv("RAPPORTEUR_DATA_DIR"); env && *env) {
        tried.push_back(fs::path(env) / component / relpath);
    }
    if (auto dir = executable_dir(); !dir.empty()) {
        tried.push_back(dir.parent_path() / "share" / "rapporteur" / component / relpath);
    }
    tried.push_back(fs::path(RAPPORTEUR_INSTALL_DATADIR) / component / relpath);
    tried.push_back(fs::path(RAPPORTEUR_SOURCE_DATADIR) / component / "data" / relpath);
    std::string where;
    for (const auto& p : tried) {
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) return p;
        where += (where.empty() ? "" : ", ") + p.string();
    }
    throw RuntimeError("data file " + std::string(component) + "/" + std::string(relpath) + " not found (tried " +
                       where + ")");
}

std::string read_whole_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RuntimeError(path.string() + ": cannot open: " + std::strerror(errno));
    // A directory opens (on Linux) and reads as nothing: say what it is instead.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw RuntimeError(path.string() + ": cannot read: " + std::strerror(EISDIR));
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) throw RuntimeError(path.string() + ": read error: " + std::strerror(errno));
    return std::move(buf).str();
}

std::string read_data_file(std::string_view component, std::string_view relpath) {
    return read_whole_file(data_path(component, relpath));
}

std::string_view file_type_name(std::filesystem::file_type type) {
    using T = std::filesystem::file_type;
    switch (type) {
        case T::regular: return "regular file";
        case T::directory: return "directory";
        case T::fifo: return "named pipe";
        case T::socket: return "socket";
        case T::block:
        case T::character: return "device";
        case T::symlink: return "symbolic link";
        default: return "file of unknown type";
    }
}

} // namespace rapporteur
