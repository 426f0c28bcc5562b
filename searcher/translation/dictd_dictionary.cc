/** @file dictd_dictionary.cc
 *  @brief DictdDictionary: the index read into a sorted table, entries read from the data.
 */
#include "dictd_dictionary.h"

#include "rapporteur/base/data_files.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/utf8.h"

#include <algorithm>

namespace rapporteur {

namespace {

/** Lower-cases ASCII and Latin-1 letters of [p, p + n) in place; false (the text partly
 *  changed) when it holds anything else, which needs ICU's full folding. */
bool fold_latin1_in_place(char* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') p[i] = static_cast<char>(c - 'A' + 'a');
        } else if (c == 0xC3 && i + 1 < n) {
            const auto d = static_cast<unsigned char>(p[i + 1]);
            if (d == 0x9F || d < 0x80 || d > 0xBF) return false; // ß folds to "ss"
            if (d <= 0x9E && d != 0x97) p[i + 1] = static_cast<char>(d + 0x20); // À–Þ but ×
            ++i;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace

std::string DictdDictionary::fold_key(std::string_view headword) {
    // ASCII and Latin-1 letters (most of FreeDict's headwords) are lower-cased here; any other
    // text goes through ICU's full case folding. Index and lookups both fold with this, so
    // "ÄRZTE" finds "ärzte".
    std::string out(headword);
    return fold_latin1_in_place(out.data(), out.size()) ? out : utf8::fold(headword);
}

std::optional<std::uint64_t> DictdDictionary::decode_number(std::string_view digits) {
    if (digits.empty() || digits.size() > 10) return std::nullopt;
    std::uint64_t n = 0;
    for (const char c : digits) {
        int v;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '+') v = 62;
        else if (c == '/') v = 63;
        else return std::nullopt;
        n = n * 64 + static_cast<std::uint64_t>(v);
    }
    return n;
}

DictdDictionary::DictdDictionary(const std::filesystem::path& index, const std::filesystem::path& data)
    : index_(read_whole_file(index)), data_(data) {
    entries_.reserve(static_cast<std::size_t>(std::count(index_.begin(), index_.end(), '\n')) + 1);
    std::size_t line_number = 0;
    for (std::size_t at = 0; at < index_.size();) {
        std::size_t end = index_.find('\n', at);
        if (end == std::string::npos) end = index_.size();
        ++line_number;
        std::string_view line(index_.data() + at, end - at);
        const std::size_t line_start = at;
        at = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        const std::size_t tab1 = line.find('\t');
        const std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
        if (tab2 == std::string_view::npos) {
            throw RuntimeError(index.string() + ":" + std::to_string(line_number) +
                               ": not an index line (headword, offset, length separated by tabs)");
        }
        std::string_view length_field = line.substr(tab2 + 1);
        // dictd allows a fourth field (the original headword); only the first three matter here.
        if (const auto tab3 = length_field.find('\t'); tab3 != std::string_view::npos)
            length_field = length_field.substr(0, tab3);
        const auto offset = decode_number(line.substr(tab1 + 1, tab2 - tab1 - 1));
        const auto length = decode_number(length_field);
        if (!offset || !length) {
            throw RuntimeError(index.string() + ":" + std::to_string(line_number) + ": bad base-64 offset or length");
        }
        // Fold the headword in place when folding keeps its length (nearly always).
        char* head = index_.data() + line_start;
        std::string_view key(head, tab1);
        // In place, without an allocation per line.
        if (!fold_latin1_in_place(head, tab1)) {
            std::string folded = utf8::fold(std::string(line.substr(0, tab1)));
            if (folded.size() == key.size()) {
                std::copy(folded.begin(), folded.end(), head);
            } else {
                folded_.push_back(std::move(folded));
                key = folded_.back();
            }
        }
        entries_.push_back({key, *offset, *length});
    }
    // dictfmt writes the index sorted, and Debian's FreeDict indexes mostly come out in byte
    // order once folded: checking costs one pass, and a sort is needed only when it fails.
    const auto by_key = [](const Entry& a, const Entry& b) { return a.key < b.key; };
    if (!std::is_sorted(entries_.begin(), entries_.end(), by_key))
        std::stable_sort(entries_.begin(), entries_.end(), by_key);
}

std::vector<std::string> DictdDictionary::lookup(std::string_view headword) {
    const std::string key = fold_key(headword);
    auto [first, last] = std::equal_range(entries_.begin(), entries_.end(), Entry{key, 0, 0},
                                          [](const Entry& a, const Entry& b) { return a.key < b.key; });
    std::vector<std::string> out;
    for (auto e = first; e != last; ++e) out.push_back(data_.read(e->offset, e->length));
    return out;
}

} // namespace rapporteur
