/** @file speller.cc
 *  @brief "Did you mean" from the index's own vocabulary.
 */
#include "speller.h"
#include "passage_data.h"
#include "rapporteur/utf8.h"
#include "text_util.h"

#include <map>

namespace rapporteur {

bool Speller::filled(const Xapian::Database& dictionary) {
    return dictionary.spellings_begin() != dictionary.spellings_end();
}

Speller::Speller(const Xapian::Database& db, const Analyzer* analyzer, const Xapian::Database* dictionary,
                 std::optional<bool> dictionary_filled, const SpellingIndex* index)
    : db_(db), analyzer_(analyzer), dictionary_(dictionary ? *dictionary : db), index_(index),
      dictionary_filled_(dictionary_filled ? *dictionary_filled : filled(dictionary_)) {}

std::string Speller::written_form(const std::string& term, const std::string& folded) const {
    // Per word (folded): how many passages write it, and how often in each casing; the
    // commonest word, then its commonest casing, over the first MAX_READ passages of the term.
    // Ties go to the first in byte order (std::map's), strictly greater counts replacing.
    constexpr std::size_t MAX_READ = 20;
    std::map<std::string, std::pair<std::size_t, std::map<std::string, std::size_t>>> forms;
    auto most = [](const auto& counts, auto count_of) {
        auto best = counts.begin();
        for (auto it = counts.begin(); it != counts.end(); ++it) {
            if (count_of(it->second) > count_of(best->second)) best = it;
        }
        return best;
    };
    // Whether `remaining` more passages could change the answer: the leader's count must
    // exceed the runner-up's (0 for a form not met yet) by more than what is left, for the
    // word and for its casing.
    auto clear_lead = [](const auto& counts, auto count_of, std::size_t remaining) {
        std::size_t first = 0, second = 0;
        for (const auto& entry : counts) {
            const std::size_t n = count_of(entry.second);
            if (n > first) {
                second = first;
                first = n;
            } else if (n > second) {
                second = n;
            }
        }
        return first > second + remaining;
    };
    const auto word_count = [](const auto& v) { return v.first; };
    const auto casing_count = [](std::size_t n) { return n; };
    auto settled = [&](std::size_t remaining) {
        return clear_lead(forms, word_count, remaining) &&
               clear_lead(most(forms, word_count)->second.second, casing_count, remaining);
    };
    std::size_t seen = 0;
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term) && seen < MAX_READ; ++p) {
        ++seen;
        PassageData data = PassageData::parse(db_.get_document(*p, Xapian::DOC_ASSUME_VALID), false);
        bool counted = false;
        for (auto pos = db_.positionlist_begin(*p, term); pos != db_.positionlist_end(*p, term); ++pos) {
            const std::size_t i = 2 * static_cast<std::size_t>(*pos - 1);
            if (i + 1 >= data.offsets.size() || data.offsets[i + 1] > data.hit.text.size()) continue;
            const std::string written = data.hit.text.substr(data.offsets[i], data.offsets[i + 1] - data.offsets[i]);
            const std::string key = utf8::fold(written);
            if (!folded.empty() && key != folded) continue;
            auto& [count, casings] = forms[key];
            ++count;
            ++casings[written];
            counted = true;
            break; // one occurrence a passage
        }
        // The passages left cannot overturn the leader: the rest need not be read.
        if (counted && settled(MAX_READ - seen)) break;
    }
    if (forms.empty()) return {};
    return most(most(forms, word_count)->second.second, casing_count)->first;
}

std::string Speller::surface_form(const std::string& term) const {
    std::string written = written_form(term, {});
    return written.empty() ? term : written;
}

std::string Speller::suggest(const std::string& original, const std::string& term) const {
    const std::string folded = utf8::fold(original);
    std::string from_dictionary = index_ ? index_->suggest(folded, 2) : dictionary_.get_spelling_suggestion(folded, 2);
    if (!from_dictionary.empty() && from_dictionary != folded) {
        // The dictionary keeps words folded: find where the passages write it, through its
        // index terms, and show it as they do ("greta" → "GRETA").
        if (analyzer_) {
            for (const auto& w : analyzer_->analyze_query(from_dictionary)) {
                for (const auto& a : w.alternatives) {
                    if (a.terms.size() != 1 || !db_.term_exists(a.terms.front())) continue;
                    std::string written = written_form(a.terms.front(), from_dictionary);
                    if (!written.empty()) return written;
                }
            }
        }
        return from_dictionary;
    }
    if (term.empty() || (dictionary_filled_ && is_spelling_word(original))) return {};
    // The first code point (1 to 4 bytes) narrows the scan to one slice of the vocabulary.
    std::size_t lead = 0;
    utf8::next(term, lead);
    const std::string first = term.substr(0, lead);
    const std::size_t length = utf8::length(term);
    const std::size_t max_distance = length <= 4 ? 1 : 2;
    std::string best;
    std::size_t best_distance = max_distance + 1;
    Xapian::doccount best_freq = 0;
    std::size_t scanned = 0;
    for (auto t = db_.allterms_begin(first); t != db_.allterms_end(first) && scanned < 200000; ++t, ++scanned) {
        const std::string candidate = *t;
        // Byte lengths bound code-point lengths closely enough to skip most terms cheaply.
        if (candidate.size() + 4 * max_distance < term.size() || term.size() + 4 * max_distance < candidate.size())
            continue;
        const std::size_t d = edit_distance(term, candidate, max_distance);
        if (d == 0 || d > max_distance) continue;
        const auto freq = t.get_termfreq();
        if (d < best_distance || (d == best_distance && freq > best_freq)) {
            best = candidate;
            best_distance = d;
            best_freq = freq;
        }
    }
    return best.empty() ? std::string() : surface_form(best);
}

} // namespace rapporteur
