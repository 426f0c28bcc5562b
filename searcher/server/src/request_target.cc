/** @file request_target.cc
 *  @brief Request targets and query strings, split and percent-decoded (a fuzz target's entry).
 */
#include "rapporteur/base/errors.h"
#include "rapporteur/server.h"
#include "rapporteur/utf8.h"

namespace rapporteur {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// `s` percent-decoded ('+' a space when `plus`), checked: no NUL, valid UTF-8.
std::string decode(std::string_view s, bool plus) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '%') {
            const int hi = i + 1 < s.size() ? hex_digit(s[i + 1]) : -1;
            const int lo = i + 2 < s.size() ? hex_digit(s[i + 2]) : -1;
            if (hi < 0 || lo < 0) throw UsageError("bad percent escape in the request target");
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus) {
            out += ' ';
        } else {
            out += c;
        }
    }
    if (out.find('\0') != std::string::npos) throw UsageError("a NUL byte in the request target");
    if (utf8::invalid_offset(out) != std::string_view::npos) throw UsageError("the request target is not UTF-8");
    return out;
}

} // namespace

std::vector<std::pair<std::string, std::string>> parse_query_string(std::string_view query) {
    std::vector<std::pair<std::string, std::string>> params;
    std::size_t i = 0;
    while (i <= query.size()) {
        const std::size_t end = std::min(query.find('&', i), query.size());
        const std::string_view pair = query.substr(i, end - i);
        if (!pair.empty()) {
            const std::size_t eq = pair.find('=');
            if (eq == std::string_view::npos)
                params.emplace_back(decode(pair, true), "");
            else
                params.emplace_back(decode(pair.substr(0, eq), true), decode(pair.substr(eq + 1), true));
        }
        i = end + 1;
    }
    return params;
}

RequestTarget parse_request_target(std::string_view target) {
    if (target.empty() || target.front() != '/') throw UsageError("the request target must start with '/'");
    // A fragment is never sent by a client; one in a target is ignored, as browsers strip it.
    target = target.substr(0, std::min(target.find('#'), target.size()));
    RequestTarget out;
    const std::size_t q = target.find('?');
    out.path = decode(target.substr(0, std::min(q, target.size())), false);
    if (q != std::string_view::npos) out.params = parse_query_string(target.substr(q + 1));
    return out;
}

} // namespace rapporteur
