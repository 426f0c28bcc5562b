/** @file compiler.cc
 *  @brief The query compiler's dispatch, single words (over the text, title and footnote
 *         fields), wildcards and lists of +required/-excluded/optional items and filters.
 */
#include "compiler.h"

#include "rapporteur/format/schema.h"
#include "rapporteur/utf8.h"

#include <algorithm>

namespace rapporteur::query {

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    std::vector<Xapian::Query> kept;
    for (const auto& p : parts) {
        if (!p.empty()) kept.push_back(p);
    }
    if (kept.empty()) return {};
    if (kept.size() == 1) return kept.front();
    return Xapian::Query(op, kept.begin(), kept.end());
}

Xapian::Query add_bonus(Xapian::Query base, const std::vector<Xapian::Query>& bonus) {
    for (const auto& b : bonus) {
        if (!b.empty()) base = Xapian::Query(Xapian::Query::OP_AND_MAYBE, base, b);
    }
    return base;
}

bool Compiler::in_run(const Node& list, std::size_t k) {
    return list.kids[k].kind == Node::TEXT && list.signs[k] == 0;
}

void Compiler::prepare_run(Node& list, std::size_t first, std::size_t last) {
    // One analysis of the run's text, as typed between its first and last words, so that its
    // language is the run's and readings across words (compounds typed apart, an acronym's
    // expansion typed in full) are found; each word then goes back to the item it came from.
    const auto& text = out_.text;
    const std::size_t from = list.kids[first].start;
    const std::size_t to = list.kids[last].start + list.kids[last].text.size();
    const bool in_text = to <= text.size() && from <= to &&
                         text.compare(from, list.kids[first].text.size(), list.kids[first].text) == 0;
    if (!in_text || first == last) {
        for (std::size_t k = first; k <= last; ++k) {
            auto& n = list.kids[k];
            n.words = analyzer_.analyze_query(n.text, options_.lang);
        }
        return;
    }
    auto words = analyzer_.analyze_query(std::string_view(text).substr(from, to - from), options_.lang);
    std::size_t k = first;
    for (auto& w : words) {
        while (k < last && from + w.start >= list.kids[k + 1].start) ++k;
        auto& n = list.kids[k];
        const std::size_t shift = n.start - from;
        // Offsets become the item's own, as if it had been analysed alone.
        w.start = static_cast<std::uint32_t>(w.start - std::min<std::size_t>(w.start, shift));
        w.end = static_cast<std::uint32_t>(w.end - std::min<std::size_t>(w.end, shift));
        n.words.push_back(std::move(w));
    }
}

void Compiler::prepare(Node& node) {
    if (node.kind == Node::LIST) {
        for (std::size_t k = 0; k < node.kids.size();) {
            if (!in_run(node, k)) {
                ++k;
                continue;
            }
            std::size_t last = k;
            while (last + 1 < node.kids.size() && in_run(node, last + 1)) ++last;
            prepare_run(node, k, last);
            for (std::size_t i = k; i <= last; ++i) {
                for (const auto& w : node.kids[i].words) all_stop_ = all_stop_ && w.stopword;
            }
            k = last + 1;
        }
    }
    if ((node.kind == Node::TEXT || node.kind == Node::PHRASE) && node.words.empty()) {
        node.words = analyzer_.analyze_query(node.text, options_.lang);
        if (node.kind == Node::TEXT) {
            for (const auto& w : node.words) all_stop_ = all_stop_ && w.stopword;
        }
    }
    if (node.kind == Node::FIELD && node.field == "in") {
        if (node.text == "footnotes" || node.text == "footnote")
            scope_ = Scope::FOOTNOTES;
        else if (node.text == "text")
            scope_ = Scope::TEXT;
        else
            out_.notices.push_back("in:" + node.text +
                                   " is not a part of a passage (in:text or in:footnotes); ignored");
    }
    for (auto& k : node.kids) prepare(k);
}

