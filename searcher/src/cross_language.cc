/** @file cross_language.cc
 *  @brief CrossLanguage: the words of a query to translate, their translations, and the
 *         queries the translations make in their own languages.
 */
#include "cross_language.h"

#include "lexer.h"

#include "rapporteur/format/schema.h"

#include <algorithm>

namespace rapporteur {

namespace {

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> out;
    std::string word;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n') {
            if (!word.empty()) out.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

std::string join(const std::vector<std::string>& words, std::size_t from, std::size_t n) {
    std::string out;
    for (std::size_t i = from; i < from + n; ++i) out += (i > from ? " " : "") + words[i];
    return out;
}

/// Words worth translating: not a lone punctuation mark or number.
bool translatable(const std::string& word) {
    return std::any_of(word.begin(), word.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
    });
}

} // namespace

CrossLanguage::CrossLanguage(const Xapian::Database& db, const Analyzer& analyzer, Translator& translator)
    : db_(db), analyzer_(analyzer), translator_(translator) {
    const std::string prefix(schema::PREFIX_LANG);
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
        const std::string lang = std::string(*t).substr(prefix.size());
        // A language term is lower-case letters; anything else has another prefix starting with L.
        if (!lang.empty() && std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            languages_.push_back(lang);
    }
}

QueryTerms CrossLanguage::query_terms(const std::string& text) {
    QueryTerms out;
    std::vector<query::Lexeme> lexemes;
    try {
        lexemes = query::lex(text, 1000);
    } catch (const query::SyntaxError&) {
        out.runs.push_back(split_words(text));
        return out;
    }
    std::vector<std::string> run;
    bool negate_next = false;
    auto close_run = [&] {
        if (!run.empty()) out.runs.push_back(std::move(run));
        run.clear();
    };
    for (const auto& lx : lexemes) {
        const bool negated = negate_next || lx.sign < 0;
        if (lx.kind == query::Tok::NOT) {
            close_run();
            negate_next = true;
            continue;
        }
        negate_next = false;
        if (lx.kind == query::Tok::WORD || lx.kind == query::Tok::PHRASE) {
            if (negated) {
                close_run();
                out.negated.push_back(lx.text);
            } else if (lx.kind == query::Tok::PHRASE) {
                close_run();
                out.runs.push_back(split_words(lx.text));
            } else {
                for (auto& w : split_words(lx.text)) run.push_back(std::move(w));
            }
        } else if (lx.kind != query::Tok::AND && lx.kind != query::Tok::OR) {
            close_run(); // fields, wildcards, parentheses and NEAR end a run of free words
        }
    }
    close_run();
    return out;
}

std::vector<WordTranslation> CrossLanguage::translate_word(const std::string& word,
                                                           const std::vector<std::string>& sources,
                                                           std::set<std::string>& used_sources,
                                                           std::vector<std::string>& notices) {
    std::vector<WordTranslation> out;
    for (const auto& from : sources) {
        for (const auto& to : languages_) {
            if (to == from) continue;
            WordTranslation t{word, from, to, {}, {}, {}};
            try {
                t.translations = translator_.translate(word, from, to, MAX_CANDIDATES);
            } catch (const RuntimeError& e) {
                const std::string notice = std::string("a dictionary could not be read, searched without it: ") + e.what();
                if (std::find(notices.begin(), notices.end(), notice) == notices.end()) notices.push_back(notice);
                continue;
            }
            std::vector<Xapian::Query> alternatives;
            std::vector<std::string> kept;
            for (const auto& translation : t.translations) {
                if (kept.size() >= MAX_TRANSLATIONS) break;
                const auto words = analyzer_.analyze_query(translation, to);
                // "der", "la": a translation of nothing but stop words relates nothing.
                if (std::all_of(words.begin(), words.end(), [](const QueryWord& w) { return w.stopword; })) continue;
                Xapian::Query q = build_query(words, "", Xapian::Query::OP_AND);
                if (q.empty()) continue;
                // A translation the index does not hold could match nothing: the next sense may.
                bool held = false;
                std::set<std::string> terms;
                for (auto term = q.get_terms_begin(); term != q.get_terms_end(); ++term) {
                    terms.insert(*term);
                    held = held || db_.term_exists(*term);
                }
                if (!held) continue;
                t.terms.insert(terms.begin(), terms.end());
                alternatives.push_back(q);
                kept.push_back(translation);
            }
            t.translations = std::move(kept);
            if (alternatives.empty()) continue;
            t.query = Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
            out.push_back(std::move(t));
        }
        if (!out.empty()) {
            used_sources.insert(from);
            break; // the word's language is the first source it translates from
        }
    }
    return out;
}

std::vector<WordTranslation> CrossLanguage::translate(const std::vector<std::vector<std::string>>& runs,
                                                      const std::vector<std::string>& sources,
                                                      std::vector<std::string>& notices) {
    std::vector<WordTranslation> out;
    if (translator_.pairs().empty()) {
        notices.push_back("no FreeDict dictionary is installed in " + translator_.directory().string() +
                          " (Debian: dict-freedict-eng-fra and others): searched without translations");
        return out;
    }
    std::set<std::string> used;
    for (const auto& run : runs) {
        for (std::size_t i = 0; i < run.size();) {
            std::size_t taken = 1;
            for (std::size_t n = std::min<std::size_t>(3, run.size() - i); n >= 1; --n) {
                const std::string words = join(run, i, n);
                if (!translatable(words)) break;
                auto found = translate_word(words, sources, used, notices);
                if (!found.empty() || n == 1) {
                    taken = n;
                    for (auto& t : found) out.push_back(std::move(t));
                    break;
                }
            }
            i += taken;
        }
    }
    // Which languages of the index the sources that were used cannot reach.
    for (const auto& from : sources.size() == 1 ? std::set<std::string>{sources.front()} : used) {
        std::vector<std::string> missing;
        for (const auto& to : languages_) {
            if (to != from && !translator_.has_pair(from, to)) missing.push_back(to);
        }
        if (missing.empty()) continue;
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        notices.push_back("no dictionary from " + from + " into " + list + " is installed in " +
                          translator_.directory().string() + ": those passages are searched without translations");
    }
    return out;
}

std::string describe_translations(const std::vector<WordTranslation>& translations, const std::string& word) {
    std::string out = "\"" + word + "\":";
    bool first = true;
    for (const auto& t : translations) {
        if (t.word != word) continue;
        out += (first ? " " : "; ") + t.to;
        for (std::size_t i = 0; i < t.translations.size(); ++i) out += (i ? ", " : " ") + t.translations[i];
        first = false;
    }
    return out;
}

} // namespace rapporteur
