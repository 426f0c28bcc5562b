/** @file main.cc
 *  @brief rapporteur-index: parse options → IndexerOptions → index_paths → exit code.
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/indexer.h"

#include <boost/program_options.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace po = boost::program_options;

int main(int argc, char** argv) {
    rapporteur::IndexerOptions options;
    std::vector<std::string> inputs;
    bool dump = false, quiet = false, verbose = false;
    std::string db;

    po::options_description visible("Usage: rapporteur-index [options] PATH...\n"
                                    "Index meeting reports (.txt/.md files or directories).\n\nOptions");
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db", po::value(&db), "database directory (default: $RAPPORTEUR_DB or ~/.local/share/rapporteur/db)")
        ("lang", po::value(&options.lang), "force the language of every passage (ISO 639-1)")
        ("max-file-bytes", po::value(&options.max_file_bytes)->default_value(options.max_file_bytes),
         "refuse files larger than this")
        ("dump", po::bool_switch(&dump), "print the parsed documents as JSON instead of indexing")
        ("quiet,q", po::bool_switch(&quiet), "print nothing but errors")
        ("verbose,v", po::bool_switch(&verbose), "print one line per file");
    po::options_description hidden;
    hidden.add_options()("input", po::value(&inputs));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("input", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        fmt::print(stderr, "rapporteur-index: {}\n", e.what());
        return 2;
    }
    if (vm.count("help")) {
        std::cout << visible << "\n";
        return 0;
    }
    if (vm.count("version")) {
        fmt::print("rapporteur-index {}\n", RAPPORTEUR_VERSION);
        return 0;
    }
    if (inputs.empty()) {
        fmt::print(stderr, "rapporteur-index: no input: give files or directories to index\n");
        return 2;
    }
    options.database = db.empty() ? rapporteur::default_database_path() : std::filesystem::path(db);
    std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());

    try {
        rapporteur::IndexSummary summary;
        if (dump) {
            auto reports = rapporteur::parse_paths(paths, options, summary);
            nlohmann::json out = nlohmann::json::array();
            for (const auto& r : reports) out.push_back(rapporteur::to_json(r));
            std::cout << out.dump(2) << "\n";
        } else {
            summary = rapporteur::index_paths(paths, options);
        }
        for (const auto& f : summary.files) {
            if (f.status == rapporteur::FileOutcome::Status::FAILED) {
                fmt::print(stderr, "rapporteur-index: {}: {}\n", f.path, f.error);
            } else if (verbose) {
                fmt::print(stderr, "{}: {} passages\n", f.path, f.passages);
            }
        }
        if (!dump && !quiet) {
            fmt::print(stderr, "indexed {} documents, {} passages ({} failed) in {:.2f} s into {}\n",
                       summary.documents, summary.passages, summary.failed, summary.seconds,
                       options.database.string());
        }
        return summary.failed ? 1 : 0;
    } catch (const rapporteur::RuntimeError& e) {
        fmt::print(stderr, "rapporteur-index: {}\n", e.what());
    } catch (const Xapian::Error& e) {
        fmt::print(stderr, "rapporteur-index: {}\n", e.get_description());
    }
    return 1;
}