Xapian::Query Compiler::compile(const Node& node, bool positive) {
    switch (node.kind) {
        case Node::TEXT:
            if (node.words.size() == 1) return word_query(node.words.front(), node.start, positive);
            return phrase_query(node.words, node.text, positive);
        case Node::PHRASE: return phrase_query(node.words, "\"" + node.text + "\"", positive);
        case Node::WILDCARD: return wildcard_query(node.text, positive);
        case Node::FIELD:
            if (node.field == "in") return {};
            return Xapian::Query(parser_.field_term(node.field, node.text));
        case Node::AND: {
            std::vector<Xapian::Query> parts;
            for (const auto& k : node.kids) parts.push_back(compile(k, positive));
            return combine(Xapian::Query::OP_AND, parts);
        }
        case Node::OR: {
            std::vector<Xapian::Query> parts;
            for (const auto& k : node.kids) parts.push_back(compile(k, positive));
            return combine(Xapian::Query::OP_OR, parts);
        }
        case Node::AND_NOT: {
            Xapian::Query left = compile(node.kids[0], positive);
            Xapian::Query right = compile(node.kids[1], false);
            if (right.empty()) return left;
            if (left.empty()) left = match_all();
            return Xapian::Query(Xapian::Query::OP_AND_NOT, left, right);
        }
        case Node::NEAR: return near_query(node, positive);
        case Node::LIST: return list_query(node, positive);
    }
    return {};
}

Xapian::Query Compiler::match_all() {
    // MatchAll would weigh each passage by its length; a pure filter ranks nothing.
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query::MatchAll, 0.0);
}

std::vector<std::pair<std::string, double>> Compiler::fields() const {
    switch (scope_) {
        case Scope::TEXT: return {{std::string(schema::PREFIX_TEXT), 1.0}};
        case Scope::FOOTNOTES: return {{std::string(schema::PREFIX_FOOTNOTE), 1.0}};
        case Scope::ALL: break;
    }
    std::vector<std::pair<std::string, double>> f = {{std::string(schema::PREFIX_TEXT), 1.0}};
    if (options_.title_weight > 0) f.emplace_back(std::string(schema::PREFIX_SESSION_TITLE), options_.title_weight);
    if (options_.footnote_weight > 0) f.emplace_back(std::string(schema::PREFIX_FOOTNOTE), options_.footnote_weight);
    return f;
}

std::string Compiler::positional_prefix() const {
    return std::string(scope_ == Scope::FOOTNOTES ? schema::PREFIX_FOOTNOTE : schema::PREFIX_TEXT);
}

bool Compiler::take_word() {
    if (words_ >= options_.limits.max_query_words) {
        if (!words_capped_) {
            words_capped_ = true;
            out_.notices.push_back("the query has more than " + std::to_string(options_.limits.max_query_words) +
                                   " words; the words after that were ignored");
        }
        return false;
    }
    ++words_;
    return true;
}

void Compiler::note_highlight(const QueryWord& w) {
    // Highlights come from the passage text's positions: only its indexed forms count.
    for (const auto& a : indexed_alternatives(w, std::string(schema::PREFIX_TEXT))) {
        if (a.terms.size() == 1) {
            out_.highlight_terms.insert(a.terms.front());
        } else if (a.terms.size() > 1) {
            HighlightPhrase p;
            for (const auto& t : a.terms) p.words.push_back({t});
            out_.highlight_phrases.push_back(std::move(p));
        }
    }
}

bool Compiler::exists(const std::string& term) const { return terms_.exists(db_, term, parser_.vocabulary()); }

std::vector<QueryAlternative> Compiler::indexed_alternatives(const QueryWord& w, const std::string& prefix) const {
    std::vector<QueryAlternative> out;
    for (const auto& a : w.alternatives) {
        bool all = !a.terms.empty();
        for (const auto& t : a.terms) all = all && exists(prefix + t);
        if (all) out.push_back(a);
    }
    return out;
}

