/** @file server.h
 *  @brief rapporteur-serve's library: an HTTP server over one database or the shards of a shard
 *         map, with a JSON API under /api/v1/ and a search page at /.
 *
 *  The server reads requests with Boost.Beast on one I/O thread, answers them on a fixed pool of
 *  search threads each with its own Xapian::Database (never shared; over shards, its own
 *  connections to every shard), and follows the indexer's commits. Every limit below is enforced before any search runs.
 */
#ifndef RAPPORTEUR_SERVER_H
#define RAPPORTEUR_SERVER_H

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rapporteur/shards.h"

namespace rapporteur {

/// What a server serves and how much it accepts. Sizes in bytes, times in seconds.
struct ServerOptions {
    std::filesystem::path database;
    /// A shard map file (shards.h, docs/sharding.md): when set, the server searches those
    /// shards instead of `database`, each search thread with its own connections.
    std::filesystem::path shards;
    ShardOptions shard_options; ///< the shards' timeouts
    std::string host = "127.0.0.1";       ///< an address to listen on (never all interfaces unless told)
    std::uint16_t port = 8080;            ///< 0: any free port (see Server::port())
    std::size_t max_target = 2048;        ///< request target (path and query string): longer → 414
    std::size_t max_body = 16384;         ///< request body: longer → 413
    std::size_t max_header = 8192;        ///< request line and header fields: larger → 431
    std::size_t max_header_fields = 100;  ///< header fields: more → 431
    double request_timeout = 10;          ///< to read one whole request, and to write its response
    std::size_t max_connections = 64;     ///< open connections; more are answered 503 and closed
    std::size_t max_requests = 100;       ///< requests per connection, then it is closed
    std::size_t threads = 4;              ///< search threads, each with its own database handle
    std::size_t queue = 64;               ///< requests waiting for a search thread; more → 503
    double query_time_limit = 5;          ///< the matcher stops looking after this (0: no limit)
    std::size_t max_limit = 100;          ///< the largest `limit` a request may ask for (else 400)
    std::string cors_origin;              ///< when set, Access-Control-Allow-Origin for it; else no CORS
};

/** An HTTP server. The constructor opens the database or connects to the shards (throws
 *  RuntimeError when it cannot, one line naming the path, or the servers when no shard
 *  answers) and binds the address (RuntimeError when taken); run() serves. */
class Server {
  public:
    explicit Server(ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// The port bound (the one the system chose when options.port was 0).
    std::uint16_t port() const;

    /** Serves until stop(): returns after the requests in flight are answered and every
     *  connection is closed. Each request is logged as one line on `log` (method, path,
     *  status, milliseconds). */
    void run(const std::function<void(const std::string&)>& log);

    /// Stops accepting, lets the requests in flight finish, closes idle connections. Any thread.
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// A request target split and decoded: its path and its query parameters, in order.
struct RequestTarget {
    std::string path;                                        ///< percent-decoded, starts with '/'
    std::vector<std::pair<std::string, std::string>> params; ///< decoded ('+' is a space), in order
};

/** Parses an origin-form request target (`/api/v1/search?q=a+b&filter=org%3AGRETA`). Throws
 *  UsageError for a target that does not start with '/', a bad percent escape, a NUL byte or
 *  text that is not UTF-8. Never reads past `target`. */
RequestTarget parse_request_target(std::string_view target);

/// `application/x-www-form-urlencoded` text (a query string or a POST body) as parameters; throws as above.
std::vector<std::pair<std::string, std::string>> parse_query_string(std::string_view query);

} // namespace rapporteur

#endif
