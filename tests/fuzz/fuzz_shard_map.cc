/** @file fuzz_shard_map.cc
 *  @brief libFuzzer target: the shard map parser (searcher/src/shard_map.cc).
 *
 *  The bytes are a map file's content. parse_shard_map either throws its typed error
 *  (RuntimeError naming the file, and the line when one is at fault) or returns a map that
 *  keeps its contract: at least one shard, each with a server, every server a non-empty host
 *  and a port from 1 to 65535, no server named twice; and the map written back as text (one
 *  line per shard, the servers' labels) parses to the same map.
 */
#include "rapporteur/base/errors.h"
#include "rapporteur/shards.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

namespace {

void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "shard map contract broken: %s\n", what);
        std::abort();
    }
}

std::string text_of(const rapporteur::ShardMap& map) {
    std::string out;
    for (const auto& shard : map.shards) {
        for (std::size_t i = 0; i < shard.servers.size(); ++i) out += (i ? ", " : "") + shard.servers[i].label();
        out += '\n';
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rapporteur;
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    ShardMap map;
    try {
        map = parse_shard_map(content, "fuzz.shards");
    } catch (const RuntimeError& e) {
        require(std::string_view(e.what()).rfind("fuzz.shards:", 0) == 0, "an error that does not name the file");
        return 0;
    }
    require(!map.shards.empty(), "a map without shards");
    std::set<std::string> labels;
    for (const auto& shard : map.shards) {
        require(!shard.servers.empty(), "a shard without a server");
        for (const auto& s : shard.servers) {
            require(!s.host.empty(), "a server without a host");
            require(s.port >= 1 && s.port <= 65535, "a port out of range");
            require(labels.insert(s.label()).second, "a server named twice");
        }
    }
    const std::string again = text_of(map);
    try {
        require(text_of(parse_shard_map(again, "again")) == again, "the map written back parses to another map");
    } catch (const RuntimeError&) {
        require(false, "the map written back does not parse");
    }
    return 0;
}
