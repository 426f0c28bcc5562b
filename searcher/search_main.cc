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
#include <functional>
#include <iostream>

namespace cli = rapporteur::cli;
namespace po = cli::po;

namespace {

/// The deepest result a query may ask for (offset + limit is bounded by --max-results too).
constexpr std::size_t MAX_RESULTS = 1'000'000;
constexpr unsigned MAX_THREADS = 256;

/// The exit status of a search that found nothing, as grep's (text output only).
constexpr int EXIT_NO_MATCH = 1;

/// What --help says after the options.
std::string help_epilog() {
    return "Filter fields (FIELD:VALUE in a query, --filter FIELD=VALUE):\n  " + rapporteur::schema::field_names() +
           "\n\n"
           "Query syntax (see searcher/README.md):\n"
           "  words               any may match; passages with more of them rank higher\n"
           "  \"a phrase\"          the words in this order\n"
           "  +must -not          a word required, a word excluded\n"
           "  a AND b, a OR b, a NOT b, a NEAR b, a NEAR/5 b, prefix*, ( ... )\n"
           "  org:GRETA           a filter; quote names with spaces: org:\"Council of Europe\"\n"
           "  in:footnotes        the cited footnotes only (in:text: the passage text only)\n"
           "\n"
           "Exit status:\n"
           "  0  passages matched (with --format json or --topics: the search ran)\n"
           "  1  nothing matched, or a runtime error (no database, a bad topics file)\n"
           "  2  a usage error (an unknown option, a bad value, options that contradict)\n"
           "\n"
           "Examples:\n"
           "  rapporteur-search 'victims of trafficking' --filter org=GRETA --limit 3\n"
           "  rapporteur-search --like 000-2e1ad919f53edd39/p18 --format json\n";
}

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

/// Whether --color WHEN turns colour on: always, never, or (auto) on a terminal unless
/// $NO_COLOR is set to anything or $TERM is "dumb".
bool colour_on(const std::string& when) {
    if (when != "auto") return when == "always";
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    if ((no_color && *no_color) || (term && std::string_view(term) == "dumb")) return false;
    return isatty(STDOUT_FILENO);
}

/// How matches are marked: --highlight's style, its "auto" following --color.
rapporteur::MarkStyle mark_style(const std::string& highlight, const std::string& color) {
    if ((highlight == "color" || highlight == "colour") && color == "never") {
        throw po::error("--highlight " + highlight + " contradicts --color never");
    }
    if ((highlight == "brackets" || highlight == "none") && color == "always") {
        throw po::error("--highlight " + highlight + " contradicts --color always");
    }
    if (highlight == "brackets") return rapporteur::MarkStyle::BRACKETS;
    if (highlight == "none") return rapporteur::MarkStyle::NONE;
    if (highlight == "color" || highlight == "colour") return rapporteur::MarkStyle::ANSI;
    return colour_on(color) ? rapporteur::MarkStyle::ANSI : rapporteur::MarkStyle::NONE;
}

/// "org=GRETA" → ("org", "GRETA"); throws po::error when there is no '='.
std::pair<std::string, std::string> split_filter(const std::string& f) {
    auto eq = f.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == f.size()) {
        throw po::error("--filter wants FIELD=VALUE (" + rapporteur::schema::field_names() + "), not '" + f + "'");
    }
    return {f.substr(0, eq), f.substr(eq + 1)};
}

int run_topics(const rapporteur::Searcher& searcher, const std::function<rapporteur::Searcher()>& open_another,
               const std::string& file, rapporteur::SearchOptions options, unsigned threads, const std::string& tag) {
    const auto topics = rapporteur::parse_topics(rapporteur::read_whole_file(file), file);
    // A run needs ranks and ids only: no facets, no snippets, no exact totals.
    options.facets = false;
    options.snippets = false;
    options.exact_total = false;
    options.hit_details = false;
    options.suggest = false;
    const bool bar = isatty(STDERR_FILENO);
    rapporteur::search_topics(searcher, open_another, topics, options, threads,
                              [&](std::size_t i, const rapporteur::SearchResult& result) {
                                  std::fputs(rapporteur::format_trec_run(topics[i].qid, result, tag).c_str(), stdout);
                                  if (bar) {
                                      const std::size_t width = 30, done = (i + 1) * width / topics.size();
                                      fmt::print(stderr, "\r[{}{}] {}/{} topics", std::string(done, '#'),
                                                 std::string(width - done, ' '), i + 1, topics.size());
                                  }
                              });
    if (bar) fmt::print(stderr, "\n");
    return 0;
}

