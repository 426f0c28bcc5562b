/** @file database_dir.cc
 *  @brief The on-disk layout of a Rapporteur database: a stub file naming the current generation.
 */
#include "rapporteur/format/database_dir.h"
#include "rapporteur/format/schema.h"

#include "rapporteur/base/data_files.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/base/phase_pause.h"

#include <cstdlib>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace rapporteur {

namespace fs = std::filesystem;

namespace {

const char* STUB = "XAPIANDB";

/// The generation a stub names ("glass gen-3" → "gen-3"), or "" when unreadable.
std::string read_stub(const fs::path& stub) {
    std::ifstream in(stub);
    std::string backend, target;
    in >> backend >> target;
    if (backend != "glass" || target.find('/') != std::string::npos) return {};
    return target;
}

/// Write a file and make it durable before it is renamed into place.
void write_durably(const fs::path& path, const std::string& content) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666); // less the umask
    if (fd < 0) throw RuntimeError(path.string() + ": cannot write: " + std::strerror(errno));
    bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
    ok = ::fsync(fd) == 0 && ok;
    ::close(fd);
    if (!ok) throw RuntimeError(path.string() + ": cannot write: " + std::strerror(errno));
}

int generation_number(const std::string& name) {
    if (name.rfind("gen-", 0) != 0) return -1;
    try {
        return std::stoi(name.substr(4));
    } catch (const std::exception&) {
        return -1;
    }
}

} // namespace

fs::path default_database_path() {
    if (const char* env = std::getenv("RAPPORTEUR_DB"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        return fs::path(xdg) / "rapporteur" / "db";
    }
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : ".") / ".local" / "share" / "rapporteur" / "db";
}

std::string read_current_generation(const fs::path& path) { return read_stub(path / STUB); }

std::optional<std::string> describe_xapian_error() {
    try {
        throw;
    } catch (const Xapian::Error& e) {
        return e.get_description();
    } catch (...) {
        return std::nullopt;
    }
}

namespace {

mode_t umask_for(DatabaseAccess access) { return access == DatabaseAccess::GROUP ? 027 : 077; }

} // namespace

DatabaseDir::UmaskGuard::UmaskGuard(DatabaseAccess access) {
    // The umask is the process's: only narrowed (bits added), so that a stricter one stays.
    const mode_t old = ::umask(0);
    ::umask(old | umask_for(access));
    previous = old;
}

DatabaseDir::UmaskGuard::~UmaskGuard() { ::umask(static_cast<mode_t>(previous)); }

DatabaseDir::~DatabaseDir() = default;

namespace {

/// Make the parents of `path` with the umask the process had, then `path` itself.
void create_database_directory(const fs::path& path, mode_t previous_umask, DatabaseAccess access,
                               std::error_code& ec) {
    if (path.has_parent_path() && !fs::exists(path.parent_path(), ec)) {
        const mode_t narrowed = ::umask(previous_umask);
        fs::create_directories(path.parent_path(), ec);
        ::umask(narrowed);
        if (ec) return;
    }
    const bool made = fs::create_directory(path, ec);
    if (ec || !made) return;
    // An explicit mode: a umask of 0 must not make a database readable by everyone.
    const mode_t mode = access == DatabaseAccess::GROUP ? 0750 : 0700;
    if (::chmod(path.c_str(), mode) != 0) ec = std::error_code(errno, std::generic_category());
}

} // namespace

DatabaseDir::DatabaseDir(fs::path path, DatabaseAccess access) : umask_(access), path_(std::move(path)) {
    std::error_code ec;
    // Say what is there: a file is no place for a database, and no advice to create one helps.
    if (const auto status = fs::status(path_, ec); fs::exists(status) && !fs::is_directory(status)) {
        throw RuntimeError(path_.string() + ": is a " + std::string(file_type_name(status.type())) +
                           ", not a database directory");
    }
    create_database_directory(path_, static_cast<mode_t>(umask_.previous), access, ec);
    if (ec) throw RuntimeError(path_.string() + ": cannot create the database directory: " + ec.message());
    const fs::path stub = path_ / STUB;
    if (fs::exists(stub, ec)) {
        current_ = read_stub(stub);
        if (current_.empty()) throw RuntimeError(path_.string() + ": damaged stub file " + stub.string());
    } else {
        if (fs::exists(path_ / "iamglass", ec)) {
            throw RuntimeError(path_.string() +
                               ": a plain Xapian database, not a Rapporteur one; "
                               "index into a new directory");
        }
        for (const auto& e : fs::directory_iterator(path_, ec)) {
            throw RuntimeError(path_.string() + ": a directory of other files (such as '" +
                               e.path().filename().string() + "'), not a Rapporteur database");
        }
        current_ = "gen-1";
    }
    try {
        db_ = Xapian::WritableDatabase((path_ / current_).string(), Xapian::DB_CREATE_OR_OPEN, schema::BLOCK_SIZE);
    } catch (const Xapian::DatabaseLockError&) {
        throw RuntimeError(path_.string() +
                           ": database is being written by another process "
                           "(it holds the lock); wait for it to finish");
    } catch (const Xapian::Error& e) {
        throw RuntimeError(path_.string() + ": cannot open database for writing: " + e.get_description());
    }
    if (!fs::exists(stub, ec)) {
        write_durably(path_ / "XAPIANDB.tmp", "glass " + current_ + "\n");
        fs::rename(path_ / "XAPIANDB.tmp", stub);
    }
    // We hold the lock: anything but the current and the previous generation is debris.
    const int now = generation_number(current_);
    for (const auto& e : fs::directory_iterator(path_, ec)) {
        const std::string name = e.path().filename().string();
        const int n = generation_number(name);
        const bool stale_generation = n >= 0 && n != now && n != now - 1;
        if (stale_generation || name.rfind("tmp-", 0) == 0) fs::remove_all(e.path(), ec);
    }
}

fs::path DatabaseDir::scratch(const std::string& name) const {
    fs::path p = path_ / ("tmp-" + std::to_string(::getpid()) + "-" + name);
    std::error_code ec;
    fs::remove_all(p, ec);
    return p;
}

std::string DatabaseDir::next_generation() const { return "gen-" + std::to_string(generation_number(current_) + 1); }

void DatabaseDir::publish(const std::string& generation) {
    // Lock the new generation first, so that no other writer can slip in between.
    Xapian::WritableDatabase next((path_ / generation).string(), Xapian::DB_OPEN);
    write_durably(path_ / "XAPIANDB.tmp", "glass " + generation + "\n");
    pause_at_phase("publish");
    fs::rename(path_ / "XAPIANDB.tmp", path_ / STUB);
    pause_at_phase("published");
    const std::string previous = current_;
    db_.close();
    db_ = std::move(next);
    current_ = generation;
    std::error_code ec;
    const int now = generation_number(current_);
    for (const auto& e : fs::directory_iterator(path_, ec)) {
        const int n = generation_number(e.path().filename().string());
        if (n >= 0 && n < now - 1) fs::remove_all(e.path(), ec);
    }
}

} // namespace rapporteur