bool Compiler::known(const QueryWord& w) const {
    for (const auto& [prefix, weight] : fields()) {
        if (!indexed_alternatives(w, prefix).empty()) return true;
    }
    return false;
}

Xapian::Query Compiler::word_query(QueryWord w, std::size_t chunk_start, bool positive) {
    if (w.stopword && !all_stop_) return {};
    if (!take_word()) return {};
    w.stopword = false; // build_query would leave a lone stop word out
    // Only the forms the index has: a word analysed in every candidate language has up to
    // ten, and each absent one would still cost the matcher a posting-list lookup. A word
    // the index has in no form keeps its query (it matches nothing, so "+word" still
    // empties the result instead of vanishing from the query).
    std::vector<Xapian::Query> parts;
    for (const auto& [prefix, weight] : fields()) {
        QueryWord here = w;
        here.alternatives = indexed_alternatives(w, prefix);
        if (here.alternatives.empty()) continue;
        Xapian::Query q = build_query({here}, prefix);
        if (q.empty()) continue;
        parts.push_back(weight == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight));
    }
    if (parts.empty()) parts.push_back(build_query({w}, fields().front().first));
    Xapian::Query q = combine(Xapian::Query::OP_OR, parts);
    if (positive && !q.empty()) {
        out_.leaves.push_back({w.original, q});
        note_highlight(w);
        if (!known(w) && !w.alternatives.empty() && !w.alternatives.front().terms.empty()) {
            out_.unknown.push_back(
                {w.original, chunk_start + w.start, chunk_start + w.end, w.alternatives.front().terms.front()});
        }
    }
    return q;
}

std::vector<std::string> Compiler::wildcard_forms(const std::string& prefix) const {
    std::vector<std::string> forms;
    const std::string folded = utf8::fold(prefix);
    if (!folded.empty()) forms.push_back(folded);
    for (const auto& w : analyzer_.analyze_query(prefix, options_.lang)) {
        if (w.alternatives.empty() || w.alternatives.front().terms.size() != 1) continue;
        const auto& t = w.alternatives.front().terms.front();
        // Only the form of the whole prefix ("non-pun*" stays one pattern), and not a stem
        // cut shorter than the prefix ("guideli" stems to "guid", which would match "guidance").
        const bool truncated = t.size() < folded.size() && folded.compare(0, t.size(), t) == 0;
        if (w.original.size() == prefix.size() && !truncated &&
            std::find(forms.begin(), forms.end(), t) == forms.end()) {
            forms.push_back(t);
        }
    }
    return forms;
}

Xapian::Query Compiler::wildcard_query(const std::string& prefix, bool positive) {
    if (prefix.empty() || prefix.find('*') != std::string::npos) {
        out_.notices.push_back("a lone * matches nothing; ignored");
        return {};
    }
    if (!take_word()) return {};
    const auto max = static_cast<Xapian::termcount>(options_.limits.max_wildcard_terms);
    std::vector<Xapian::Query> parts;
    for (const auto& form : wildcard_forms(prefix)) {
        std::size_t expansions = 0;
        for (auto t = db_.allterms_begin(form); t != db_.allterms_end(form) && expansions <= max; ++t) ++expansions;
        if (expansions > max) {
            out_.notices.push_back(prefix + "* matches more than " + std::to_string(max) + " words; only the " +
                                   std::to_string(max) + " most frequent were searched");
        }
        for (const auto& [field, weight] : fields()) {
            Xapian::Query q(Xapian::Query::OP_WILDCARD, field + form, max, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
            if (db_.size() > 1) {
                // Over shards a remote server would expand the pattern against its own terms
                // only: expand it here, over the union's, as one database does.
                const auto terms = expand(field + form, max);
                q = terms.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
                if (q.empty()) continue;
            }
            parts.push_back(weight == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight));
        }
        if (positive) out_.highlight_prefixes.push_back(form);
    }
    Xapian::Query q = combine(Xapian::Query::OP_OR, parts);
    if (positive && !q.empty()) out_.leaves.push_back({prefix + "*", q});
    return q;
}

