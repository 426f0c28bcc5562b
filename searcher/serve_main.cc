/** @file serve_main.cc
 *  @brief rapporteur-serve: parse options → ServerOptions → Server, until SIGTERM or SIGINT.
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/base/cli.h"
#include "rapporteur/format/database_dir.h"
#include "rapporteur/server.h"

#include <fmt/core.h>

#include <csignal>
#include <charconv>
#include <fstream>
#include <iostream>
#include <pthread.h>
#include <thread>

namespace cli = rapporteur::cli;
namespace po = cli::po;

namespace {

std::string help_epilog() {
    return "Endpoints:\n"
           "  /                          the search page (state in the URL: /?q=…&filter=org:GRETA&offset=10)\n"
           "  /api/v1/search             q, filter (FIELD:VALUE, repeatable), limit, offset, lang, explain,\n"
           "                             like, like_text, snippet_chars, facets, auto_correct: the object of\n"
           "                             rapporteur-search --format json (GET, or POST as JSON or a form)\n"
           "  /api/v1/passages/ID        one passage, its footnotes, session and neighbours\n"
           "  /api/v1/documents[/ID]     the documents: title, date, sessions, passage count\n"
           "  /api/v1/suggest?q=TEXT     spelling correction and completions of the last word\n"
           "  /api/v1/health             database revision, document count, uptime;\n"
           "                             over --shards, each shard and whether it answers\n"
           "  /api/v1/openapi.json       the API's OpenAPI 3.1 description\n"
           "\n"
           "Exit status:\n"
           "  0  stopped by SIGTERM or SIGINT after answering the requests in flight\n"
           "  1  a runtime error (no database, no shard answering, the address taken)\n"
           "  2  a usage error\n"
           "\n"
           "Examples:\n"
           "  rapporteur-serve --db ~/reports-db\n"
           "  rapporteur-serve --shards /etc/rapporteur/shards --listen 10.0.1.5:8080\n"
           "  curl 'http://127.0.0.1:8080/api/v1/search?q=asylum'\n";
}

/// "127.0.0.1:8080" or "[::1]:8080" → host and port.
void parse_listen(const std::string& listen, rapporteur::ServerOptions& o) {
    const std::size_t colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size())
        throw po::error("--listen wants ADDRESS:PORT, not '" + listen + "'");
    std::string host = listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    unsigned port = 0;
    const std::string p = listen.substr(colon + 1);
    const auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), port);
    if (ec != std::errc() || ptr != p.data() + p.size() || port > 65535)
        throw po::error("--listen: the port must be 0 to 65535, not '" + p + "'");
    o.host = host;
    o.port = static_cast<std::uint16_t>(port);
}

int run_serve(int argc, char** argv) {
    rapporteur::ServerOptions o;
    std::string db, shards, listen = "127.0.0.1:8080", port_file;
    o.threads = 0; // the cores (the default is not the build machine's: the man page shows it)
    po::options_description visible(
        "Usage: rapporteur-serve [options]\n"
        "Serve the indexed meeting reports over HTTP: a search page and a JSON API.\n\nOptions");
    cli::add_help_options(visible);
    cli::add_database_option(visible, db);
    cli::add_shard_options(visible, shards, o.shard_options.timeout_ms, o.shard_options.connect_timeout_ms);
    // clang-format off
    visible.add_options()
        ("listen", po::value(&listen)->default_value(listen)->value_name("ADDRESS:PORT"), "where to listen (port 0: any free port; 0.0.0.0 for every interface)")
        ("port-file", po::value(&port_file)->value_name("FILE"), "write the port listened on to FILE once listening")
        ("threads", cli::number("threads", &o.threads, std::size_t{0}, std::size_t{256})->value_name("N"), "search threads, each with its own database handle (0: as many as cores, at least 2)")
        ("queue", cli::number("queue", &o.queue, std::size_t{0}, std::size_t{100000})->value_name("N"), "requests waiting for a search thread; more are answered 503 with Retry-After")
        ("max-connections", cli::number("max-connections", &o.max_connections, std::size_t{1}, std::size_t{100000})->value_name("N"), "open connections; more are answered 503 and closed")
        ("max-requests", cli::number("max-requests", &o.max_requests, std::size_t{1}, std::size_t{1000000})->value_name("N"), "requests per connection, then it is closed")
        ("request-timeout", cli::number("request-timeout", &o.request_timeout, 0.1, 3600.0)->value_name("SECONDS"), "to read a whole request, and to write a response: a slower client is dropped")
        ("query-time-limit", cli::number("query-time-limit", &o.query_time_limit, 0.0, 3600.0)->value_name("SECONDS"), "the matcher's time per query; past it, what it found so far (0: no limit)")
        ("max-target", cli::number("max-target", &o.max_target, std::size_t{64}, std::size_t{1} << 20)->value_name("BYTES"), "request target (path and query): longer is answered 414")
        ("max-body", cli::number("max-body", &o.max_body, std::size_t{0}, std::size_t{1} << 30)->value_name("BYTES"), "request body: longer is answered 413")
        ("max-header", cli::number("max-header", &o.max_header, std::size_t{256}, std::size_t{1} << 20)->value_name("BYTES"), "request line and header: larger is answered 431")
        ("max-header-fields", cli::number("max-header-fields", &o.max_header_fields, std::size_t{1}, std::size_t{10000})->value_name("N"), "header fields: more are answered 431")
        ("max-limit", cli::number("max-limit", &o.max_limit, std::size_t{1}, std::size_t{10000})->value_name("N"), "the largest limit a search may ask for (more is answered 400)")
        ("cors", po::value(&o.cors_origin)->value_name("ORIGIN"), "let pages from ORIGIN call the API (Access-Control-Allow-Origin); without it, no CORS headers");
    // clang-format on
    const auto vm = cli::parse(argc, argv, visible);
    if (vm.count("help")) {
        std::cout << visible << "\n" << help_epilog();
        return cli::EXIT_OK;
    }
    if (cli::handled_help_or_version(vm, visible, "rapporteur-serve")) return cli::EXIT_OK;
    cli::check_shard_options(vm, db, shards);
    parse_listen(listen, o);
    if (o.threads == 0) o.threads = std::max(2u, std::thread::hardware_concurrency());
    o.shards = shards;
    if (shards.empty()) o.database = db.empty() ? rapporteur::default_database_path() : std::filesystem::path(db);

    // SIGTERM and SIGINT are taken by one thread (sigwait), blocked in every other: the
    // server's threads, started below, inherit the mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    rapporteur::Server server(o);
    const auto port = server.port();
    if (!port_file.empty()) {
        std::ofstream out(port_file + ".tmp");
        out << port << "\n";
        out.close();
        std::filesystem::rename(port_file + ".tmp", port_file);
    }
    fmt::print(stderr, "rapporteur-serve: {} on http://{}:{}/\n",
               shards.empty() ? o.database.string() : "the shards of " + shards,
               o.host.find(':') == std::string::npos ? o.host : "[" + o.host + "]", port);
    std::thread waiter([&] {
        int signal = 0;
        sigwait(&signals, &signal);
        fmt::print(stderr, "rapporteur-serve: {}: finishing the requests in flight\n", strsignal(signal));
        server.stop();
    });
    server.run([](const std::string& line) { fmt::print(stderr, "{}\n", line); });
    waiter.join();
    fmt::print(stderr, "rapporteur-serve: stopped\n");
    return cli::EXIT_OK;
}

} // namespace

int main(int argc, char** argv) {
    rapporteur::tune_allocator();
    return cli::run("rapporteur-serve", [&] { return run_serve(argc, argv); }, rapporteur::describe_xapian_error);
}
