/** @file cross_language_search.cc
 *  @brief The Searcher's cross-language plans: a query's translations OR'd below its own
 *         words (--cross-language), and related passages across languages (--like ID
 *         --cross-language).
 */
#include "cross_language.h"
#include "passage_data.h"
#include "searcher_impl.h"

#include "rapporteur/format/schema.h"

#include <algorithm>
#include <set>

namespace rapporteur {

namespace {

/// The languages a query's words are tried in: the one given, else the detected one first,
/// then the other languages of the index (a short query's language is often unsure).
std::vector<std::string> source_languages(const Analyzer& analyzer, const std::string& text,
                                          const SearchOptions& options, const std::vector<std::string>& index_langs) {
    if (!options.lang.empty()) return {options.lang};
    std::vector<std::string> out;
    const std::string detected = analyzer.detect_language(text, "");
    if (!detected.empty()) out.push_back(detected);
    for (const auto& l : index_langs) {
        if (std::find(out.begin(), out.end(), l) == out.end()) out.push_back(l);
    }
    return out;
}

void record(const std::vector<WordTranslation>& translations, SearchResult& result) {
    std::vector<std::string> order;
    for (const auto& t : translations) {
        result.translations[t.word][t.to] = t.translations;
        if (std::find(order.begin(), order.end(), t.word) == order.end()) order.push_back(t.word);
    }
    for (const auto& word : order) result.notices.push_back("translated " + describe_translations(translations, word));
}

} // namespace

Translator& Searcher::Impl::translator_for(const SearchOptions& options) {
    const std::filesystem::path dir =
        options.dictionary_dir.empty() ? Translator::default_directory() : std::filesystem::path(options.dictionary_dir);
    if (!translator || translator->directory() != dir) translator = std::make_unique<Translator>(dir);
    return *translator;
}

void Searcher::Impl::add_translations(Plan& plan, const std::string& text, const SearchOptions& options,
                                      SearchResult& result) {
    CrossLanguage across(db, analyzer, translator_for(options));
    const QueryTerms terms = CrossLanguage::query_terms(text);
    if (terms.runs.empty()) return;
    const auto sources = source_languages(analyzer, text, options, across.languages());
    const auto translations = across.translate(terms.runs, sources, result.notices);
    record(translations, result);
    if (translations.empty()) return;

    std::vector<Xapian::Query> parts;
    for (const auto& t : translations) {
        parts.push_back(t.query);
        plan.highlight_terms.insert(t.terms.begin(), t.terms.end());
    }
    Xapian::Query translated(Xapian::Query::OP_OR, parts.begin(), parts.end());
    // What the query excludes stays excluded from what its translations find.
    std::vector<Xapian::Query> excluded, excluded_translations;
    std::vector<std::vector<std::string>> negated_runs;
    for (const auto& n : terms.negated) {
        Xapian::Query q = build_query(analyzer.analyze_query(n, options.lang), "", Xapian::Query::OP_AND);
        if (!q.empty()) excluded.push_back(q);
        negated_runs.push_back({n});
    }
    std::vector<std::string> ignored;
    for (const auto& t : across.translate(negated_runs, sources, ignored)) excluded_translations.push_back(t.query);
    if (!excluded.empty())
        translated = Xapian::Query(Xapian::Query::OP_AND_NOT, translated,
                                   Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
    translated = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, translated, options.cross_language_weight);
    plan.leaves.push_back({"translations", translated});
    plan.query = plan.query.empty() ? translated : Xapian::Query(Xapian::Query::OP_OR, plan.query, translated);
    // ... and so do its translations, from every passage: `-asylum` leaves out "Asyl" and "asile" too.
    if (!excluded_translations.empty())
        plan.query = Xapian::Query(
            Xapian::Query::OP_AND_NOT, plan.query,
            Xapian::Query(Xapian::Query::OP_OR, excluded_translations.begin(), excluded_translations.end()));
}

void Searcher::Impl::related_across(Xapian::docid did, const PassageData& source, const Xapian::ESet& eset,
                                    const SearchOptions& options, SearchResult& result) {
    result.related = true;
    CrossLanguage across(db, analyzer, translator_for(options));
    const std::string from = source.hit.lang.empty() ? analyzer.detect_language(source.hit.text, "en") : source.hit.lang;
    // The source's telling words as it writes them, each weighted by what it tells (expand weight).
    std::vector<std::vector<std::string>> runs;
    std::map<std::string, double> word_weight;
    const double top = eset.empty() ? 1.0 : eset.begin().get_weight();
    for (auto t = eset.begin(); t != eset.end(); ++t) {
        const std::string word = surface(source.hit.text, source.offsets, did, *t);
        if (word_weight.count(word)) continue;
        word_weight[word] = top > 0 ? t.get_weight() / top : 1.0;
        runs.push_back({word});
    }
    const auto translations = across.translate(runs, {from}, result.notices);
    // The passage has many words: the translations go to `translations`, one notice sums them up.
    std::set<std::string> words, into;
    for (const auto& t : translations) {
        result.translations[t.word][t.to] = t.translations;
        words.insert(t.word);
        into.insert(t.to);
    }
    if (!translations.empty()) {
        std::string list;
        for (const auto& l : into) list += (list.empty() ? "" : ", ") + l;
        result.notices.push_back("translated " + std::to_string(words.size()) + " of the passage's words into " + list);
    }

    Plan plan;
    plan.related = true;
    plan.exclude = did;
    std::vector<Xapian::Query> parts;
    for (const auto& t : translations) {
        Xapian::Query q(Xapian::Query::OP_SCALE_WEIGHT, t.query, word_weight[t.word]);
        parts.push_back(q);
        plan.leaves.push_back({t.word + " (" + t.to + ")", q});
        for (const auto& term : t.terms) {
            plan.highlight_terms.insert(term);
            plan.translated_from.emplace(term, t.word);
        }
    }
    if (parts.empty()) {
        result.notices.push_back("passage " + source.hit.id + " has no word the dictionaries translate into another "
                                 "language of the index");
        return;
    }
    plan.query = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    // Shared organisations and countries (canonical names, the same in every language) add to
    // the score of a passage that shares a translated word; alone they relate nothing here.
    std::vector<Xapian::Query> entities;
    auto bonus = [&](std::string_view prefix, const std::string& value, const std::string& label) {
        Xapian::Query source_q((new Xapian::FixedWeightPostingSource(options.like_entity_weight))->release());
        Xapian::Query q(Xapian::Query::OP_FILTER, source_q, Xapian::Query(std::string(prefix) + value));
        entities.push_back(q);
        plan.leaves.push_back({label, q});
    };
    for (const auto& o : source.hit.organisations) bonus(schema::PREFIX_ORG, o, "org:" + o);
    for (const auto& c : source.hit.countries) bonus(schema::PREFIX_COUNTRY, c, "country:" + c);
    if (!entities.empty())
        plan.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, plan.query,
                                   Xapian::Query(Xapian::Query::OP_OR, entities.begin(), entities.end()));
    // Only the other languages: the source's own is what --like without the flag lists.
    plan.query = Xapian::Query(Xapian::Query::OP_AND_NOT, plan.query,
                               Xapian::Query(std::string(schema::PREFIX_LANG) + from));
    QueryParser parser(db, analyzer, options);
    Xapian::Query filter = parser.filter_query(options.filters, result.notices);
    if (!filter.empty()) plan.query = Xapian::Query(Xapian::Query::OP_FILTER, plan.query, filter);
    run(plan, options, result);
}

} // namespace rapporteur