Xapian::Query Compiler::group_query(const QueryGroup& g, const std::string& label, double weight_factor,
                                    bool positive) {
    const QueryWord reading{label, 0, 0, g.alternatives, false, {}};
    std::vector<Xapian::Query> parts;
    for (const auto& [prefix, weight] : fields()) {
        QueryWord here = reading;
        here.alternatives = indexed_alternatives(reading, prefix);
        if (here.alternatives.empty()) continue;
        Xapian::Query q = build_query({here}, prefix);
        if (q.empty()) continue;
        parts.push_back(weight * weight_factor == 1.0
                            ? q
                            : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight * weight_factor));
    }
    // A reading the index does not hold adds nothing (its words are searched as typed).
    Xapian::Query q = combine(Xapian::Query::OP_OR, parts);
    if (positive && !q.empty()) {
        out_.leaves.push_back({label, q});
        note_highlight(reading);
    }
    return q;
}

Xapian::Query Compiler::list_query(const Node& node, bool positive) {
    std::vector<Xapian::Query> required, optional, excluded;
    std::map<std::string, std::vector<Xapian::Query>> filters;
    for (std::size_t i = 0; i < node.kids.size(); ++i) {
        const Node& k = node.kids[i];
        const int sign = node.signs[i];
        if (k.kind == Node::FIELD && k.field != "in" && sign >= 0) {
            filters[k.field].emplace_back(parser_.field_term(k.field, k.text));
            continue;
        }
        Xapian::Query q = compile(k, positive && sign >= 0);
        if (in_run(node, i)) {
            // Readings of this item's words together with the next items' (a run of free
            // words): optional like the words they read.
            for (std::size_t j = 0; j < k.words.size(); ++j) {
                for (const auto& g : k.words[j].groups) {
                    // The words it reads, as typed: this one and the next ones of the run.
                    std::string label;
                    std::size_t covered = 0, content = 0;
                    for (std::size_t item = i, at = j; item < node.kids.size() && in_run(node, item) &&
                                                       covered < g.words;
                         ++item, at = 0) {
                        const auto& ws = node.kids[item].words;
                        for (; at < ws.size() && covered < g.words; ++at, ++covered) {
                            label += (label.empty() ? "" : " ") + ws[at].original;
                            content += ws[at].stopword ? 0 : 1;
                        }
                    }
                    // The reading stands for all the words it covers: it weighs as many.
                    Xapian::Query reading = group_query(g, label, static_cast<double>(std::max<std::size_t>(content, 1)),
                                                        positive);
                    if (!reading.empty()) optional.push_back(reading);
                }
            }
        }
        if (q.empty()) continue;
        (sign > 0 ? required : sign < 0 ? excluded : optional).push_back(q);
    }
    Xapian::Query ranked;
    if (!required.empty()) {
        ranked = add_bonus(combine(Xapian::Query::OP_AND, required), optional);
    } else {
        ranked = combine(Xapian::Query::OP_OR, optional);
    }
    if (ranked.empty() && (!filters.empty() || !excluded.empty())) ranked = match_all();
    if (!filters.empty()) {
        std::vector<Xapian::Query> across;
        for (const auto& [field, terms] : filters) across.push_back(combine(Xapian::Query::OP_OR, terms));
        ranked = Xapian::Query(Xapian::Query::OP_FILTER, ranked, combine(Xapian::Query::OP_AND, across));
    }
    if (!excluded.empty()) {
        ranked = Xapian::Query(Xapian::Query::OP_AND_NOT, ranked, combine(Xapian::Query::OP_OR, excluded));
    }
    return ranked;
}

} // namespace rapporteur::query
