/** @file test_io_faults.cc
 *  @brief Disk full and I/O errors, in both modes: a write, pwrite, fsync, fdatasync or rename
 *         that fails once at a chosen call (fault_shim.cc, LD_PRELOAD), and a small tmpfs that
 *         fills (root only). Each time: a clear error and a non-zero exit, the database at its
 *         last commit and clean, no half-published generation, and a later run that completes.
 */
#include "reliability_support.h"

#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

using namespace rapporteur;
using namespace rapporteur::test;
namespace fs = std::filesystem;

namespace {

constexpr int FILES = 24;

std::string name_of(int f) { return "r" + std::to_string(1000 + f); }

/// The corpus at `version` (each file's text depends on it, and so does its passage count).
void write_corpus(const fs::path& in, int version) {
    fs::create_directories(in);
    for (int f = 0; f < FILES; ++f) write_file(in / (name_of(f) + ".txt"), generated_report(f * 10 + version, 20 + version));
}

std::size_t count_of(int version) { return passage_count(generated_report(version, 20 + version)); }

/// The database's documents are each whole at version 0 or 1 and those of `before` are there.
std::vector<std::string> damage(const fs::path& db, const std::map<std::string, std::size_t>& before) {
    std::vector<std::string> out = problems_of(db);
    const auto after = passages_by_document(db);
    for (const auto& [slug, n] : before) {
        if (!after.count(slug)) out.push_back(slug + " was committed and is gone");
    }
    for (const auto& [slug, n] : after) {
        if (n != count_of(0) && n != count_of(1)) out.push_back(slug + ": " + std::to_string(n) + " passages: not whole");
    }
    return out;
}

std::map<std::string, long> read_counts(const fs::path& file) {
    std::map<std::string, long> out;
    std::ifstream in(file);
    std::string op;
    long n = 0;
    while (in >> op >> n) out[op] = n;
    return out;
}

/// The environment that loads the shim (ASan wants to be first; here it need not be).
std::string shim_env(const fs::path& db, const std::string& fault, const fs::path& counts) {
    return "env ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 LD_PRELOAD=" + quote(RAPPORTEUR_FAULT_SHIM) +
           " RAPPORTEUR_FAULT_PATH=" + quote(db.string()) + (fault.empty() ? "" : " RAPPORTEUR_FAULT=" + fault) +
           (counts.empty() ? "" : " RAPPORTEUR_FAULT_COUNTS=" + quote(counts.string())) + " ";
}

} // namespace

