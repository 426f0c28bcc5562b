/** @file search_main.cc
 *  @brief rapporteur-search: parse options → SearchOptions → Searcher → print (text, JSON or a
 *         TREC run for --topics).
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/base/cli.h"
#include "rapporteur/format/database_dir.h"
#include "rapporteur/format/schema.h"
#include "rapporteur/searcher.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <sys/ioctl.h>
#include <unistd.h>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace cli = rapporteur::cli;
namespace po = cli::po;

namespace {

/// The deepest result a query may ask for (offset + limit is bounded by --max-results too).
constexpr std::size_t MAX_RESULTS = 1'000'000;

/// Columns of the output: the terminal's (stdout), else $COLUMNS, else 80.
std::size_t output_width() {
    winsize ws{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    if (const char* env = std::getenv("COLUMNS")) {
        std::size_t columns = 0;
        const char* end = env + std::strlen(env);
        const auto [ptr, ec] = std::from_chars(env, end, columns);
        if (ec == std::errc() && ptr == end && columns > 0) return columns;
    }
    return 80;
}

/// "org=GRETA" → ("org", "GRETA"); throws po::error when there is no '='.
std::pair<std::string, std::string> split_filter(const std::string& f) {
    auto eq = f.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == f.size()) {
        throw po::error("--filter wants FIELD=VALUE (" + rapporteur::schema::field_names() + "), not '" + f + "'");
    }
    return {f.substr(0, eq), f.substr(eq + 1)};
}

int run_topics(rapporteur::Searcher& searcher, const std::string& file, rapporteur::SearchOptions options,
               const std::string& tag) {
    const auto topics = rapporteur::parse_topics(rapporteur::read_whole_file(file), file);
    // A run needs ranks and ids only: no facets, no snippets, no exact totals.
    options.facets = false;
    options.snippets = false;
    options.exact_total = false;
    options.hit_details = false;
    options.suggest = false;
    const bool bar = isatty(STDERR_FILENO);
    std::string out;
    for (std::size_t i = 0; i < topics.size(); ++i) {
        rapporteur::SearchOptions topic_options = options;
        if (!topics[i].lang.empty()) topic_options.lang = topics[i].lang;
        auto result = searcher.search(topics[i].query, topic_options);
        std::fputs(rapporteur::format_trec_run(topics[i].qid, result, tag).c_str(), stdout);
        if (bar) {
            const std::size_t width = 30, done = (i + 1) * width / topics.size();
            fmt::print(stderr, "\r[{}{}] {}/{} topics", std::string(done, '#'), std::string(width - done, ' '), i + 1,
                       topics.size());
        }
    }
    if (bar) fmt::print(stderr, "\n");
    return 0;
}

/// The executable's work: options → library call → exit status. Errors propagate to main().
int run_search(int argc, char** argv) {
    rapporteur::SearchOptions options;
    std::vector<std::string> words, filters;
    std::string db, format = "text", highlight = "auto", like, like_text, topics, run_tag = "rapporteur";

    po::options_description visible(
        "Usage: rapporteur-search [options] QUERY...\n"
        "Search the indexed meeting reports.\n\nOptions");
    cli::add_help_options(visible);
    cli::add_database_option(visible, db);
    // Option tables keep one option a line, as --help lists them.
    // clang-format off
    visible.add_options()
        ("format", po::value(&format)->default_value(format), "text (for people) or json (for programs)")
        ("limit", cli::number("limit", &options.limit, std::size_t{0}, MAX_RESULTS), "results to show (default 10; 1000 with --topics)")
        ("offset", cli::number("offset", &options.offset, std::size_t{0}, MAX_RESULTS), "results to skip")
        ("lang", po::value(&options.lang), "language of the query (ISO 639-1)")
        ("filter", po::value(&filters), "drill down: FIELD=VALUE, FIELD one of session, org, country, lang, doc "
                                        "(repeatable; AND across fields, OR within one)")
        ("explain", "show per hit which query terms matched and what each contributed")
        ("auto-correct", "search the spelling correction of words no passage contains")
        ("like", po::value(&like), "passages related to the passage with this id")
        ("like-text", po::value(&like_text), "passages related to this text")
        ("highlight", po::value(&highlight)->default_value(highlight),
         "matches in text output: auto (colour on a terminal, [brackets] in a pipe), color, brackets, none")
        ("snippet-chars", cli::number("snippet-chars", &options.snippet_chars, std::size_t{10}, std::size_t{10000}),
         "snippet length in characters (about)")
        ("no-facets", "do not count facets")
        ("k1", cli::number("k1", &options.bm25.k1, 0.0, 100.0), "BM25 k1")
        ("b", cli::number("b", &options.bm25.b, 0.0, 1.0), "BM25 b")
        ("k2", cli::number("k2", &options.bm25.k2, 0.0, 100.0), "BM25 k2")
        ("k3", cli::number("k3", &options.bm25.k3, 0.0, 100.0), "BM25 k3")
        ("footnote-weight", cli::number("footnote-weight", &options.footnote_weight, 0.0, 100.0),
         "weight of matches in cited footnotes")
        ("title-weight", cli::number("title-weight", &options.title_weight, 0.0, 100.0),
         "weight of matches in session titles")
        ("topics", po::value(&topics), "batch: run every topic of FILE (TSV qid<TAB>query[<TAB>lang], or TREC <top>) "
                                       "and print a TREC run")
        ("run-tag", po::value(&run_tag)->default_value(run_tag), "tag of the TREC run")
        ("max-wildcard-terms", cli::number("max-wildcard-terms", &options.limits.max_wildcard_terms, std::size_t{1}, std::size_t{100000}),
         "a prefix* searches at most this many of its most frequent words")
        ("max-results", cli::number("max-results", &options.limits.max_result_window, std::size_t{1}, MAX_RESULTS),
         "results are shown up to this rank (offset + limit)");
    // clang-format on
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words));
    const auto vm = cli::parse(argc, argv, visible, hidden, "query");
    if (format != "text" && format != "json") {
        throw po::error("--format must be text or json, not '" + format + "'");
    }
    if (highlight != "auto" && highlight != "color" && highlight != "colour" && highlight != "brackets" &&
        highlight != "none") {
        throw po::error("--highlight must be auto, color, brackets or none, not '" + highlight + "'");
    }
    for (const auto& f : filters) {
        auto [field, value] = split_filter(f);
        options.filters[field].push_back(value);
    }
    if (!options.lang.empty() && !rapporteur::Analyzer::is_known_language(options.lang)) {
        throw po::error(rapporteur::Analyzer::unknown_language(options.lang));
    }
    if (cli::handled_help_or_version(vm, visible, "rapporteur-search")) return cli::EXIT_OK;
    const auto modes = !words.empty() + !like.empty() + vm.count("like-text") + !topics.empty();
    if (modes == 0) throw po::error("no query given (see --help)");
    if (modes > 1) throw po::error("give one of QUERY, --like, --like-text or --topics");
    if (!topics.empty() && format != "text") {
        throw po::error("--format " + format + " does not apply to --topics, which writes a TREC run");
    }
    if (vm["limit"].defaulted()) options.limit = topics.empty() ? 10 : 1000;
    options.facets = !vm.count("no-facets");
    options.explain = vm.count("explain") > 0;
    options.auto_correct = vm.count("auto-correct") > 0;
    const auto path = db.empty() ? rapporteur::default_database_path() : std::filesystem::path(db);

    rapporteur::Searcher searcher(path);
    if (!topics.empty()) return run_topics(searcher, topics, options, run_tag);
    rapporteur::SearchResult result;
    if (!like.empty()) {
        result = searcher.related(like, options);
    } else if (vm.count("like-text")) {
        result = searcher.related_text(like_text, options);
    } else {
        std::string query;
        for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
        result = searcher.search(query, options);
    }
    if (format == "json") {
        std::cout << rapporteur::to_json(result).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    rapporteur::MarkStyle marks = rapporteur::MarkStyle::BRACKETS;
    if (highlight == "none")
        marks = rapporteur::MarkStyle::NONE;
    else if (highlight == "color" || highlight == "colour" || (highlight == "auto" && isatty(STDOUT_FILENO))) {
        marks = rapporteur::MarkStyle::ANSI;
    }
    // Notices are diagnostics (stderr); the results alone go to stdout.
    for (const auto& n : result.notices) fmt::print(stderr, "note: {}\n", n);
    std::fputs(rapporteur::format_text(result, marks, output_width()).c_str(), stdout);
    return cli::EXIT_OK;
}

} // namespace

int main(int argc, char** argv) {
    rapporteur::tune_allocator();
    return cli::run(
        "rapporteur-search", [&] { return run_search(argc, argv); }, rapporteur::describe_xapian_error);
}
