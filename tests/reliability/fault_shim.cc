/** @file fault_shim.cc
 *  @brief An LD_PRELOAD library that makes one write, fsync or rename fail, at a chosen call.
 *
 *  RAPPORTEUR_FAULT="OP:N:ERRNO" (OP one of write, pwrite, fsync, fdatasync, rename; ERRNO
 *  EIO or ENOSPC) makes the Nth call of OP on a path containing RAPPORTEUR_FAULT_PATH fail
 *  once with that errno; the calls before and after it go through. write counts write, writev
 *  and their variants on such paths, pwrite pwrite and pwrite64. With RAPPORTEUR_FAULT_COUNTS=
 *  FILE, the process writes the number of calls of each OP it made on such paths to FILE at
 *  exit (a dry run, to choose N). Like Lucene's MockDirectoryWrapper, but below the libraries.
 */
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

enum Op { WRITE, PWRITE, FSYNC, FDATASYNC, RENAME, OPS };
const char* const NAMES[OPS] = {"write", "pwrite", "fsync", "fdatasync", "rename"};

std::atomic<long> calls[OPS];

struct Fault {
    int op = -1;
    long at = 0;
    int error = EIO;
    const char* path = nullptr;
    Fault() {
        path = std::getenv("RAPPORTEUR_FAULT_PATH");
        const char* spec = std::getenv("RAPPORTEUR_FAULT");
        if (!spec) return;
        for (int i = 0; i < OPS; ++i) {
            const std::size_t n = std::strlen(NAMES[i]);
            if (std::strncmp(spec, NAMES[i], n) == 0 && spec[n] == ':') {
                op = i;
                at = std::strtol(spec + n + 1, nullptr, 10);
                const char* e = std::strchr(spec + n + 1, ':');
                if (e && std::strcmp(e + 1, "ENOSPC") == 0) error = ENOSPC;
            }
        }
    }
};

const Fault& fault() {
    static const Fault f;
    return f;
}

bool path_matches(const char* p) {
    const char* want = fault().path;
    return want && *want && p && std::strstr(p, want);
}

bool fd_matches(int fd) {
    if (!fault().path) return false;
    char link[64], target[4096];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = ::readlink(link, target, sizeof target - 1);
    if (n <= 0) return false;
    target[n] = '\0';
    return path_matches(target);
}

/// Counts a call of `op` on a matching path; true when it is the one to fail (errno is set).
bool fails(Op op, bool matches) {
    if (!matches) return false;
    const long n = ++calls[op];
    if (fault().op == op && n == fault().at) {
        errno = fault().error;
        return true;
    }
    return false;
}

template <typename F>
F next(const char* name) {
    return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

struct CountsAtExit {
    ~CountsAtExit() {
        const char* file = std::getenv("RAPPORTEUR_FAULT_COUNTS");
        if (!file) return;
        if (FILE* f = std::fopen(file, "w")) {
            for (int i = 0; i < OPS; ++i) std::fprintf(f, "%s %ld\n", NAMES[i], calls[i].load());
            std::fclose(f);
        }
    }
} counts_at_exit;

} // namespace

extern "C" {

ssize_t write(int fd, const void* buf, size_t n) {
    static auto real = next<ssize_t (*)(int, const void*, size_t)>("write");
    if (fd > 2 && fails(WRITE, fd_matches(fd))) return -1;
    return real(fd, buf, n);
}

ssize_t writev(int fd, const struct iovec* iov, int count) {
    static auto real = next<ssize_t (*)(int, const struct iovec*, int)>("writev");
    if (fd > 2 && fails(WRITE, fd_matches(fd))) return -1;
    return real(fd, iov, count);
}

ssize_t pwrite(int fd, const void* buf, size_t n, off_t at) {
    static auto real = next<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite");
    if (fails(PWRITE, fd_matches(fd))) return -1;
    return real(fd, buf, n, at);
}

ssize_t pwrite64(int fd, const void* buf, size_t n, off64_t at) {
    static auto real = next<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64");
    if (fails(PWRITE, fd_matches(fd))) return -1;
    return real(fd, buf, n, at);
}

int fsync(int fd) {
    static auto real = next<int (*)(int)>("fsync");
    if (fails(FSYNC, fd_matches(fd))) return -1;
    return real(fd);
}

int fdatasync(int fd) {
    static auto real = next<int (*)(int)>("fdatasync");
    if (fails(FDATASYNC, fd_matches(fd))) return -1;
    return real(fd);
}

int rename(const char* from, const char* to) {
    static auto real = next<int (*)(const char*, const char*)>("rename");
    if (fails(RENAME, path_matches(to) || path_matches(from))) return -1;
    return real(from, to);
}

} // extern "C"
