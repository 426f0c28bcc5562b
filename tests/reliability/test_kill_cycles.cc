/** @file test_kill_cycles.cc
 *  @brief kill -9 at 20 moments of a large in-place run and 20 of a large sharded run, each
 *         phase of a run in turn (5 or 4 times each):
 *         after each, the current generation is clean, every document committed before the
 *         kill is there whole, and the next run finishes the work without leaving debris.
 *
 *  Each cycle changes about half of the files (each change adds paragraphs, so the old and the
 *  new version have different passage counts), starts rapporteur-index, and kills it. The
 *  moment is a phase of the run, taken in turn: a random moment (stratified over 1.2 times
 *  such a run, measured first: while files are parsed and shards written), or the run stopped
 *  by its phase hook (RAPPORTEUR_PAUSE_AT, phase_pause.h) right at a phase — before a commit,
 *  after one, before the compaction, before and after the rename that publishes a generation
 *  — and killed there, or resumed and killed a random moment later (inside a commit, inside
 *  the compaction). What each phase must leave is checked on top of the common guarantees;
 *  after the last kill of each phase, the next run is let finish and must complete every file
 *  and leave no scratch shard nor stale generation. RAPPORTEUR_RANDOM_SEED=N reruns a sequence.
 */
#include "reliability_support.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

using namespace rapporteur;
using namespace rapporteur::test;
namespace fs = std::filesystem;

namespace {

constexpr int FILES = 48;

/// A moment of a run to kill it at: a random one (phase ""), or where the run stops itself at
/// `phase`, killed there or, `resume` > 0, resumed and killed a random moment of up to
/// `resume` times a whole run later.
struct Moment {
    std::string phase;
    double resume = 0;
    /// What the database must show after this kill, besides the common guarantees.
    enum class Expect { WHOLE, UNCHANGED, PUBLISHED } expect = Expect::WHOLE;
    std::string label() const { return phase.empty() ? "random" : resume > 0 ? "inside " + phase : "at " + phase; }
};

struct PhaseCount {
    int kills = 0, survived = 0, progressed = 0;
};

struct Cycles {
    int cycles = 0, survived = 0, killed_mid_run = 0;
    std::map<std::string, PhaseCount> phases; ///< by Moment::label()
};

/// Run the cycles in one mode; `extra` are the rapporteur-index options that choose it, `moments`
/// the phases taken in turn, each `per_phase` times.
Cycles kill_cycles(const std::string& extra, const std::vector<Moment>& moments, int per_phase, std::uint32_t seed) {
    TempDir dir;
    const auto in = dir / "in", db = dir / "db";
    fs::create_directories(in);
    std::vector<int> version(FILES, 0);
    auto text_of = [&](int f) { return generated_report(f * 100 + version[f], 100 + 5 * version[f]); };
    auto name_of = [&](int f) { return "r" + std::to_string(1000 + f); };
    for (int f = 0; f < FILES; ++f) write_file(in / (name_of(f) + ".txt"), text_of(f));
    const std::string exe = std::string(RAPPORTEUR_INDEX_EXE) + " -q " + extra + " --db " + quote(db.string()) + " " +
                            quote(in.string());

    REQUIRE(run(exe).status == 0);
    std::mt19937 rng(seed);
    // The length of a run like a cycle's (half the files changed), to draw the moments from.
    auto change_half = [&] {
        for (int f = 0; f < FILES; ++f) {
            if (rng() % 2 == 0) {
                ++version[f];
                write_file(in / (name_of(f) + ".txt"), text_of(f));
            }
        }
    };
    change_half();
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(run(exe).status == 0);
    const auto full_us =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
    // The run let finish after a kill: every file at its last version, the database clean, no debris.
    auto finish = [&] {
        REQUIRE(run(exe).status == 0);
        const auto last = passages_by_document(db);
        for (int f = 0; f < FILES; ++f) {
            INFO(name_of(f));
            CHECK(last.count(name_of(f)) == 1);
            if (last.count(name_of(f))) CHECK(last.at(name_of(f)) == passage_count(text_of(f)));
        }
        CHECK(problems_of(db).empty());
        const auto left = debris(db);
        for (const auto& d : left) UNSCOPED_INFO("left behind: " << d);
        CHECK(left.empty());
    };

    const int kinds = static_cast<int>(moments.size());
    const int cycles = kinds * per_phase;
    Cycles out;
    out.cycles = cycles;
    for (int cycle = 0; cycle < cycles; ++cycle) {
        const Moment& m = moments[static_cast<std::size_t>(cycle % kinds)];
        INFO("cycle " << cycle << ", " << m.label() << " (seed " << seed << ")");
        // What is committed before this run: every document whole, at a known version.
        const auto before = passages_by_document(db);
        const std::string current = read_current_generation(db);
        const std::string next = "gen-" + std::to_string(std::stoi(current.substr(4)) + 1);
        change_half();
        const double u = std::uniform_real_distribution<double>(0, 1)(rng);
        const pid_t pid = spawn(m.phase.empty() ? exe : "env RAPPORTEUR_PAUSE_AT=" + m.phase + " " + exe);
        REQUIRE(pid > 0);
        int status = 0;
        if (m.phase.empty()) {
            // Stratified: the k-th random cycle kills within the k-th part of 1.2 such runs.
            const double at = (cycle / kinds + u) / per_phase;
            std::this_thread::sleep_for(std::chrono::microseconds(static_cast<std::int64_t>(1.2 * at * double(full_us))));
        } else {
            // The run stops itself at the phase; every cycle's run reaches each phase.
            REQUIRE(::waitpid(pid, &status, WUNTRACED) == pid);
            REQUIRE(WIFSTOPPED(status));
            if (m.resume > 0) {
                ::kill(pid, SIGCONT);
                std::this_thread::sleep_for(std::chrono::microseconds(static_cast<std::int64_t>(m.resume * u * double(full_us))));
            }
        }
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        if (WIFSIGNALED(status)) ++out.killed_mid_run;

        bool whole = true;
        const auto problems = problems_of(db);
        for (const auto& p : problems) UNSCOPED_INFO(p);
        whole = whole && problems.empty();
        const auto after = passages_by_document(db);
        for (int f = 0; f < FILES; ++f) {
            const std::string slug = name_of(f);
            const auto it = after.find(slug);
            // Committed before the kill: still there. And whole: the old or the new version.
            if (before.count(slug) && it == after.end()) {
                UNSCOPED_INFO(slug << " was committed before the kill and is gone");
                whole = false;
            }
            if (it != after.end()) {
                // (The version committed before may be older than the last one written: a run
                // killed early never got to it.)
                const std::size_t old_count = before.count(slug) ? before.at(slug) : 0;
                const std::size_t new_count = passage_count(text_of(f));
                if (it->second != old_count && it->second != new_count) {
                    UNSCOPED_INFO(slug << " has " << it->second << " passages, neither " << old_count << " nor "
                                       << new_count);
                    whole = false;
                }
                // Published: the killed run's generation is current, with every file's last version.
                if (m.expect == Moment::Expect::PUBLISHED && it->second != new_count) {
                    UNSCOPED_INFO(slug << " is not at its new version in the published generation");
                    whole = false;
                }
            }
        }
        const std::string now = read_current_generation(db);
        if (m.expect == Moment::Expect::UNCHANGED && (after != before || now != current)) {
            UNSCOPED_INFO("killed " << m.label() << ": the database changed (" << current << " → " << now << ")");
            whole = false;
        }
        if (m.expect == Moment::Expect::PUBLISHED && now != next) {
            UNSCOPED_INFO("killed " << m.label() << ": " << now << " is current, not " << next);
            whole = false;
        }
        CHECK(whole);
        auto& count = out.phases[m.label()];
        ++count.kills;
        if (whole) {
            ++out.survived;
            ++count.survived;
        }
        if (after != before) ++count.progressed;
        // After the last kill of each phase, the next run finishes the work and sweeps away
        // what the killed ones left.
        if (cycle >= cycles - kinds) finish();
    }
    return out;
}

std::string summary(const Cycles& c) {
    std::string out;
    for (const auto& [label, n] : c.phases) {
        out += "; " + label + ": " + std::to_string(n.survived) + " of " + std::to_string(n.kills) + " survived, " +
               std::to_string(n.progressed) + " after a commit of the killed run";
    }
    return out;
}

std::uint32_t seed_from_env(std::uint32_t fallback) {
    const char* s = std::getenv("RAPPORTEUR_RANDOM_SEED");
    return s ? static_cast<std::uint32_t>(std::strtoul(s, nullptr, 10)) : fallback;
}

} // namespace

