/** @file hits.cc
 *  @brief A hit from its passage: stored fields, highlights from the query terms' positions
 *         (over shards, from its text analysed again: passage_terms.h),
 *         the snippet window, and the words a related passage shares, as it writes them.
 */
#include "highlighter.h"
#include "passage_data.h"
#include "passage_terms.h"
#include "searcher_impl.h"

#include "rapporteur/format/codecs.h"
#include "rapporteur/format/stored_passage.h"
#include "rapporteur/utf8.h"

#include <algorithm>
#include <optional>
#include <set>

namespace rapporteur {

std::string Searcher::Impl::surface(const std::string& text, const std::vector<std::uint32_t>& offsets,
                                    Xapian::docid did, const std::string& term) {
    auto pos = db.positionlist_begin(did, term);
    if (pos == db.positionlist_end(did, term)) return term;
    const std::size_t i = 2 * static_cast<std::size_t>(*pos - 1);
    if (i + 1 >= offsets.size() || offsets[i + 1] > text.size() || offsets[i] >= offsets[i + 1]) return term;
    return text.substr(offsets[i], offsets[i + 1] - offsets[i]);
}

void Searcher::Impl::fill_hit(Hit& hit, Xapian::docid did, const Plan& plan, const SearchOptions& options,
                              FetchedPassage* fetched, std::string_view sort_key) {
    if (!options.hit_details) {
        // A run needs only the id: the sort key the match ranked ties by encodes it, so the
        // passage data (a read and an inflate per hit) is read only when the key cannot say.
        if (codecs::decode_sort_key(sort_key, hit.id)) return;
        hit.id = read_stored_id(fetched ? fetched->doc : db.get_document(did, Xapian::DOC_ASSUME_VALID));
        return;
    }
    const bool prepared = fetched && fetched->data;
    // The docid comes from the match: DOC_ASSUME_VALID skips Xapian's check that the document
    // exists, a read of its length in the posting table (a block read a hit).
    PassageData data = prepared ? std::move(*fetched->data)
                                : PassageData::parse(fetched ? fetched->doc : db.get_document(did, Xapian::DOC_ASSUME_VALID),
                                                     options.hit_details);
    const std::size_t rank = hit.rank;
    const double score = hit.score;
    hit = std::move(data.hit);
    hit.rank = rank;
    hit.score = score;
    if (!options.hit_details) return;

    Highlighter highlighter(hit.text, data.offsets);
    std::vector<PositionSpan> spans;
    // Over shards a position list is a round trip: the passage's text, analysed here as the
    // indexer analysed it (checked against its stored spans), has the same positions.
    std::optional<PassageTerms> local;
    if (shards) local = prepared ? std::move(fetched->terms) : PassageTerms::analyse(analyzer, hit.text, hit.lang, data.offsets);
    auto positions = [&](const std::string& term) {
        if (local) return local->positions(term);
        std::vector<std::uint32_t> out;
        for (auto p = db.positionlist_begin(did, term); p != db.positionlist_end(did, term); ++p) out.push_back(*p);
        return out;
    };
    for (const auto& term : plan.highlight_terms) {
        for (auto p : positions(term)) spans.emplace_back(p, p);
    }
    for (const auto& phrase : plan.highlight_phrases) {
        std::vector<std::vector<std::uint32_t>> words;
        for (const auto& alternatives : phrase.words) {
            std::vector<std::uint32_t> merged;
            for (const auto& t : alternatives) {
                auto ps = positions(t);
                merged.insert(merged.end(), ps.begin(), ps.end());
            }
            std::sort(merged.begin(), merged.end());
            words.push_back(std::move(merged));
        }
        auto found = Highlighter::find_phrases(words, phrase.max_gap);
        spans.insert(spans.end(), found.begin(), found.end());
    }
    if (!plan.highlight_prefixes.empty()) {
        auto mark_prefixed = [&](const std::string& term) {
            for (const auto& prefix : plan.highlight_prefixes) {
                if (term.starts_with(prefix)) {
                    for (auto p : positions(term)) spans.emplace_back(p, p);
                    break;
                }
            }
        };
        // The passage's terms: its text's own (only they have positions), else its termlist.
        if (local) {
            for (const auto& entry : local->all()) mark_prefixed(entry.first);
        } else {
            for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) mark_prefixed(*t);
        }
    }
    const auto marks = highlighter.ranges(std::move(spans));
    const auto cp = utf8::code_point_index(hit.text);
    for (const auto& m : marks) hit.highlights.emplace_back(cp[m.start], cp[m.end]);
    if (options.snippets) {
        const ByteRange window = highlighter.best_window(marks, options.snippet_chars);
        hit.snippet_window = {cp[window.start], cp[window.end]};
        hit.snippet = highlighter.render(window, marks, "<mark>", "</mark>", true);
    }
    if (plan.related) {
        std::set<std::string> seen;
        for (const auto& term : plan.highlight_terms) {
            if (!db.term_exists(term)) continue;
            auto p = db.positionlist_begin(did, term);
            if (p == db.positionlist_end(did, term)) continue;
            std::string word = surface(hit.text, data.offsets, did, term);
            if (seen.insert(utf8::fold(word)).second) hit.shared_terms.push_back(word);
            if (const auto from = plan.translated_from.find(term); from != plan.translated_from.end()) {
                const std::pair<std::string, std::string> link(from->second, word);
                auto& links = hit.shared_translations;
                if (std::find(links.begin(), links.end(), link) == links.end()) links.push_back(link);
            }
        }
    }
}

} // namespace rapporteur
