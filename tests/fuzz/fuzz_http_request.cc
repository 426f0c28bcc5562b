/** @file fuzz_http_request.cc
 *  @brief libFuzzer target: rapporteur-serve's request handling from raw bytes, without a
 *         socket (searcher/server/src: http_request.cc, request_target.cc, handler.cc).
 *
 *  The bytes are what a client sends on one connection. They go through Beast's request
 *  parser with the server's own limits (limit_parser, ServerOptions' defaults), as
 *  http_server.cc reads a socket; each whole request is checked by refuse_header and handled
 *  by a RequestHandler over the seed report indexed once into a temporary database; a read
 *  error gets refuse_read's answer; the next request on the connection starts where the last
 *  one ended (keep-alive, up to max_requests). Every answer must keep the API's contract: a
 *  status from 100 to 599, a content type unless 204 or 304, and for JSON a body that parses
 *  (a problem object's "status" its own).
 */
#include "handler.h"
#include "http_request.h"

#include "rapporteur/base/errors.h"
#include "rapporteur/indexer.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;
namespace http = boost::beast::http;

void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "server contract broken: %s\n", what);
        std::abort();
    }
}

/// The seed report indexed into a fresh directory, removed when the process ends.
struct SeedDatabase {
    fs::path dir;
    rapporteur::ServerOptions options;
    SeedDatabase() {
        std::string tmpl = (fs::temp_directory_path() / "rapporteur-fuzz-http-XXXXXX").string();
        require(mkdtemp(tmpl.data()) != nullptr, "mkdtemp failed");
        dir = tmpl;
        rapporteur::IndexerOptions o;
        o.database = dir / "db";
        o.threads = 1;
        const auto summary = rapporteur::index_paths({fs::path(RAPPORTEUR_SOURCE_DATADIR) / "seeds"}, o);
        require(summary.documents > 0, "the seed report was not indexed");
        options.database = o.database;
    }
    ~SeedDatabase() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

void check(const rapporteur::HttpResponse& r) {
    require(r.status >= 100 && r.status <= 599, "a status out of range");
    if (r.status == 204 || r.status == 304) return;
    require(!r.content_type.empty(), "a response without a content type");
    const bool problem = r.content_type == "application/problem+json";
    if (problem || r.content_type.rfind("application/json", 0) == 0) {
        const auto j = nlohmann::json::parse(r.body, nullptr, false);
        require(!j.is_discarded(), "a JSON response that does not parse");
        if (problem) require(j.value("status", 0) == r.status, "a problem object whose status is not the response's");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rapporteur;
    static const SeedDatabase seed;
    static RequestHandler handler(seed.options, std::chrono::steady_clock::now());
    boost::beast::flat_buffer buffer;
    buffer.commit(boost::asio::buffer_copy(buffer.prepare(size), boost::asio::buffer(data, size)));
    for (std::size_t requests = 0; requests < seed.options.max_requests && buffer.size() > 0; ++requests) {
        RequestParser parser;
        limit_parser(parser, seed.options);
        boost::beast::error_code ec;
        bool checked_header = false;
        while (!parser.is_done()) {
            const std::size_t used = parser.put(buffer.data(), ec);
            buffer.consume(used);
            // need_more, or nothing taken and nothing wrong: what is buffered is all there is.
            if (ec == http::error::need_more || (!ec && used == 0 && !parser.is_done())) {
                ec = {};
                if (used > 0 && buffer.size() > 0) continue;
                parser.put_eof(ec); // the client sent nothing more
                if (!ec && !parser.is_done()) ec = http::error::partial_message;
            }
            if (ec) break;
            if (parser.is_header_done() && !checked_header) {
                checked_header = true;
                if (auto refused = refuse_header(parser.get(), seed.options)) {
                    check(*refused);
                    return 0; // answered, connection closed
                }
            }
        }
        if (ec) {
            if (auto refused = refuse_read(ec, parser.got_some(), seed.options)) check(*refused);
            return 0;
        }
        if (!checked_header) {
            if (auto refused = refuse_header(parser.get(), seed.options)) {
                check(*refused);
                return 0;
            }
        }
        const bool keep_alive = parser.get().keep_alive();
        check(handler.handle(handler_request(parser.get())));
        if (!keep_alive) break;
    }
    return 0;
}
