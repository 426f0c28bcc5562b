/** @file highlighter.cc
 *  @brief Highlights and snippets from stored word offsets.
 */
#include "highlighter.h"
#include "rapporteur/utf8.h"
#include "text_util.h"

#include <algorithm>
#include <set>

namespace rapporteur {

namespace {
bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool has_space(std::string_view s) {
    if (std::any_of(s.begin(), s.end(), is_space_byte)) return true;
    // U+00A0 and the U+2000 block of spaces count as white space too.
    return s.find("\xC2\xA0") != std::string_view::npos || s.find("\xE2\x80") != std::string_view::npos ||
           s.find("\xE3\x80\x80") != std::string_view::npos;
}
} // namespace

Highlighter::Highlighter(std::string_view text, std::vector<std::uint32_t> offsets)
    : text_(text), offsets_(std::move(offsets)) {
    for (std::size_t i = 0; i + 1 < offsets_.size(); i += 2) {
        ByteRange w{offsets_[i], offsets_[i + 1]};
        if (w.start < w.end && w.end <= text_.size()) words_.push_back(w);
    }
    std::sort(words_.begin(), words_.end(), [](const ByteRange& a, const ByteRange& b) { return a.start < b.start; });
    if (words_.empty()) {
        // No stored offsets (an index from elsewhere): white-space separated words.
        std::size_t i = 0;
        while (i < text_.size()) {
            while (i < text_.size() && is_space_byte(text_[i])) ++i;
            std::size_t j = i;
            while (j < text_.size() && !is_space_byte(text_[j])) ++j;
            if (j > i) words_.push_back({i, j});
            i = j;
        }
    }
}

std::vector<PositionSpan> Highlighter::find_phrases(const std::vector<std::vector<std::uint32_t>>& words,
                                                    std::uint32_t max_gap) {
    std::vector<PositionSpan> out;
    if (words.empty()) return out;
    for (std::uint32_t first : words.front()) {
        std::uint32_t at = first;
        bool ok = true;
        for (std::size_t i = 1; i < words.size() && ok; ++i) {
            auto next = std::upper_bound(words[i].begin(), words[i].end(), at);
            ok = next != words[i].end() && *next - at <= max_gap;
            if (ok) at = *next;
        }
        if (ok) out.emplace_back(first, at);
    }
    return out;
}

std::vector<ByteRange> Highlighter::ranges(std::vector<PositionSpan> spans) const {
    std::sort(spans.begin(), spans.end());
    auto start_of = [&](std::uint32_t p) { return static_cast<std::size_t>(offsets_[2 * (p - 1)]); };
    auto end_of = [&](std::uint32_t p) { return static_cast<std::size_t>(offsets_[2 * (p - 1) + 1]); };
    auto valid = [&](std::uint32_t p) {
        return p >= 1 && 2 * static_cast<std::size_t>(p - 1) + 1 < offsets_.size() && end_of(p) <= text_.size() &&
               start_of(p) < end_of(p);
    };
    std::vector<ByteRange> out;
    std::uint32_t last_pos = 0;
    for (const auto& [first, last] : spans) {
        if (!valid(first) || !valid(last) || last < first) continue;
        ByteRange r{start_of(first), end_of(last)};
        if (!out.empty()) {
            ByteRange& prev = out.back();
            const bool overlaps = r.start < prev.end;
            const bool joined =
                first == last_pos + 1 && r.start >= prev.end && !has_space(text_.substr(prev.end, r.start - prev.end));
            if (overlaps || joined) {
                prev.end = std::max(prev.end, r.end);
                last_pos = std::max(last_pos, last);
                continue;
            }
        }
        out.push_back(r);
        last_pos = last;
    }
    return out;
}

ByteRange Highlighter::best_window(const std::vector<ByteRange>& marks, std::size_t max_chars) const {
    const auto cp = utf8::code_point_index(text_);
    const std::size_t total = cp[text_.size()];
    if (total <= max_chars || words_.empty()) return {0, text_.size()};
    auto width = [&](std::size_t s, std::size_t e) { return cp[e] - cp[s]; };

    // 1. The run of marks that fits and covers the most distinct words, then the most marks.
    std::size_t best_i = 0, best_j = 0, best_distinct = 0, best_count = 0;
    for (std::size_t i = 0; i < marks.size(); ++i) {
        std::set<std::string> distinct;
        std::size_t j = i;
        for (; j < marks.size() && width(marks[i].start, marks[j].end) <= max_chars; ++j) {
            distinct.insert(utf8::fold(text_.substr(marks[j].start, marks[j].end - marks[j].start)));
        }
        if (j == i) j = i + 1; // a single mark wider than the budget is kept whole
        const std::size_t count = j - i;
        if (distinct.size() > best_distinct || (distinct.size() == best_distinct && count > best_count)) {
            best_i = i;
            best_j = j;
            best_distinct = distinct.size();
            best_count = count;
        }
    }
    std::size_t core_start = marks.empty() ? words_.front().start : marks[best_i].start;
    std::size_t core_end = marks.empty() ? words_.front().end : marks[best_j - 1].end;

    // 2. Widen around the core on word boundaries: half the spare budget before it.
    const std::size_t used = width(core_start, core_end);
    const std::size_t spare = used < max_chars ? max_chars - used : 0;
    const std::size_t target = cp[core_start] > spare / 2 ? cp[core_start] - spare / 2 : 0;
    std::size_t start = core_start;
    for (const auto& w : words_) {
        if (w.start >= core_start) break;
        if (cp[w.start] >= target) {
            start = w.start;
            break;
        }
    }
    std::size_t end = core_end;
    for (const auto& w : words_) {
        if (w.end <= end) continue;
        if (width(start, w.end) > max_chars) break;
        end = w.end;
    }
    // Spare budget left at the end (the core was near the end): take words before instead.
    for (auto w = words_.rbegin(); w != words_.rend(); ++w) {
        if (w->start >= start) continue;
        if (width(w->start, end) > max_chars) break;
        start = w->start;
    }
    // Closing punctuation stays with its word; nothing but punctuation left means the end.
    while (end < text_.size() && !is_space_byte(text_[end]) &&
           std::none_of(words_.begin(), words_.end(), [&](const ByteRange& w) { return w.start == end; })) {
        if (static_cast<unsigned char>(text_[end]) >= 0x80) break;
        ++end;
    }
    if (start == words_.front().start) start = 0;
    if (end >= words_.back().end) end = text_.size(); // only punctuation after the last word
    return {start, end};
}

std::string Highlighter::render(ByteRange window, const std::vector<ByteRange>& marks, std::string_view open,
                                std::string_view close, bool html) const {
    auto piece = [&](std::size_t s, std::size_t e) {
        auto t = text_.substr(s, e - s);
        return html ? html_escape(t) : std::string(t);
    };
    std::string out;
    if (window.start > 0) out += "…";
    std::size_t at = window.start;
    for (const auto& m : marks) {
        const std::size_t s = std::max(m.start, window.start), e = std::min(m.end, window.end);
        if (s >= e || s < at) continue;
        out += piece(at, s);
        out += open;
        out += piece(s, e);
        out += close;
        at = e;
    }
    out += piece(at, window.end);
    if (window.end < text_.size()) out += "…";
    return out;
}

} // namespace rapporteur
