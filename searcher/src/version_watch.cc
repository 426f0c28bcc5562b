/** @file version_watch.cc
 *  @brief VersionWatch: the version file held open, a commit seen as its lost link.
 */
#include "version_watch.h"

#include "rapporteur/format/database_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace rapporteur {

namespace fs = std::filesystem;

VersionWatch::~VersionWatch() { clear(); }

VersionWatch::VersionWatch(VersionWatch&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

VersionWatch& VersionWatch::operator=(VersionWatch&& other) noexcept {
    if (this != &other) {
        clear();
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

fs::path VersionWatch::version_file(const fs::path& path) {
    std::error_code ec;
    if (fs::is_regular_file(path / "iamglass", ec)) return path / "iamglass";
    const std::string generation = read_current_generation(path);
    if (generation.empty()) return {};
    const fs::path file = path / generation / "iamglass";
    return fs::is_regular_file(file, ec) ? file : fs::path();
}

void VersionWatch::watch(const fs::path& file) {
    clear();
    if (file.empty()) return;
    fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
}

void VersionWatch::clear() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

bool VersionWatch::changed() const {
    if (fd_ < 0) return true;
    struct stat st {};
    // Renamed over (a commit) or removed (the generation deleted): no link left.
    return ::fstat(fd_, &st) != 0 || st.st_nlink == 0;
}

} // namespace rapporteur
