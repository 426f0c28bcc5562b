/** @file spelling_index.cc
 *  @brief SpellingIndex: the spelling table's fragment lists in memory.
 *
 *  The fragments are those of Xapian 1.4's glass spelling table (the words' own, as written,
 *  and a query word's, as looked up, with the transposed ones of two- and three-byte words),
 *  so that the candidates are the same words; the tests compare every answer with Xapian's.
 */
#include "spelling_index.h"

#include "rapporteur/utf8.h"
#include "text_util.h"

#include <algorithm>
#include <atomic>
#include <limits>

namespace rapporteur {

namespace {

std::atomic<std::size_t> dictionaries_read{0};

/// A fragment's bytes as one number: its kind ('H' head, 'T' tail, 'B' bookends, 'M' middle)
/// and two or three bytes of the word.
std::uint32_t fragment(char kind, char a, char b, char c = '\0') {
    auto u = [](char x) { return static_cast<std::uint32_t>(static_cast<unsigned char>(x)); };
    return u(kind) << 24 | u(a) << 16 | u(b) << 8 | u(c);
}

/// The fragments a dictionary word is listed under (at least two bytes).
void word_fragments(std::string_view w, std::vector<std::uint32_t>& out) {
    out.clear();
    const std::size_t n = w.size();
    out.push_back(fragment('H', w[0], w[1]));
    out.push_back(fragment('T', w[n - 2], w[n - 1]));
    if (n <= 4) out.push_back(fragment('B', w[0], w[n - 1]));
    for (std::size_t i = 0; n > 2 && i + 3 <= n; ++i) out.push_back(fragment('M', w[i], w[i + 1], w[i + 2]));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

/// The fragments whose words are a query word's candidates (at least two bytes).
void query_fragments(std::string_view w, std::vector<std::uint32_t>& out) {
    out.clear();
    const std::size_t n = w.size();
    out.push_back(fragment('H', w[0], w[1]));
    out.push_back(fragment('T', w[n - 2], w[n - 1]));
    if (n <= 4) out.push_back(fragment('B', w[0], w[n - 1]));
    if (n > 2) {
        for (std::size_t i = 0; i + 3 <= n; ++i) out.push_back(fragment('M', w[i], w[i + 1], w[i + 2]));
        if (n == 3) {
            out.push_back(fragment('M', w[1], w[0], w[2])); // ABC → BAC
            out.push_back(fragment('M', w[0], w[2], w[1])); // ABC → ACB
        }
    } else {
        out.push_back(fragment('H', w[1], w[0])); // AB → BA
        out.push_back(fragment('T', w[1], w[0]));
    }
}

} // namespace

std::size_t SpellingIndex::built() { return dictionaries_read.load(); }

SpellingIndex::SpellingIndex(const Xapian::Database& dictionary) {
    ++dictionaries_read;
    for (auto it = dictionary.spellings_begin(); it != dictionary.spellings_end(); ++it) {
        const std::string w = *it;
        if (w.size() < 2 || words_.size() + w.size() > std::numeric_limits<std::uint32_t>::max()) continue;
        words_ += w;
        ends_.push_back(static_cast<std::uint32_t>(words_.size()));
        freqs_.push_back(it.get_termfreq());
    }
    // Each word under each of its fragments: numbered in the order first met, counted, then
    // laid out fragment by fragment, the words of each in byte order.
    std::vector<std::uint32_t> frags, pair_fragment;
    std::vector<std::uint32_t> counts;
    std::vector<std::uint32_t> fragments_of(freqs_.size());
    pair_fragment.reserve(freqs_.size() * 8);
    for (std::uint32_t i = 0; i < freqs_.size(); ++i) {
        word_fragments(word(i), frags);
        fragments_of[i] = static_cast<std::uint32_t>(frags.size());
        for (const auto f : frags) {
            const auto [it, fresh] = fragments_.try_emplace(f, static_cast<std::uint32_t>(counts.size()));
            if (fresh) counts.push_back(0);
            ++counts[it->second];
            pair_fragment.push_back(it->second);
        }
    }
    starts_.assign(counts.size() + 1, 0);
    for (std::size_t k = 0; k < counts.size(); ++k) starts_[k + 1] = starts_[k] + counts[k];
    postings_.resize(pair_fragment.size());
    std::vector<std::uint32_t> next(starts_.begin(), starts_.end() - 1);
    std::size_t at = 0;
    for (std::uint32_t i = 0; i < freqs_.size(); ++i) {
        for (std::size_t f = 0; f < fragments_of[i]; ++f) postings_[next[pair_fragment[at++]]++] = i;
    }
}

std::string_view SpellingIndex::word(std::uint32_t i) const {
    const std::uint32_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(words_).substr(begin, ends_[i] - begin);
}

std::string SpellingIndex::suggest(std::string_view w, unsigned max_distance) const {
    if (w.size() <= 1 || freqs_.empty()) return {};
    std::vector<std::uint32_t> frags;
    query_fragments(w, frags);
    // Each candidate's score: in how many of the word's fragment lists it is (a fragment the
    // word has twice counts twice, as Xapian's merge of the lists does). It saturates at 255,
    // which only a word of over 250 bytes could reach: the dictionary's words have at most 32
    // (is_spelling_word), so none is within two edits of it either way.
    // One zeroed array a thread, as large as the largest dictionary it met, put back to zero
    // (only where a candidate scored) when the call ends: a call touches a few thousand
    // entries of it, where zeroing a fresh one cost a write of the whole dictionary's size.
    thread_local std::vector<std::uint8_t> score;
    if (score.size() < freqs_.size()) score.resize(freqs_.size(), 0);
    std::vector<std::uint32_t> candidates;
    struct Reset {
        std::vector<std::uint8_t>& score;
        const std::vector<std::uint32_t>& touched;
        ~Reset() {
            for (const auto i : touched) score[i] = 0;
        }
    } reset{score, candidates};
    for (const auto f : frags) {
        const auto it = fragments_.find(f);
        if (it == fragments_.end()) continue;
        for (std::uint32_t p = starts_[it->second]; p < starts_[it->second + 1]; ++p) {
            const std::uint32_t i = postings_[p];
            if (score[i] == 0) candidates.push_back(i);
            if (score[i] < 255) ++score[i];
        }
    }
    // In byte order, as Xapian meets them: a candidate is weighed only when its score is within
    // two of the best score met before it, and the nearest, then most frequent, then first
    // is kept; nothing when the word itself is at least as frequent.
    std::sort(candidates.begin(), candidates.end());
    const std::u32string target = utf8::decode(w);
    std::u32string candidate;
    std::size_t best_score = 1, best_distance = max_distance;
    std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
    Xapian::doccount best_freq = 0, exact_freq = 0;
    for (const std::uint32_t i : candidates) {
        if (score[i] + 2u < best_score) continue;
        best_score = std::max<std::size_t>(best_score, score[i]);
        const std::string_view term = word(i);
        // Each code point is 1 to 4 bytes: lengths this far apart cannot be near enough.
        const std::size_t bytes_apart = term.size() > w.size() ? term.size() - w.size() : w.size() - term.size();
        if (bytes_apart > 4 * best_distance) continue;
        candidate = utf8::decode(term);
        const std::size_t d = edit_distance(std::u32string_view(candidate), std::u32string_view(target), best_distance);
        if (d > best_distance) continue;
        const Xapian::doccount freq = freqs_[i];
        if (d == 0) {
            exact_freq = freq;
            continue;
        }
        if (d < best_distance || freq > best_freq) {
            best_distance = d;
            best_freq = freq;
            best = i;
        }
    }
    if (best == std::numeric_limits<std::uint32_t>::max() || best_freq < exact_freq) return {};
    return std::string(word(best));
}

} // namespace rapporteur
