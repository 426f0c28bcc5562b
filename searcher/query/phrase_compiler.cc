/** @file phrase_compiler.cc
 *  @brief The query compiler's positional queries: phrases (stop words the index lacks left
 *         out, the window widened) and NEAR groups, expanded into term-only OP_PHRASE/OP_NEAR.
 */
#include "compiler.h"

#include "rapporteur/format/schema.h"

#include <algorithm>
#include <map>

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

namespace {

/// The parts of a word as typed between connectors: "Anti-Trafficking" 2, "PC.DEC/557" 3.
std::size_t typed_parts(const std::string& original) {
    std::size_t parts = 0;
    bool in_part = false;
    for (char c : original) {
        const bool connector = c == '-' || c == '.' || c == '/';
        if (!connector && !in_part) ++parts;
        in_part = !connector;
    }
    return parts;
}

} // namespace

std::vector<Compiler::Layout> Compiler::layouts(const QueryWord& w) {
    auto add = [](std::vector<std::string>& slot, const std::string& t) {
        if (!t.empty() && std::find(slot.begin(), slot.end(), t) == slot.end()) slot.push_back(t);
    };
    Layout one(1);
    std::map<std::size_t, Layout> spread; // by the number of positions
    for (const auto& a : w.alternatives) {
        // Bonus forms (exact and surface forms) stand at their stem's position: no layout of their own.
        if (a.weight != 1.0) continue;
        if (a.terms.size() == 1) {
            add(one.front(), a.terms.front());
        } else if (a.terms.size() > 1) {
            auto& l = spread[a.terms.size()];
            l.resize(a.terms.size());
            for (std::size_t k = 0; k < a.terms.size(); ++k) add(l[k], a.terms[k]);
        }
    }
    std::vector<Layout> out;
    if (!one.front().empty()) out.push_back(one);
    for (auto& [n, l] : spread) {
        // The index puts a compound's whole form at its first part's position ("antitraffick"
        // beside "anti", then "traffick"): either may start the spread reading.
        for (const auto& t : one.front()) add(l.front(), t);
        out.push_back(std::move(l));
    }
    // The layout of the word as typed goes first (phrase_query keeps the first ones).
    const std::size_t parts = typed_parts(w.original);
    auto typed = std::find_if(out.begin(), out.end(), [&](const Layout& l) { return parts > 1 && l.size() == parts; });
    if (typed != out.end()) std::rotate(out.begin(), typed, typed + 1);
    return out;
}

