/** @file related.cc
 *  @brief Related passages: --like ID (the passage's most telling words, shared entities, a
 *         bonus for related passages of its own session) and --like-text (the text's words by
 *         frequency × rarity).
 */
#include "passage_data.h"
#include "searcher_impl.h"

#include "rapporteur/format/schema.h"
#include "rapporteur/format/stored_passage.h"
#include "rapporteur/utf8.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <tuple>

namespace rapporteur {

namespace {

/// Only plain words of the passage text relate passages (no prefixed terms, digits or crumbs).
class TextTermDecider : public Xapian::ExpandDecider {
  public:
    explicit TextTermDecider(const Analyzer& analyzer) : analyzer_(analyzer) {}
    bool operator()(const std::string& term) const override {
        if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;
        if (term.compare(0, SURFACE_MARK.size(), SURFACE_MARK) == 0) return false; // a stem's surface form
        if (utf8::length(term) < 3) return false;
        if (std::all_of(term.begin(), term.end(), [](unsigned char c) { return c < 0x80 && !std::isalpha(c); }))
            return false;
        auto words = analyzer_.analyze_query(term);
        return !(words.size() == 1 && words.front().stopword);
    }

  private:
    const Analyzer& analyzer_;
};

/// A weight added to every passage that has `term` (boolean terms weigh nothing in BM25).
Xapian::Query bonus(const Xapian::Query& filter, double weight) {
    Xapian::Query source((new Xapian::FixedWeightPostingSource(weight))->release());
    return Xapian::Query(Xapian::Query::OP_FILTER, source, filter);
}

} // namespace

SearchResult Searcher::related(const std::string& id, const SearchOptions& options) const {
    return impl_->with_retry([&] {
        SearchResult result;
        result.query = "like:" + id;
        Impl::bound_window(options, result);
        Xapian::Database& db = impl_->db;
        const Xapian::docid did = find_passage(db, id);
        if (did == 0) throw UsageError("no passage has the id '" + id + "'");
        PassageData source = PassageData::parse(db.get_document(did));

        Xapian::RSet rset;
        rset.add_document(did);
        Xapian::Enquire enquire(db);
        TextTermDecider decider(impl_->analyzer);
        // Across languages, three times the words: most have no translation in the dictionaries.
        const std::size_t terms = options.like_terms * (options.cross_language ? 3 : 1);
        // Exact term frequencies: over shards Xapian would otherwise estimate them.
        Xapian::ESet eset = enquire.get_eset(static_cast<Xapian::termcount>(terms), rset,
                                             Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
        if (options.cross_language) {
            impl_->related_across(did, source, eset, options, result);
            return result;
        }

        result.related = true;
        Impl::Plan plan;
        plan.related = true;
        std::vector<Xapian::Query> parts;
        const double top = eset.empty() ? 1.0 : eset.begin().get_weight();
        for (auto t = eset.begin(); t != eset.end(); ++t) {
            // Each term counts as much as it tells about the source (its expand weight).
            Xapian::Query q(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*t), top > 0 ? t.get_weight() / top : 1.0);
            parts.push_back(q);
            plan.leaves.push_back({impl_->surface(source.hit.text, source.offsets, did, *t), q});
            plan.highlight_terms.insert(*t);
        }
        auto add_bonus = [&](std::string_view prefix, const std::string& value, const std::string& label) {
            Xapian::Query q = bonus(Xapian::Query(std::string(prefix) + value), options.like_entity_weight);
            parts.push_back(q);
            plan.leaves.push_back({label, q});
        };
        for (const auto& o : source.hit.organisations) add_bonus(schema::PREFIX_ORG, o, "org:" + o);
        for (const auto& c : source.hit.countries) add_bonus(schema::PREFIX_COUNTRY, c, "country:" + c);
        if (parts.empty()) {
            result.notices.push_back("passage " + id + " has no words to relate it by");
            return result;
        }
        plan.query = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
        // The rest of a numbered session is an editor's first context for a passage, but only
        // where it is related: OP_AND_MAYBE adds the bonus to passages that share a word or an
        // entity and lists no other, so the list stays in order of score. Session 0 is the opening
        // part, or the whole of a document without session headings: no context to favour there.
        if (options.like_session_weight > 0 && source.hit.session.number > 0) {
            Xapian::Query same(
                Xapian::Query::OP_AND, Xapian::Query(std::string(schema::PREFIX_DOCUMENT) + source.hit.document),
                Xapian::Query(std::string(schema::PREFIX_SESSION) + std::to_string(source.hit.session.number)));
            Xapian::Query q = bonus(same, options.like_session_weight);
            plan.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, plan.query, q);
            plan.leaves.push_back({"same session", q});
        }
        plan.exclude = did;
        QueryParser parser(db, impl_->analyzer, options);
        Xapian::Query filter = parser.filter_query(options.filters, result.notices);
        if (!filter.empty()) plan.query = Xapian::Query(Xapian::Query::OP_FILTER, plan.query, filter);
        impl_->run(plan, options, result);
        return result;
    });
}

