/** @file shards.h
 *  @brief Sharded search: the shard map file (one shard a line, its replicas as host:port),
 *         the timeouts of the remote connections, and what a result says of a lost shard.
 *
 *  A shard map names the `xapian-tcpsrv` servers of a sharded collection (docs/sharding.md):
 *
 *      # shard 1: its primary, then a replica
 *      10.0.0.11:7001, 10.0.0.21:7001
 *      10.0.0.12:7001
 *      [fd00::13]:7001
 *
 *  Line N (comments and blank lines aside) is shard N; on it, the servers of that shard in the
 *  order they are tried, separated by commas. `#` starts a comment anywhere on a line.
 */
#ifndef RAPPORTEUR_SHARDS_H
#define RAPPORTEUR_SHARDS_H

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// One `xapian-tcpsrv` server.
struct ShardEndpoint {
    std::string host; ///< a name or an address (IPv6 without its brackets)
    unsigned port = 0;
    /// "host:port" ("[::1]:7001" for an IPv6 address), as in the map and in messages.
    std::string label() const;
};

/// One shard: its servers, primary first, then its replicas in the order they are tried.
struct Shard {
    std::vector<ShardEndpoint> servers;
};

struct ShardMap {
    std::vector<Shard> shards;
};

/** Parses a shard map's text. `path` names the source in messages. Throws RuntimeError
 *  naming the path and line of a malformed server ("host:port", port 1 to 65535), of a server
 *  given twice, and of a map with no shard. Never crashes on any input (a fuzz target calls
 *  it with arbitrary bytes). */
ShardMap parse_shard_map(std::string_view content, std::string_view path);

/// Reads and parses a shard map file; RuntimeError naming the path when it cannot be read.
ShardMap read_shard_map(const std::filesystem::path& path);

/** Timeouts of the remote connections, in milliseconds (Xapian's defaults, 10 s each, would
 *  hold a query that long on a dead host). */
struct ShardOptions {
    unsigned timeout_ms = 2000;         ///< one request of a search (0: wait for ever)
    unsigned connect_timeout_ms = 1000; ///< opening a connection
    /// A lost shard is tried again at the first search at least this long after it failed.
    unsigned retry_ms = 5000;
    /** The connections look for new commits (a round trip to every shard) at the first search
     *  at least this long after they last looked, and after a search that a commit overtook.
     *  0: at every search. A lost shard's retry is not delayed by it. */
    unsigned reopen_ms = 1000;
    /** The connections a shard may open besides its own to read a results page's passages,
     *  several at once (the remote backend reads one a round trip): 1 to 4, each a process or
     *  thread of the shard's xapian-tcpsrv, opened when a page first holds that many of the
     *  shard's passages. */
    unsigned page_connections = 4;
};

/// A shard that did not answer a search: which one, the servers tried, and why.
struct ShardFailure {
    std::size_t shard = 0;            ///< 1-based, its line in the map
    std::vector<std::string> servers; ///< "host:port" of each server tried
    std::string error;                ///< the last server's error, one line
};

} // namespace rapporteur

#endif
