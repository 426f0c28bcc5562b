/** @file main.cc
 *  @brief rapporteur-index: parse options → IndexerOptions → index_paths → exit code.
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/base/cli.h"
#include "rapporteur/indexer.h"

#include "progress_bar.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <unistd.h>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <charconv>
#include <iostream>
#include <tuple>
#include <string_view>

namespace cli = rapporteur::cli;
namespace po = cli::po;

namespace {

/// The ranges of the numeric options: enough for any real run, small enough not to overflow.
constexpr std::uintmax_t MAX_FILE_BYTES = std::uintmax_t{1} << 40; // 1 TiB
constexpr std::uintmax_t MAX_MB = std::uintmax_t{1} << 20;         // 1 TiB in MB
constexpr unsigned MAX_THREADS = 256;

/** Set by the first SIGINT or SIGTERM, which the run checks between files; the handler is
 *  then reset (SA_RESETHAND), so a second one ends the process at once, as a kill would. */
std::atomic<bool> interrupt_requested{false};
volatile std::sig_atomic_t interrupt_signal = 0;
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void on_interrupt(int signal) {
    interrupt_signal = signal;
    interrupt_requested.store(true);
}

void catch_interrupts() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    action.sa_flags = SA_RESTART | SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    for (int signal : {SIGINT, SIGTERM}) sigaction(signal, &action, nullptr);
}

/// "1 passage", "2 passages"
std::string count(std::size_t n, std::string_view noun) { return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s"); }

/** The summary of a run: one line per failed file (and per file with -v), then the totals, and
 *  after an interruption what was committed. */
void print_summary(const rapporteur::IndexSummary& summary, const rapporteur::IndexerOptions& options, bool dump,
                   bool quiet, bool verbose) {
    using Status = rapporteur::FileOutcome::Status;
    for (const auto& f : summary.files) {
        switch (f.status) {
            case Status::FAILED: fmt::print(stderr, "rapporteur-index: {}: {}\n", f.path, f.error); break;
            case Status::INDEXED:
                if (verbose) fmt::print(stderr, "{}: indexed, {}\n", f.path, count(f.passages, "passage"));
                break;
            case Status::UNCHANGED:
                if (verbose) fmt::print(stderr, "{}: unchanged\n", f.path);
                break;
            case Status::SKIPPED:
                if (verbose) fmt::print(stderr, "{}: skipped: {}\n", f.path, f.error);
                break;
            case Status::DELETED:
                if (verbose) fmt::print(stderr, "{}: deleted, {}\n", f.path, count(f.passages, "passage"));
                break;
            case Status::REMOVED:
                if (verbose)
                    fmt::print(stderr, "{}: removed (the file is gone), {}\n", f.path, count(f.passages, "passage"));
                break;
        }
    }
    if (!dump && !quiet) {
        // The counts that are not zero, so that the line stays within 80 columns for a usual run.
        std::string counts = count(summary.documents, "document") + " indexed";
        for (const auto& [n, what] : {std::pair{summary.unchanged, "unchanged"},
                                      {summary.removed, "removed"},
                                      {summary.skipped, "skipped"},
                                      {summary.deleted, "deleted"},
                                      {summary.failed, "failed"}}) {
            if (n > 0) counts += fmt::format(", {} {}", n, what);
        }
        const double mb = double(summary.bytes) / 1e6;
        fmt::print(stderr, "{}; {}, {:.1f} MB in {:.2f} s ({:.2f} MB/s) into {}\n", counts,
                   count(summary.passages, "passage"), mb, summary.seconds,
                   summary.seconds > 0 ? mb / summary.seconds : 0.0, options.database.string());
    }
    if (interrupt_requested) {
        fmt::print(stderr, "rapporteur-index: interrupted: {} ({}) committed; run it again to index the rest\n",
                   count(summary.documents, "document"), count(summary.passages, "passage"));
    }
}

/// --check: the problems on stdout, one a line, then what was checked; 1 when anything is wrong.
int run_check(const std::filesystem::path& db, bool quiet) {
    const auto found = rapporteur::check_database(db);
    for (const auto& p : found.problems) fmt::print("{}\n", p);
    if (!quiet || !found.problems.empty()) {
        fmt::print(stderr, "{}: {} checked: {}, {}; {}\n", db.string(),
                   found.generation.empty() ? "nothing" : found.generation, count(found.documents, "document"),
                   count(found.passages, "passage"),
                   found.problems.empty() ? "no problem found" : count(found.problems.size(), "problem"));
    }
    return found.problems.empty() ? cli::EXIT_OK : cli::EXIT_RUNTIME;
}

/// After the options in --help: what people look for first.
constexpr const char* HELP_EPILOGUE = R"(Examples:
  rapporteur-index ~/reports
      index a folder; run again, it reads only what changed and removes the
      documents of files gone from it
  rapporteur-index -v --delete report-2019 ~/reports/new.txt
      remove a document (by slug or path) and index a file, one line per file
  rapporteur-index --check
      check the database; prints one line per problem found

Exit status:
  0    done; files in a folder that are not read are skipped, not failed
  1    a file failed (or a file given by name could not be indexed), the
       database could not be opened or written, or --check found a problem
  2    a usage error: an unknown option, or a value out of its range
  130  interrupted by SIGINT (Ctrl-C), 143 by SIGTERM: the files done are
       committed, and the next run does the rest
)";

