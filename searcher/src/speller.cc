/** @file speller.cc
 *  @brief "Did you mean" from the index's own vocabulary.
 */
#include "speller.h"
#include "passage_data.h"
#include "rapporteur/utf8.h"
#include "text_util.h"

#include <map>

namespace rapporteur {

Speller::Speller(const Xapian::Database& db) : db_(db) {}

std::string Speller::surface_form(const std::string& term) const {
    // The most common spelling among the first passages that contain the term.
    std::map<std::string, std::size_t> forms;
    std::size_t seen = 0;
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term) && seen < 20; ++p, ++seen) {
        auto pos = db_.positionlist_begin(*p, term);
        if (pos == db_.positionlist_end(*p, term)) continue;
        PassageData data = PassageData::parse(db_.get_document(*p), false);
        const std::size_t i = 2 * static_cast<std::size_t>(*pos - 1);
        if (i + 1 >= data.offsets.size() || data.offsets[i + 1] > data.hit.text.size()) continue;
        ++forms[utf8::fold(
            std::string_view(data.hit.text).substr(data.offsets[i], data.offsets[i + 1] - data.offsets[i]))];
    }
    std::string best = term;
    std::size_t best_count = 0;
    for (const auto& [form, count] : forms) {
        if (count > best_count) {
            best = form;
            best_count = count;
        }
    }
    return best;
}

std::string Speller::suggest(const std::string& original, const std::string& term) const {
    const std::string folded = utf8::fold(original);
    std::string from_dictionary = db_.get_spelling_suggestion(folded, 2);
    if (!from_dictionary.empty() && from_dictionary != folded) return from_dictionary;
    if (term.empty()) return {};
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