Xapian::Query Compiler::positional(Xapian::Query::op op, const std::vector<std::vector<std::string>>& slots,
                                   Xapian::termcount window) {
    std::vector<Xapian::Query> parts;
    for (const auto& slot : slots) {
        if (slot.empty()) return {};
        std::vector<Xapian::Query> terms(slot.begin(), slot.end());
        // Xapian 1.4 takes an OP_OR of terms inside OP_PHRASE and OP_NEAR (not OP_SYNONYM).
        parts.push_back(terms.size() == 1 ? terms.front()
                                          : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    }
    if (parts.empty()) return {};
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(op, parts.begin(), parts.end(), window);
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
    // Each word may stand at one position (a word, a compound written whole) or at several (a
    // compound written with hyphens, a closed compound split, a run of CJK words): a reading
    // picks one layout per word, and the phrase is the OR of its readings' phrases. Most
    // words have one layout; MAX_READINGS bounds the rest (the later layouts go first, the
    // typed one last).
    constexpr std::size_t MAX_READINGS = 16;
    std::vector<std::vector<Layout>> per_word;
    for (const auto* w : kept) per_word.push_back(layouts(*w));
    auto count = [&] {
        std::size_t p = 1;
        for (const auto& l : per_word) {
            p *= std::max<std::size_t>(l.size(), 1);
            if (p > MAX_READINGS) break; // no further: 64 words of 3 layouts would overflow
        }
        return p;
    };
    while (count() > MAX_READINGS) {
        auto widest = std::max_element(per_word.begin(), per_word.end(),
                                       [](const auto& a, const auto& b) { return a.size() < b.size(); });
        widest->pop_back();
    }
    std::vector<Layout> readings;
    std::vector<std::size_t> at(per_word.size(), 0);
    for (;;) {
        Layout r;
        for (std::size_t i = 0; i < per_word.size(); ++i) {
            if (per_word[i].empty()) continue;
            const auto& l = per_word[i][at[i]];
            r.insert(r.end(), l.begin(), l.end());
        }
        readings.push_back(std::move(r));
        std::size_t i = 0;
        while (i < per_word.size() && (per_word[i].empty() || ++at[i] == per_word[i].size())) at[i++] = 0;
        if (i == per_word.size()) break;
    }

    // A reading spread over more positions sums more terms' weights: each is scaled to the
    // shortest reading's length, so that a long acronym expansion does not outweigh the phrase.
    std::size_t shortest = readings.front().size();
    for (const auto& r : readings) shortest = std::min(shortest, r.size());
    std::vector<Xapian::Query> parts;
    for (const auto& [prefix, weight] : fields()) {
        // As for single words: only the forms the index has; a field lacking some word
        // cannot hold the phrase.
        std::vector<Xapian::Query> of_field;
        for (const auto& r : readings) {
            Layout slots;
            for (const auto& slot : r) {
                slots.emplace_back();
                for (const auto& t : slot) {
                    if (exists(prefix + t)) slots.back().push_back(prefix + t);
                }
                if (slots.back().empty()) break;
            }
            if (slots.size() < r.size() || slots.back().empty()) continue;
            if (positive && prefix == schema::PREFIX_TEXT) {
                HighlightPhrase highlight;
                highlight.max_gap = 1 + dropped;
                for (const auto& slot : r) {
                    highlight.words.emplace_back();
                    for (const auto& t : slot) {
                        if (exists(std::string(schema::PREFIX_TEXT) + t)) highlight.words.back().insert(t);
                    }
                }
                out_.highlight_phrases.push_back(std::move(highlight));
            }
            Xapian::Query phrase =
                positional(Xapian::Query::OP_PHRASE, slots, static_cast<Xapian::termcount>(slots.size() + dropped));
            if (slots.size() > shortest)
                phrase = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, phrase,
                                       static_cast<double>(shortest) / static_cast<double>(slots.size()));
            of_field.push_back(std::move(phrase));
        }
        Xapian::Query q = combine(Xapian::Query::OP_OR, of_field);
        if (q.empty()) continue;
        parts.push_back(weight == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight));
    }
    if (parts.empty()) {
        // No field can hold the phrase: its text-field query stands (it matches nothing).
        const std::string prefix = fields().front().first;
        Layout slots;
        for (const auto& slot : readings.front()) {
            slots.emplace_back();
            for (const auto& t : slot) slots.back().push_back(prefix + t);
        }
        parts.push_back(positional(Xapian::Query::OP_PHRASE, slots,
                                   static_cast<Xapian::termcount>(slots.size() + dropped)));
    }
    Xapian::Query q = combine(Xapian::Query::OP_OR, parts);
    if (positive && !q.empty()) {
        // The forms typed (exact and surface forms, weight below 1) rank a passage holding the
        // phrase as written above one holding it in other forms of the same stems; they only
        // add to what the phrase matched.
        std::vector<Xapian::Query> bonus;
        Layout as_typed; // the phrase as typed: per position, the typed forms, else the word's forms
        bool typed_somewhere = false;
        const std::string prefix = positional_prefix();
        for (const auto* w : kept) {
            std::vector<std::string> typed;
            for (const auto& a : w->alternatives) {
                if (a.weight == 1.0 || a.terms.size() != 1 || !exists(prefix + a.terms.front())) continue;
                bonus.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(prefix + a.terms.front()), a.weight);
                typed.push_back(a.terms.front());
            }
            typed_somewhere = typed_somewhere || !typed.empty();
            // A word typed with connectors ("Anti-Trafficking", "PC.DEC/557") stands as the index
            // holds it written so: spread over its parts, its typed form beside the first.
            const std::size_t parts = typed_parts(w->original);
            auto word_layouts = layouts(*w);
            auto spread = std::find_if(word_layouts.begin(), word_layouts.end(),
                                       [&](const Layout& l) { return parts > 1 && l.size() == parts; });
            Layout here = spread != word_layouts.end()                ? *spread
                          : typed.empty() && !word_layouts.empty() ? word_layouts.front()
                                                                   : Layout(1);
            for (auto& t : typed) here.front().push_back(std::move(t));
            for (auto& slot : here) {
                std::vector<std::string> held;
                for (const auto& t : slot) {
                    if (exists(prefix + t)) held.push_back(prefix + t);
                }
                as_typed.push_back(std::move(held));
            }
        }
        // The phrase as typed, word for word, counts once more: a long passage holding it
        // outranks a short one holding it in other forms ("OSCE's Office" / "OSCE Office").
        if (typed_somewhere) {
            Xapian::Query typed = positional(Xapian::Query::OP_PHRASE, as_typed,
                                             static_cast<Xapian::termcount>(as_typed.size() + dropped));
            if (!typed.empty()) bonus.push_back(typed);
        }
        q = add_bonus(q, bonus);
        out_.leaves.push_back({label, q});
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