TEST_CASE("kill -9 at 20 moments of a large in-place run around its commits", "[reliability][kill]") {
    using E = Moment::Expect;
    // Commits every MB: a run of the corpus commits several times. Killed at its first commit:
    // before it nothing of the run is there; after it, the batch is.
    const std::vector<Moment> moments = {
        {"", 0, E::WHOLE}, {"commit", 0, E::UNCHANGED}, {"commit", 0.05, E::WHOLE}, {"committed", 0, E::WHOLE}};
    const Cycles c = kill_cycles("--commit-mb 1 --shard-min-mb 100000 --threads 2", moments, 5, seed_from_env(19));
    WARN("in place: " << c.survived << " of " << c.cycles << " kill cycles survived, " << c.killed_mid_run
                      << " killed mid-run" << summary(c));
    CHECK(c.survived == c.cycles);
    CHECK(c.killed_mid_run >= c.cycles / 2);
    // Killed right after a commit, the killed run's batch is in the database.
    CHECK(c.phases.at("at committed").progressed == c.phases.at("at committed").kills);
}

TEST_CASE("kill -9 at 20 moments of a large sharded run around its compaction and publication",
          "[reliability][kill][shards]") {
    using E = Moment::Expect;
    // Before the compaction and before the rename, the old generation stays current, unchanged;
    // after the rename, the new one is, whole.
    const std::vector<Moment> moments = {{"", 0, E::WHOLE},
                                         {"compact", 0, E::UNCHANGED},
                                         {"compact", 0.3, E::WHOLE},
                                         {"publish", 0, E::UNCHANGED},
                                         {"published", 0, E::PUBLISHED}};
    const Cycles c = kill_cycles("--shard-min-mb 0 --threads 2", moments, 4, seed_from_env(20));
    WARN("sharded: " << c.survived << " of " << c.cycles << " kill cycles survived, " << c.killed_mid_run
                     << " killed mid-run" << summary(c));
    CHECK(c.survived == c.cycles);
    CHECK(c.killed_mid_run >= c.cycles / 2);
    CHECK(c.phases.at("at published").progressed == c.phases.at("at published").kills);
}