SearchResult Searcher::related_text(const std::string& text, const SearchOptions& options) const {
    return impl_->with_retry([&] {
        SearchResult result;
        result.query = text;
        Impl::bound_window(options, result);
        Xapian::Database& db = impl_->db;
        const std::string cut(utf8::prefix(text, options.limits.max_query_bytes * 16));
        // The text's most telling words: frequency in the text × rarity in the index.
        std::map<std::string, std::pair<std::size_t, std::string>> counts;
        for (const auto& w : impl_->analyzer.analyze_query(cut, options.lang)) {
            if (w.stopword || w.alternatives.empty() || w.alternatives.front().terms.size() != 1) continue;
            auto& c = counts[w.alternatives.front().terms.front()];
            ++c.first;
            if (c.second.empty()) c.second = w.original;
        }
        const double n = std::max<double>(1, db.get_doccount());
        std::vector<std::tuple<double, std::string, std::string>> scored;
        for (const auto& [term, c] : counts) {
            const auto df = db.get_termfreq(term);
            if (df == 0) continue;
            scored.emplace_back(static_cast<double>(c.first) * std::log(1 + n / df), term, c.second);
        }
        std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
            return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b) : std::get<1>(a) < std::get<1>(b);
        });
        if (scored.size() > options.like_terms) scored.resize(options.like_terms);
        result.related = true;
        Impl::Plan plan;
        plan.related = true;
        std::vector<Xapian::Query> parts;
        for (const auto& [score, term, original] : scored) {
            parts.emplace_back(term);
            plan.leaves.push_back({original, Xapian::Query(term)});
            plan.highlight_terms.insert(term);
        }
        // Entities the index knows that the text names.
        for (auto prefix : {schema::PREFIX_ORG, schema::PREFIX_COUNTRY}) {
            const std::string p(prefix);
            for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t) {
                const std::string name = std::string(*t).substr(p.size());
                if (name.size() < 2) continue;
                for (auto at = cut.find(name); at != std::string::npos; at = cut.find(name, at + 1)) {
                    auto word_byte = [](char c) {
                        return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
                    };
                    const bool left = at == 0 || !word_byte(cut[at - 1]);
                    const bool right = at + name.size() >= cut.size() || !word_byte(cut[at + name.size()]);
                    if (left && right) {
                        Xapian::Query q = bonus(Xapian::Query(*t), options.like_entity_weight);
                        parts.push_back(q);
                        plan.leaves.push_back({(prefix == schema::PREFIX_ORG ? "org:" : "country:") + name, q});
                        break;
                    }
                }
            }
        }
        if (parts.empty()) {
            result.notices.push_back("the text has no word the index knows");
            return result;
        }
        plan.query = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
        QueryParser parser(db, impl_->analyzer, options);
        Xapian::Query filter = parser.filter_query(options.filters, result.notices);
        if (!filter.empty()) plan.query = Xapian::Query(Xapian::Query::OP_FILTER, plan.query, filter);
        impl_->run(plan, options, result);
        return result;
    });
}

} // namespace rapporteur