/// "2/3" → {2, 3}; throws po::error unless 1 <= K <= N <= 1024.
std::pair<unsigned, unsigned> parse_shard(const std::string& text) {
    unsigned k = 0, n = 0;
    const char* end = text.data() + text.size();
    auto [p, ec] = std::from_chars(text.data(), end, k);
    if (ec == std::errc() && p != end && *p == '/') {
        auto [q, ec2] = std::from_chars(p + 1, end, n);
        if (ec2 == std::errc() && q == end && k >= 1 && k <= n && n <= 1024) return {k, n};
    }
    throw po::error("--shard wants K/N with 1 <= K <= N <= 1024 (e.g. 2/3), not '" + text + "'");
}

/// The executable's work: options → library call → exit status. Errors propagate to main().
int run_index(int argc, char** argv) {
    rapporteur::IndexerOptions options;
    std::vector<std::string> inputs, deletions;
    bool dump = false, quiet = false, verbose = false, check = false;
    std::string db, shard;
    std::uintmax_t commit_mb = options.commit_bytes >> 20;
    std::uintmax_t shard_min_mb = options.shard_min_bytes >> 20;

    po::options_description visible(
        "Usage: rapporteur-index [options] PATH...\n"
        "Index meeting reports (.txt .md .pdf .docx .odt .html .htm files, or\n"
        "directories searched recursively).\n"
        "Unchanged files are left alone, changed ones replace their passages, and the documents of\n"
        "files gone from a folder given are removed.\n\nOptions");
    bool keep_missing = false, group_readable = false;
    cli::add_help_options(visible);
    cli::add_database_option(visible, db);
    // Option tables keep one option a line, as --help lists them.
    // clang-format off
    visible.add_options()
        ("lang", po::value(&options.lang), "force the language of every passage (ISO 639-1, e.g. fr)")
        ("features", po::value(&options.features),
         "analysis features: comma-separated stem,fold,compound,variant,synonym,exact, or all, or none "
         "(default: the database's, else all)")
        ("delete", po::value(&deletions)->value_name("NAME"),
         "remove a document (slug or path) from the database; repeat for more")
        ("group-readable", po::bool_switch(&group_readable),
         "create the database readable by the owner's group too (0750/0640; default: the owner "
         "only, 0700/0600)")
        ("keep-missing", po::bool_switch(&keep_missing),
         "keep the documents of files gone from the folders indexed (default: remove them)")
        ("max-file-bytes", cli::number("max-file-bytes", &options.max_file_bytes, std::uintmax_t{1}, MAX_FILE_BYTES),
         "refuse files larger than this many bytes")
        ("commit-mb", cli::number("commit-mb", &commit_mb, std::uintmax_t{1}, MAX_MB),
         "commit after this many MB of text (what a killed run can lose)")
        ("threads", cli::number("threads", &options.threads, 0u, MAX_THREADS), "analysis threads (0: one per core)")
        ("shard-min-mb", cli::number("shard-min-mb", &shard_min_mb, std::uintmax_t{0}, MAX_MB),
         "runs over this many MB build shards in parallel and publish a new compacted generation")
        ("shard", po::value(&shard)->value_name("K/N"), "index only shard K of N (1 <= K <= N): the documents whose id "
                                      "falls to it, so that N hosts given the same inputs hold each document once")
        ("dump", po::bool_switch(&dump), "print the parsed documents as JSON instead of indexing")
        ("check", po::bool_switch(&check),
         "check the database (Xapian's checker, every passage, offsets, facets, metadata): one line "
         "per problem, exit 1 when any")
        ("quiet,q", po::bool_switch(&quiet), "print nothing but errors")
        ("verbose,v", po::bool_switch(&verbose), "print one line per file");
    // clang-format on
    po::options_description hidden;
    hidden.add_options()("input", po::value(&inputs));

    const auto vm = cli::parse(argc, argv, visible, hidden, "input");
    if (vm.count("help")) {
        std::cout << visible << "\n" << HELP_EPILOGUE;
        return cli::EXIT_OK;
    }
    if (cli::handled_help_or_version(vm, visible, "rapporteur-index")) return cli::EXIT_OK;
    if (check) {
        if (!inputs.empty() || !deletions.empty() || dump) throw po::error("--check takes no input, --delete or --dump");
        return run_check(db.empty() ? rapporteur::default_database_path() : std::filesystem::path(db), quiet);
    }
    if (inputs.empty() && deletions.empty()) {
        throw po::error("no input: give files or directories to index (or --delete NAME)");
    }
    if (!options.lang.empty() && !rapporteur::Analyzer::is_known_language(options.lang)) {
        throw po::error(rapporteur::Analyzer::unknown_language(options.lang));
    }
    if (!shard.empty()) std::tie(options.shard, options.shard_count) = parse_shard(shard);
    options.keep_missing = keep_missing;
    if (group_readable) options.access = rapporteur::DatabaseAccess::GROUP;
    options.interrupt = &interrupt_requested;
    options.commit_bytes = commit_mb << 20;
    options.shard_min_bytes = shard_min_mb << 20;
    options.database = db.empty() ? rapporteur::default_database_path() : std::filesystem::path(db);
    const std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());

    rapporteur::IndexSummary summary;
    if (dump) {
        auto reports = rapporteur::parse_paths(paths, options, summary);
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : reports) out.push_back(rapporteur::to_json(r));
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
        catch_interrupts(); // --dump has nothing to commit: Ctrl-C ends it as usual
        if (!deletions.empty()) {
            auto removed = rapporteur::delete_documents(deletions, options);
            summary.files = std::move(removed.files);
            summary.failed = removed.failed;
            summary.deleted = removed.deleted;
        }
        if (!paths.empty()) {
            rapporteur::ProgressBar bar;
            rapporteur::ProgressFn progress;
            if (!quiet && isatty(STDERR_FILENO)) {
                progress = [&bar](const rapporteur::IndexSummary& s, std::uintmax_t total) {
                    bar.update(s.files.size(), s.bytes, total, s.passages);
                };
            }
            auto indexed = rapporteur::index_paths(paths, options, progress);
            bar.finish(interrupt_requested);
            indexed.failed += summary.failed;
            indexed.deleted = summary.deleted;
            indexed.files.insert(indexed.files.begin(), summary.files.begin(), summary.files.end());
            summary = std::move(indexed);
        }
    }
    print_summary(summary, options, dump, quiet, verbose);
    if (interrupt_requested) return 128 + interrupt_signal; // 130 for SIGINT, 143 for SIGTERM
    return summary.failed ? cli::EXIT_RUNTIME : cli::EXIT_OK;
}

} // namespace

int main(int argc, char** argv) {
    rapporteur::tune_allocator();
    return cli::run(
        "rapporteur-index", [&] { return run_index(argc, argv); }, rapporteur::describe_xapian_error);
}
