/** @file text_normalizer.cc
 *  @brief Refusing binary files, validating UTF-8, and normalising line ends and whitespace.
 */
#include "text_normalizer.h"

#include "rapporteur/analyzers.h"

#include <cstdint>
#include <cstring>

namespace rapporteur {

namespace {

/// Length of the valid UTF-8 sequence at `pos`, or 0 when it is invalid.
std::size_t sequence_length(const unsigned char* s, std::size_t pos, std::size_t size) {
    const unsigned char c = s[pos];
    if (c < 0x80) return 1;
    auto cont = [&](std::size_t k) { return pos + k < size && (s[pos + k] & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2)) return 0;
        const unsigned char c1 = s[pos + 1];
        if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
        if (c == 0xED && c1 > 0x9F) return 0;  // UTF-16 surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return 0;
        const unsigned char c1 = s[pos + 1];
        if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
        if (c == 0xF4 && c1 > 0x8F) return 0;  // beyond U+10FFFF
        return 4;
    }
    return 0;
}

/// Binary content: any NUL byte, or in the first 64 KiB more than 10% control characters
/// (other than whitespace) or more than 30% bytes of broken UTF-8 sequences. A text file with a
/// few stray bytes (Latin-1 in a UTF-8 file) is then reported as invalid UTF-8 at its offset,
/// which is the more useful message.
bool looks_binary(std::string_view raw) {
    if (std::memchr(raw.data(), '\0', raw.size()) != nullptr) return true;
    const auto* s = reinterpret_cast<const unsigned char*>(raw.data());
    const std::size_t sample = std::min<std::size_t>(raw.size(), 64 * 1024);
    std::size_t controls = 0, broken = 0;
    for (std::size_t i = 0; i < sample;) {
        const unsigned char c = s[i];
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') || c == 0x7F) ++controls;
        std::size_t len = sequence_length(s, i, raw.size());
        if (len == 0) {
            ++broken;
            len = 1;
        }
        i += len;
    }
    return controls * 10 > sample || broken * 10 > sample * 3;
}

} // namespace

std::size_t find_invalid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        // ASCII fast path, eight bytes at a time.
        while (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= size) break;
        const std::size_t len = sequence_length(s, i, size);
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

std::string normalize_text(std::string_view raw) {
    if (looks_binary(raw)) throw RuntimeError("binary file, not text");
    if (auto bad = find_invalid_utf8(raw); bad != std::string_view::npos) {
        throw RuntimeError("invalid UTF-8 at byte " + std::to_string(bad));
    }
    std::size_t pos = 0;
    if (raw.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
    std::string out;
    out.reserve(raw.size() - pos);
    std::size_t pending_spaces = 0;  // spaces held back until we know the line goes on
    for (; pos < raw.size(); ++pos) {
        const char c = raw[pos];
        if (c > ' ' || static_cast<unsigned char>(c) >= 0x80) {
            // Copy the run of ordinary bytes at once.
            if (pending_spaces) out.append(pending_spaces, ' ');
            pending_spaces = 0;
            std::size_t end = pos + 1;
            auto ordinary = [&](std::size_t i) { return raw[i] > ' ' || static_cast<unsigned char>(raw[i]) >= 0x80; };
            // Single spaces between ordinary bytes are part of the run.
            while (end < raw.size() && (ordinary(end) || (raw[end] == ' ' && end + 1 < raw.size() && ordinary(end + 1)))) ++end;
            out.append(raw.data() + pos, end - pos);
            pos = end - 1;
            continue;
        }
        if (c == '\r' || c == '\n' || c == '\f') {
            if (c == '\r' && pos + 1 < raw.size() && raw[pos + 1] == '\n') ++pos;
            pending_spaces = 0;
            out += '\n';
        } else if (c == ' ' || c == '\t' || c == '\v') {
            ++pending_spaces;
        } else {
            if (pending_spaces) out.append(pending_spaces, ' ');
            pending_spaces = 0;
            out += c;
        }
    }
    return out;
}

} // namespace rapporteur
