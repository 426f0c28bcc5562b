/** @file search_main.cc
 *  @brief rapporteur-search: parse options → SearchOptions → Searcher::search → print.
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/indexer.h"
#include "rapporteur/searcher.h"

#include <boost/program_options.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <iostream>
#include <unistd.h>

namespace po = boost::program_options;

namespace {

/// The snippet for people: <mark> becomes bold on a terminal, [brackets] in a pipe.
std::string render_snippet(const std::string& html, bool tty) {
    std::string out;
    const std::string open = tty ? "\033[1;33m" : "[", close = tty ? "\033[0m" : "]";
    for (std::size_t i = 0; i < html.size();) {
        auto starts = [&](std::string_view s) { return html.compare(i, s.size(), s) == 0; };
        if (starts("<mark>")) { out += open; i += 6; }
        else if (starts("</mark>")) { out += close; i += 7; }
        else if (starts("&amp;")) { out += '&'; i += 5; }
        else if (starts("&lt;")) { out += '<'; i += 4; }
        else if (starts("&gt;")) { out += '>'; i += 4; }
        else if (starts("&quot;")) { out += '"'; i += 6; }
        else out += html[i++];
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    rapporteur::SearchOptions options;
    std::vector<std::string> words;
    std::string db, format = "text";

    po::options_description visible("Usage: rapporteur-search [options] QUERY...\n"
                                    "Search the indexed meeting reports.\n\nOptions");
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db", po::value(&db), "database directory (default: $RAPPORTEUR_DB or ~/.local/share/rapporteur/db)")
        ("format", po::value(&format)->default_value(format), "text (for people) or json (for programs)")
        ("limit", po::value(&options.limit)->default_value(options.limit), "results to show")
        ("offset", po::value(&options.offset)->default_value(options.offset), "results to skip")
        ("lang", po::value(&options.lang), "language of the query (ISO 639-1)");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
        if (format != "text" && format != "json") {
            throw po::error("--format must be text or json, not '" + format + "'");
        }
    } catch (const po::error& e) {
        fmt::print(stderr, "rapporteur-search: {}\n", e.what());
        return 2;
    }
    if (vm.count("help")) {
        std::cout << visible << "\n";
        return 0;
    }
    if (vm.count("version")) {
        fmt::print("rapporteur-search {}\n", RAPPORTEUR_VERSION);
        return 0;
    }
    if (words.empty()) {
        fmt::print(stderr, "rapporteur-search: no query given\n");
        return 2;
    }
    std::string query;
    for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
    const auto path = db.empty() ? rapporteur::default_database_path() : std::filesystem::path(db);

    try {
        rapporteur::Searcher searcher(path);
        auto result = searcher.search(query, options);
        if (format == "json") {
            std::cout << rapporteur::to_json(result).dump(2) << "\n";
            return 0;
        }
        const bool tty = isatty(STDOUT_FILENO);
        fmt::print("{} passages match \"{}\"\n\n", result.total, query);
        for (const auto& h : result.hits) {
            std::string session = h.session.number == 0
                ? std::string("Opening")
                : fmt::format("Day {}, Session {} - {}", h.session.day, h.session.number, h.session.title);
            fmt::print("{}. {}  [{}]  score {:.3f}\n   {}\n   {}\n", h.rank, h.id, h.kind, h.score,
                       session, render_snippet(h.snippet, tty));
            for (const auto& f : h.footnotes) fmt::print("   [{}] {}\n", f.n, f.text);
            fmt::print("\n");
        }
        for (const auto& [name, values] : result.facets) {
            if (values.empty()) continue;
            std::string line;
            for (std::size_t i = 0; i < values.size() && i < 8; ++i) {
                line += fmt::format("{}{} ({})", i ? ", " : "", values[i].value, values[i].count);
            }
            fmt::print("{}: {}\n", name, line);
        }
        return 0;
    } catch (const rapporteur::RuntimeError& e) {
        fmt::print(stderr, "rapporteur-search: {}\n", e.what());
    } catch (const Xapian::Error& e) {
        fmt::print(stderr, "rapporteur-search: {}\n", e.get_description());
    }
    return 1;
}
