/** @file shard_map.cc
 *  @brief The shard map file: one shard a line, its servers as host:port separated by commas.
 */
#include "rapporteur/shards.h"

#include "rapporteur/base/data_files.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/base/lines.h"

#include <charconv>
#include <set>

namespace rapporteur {

std::string ShardEndpoint::label() const {
    const std::string port_text = std::to_string(port);
    return host.find(':') != std::string::npos ? "[" + host + "]:" + port_text : host + ":" + port_text;
}

namespace {

/// Printable, for a message: control bytes shown as '?', cut at 60 bytes.
std::string shown(std::string_view s) {
    std::string out;
    for (char c : s.substr(0, 60)) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
    return s.size() > 60 ? out + "..." : out;
}

bool host_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_';
}

/// "host:port" or "[v6]:port" → the endpoint; "" in `error` when it is one.
ShardEndpoint parse_endpoint(std::string_view text, std::string& error) {
    ShardEndpoint e;
    std::string_view host, port;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
            error = "expected [IPv6 address]:port";
            return e;
        }
        host = text.substr(1, close - 1);
        port = text.substr(close + 2);
        for (char c : host) {
            const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != ':' && c != '.') {
                error = "not an IPv6 address";
                return e;
            }
        }
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string_view::npos) {
            error = "expected host:port";
            return e;
        }
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
        for (char c : host) {
            if (!host_byte(c)) {
                error = "not a host name or address";
                return e;
            }
        }
    }
    if (host.empty()) {
        error = "no host";
        return e;
    }
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value < 1 || value > 65535) {
        error = "port must be a number from 1 to 65535";
        return e;
    }
    e.host = std::string(host);
    e.port = value;
    return e;
}

} // namespace

ShardMap parse_shard_map(std::string_view content, std::string_view path) {
    ShardMap map;
    std::set<std::string> seen;
    const std::string where(path);
    lines::for_each(content, [&](std::string_view raw, std::size_t number) {
        const std::string_view line = lines::strip_comment(raw);
        if (line.empty()) return;
        Shard shard;
        for (std::string_view part : lines::split(line, ',')) {
            part = lines::trim(part);
            const std::string at = where + ":" + std::to_string(number) + ": ";
            if (part.empty()) throw RuntimeError(at + "an empty server between commas");
            std::string error;
            ShardEndpoint e = parse_endpoint(part, error);
            if (!error.empty()) throw RuntimeError(at + "'" + shown(part) + "': " + error);
            if (!seen.insert(e.label()).second)
                throw RuntimeError(at + e.label() + " is named twice (each server serves one shard)");
            shard.servers.push_back(std::move(e));
        }
        map.shards.push_back(std::move(shard));
    });
    if (map.shards.empty()) throw RuntimeError(where + ": no shard (one line per shard: host:port[, replica...])");
    return map;
}

ShardMap read_shard_map(const std::filesystem::path& path) { return parse_shard_map(read_whole_file(path), path.string()); }

} // namespace rapporteur