/// The executable's work: options → library call → exit status. Errors propagate to main().
int run_search(int argc, char** argv) {
    rapporteur::SearchOptions options;
    std::vector<std::string> words, filters;
    rapporteur::ShardOptions shard_options;
    std::string shards;
    std::string db, format = "text", highlight = "auto", color = "auto", like, like_text, topics,
                    run_tag = "rapporteur";
    unsigned threads = 0;

    po::options_description visible(
        "Usage: rapporteur-search [options] QUERY...\n"
        "Search the indexed meeting reports.\n\nOptions");
    cli::add_help_options(visible);
    cli::add_database_option(visible, db);
    // Option tables keep one option a line, as --help lists them.
    // clang-format off
    visible.add_options()
        ("format", po::value(&format)->default_value(format)->value_name("FORMAT"), "text (for people) or json (for programs: one object, one line)")
        ("pretty", "with --format json: indented, over several lines")
        ("limit", cli::number("limit", &options.limit, std::size_t{0}, MAX_RESULTS)->value_name("N"), "results to show (default 10; 1000 with --topics)")
        ("offset", cli::number("offset", &options.offset, std::size_t{0}, MAX_RESULTS)->value_name("N"), "results to skip")
        ("lang", po::value(&options.lang)->value_name("CODE"), "language of the query (ISO 639-1)")
        ("filter", po::value(&filters)->value_name("FIELD=VALUE"), ("drill down, FIELD one of " + rapporteur::schema::field_names() +
                                        " (repeatable; AND across fields, OR within one)").c_str())
        ("explain", "show per hit which query terms matched and what each contributed")
        ("auto-correct", "search the spelling correction of words no passage contains")
        ("like", po::value(&like)->value_name("ID"), "passages related to the passage with this id")
        ("like-text", po::value(&like_text)->value_name("TEXT"), "passages related to this text")
        ("cross-language", "also search the query's translations into the index's other languages (FreeDict "
                           "dictionaries in $RAPPORTEUR_DICTD_DIR or /usr/share/dictd); with --like: related passages in "
                           "the other languages")
        ("color", po::value(&color)->default_value(color)->value_name("WHEN"),
         "colour the matches: auto (on a terminal, unless $NO_COLOR is set or $TERM is dumb), always, never")
        ("highlight", po::value(&highlight)->default_value(highlight)->value_name("STYLE"),
         "how matches are marked: auto (as --color says; nothing in a pipe), color (= --color always), "
         "brackets ([word]), none")
        ("snippet-chars", cli::number("snippet-chars", &options.snippet_chars, std::size_t{10}, std::size_t{10000})->value_name("N"),
         "snippet length in characters (about)")
        ("no-facets", "do not count facets (faster; JSON \"facets\" is {})")
        ("k1", cli::number("k1", &options.bm25.k1, 0.0, 100.0), "BM25 k1")
        ("b", cli::number("b", &options.bm25.b, 0.0, 1.0), "BM25 b")
        ("k2", cli::number("k2", &options.bm25.k2, 0.0, 100.0), "BM25 k2")
        ("k3", cli::number("k3", &options.bm25.k3, 0.0, 100.0), "BM25 k3")
        ("footnote-weight", cli::number("footnote-weight", &options.footnote_weight, 0.0, 100.0),
         "weight of matches in cited footnotes")
        ("title-weight", cli::number("title-weight", &options.title_weight, 0.0, 100.0),
         "weight of matches in session titles")
        ("topics", po::value(&topics)->value_name("FILE"), "batch: run every topic of FILE (TSV qid<TAB>query[<TAB>lang], or TREC <top>) "
                                       "and print a TREC run")
        ("threads", cli::number("threads", &threads, 0u, MAX_THREADS)->value_name("N"),
         "with --topics: topics searched at once, each thread with its own connection to the index (0: one per core)")
        ("run-tag", po::value(&run_tag)->default_value(run_tag)->value_name("TAG"), "tag of the TREC run")
        ("max-wildcard-terms", cli::number("max-wildcard-terms", &options.limits.max_wildcard_terms, std::size_t{1}, std::size_t{100000})->value_name("N"),
         "a prefix* searches at most this many of its most frequent words")
        ("max-results", cli::number("max-results", &options.limits.max_result_window, std::size_t{1}, MAX_RESULTS)->value_name("N"),
         "results are shown up to this rank (offset + limit)");
    // clang-format on
    cli::add_shard_options(visible, shards, shard_options.timeout_ms, shard_options.connect_timeout_ms);
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
    if (color != "auto" && color != "always" && color != "never") {
        throw po::error("--color must be auto, always or never, not '" + color + "'");
    }
    const rapporteur::MarkStyle marks = mark_style(highlight, color);
    for (const auto& f : filters) {
        auto [field, value] = split_filter(f);
        options.filters[field].push_back(value);
    }
    if (!options.lang.empty() && !rapporteur::Analyzer::is_known_language(options.lang)) {
        throw po::error(rapporteur::Analyzer::unknown_language(options.lang));
    }
    if (vm.count("help")) {
        std::cout << visible << "\n" << help_epilog();
        return cli::EXIT_OK;
    }
    if (cli::handled_help_or_version(vm, visible, "rapporteur-search")) return cli::EXIT_OK;
    const auto modes = !words.empty() + !like.empty() + vm.count("like-text") + !topics.empty();
    if (modes == 0) throw po::error("no query given (see --help)");
    if (modes > 1) throw po::error("give one of QUERY, --like, --like-text or --topics");
    if (!topics.empty() && format != "text") {
        throw po::error("--format " + format + " does not apply to --topics, which writes a TREC run");
    }
    if (!vm["threads"].defaulted() && topics.empty()) throw po::error("--threads applies to --topics only");
    const bool pretty = vm.count("pretty") > 0;
    if (pretty && format != "json") throw po::error("--pretty applies to --format json only");
    if (vm["limit"].defaulted()) options.limit = topics.empty() ? 10 : 1000;
    options.facets = !vm.count("no-facets");
    options.explain = vm.count("explain") > 0;
    options.auto_correct = vm.count("auto-correct") > 0;
    options.cross_language = vm.count("cross-language") > 0;
    cli::check_shard_options(vm, db, shards);
    const auto path = db.empty() ? rapporteur::default_database_path() : std::filesystem::path(db);

    const auto open = [&] {
        return shards.empty() ? rapporteur::Searcher(path) : rapporteur::open_shard_searcher(shards, shard_options);
    };
    rapporteur::Searcher searcher = open();
    if (!topics.empty()) return run_topics(searcher, open, topics, options, threads, run_tag);
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
        // An empty result is an answer too: exit 0; the notices are in the object.
        const auto replace = nlohmann::json::error_handler_t::replace;
        std::cout << rapporteur::to_json(result).dump(pretty ? 2 : -1, ' ', false, replace) << "\n";
        return cli::EXIT_OK;
    }
    // Notices are diagnostics (stderr); the results alone go to stdout.
    for (const auto& n : result.notices) fmt::print(stderr, "note: {}\n", n);
    std::fputs(rapporteur::format_text(result, marks, output_width()).c_str(), stdout);
    return result.total == 0 ? EXIT_NO_MATCH : cli::EXIT_OK;
}

} // namespace

int main(int argc, char** argv) {
    rapporteur::tune_allocator();
    return cli::run(
        "rapporteur-search", [&] { return run_search(argc, argv); }, rapporteur::describe_xapian_error);
}
