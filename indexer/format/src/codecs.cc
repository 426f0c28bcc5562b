/** @file codecs.cc
 *  @brief Varints, word offsets, the session value and multi-valued slots.
 */
#include "rapporteur/format/codecs.h"

#include <algorithm>
#include <cassert>
#include <charconv>

namespace rapporteur::codecs {

void append_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

bool read_varint(std::string_view data, std::size_t& at, std::uint32_t& v) {
    v = 0;
    for (int shift = 0; at < data.size() && shift < 35; shift += 7) {
        const auto byte = static_cast<unsigned char>(data[at++]);
        v |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) return true;
    }
    return false;
}

std::string encode_offsets(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& spans) {
    std::string out;
    out.reserve(spans.size() + 8);
    std::uint32_t prev_start = 0, prev_end = 0;
    for (const auto& [start, end] : spans) {
        // The analysis chain never moves a start back and never ends a token before its start
        // (its tests check both); in a release build a caller that does is clamped, not wrapped.
        assert(start >= prev_start && end >= start && "word spans go forward");
        const std::uint32_t s = std::max(start, prev_start), e = std::max(end, s);
        const std::uint32_t length = e - s;
        if (s >= prev_end && s - prev_end <= 6 && length >= 1 && length <= 31) {
            out += static_cast<char>((s - prev_end) * 32 + length);
        } else {
            out += static_cast<char>(OFFSETS_ESCAPE);
            append_varint(out, s - prev_start);
            append_varint(out, length);
        }
        prev_start = s;
        prev_end = e;
    }
    return out;
}

std::vector<std::uint32_t> decode_offsets(std::string_view data) {
    std::vector<std::uint32_t> flat;
    flat.reserve(2 * data.size());
    std::size_t i = 0;
    std::uint32_t prev_start = 0, prev_end = 0;
    while (i < data.size()) {
        const auto byte = static_cast<unsigned char>(data[i++]);
        std::uint64_t start = 0;
        std::uint32_t length = 0;
        if (byte < OFFSETS_ESCAPE) {
            start = std::uint64_t{prev_end} + (byte >> 5);
            length = byte & 31u;
        } else if (byte == OFFSETS_ESCAPE) {
            std::uint32_t delta = 0;
            if (!read_varint(data, i, delta) || !read_varint(data, i, length)) break;
            start = std::uint64_t{prev_start} + delta;
        } else {
            break;
        }
        // Damaged data whose bounds would pass 2^32 ends the table (no span wraps round).
        if (start + length > UINT32_MAX) break;
        flat.push_back(static_cast<std::uint32_t>(start));
        flat.push_back(static_cast<std::uint32_t>(start + length));
        prev_start = static_cast<std::uint32_t>(start);
        prev_end = static_cast<std::uint32_t>(start + length);
    }
    return flat;
}

std::string encode_page_value(std::string_view data, const TermPositions& terms) {
    std::string out;
    append_varint(out, data.size());
    out += data;
    std::string_view previous;
    for (const auto& [term, positions] : terms) {
        std::size_t shared = 0;
        while (shared < previous.size() && shared < term.size() && previous[shared] == term[shared]) ++shared;
        append_varint(out, shared);
        append_varint(out, term.size() - shared);
        out.append(term, shared);
        append_varint(out, positions.size());
        std::uint32_t last = 0;
        for (const auto p : positions) {
            append_varint(out, p - last);
            last = p;
        }
        previous = term;
    }
    return out;
}

bool decode_page_value(std::string_view value, std::string_view& data, TermPositions& terms) {
    std::size_t at = 0;
    std::uint32_t length = 0;
    if (!read_varint(value, at, length) || length > value.size() - at) return false;
    data = value.substr(at, length);
    at += length;
    terms.clear();
    std::string term;
    while (at < value.size()) {
        std::uint32_t shared = 0, rest = 0, count = 0;
        if (!read_varint(value, at, shared) || shared > term.size() || !read_varint(value, at, rest) ||
            rest > value.size() - at) {
            return false;
        }
        term.resize(shared);
        term.append(value.substr(at, rest));
        at += rest;
        // Each position is at least a byte: a count beyond the bytes left is damage.
        if (!read_varint(value, at, count) || count > value.size() - at) return false;
        std::vector<std::uint32_t> positions;
        positions.reserve(count);
        std::uint32_t last = 0;
        for (std::uint32_t k = 0; k < count; ++k) {
            std::uint32_t gap = 0;
            if (!read_varint(value, at, gap) || (gap == 0 && k > 0) || gap > UINT32_MAX - last) return false;
            last += gap;
            positions.push_back(last);
        }
        if (!terms.empty() && term <= terms.rbegin()->first) return false; // ascending, each once
        terms.emplace_hint(terms.end(), term, std::move(positions));
    }
    return true;
}

std::string encode_session(const Session& session) {
    return std::to_string(session.day) + "/" + std::to_string(session.number) + "/" + session.title;
}

