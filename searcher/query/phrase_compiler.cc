/** @file phrase_compiler.cc
 *  @brief The query compiler's positional queries: phrases (stop words the index lacks left
 *         out, the window widened) and NEAR groups, expanded into term-only OP_PHRASE/OP_NEAR.
 */
#include "compiler.h"

#include "rapporteur/format/schema.h"

#include <algorithm>

namespace rapporteur::query {

std::vector<std::string> Compiler::slot_terms(const QueryWord& w) {
    std::vector<std::string> terms;
    for (const auto& a : w.alternatives) {
        if (a.terms.size() == 1 && std::find(terms.begin(), terms.end(), a.terms.front()) == terms.end()) {
            terms.push_back(a.terms.front());
        }
    }
    return terms;
}

std::vector<std::string> Compiler::expand(const std::string& pattern, std::size_t max) const {
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    std::size_t scanned = 0;
    for (auto t = db_.allterms_begin(pattern); t != db_.allterms_end(pattern) && scanned < 100000; ++t, ++scanned) {
        found.emplace_back(t.get_termfreq(), *t);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < found.size() && i < max; ++i) out.push_back(found[i].second.substr(0));
    return out;
}

Xapian::Query Compiler::positional(Xapian::Query::op op, std::vector<std::vector<std::string>> slots,
                                   Xapian::termcount window) {
    constexpr std::size_t MAX_COMBINATIONS = 64;
    for (const auto& slot : slots) {
        if (slot.empty()) return {};
    }
    auto product = [&] {
        std::size_t p = 1;
        for (const auto& slot : slots) p *= slot.size();
        return p;
    };
    while (product() > MAX_COMBINATIONS) {
        auto widest = std::max_element(slots.begin(), slots.end(),
                                       [](const auto& a, const auto& b) { return a.size() < b.size(); });
        widest->pop_back();
    }
    std::vector<Xapian::Query> combos;
    std::vector<std::size_t> at(slots.size(), 0);
    for (;;) {
        std::vector<Xapian::Query> terms;
        for (std::size_t i = 0; i < slots.size(); ++i) terms.emplace_back(slots[i][at[i]]);
        combos.emplace_back(op, terms.begin(), terms.end(), window);
        std::size_t i = 0;
        while (i < slots.size() && ++at[i] == slots[i].size()) at[i++] = 0;
        if (i == slots.size()) break;
    }
    return combine(Xapian::Query::OP_OR, combos);
}

Xapian::Query Compiler::phrase_query(const std::vector<QueryWord>& words, const std::string& label, bool positive) {
    if (words.empty()) return {};
    if (words.size() == 1) {
        QueryWord w = words.front();
        w.stopword = false; // a quoted stop word is wanted
        return word_query(w, 0, positive);
    }
    // Stop words stay in a phrase when the index has them; otherwise they are left out
    // and the window widened, so "victims of trafficking" still finds its passages.
    std::vector<const QueryWord*> kept;
    std::uint32_t dropped = 0;
    for (const auto& w : words) {
        bool indexed = false;
        for (const auto& a : w.alternatives) {
            if (a.terms.size() == 1 && exists(positional_prefix() + a.terms.front())) indexed = true;
        }
        if (w.stopword && !indexed) {
            ++dropped;
            continue;
        }
        if (!take_word()) break;
        kept.push_back(&w);
    }
    if (kept.empty()) return {};
    if (kept.size() == 1) {
        QueryWord w = *kept.front();
        w.stopword = false;
        --words_; // word_query counts it again
        return word_query(w, 0, positive);
    }
    const auto window = static_cast<Xapian::termcount>(kept.size() + dropped);
    std::vector<Xapian::Query> parts;
    HighlightPhrase highlight;
    highlight.max_gap = 1 + dropped;
    for (const auto* w : kept) {
        std::vector<std::string> terms;
        for (const auto& t : slot_terms(*w)) {
            if (exists(std::string(schema::PREFIX_TEXT) + t)) terms.push_back(t);
        }
        highlight.words.emplace_back(terms.begin(), terms.end());
    }
    for (const auto& [prefix, weight] : fields()) {
        // As for single words: only the forms the index has; a field lacking some word
        // cannot hold the phrase.
        std::vector<std::vector<std::string>> slots;
        for (const auto* w : kept) {
            slots.emplace_back();
            for (const auto& t : slot_terms(*w)) {
                if (exists(prefix + t)) slots.back().push_back(prefix + t);
            }
            if (slots.back().empty()) break;
        }
        if (slots.size() < kept.size() || slots.back().empty()) continue;
        Xapian::Query q = positional(Xapian::Query::OP_PHRASE, std::move(slots), window);
        if (q.empty()) continue;
        parts.push_back(weight == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight));
    }
    if (parts.empty()) {
        // No field can hold the phrase: its text-field query stands (it matches nothing).
        const std::string prefix = fields().front().first;
        std::vector<std::vector<std::string>> slots;
        for (const auto* w : kept) {
            slots.push_back(slot_terms(*w));
            for (auto& t : slots.back()) t = prefix + t;
        }
        parts.push_back(positional(Xapian::Query::OP_PHRASE, std::move(slots), window));
    }
    Xapian::Query q = combine(Xapian::Query::OP_OR, parts);
    if (positive && !q.empty()) {
        out_.leaves.push_back({label, q});
        out_.highlight_phrases.push_back(std::move(highlight));
    }
    return q;
}

Xapian::Query Compiler::near_query(const Node& node, bool positive) {
    const std::string prefix = positional_prefix();
    std::vector<std::vector<std::string>> slots;
    std::string label;
    for (const auto& k : node.kids) {
        label += (label.empty() ? "" : " NEAR/" + std::to_string(node.window) + " ") +
                 (k.kind == Node::PHRASE     ? "\"" + k.text + "\""
                  : k.kind == Node::WILDCARD ? k.text + "*"
                                             : k.text);
        if (k.kind == Node::WILDCARD) {
            if (k.text.empty() || !take_word()) continue;
            std::vector<std::string> slot;
            for (const auto& form : wildcard_forms(k.text)) {
                for (auto& t : expand(prefix + form, 8)) slot.push_back(std::move(t));
                if (positive) out_.highlight_prefixes.push_back(form);
            }
            if (!slot.empty()) slots.push_back(std::move(slot));
            continue;
        }
        for (const auto& w : k.words) {
            if (w.stopword && k.kind == Node::TEXT && !all_stop_) continue;
            if (!take_word()) break;
            auto terms = slot_terms(w);
            if (terms.empty()) continue;
            if (positive) out_.highlight_terms.insert(terms.begin(), terms.end());
            for (auto& t : terms) t = prefix + t;
            slots.push_back(std::move(terms));
        }
    }
    if (slots.empty()) return {};
    Xapian::Query q;
    if (slots.size() == 1) {
        std::vector<Xapian::Query> terms(slots.front().begin(), slots.front().end());
        q = combine(Xapian::Query::OP_OR, terms);
    } else {
        q = positional(Xapian::Query::OP_NEAR, slots, static_cast<Xapian::termcount>(node.window + slots.size() - 1));
    }
    if (positive) out_.leaves.push_back({label, q});
    return q;
}

} // namespace rapporteur::query