TEST_CASE("a write, fsync or rename that fails once leaves the last commit, and a later run completes",
          "[reliability][io]") {
    int cases = 0, passed = 0, stopped = 0;
    std::string skipped;
    for (const std::string mode : {"--commit-mb 1 --shard-min-mb 100000", "--shard-min-mb 0"}) {
        for (const std::string op : {"write", "pwrite", "fsync", "fdatasync", "rename"}) {
            for (const int which : {0, 1, 2}) { // the first call, one in the middle, the last
                TempDir dir;
                const auto in = dir / "in", db = dir / "db";
                write_corpus(in, 0);
                const std::string index = std::string(RAPPORTEUR_INDEX_EXE) + " -q --threads 2 " + mode + " --db " +
                                          quote(db.string()) + " " + quote(in.string());
                REQUIRE(run(index).status == 0);
                write_corpus(in, 1);
                const auto before = passages_by_document(db);
                // A dry run on a copy counts the calls, to choose the one that fails.
                const auto copy = dir / "copy";
                fs::copy(db, copy, fs::copy_options::recursive);
                const std::string index_copy = std::string(RAPPORTEUR_INDEX_EXE) + " -q --threads 2 " + mode +
                                               " --db " + quote(copy.string()) + " " + quote(in.string());
                REQUIRE(run(shim_env(copy, "", dir / "counts") + index_copy).status == 0);
                const long total = read_counts(dir / "counts")[op];
                if (total == 0) { // this mode makes no such call
                    if (which == 0) skipped += " " + op + " (" + mode + ")";
                    continue;
                }
                const long at = which == 0 ? 1 : which == 1 ? (total + 1) / 2 : total;
                const std::string fault = op + ":" + std::to_string(at) + (op == "write" ? ":ENOSPC" : ":EIO");
                INFO(mode << ", " << fault << " of " << total);
                ++cases;
                const auto r = run(shim_env(db, fault, {}) + index);
                INFO("exit " << r.status << ", stderr: " << r.err);
                const auto found = damage(db, before);
                for (const auto& p : found) UNSCOPED_INFO(p);
                bool ok = found.empty();
                if (r.status != 0) ++stopped;
                if (r.status == 0) {
                    // The error did not stop the run: then nothing may be missing.
                    for (const auto& [slug, n] : passages_by_document(db)) ok = ok && n == count_of(1);
                } else {
                    ok = ok && r.status == 1 && !r.err.empty() && r.err.find("rapporteur-index: ") == 0;
                }
                // A later run without the fault completes the work and leaves no debris.
                ok = ok && run(index).status == 0;
                const auto last = passages_by_document(db);
                ok = ok && last.size() == FILES && problems_of(db).empty() && debris(db).empty();
                for (const auto& [slug, n] : last) ok = ok && n == count_of(1);
                CHECK(ok);
                if (ok) ++passed;
            }
        }
    }
    WARN("I/O faults: " << passed << " of " << cases << " cases passed, " << stopped
                         << " of them stopped with an error; no such call:" << skipped);
    CHECK(cases >= 15);
}

TEST_CASE("a disk that fills up, in both modes, leaves the last commit, and a later run completes",
          "[reliability][diskfull]") {
    if (::geteuid() != 0) {
        WARN("skipped: mounting a tmpfs needs root");
        return;
    }
    for (const std::string mode : {"--commit-mb 1 --shard-min-mb 100000", "--shard-min-mb 0"}) {
        INFO(mode);
        TempDir dir;
        const auto in = dir / "in", mnt = dir / "mnt";
        const auto db = mnt / "db";
        fs::create_directories(mnt);
        if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=2m") != 0) {
            // Root without CAP_SYS_ADMIN (a container): as good as not root.
            WARN("skipped: cannot mount a tmpfs: " << std::strerror(errno));
            return;
        }
        struct Unmount {
            fs::path p;
            ~Unmount() { ::umount2(p.c_str(), MNT_DETACH); }
        } unmount{mnt};
        write_corpus(in, 0);
        const std::string index = std::string(RAPPORTEUR_INDEX_EXE) + " -q --threads 2 " + mode + " --db " +
                                  quote(db.string()) + " " + quote(in.string());
        REQUIRE(run(index).status == 0);
        const auto before = passages_by_document(db);
        // Many more files than the disk holds.
        for (int f = FILES; f < 16 * FILES; ++f) {
            write_file(in / (name_of(f) + ".txt"), generated_report(f * 10, 20));
        }
        const auto r = run(index);
        INFO("stderr: " << r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find("No space left on device") != std::string::npos);
        std::istringstream lines(r.err);
        for (std::string line; std::getline(lines, line);) CHECK(line.rfind("rapporteur-index: ", 0) == 0);
        const auto found = damage(db, before);
        for (const auto& p : found) UNSCOPED_INFO(p);
        CHECK(found.empty());
        // Freed: the same disk, grown. The next run finishes.
        REQUIRE(::mount("tmpfs", mnt.c_str(), "tmpfs", MS_REMOUNT, "size=256m") == 0);
        const auto again = run(index);
        INFO("again: " << again.err);
        CHECK(again.status == 0);
        CHECK(passages_by_document(db).size() == 16u * FILES);
        CHECK(problems_of(db).empty());
        CHECK(debris(db).empty());
    }
}