namespace {

/// The two '/' of a session value, or false.
bool session_slashes(std::string_view value, std::size_t& a, std::size_t& b) {
    a = value.find('/');
    b = a == std::string_view::npos ? a : value.find('/', a + 1);
    return b != std::string_view::npos;
}

int to_int(std::string_view digits) {
    int n = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), n);
    return n;
}

} // namespace

Session decode_session(std::string_view value) {
    Session s;
    std::size_t a = 0, b = 0;
    if (!session_slashes(value, a, b)) return s;
    s.day = to_int(value.substr(0, a));
    s.number = to_int(value.substr(a + 1, b - a - 1));
    s.title = std::string(value.substr(b + 1));
    return s;
}

std::string_view session_number(std::string_view value) {
    std::size_t a = 0, b = 0;
    if (!session_slashes(value, a, b)) return a == std::string_view::npos ? value : value.substr(a + 1);
    return value.substr(a + 1, b - a - 1);
}

std::string join_values(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        assert(v.find(MULTI_SEPARATOR) == std::string::npos && "a value holds the separator");
        if (!out.empty()) out += MULTI_SEPARATOR;
        out += v;
    }
    return out;
}

std::vector<std::string> split_values(std::string_view value) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < value.size()) {
        auto end = value.find(MULTI_SEPARATOR, start);
        if (end == std::string_view::npos) end = value.size();
        if (end > start) out.emplace_back(value.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string encode_sort_key(std::string_view id) {
    std::string out;
    out.reserve(id.size() + 4);
    for (std::size_t i = 0; i < id.size();) {
        if (id[i] < '0' || id[i] > '9') {
            out += id[i++];
            continue;
        }
        std::size_t j = i;
        while (j < id.size() && id[j] >= '0' && id[j] <= '9') ++j;
        // Leading zeros are kept (ids are compared whole); a run longer than 255 digits keeps
        // byte order among runs of that length.
        out += static_cast<char>(std::min<std::size_t>(j - i, 255));
        out.append(id.substr(i, j - i));
        i = j;
    }
    return out;
}

std::vector<std::size_t> sort_key_order(const std::vector<std::string>& ids) {
    std::vector<std::pair<std::string, std::size_t>> keys;
    keys.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) keys.emplace_back(encode_sort_key(ids[i]), i);
    std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::size_t> order;
    order.reserve(keys.size());
    for (const auto& k : keys) order.push_back(k.second);
    return order;
}

bool decode_sort_key(std::string_view key, std::string& id) {
    id.clear();
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    for (std::size_t i = 0; i < key.size();) {
        // A literal is never a digit and is never followed by one (a run gets its length
        // byte first), so a byte followed by a digit is a length.
        if (i + 1 < key.size() && digit(key[i + 1])) {
            const std::size_t n = static_cast<unsigned char>(key[i]);
            if (n == 0 || i + 1 + n > key.size()) return false;
            for (std::size_t k = i + 1; k <= i + n; ++k) {
                if (!digit(key[k])) return false;
            }
            id.append(key.substr(i + 1, n));
            i += n + 1;
        } else {
            if (digit(key[i])) return false;
            id += key[i++];
        }
    }
    // The parse above misreads a run of 48-57 digits (its length byte is a digit): only an id
    // that encodes back to the key is the one written.
    return !id.empty() && encode_sort_key(id) == key;
}

unsigned shard_of(std::string_view slug, unsigned shards) {
    assert(shards >= 1);
    std::uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : slug) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return static_cast<unsigned>(h % shards) + 1;
}

std::string encode_expansions(const std::map<std::string, std::uint32_t>& counts) {
    std::vector<std::pair<std::string, std::uint32_t>> order(counts.begin(), counts.end());
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string out;
    for (const auto& [expansion, n] : order) {
        if (expansion.empty() || expansion.find_first_of("\t\n") != std::string::npos) continue;
        if (!out.empty()) out += '\n';
        out += std::to_string(n);
        out += '\t';
        out += expansion;
    }
    return out;
}

std::vector<std::pair<std::string, std::uint32_t>> decode_expansions(std::string_view value) {
    std::vector<std::pair<std::string, std::uint32_t>> out;
    while (!value.empty()) {
        const std::size_t nl = value.find('\n');
        std::string_view line = value.substr(0, nl);
        value = nl == std::string_view::npos ? std::string_view() : value.substr(nl + 1);
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) {
            if (!line.empty()) out.emplace_back(std::string(line), 1); // before counts were kept
            continue;
        }
        std::uint32_t n = 0;
        const auto [end, ec] = std::from_chars(line.data(), line.data() + tab, n);
        if (ec != std::errc() || end != line.data() + tab || n == 0 || tab + 1 == line.size()) continue;
        out.emplace_back(std::string(line.substr(tab + 1)), n);
    }
    return out;
}

} // namespace rapporteur::codecs
