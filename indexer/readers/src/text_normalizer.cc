/** @file text_normalizer.cc
 *  @brief Refusing binary files, validating UTF-8, and normalising line ends and whitespace.
 */
#include "text_normalizer.h"

#include "rapporteur/base/errors.h"
#include "rapporteur/utf8.h"

#include <unicode/utf8.h>

#include <algorithm>

#include <cstdint>
#include <cstring>

namespace rapporteur {

namespace {

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
        std::int32_t len = 0;
        UChar32 cp;
        U8_NEXT(s + i, len, static_cast<std::int32_t>(std::min<std::size_t>(raw.size() - i, 4)), cp);
        if (cp < 0) ++broken;
        i += static_cast<std::size_t>(len);
    }
    return controls * 10 > sample || broken * 10 > sample * 3;
}

} // namespace

std::string normalize_text(std::string_view raw) {
    if (looks_binary(raw)) throw RuntimeError("binary file, not text");
    if (auto bad = utf8::invalid_offset(raw); bad != std::string_view::npos) {
        throw RuntimeError("invalid UTF-8 at byte " + std::to_string(bad));
    }
    std::size_t pos = 0;
    if (raw.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
    std::string out;
    out.reserve(raw.size() - pos);
    std::size_t pending_spaces = 0; // spaces held back until we know the line goes on
    for (; pos < raw.size(); ++pos) {
        const char c = raw[pos];
        if (c > ' ' || static_cast<unsigned char>(c) >= 0x80) {
            // Copy the run of ordinary bytes at once.
            if (pending_spaces) out.append(pending_spaces, ' ');
            pending_spaces = 0;
            std::size_t end = pos + 1;
            auto ordinary = [&](std::size_t i) { return raw[i] > ' ' || static_cast<unsigned char>(raw[i]) >= 0x80; };
            // Single spaces between ordinary bytes are part of the run.
            while (end < raw.size() &&
                   (ordinary(end) || (raw[end] == ' ' && end + 1 < raw.size() && ordinary(end + 1))))
                ++end;
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
