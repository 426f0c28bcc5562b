/** @file gazetteer.cc
 *  @brief Loading the gazetteer and finding its aliases word by word.
 */
#include "gazetteer.h"

#include "rapporteur/base/data_files.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/base/lines.h"
#include "rapporteur/utf8.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace rapporteur {

namespace {

constexpr std::size_t MIN_STEM_CODE_POINTS = 3;
constexpr std::size_t MAX_GAP_BYTES = 8;

struct WordSpan {
    std::size_t start = 0, end = 0;
};

/// The next word (run of letters, digits and marks) at or after `pos`; end == start at the end.
WordSpan next_word(std::string_view text, std::size_t pos) {
    while (pos < text.size()) {
        std::size_t q = pos;
        if (utf8::is_word_char(utf8::next(text, q))) break;
        pos = q;
    }
    std::size_t end = pos;
    while (end < text.size()) {
        std::size_t q = end;
        if (!utf8::is_word_char(utf8::next(text, q))) break;
        end = q;
    }
    return {pos, end};
}

/// A gap between two words with every whitespace run as one space.
std::string normalise_gap(std::string_view gap) {
    std::string out;
    for (char c : gap) {
        if (c == ' ' || c == '\n') {
            if (out.empty() || out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

Gazetteer Gazetteer::parse(std::string_view tsv, std::string_view source) {
    Gazetteer g;
    lines::for_each(tsv, [&](std::string_view line, std::size_t line_no) {
        if (line.empty() || line.front() == '#') return;
        auto cols = lines::split(line, '\t');
        auto where = [&] { return std::string(source) + ":" + std::to_string(line_no) + ": "; };
        if (cols.size() != 3) throw RuntimeError(where() + "expected 3 tab-separated columns: kind, name, aliases");
        EntityMention::Kind kind;
        if (cols[0] == "org")
            kind = EntityMention::Kind::ORGANISATION;
        else if (cols[0] == "country")
            kind = EntityMention::Kind::COUNTRY;
        else
            throw RuntimeError(where() + "kind must be org or country, not " + std::string(cols[0]));
        if (cols[1].empty()) throw RuntimeError(where() + "empty canonical name");
        const std::size_t entity = g.entities_.size();
        g.entities_.push_back({kind, std::string(cols[1])});
        auto names = lines::split(cols[2], '|');
        names.insert(names.begin(), cols[1]);
        for (auto name : names) {
            if (name.empty()) continue;
            Alias a;
            a.entity = entity;
            std::size_t pos = 0, prev_end = 0;
            while (true) {
                auto w = next_word(name, pos);
                if (w.start == w.end) break;
                if (!a.words.empty()) a.gaps.push_back(normalise_gap(name.substr(prev_end, w.start - prev_end)));
                bool stem = w.end < name.size() && name[w.end] == '*';
                a.words.emplace_back(name.substr(w.start, w.end - w.start));
                a.stem.push_back(stem);
                if (stem && utf8::length(a.words.back()) < MIN_STEM_CODE_POINTS) {
                    throw RuntimeError(where() + "a stem needs at least 3 letters: " + std::string(name));
                }
                prev_end = w.end + (stem ? 1 : 0);
                pos = prev_end;
            }
            if (a.words.empty()) continue;
            const std::size_t index = g.aliases_.size();
            if (a.stem[0]) {
                g.by_first_stem_[a.words[0]].push_back(index);
                g.stem_heads_.emplace(std::string(utf8::first_code_points(a.words[0], MIN_STEM_CODE_POINTS)), 0);
                g.longest_stem_ = std::max(g.longest_stem_, a.words[0].size());
            } else {
                g.by_first_word_[a.words[0]].push_back(index);
            }
            g.aliases_.push_back(std::move(a));
        }
    });
    return g;
}

const Gazetteer& Gazetteer::instance() {
    static const Gazetteer g = [] {
        return parse(read_data_file("indexer", "gazetteer.tsv"), data_path("indexer", "gazetteer.tsv").string());
    }();
    return g;
}

template <class OnMatch>
void Gazetteer::scan(std::string_view text, OnMatch on_match) const {
    auto word_matches = [&](const Alias& a, std::size_t i, std::string_view word) {
        if (a.stem[i]) return word.size() >= a.words[i].size() && word.substr(0, a.words[i].size()) == a.words[i];
        return word == a.words[i];
    };
    // The rest of an alias after its first word: the words and gaps that follow in the text.
    auto match_rest = [&](const Alias& a, WordSpan first) -> std::size_t {
        std::size_t end = first.end;
        for (std::size_t i = 1; i < a.words.size(); ++i) {
            auto w = next_word(text, end);
            if (w.start == w.end || w.start - end > MAX_GAP_BYTES) return 0;
            if (normalise_gap(text.substr(end, w.start - end)) != a.gaps[i - 1]) return 0;
            if (!word_matches(a, i, text.substr(w.start, w.end - w.start))) return 0;
            end = w.end;
        }
        return end;
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        const WordSpan w = next_word(text, pos);
        if (w.start == w.end) break;
        const std::string_view word = text.substr(w.start, w.end - w.start);
        std::size_t best_end = 0;
        const Alias* best = nullptr;
        auto consider = [&](const std::vector<std::size_t>& candidates) {
            for (std::size_t index : candidates) {
                const Alias& a = aliases_[index];
                if (!word_matches(a, 0, word)) continue;
                const std::size_t end = match_rest(a, w);
                if (end > best_end) {
                    best_end = end;
                    best = &a;
                }
            }
        };
        if (auto it = by_first_word_.find(word); it != by_first_word_.end()) consider(it->second);
        // Stems: only words that begin like one (a single lookup for most words), then every
        // prefix up to the longest stem (bounded work per word).
        if (!stem_heads_.empty() && stem_heads_.count(utf8::first_code_points(word, MIN_STEM_CODE_POINTS))) {
            std::size_t p = 0, cps = 0;
            while (p < word.size() && p < longest_stem_) {
                utf8::next(word, p);
                if (++cps < MIN_STEM_CODE_POINTS) continue;
                if (auto it = by_first_stem_.find(word.substr(0, p)); it != by_first_stem_.end()) consider(it->second);
            }
        }
        if (best) {
            on_match(best->entity, w.start, best_end);
            pos = best_end; // leftmost longest: "UN Women" is not also "UN"
        } else {
            pos = w.end;
        }
    }
}

std::vector<EntityMention> Gazetteer::find(std::string_view text) const {
    std::vector<EntityMention> found;
    scan(text, [&](std::size_t entity, std::size_t start, std::size_t end) {
        found.push_back({entities_[entity].kind, entities_[entity].canonical, start, end});
    });
    return found;
}

void Gazetteer::tag(std::string_view text, std::vector<std::string>& organisations,
                    std::vector<std::string>& countries) const {
    organisations.clear();
    countries.clear();
    // A long text names the same few entities over and over: collect each once.
    std::vector<bool> seen(entities_.size(), false);
    scan(text, [&](std::size_t entity, std::size_t, std::size_t) {
        if (seen[entity]) return;
        seen[entity] = true;
        const Entity& e = entities_[entity];
        (e.kind == EntityMention::Kind::ORGANISATION ? organisations : countries).push_back(e.canonical);
    });
    std::sort(organisations.begin(), organisations.end());
    std::sort(countries.begin(), countries.end());
}

} // namespace rapporteur
