/** @file searcher.cc
 *  @brief The Searcher: parse, match with BM25, count facets exactly, build hits with snippets
 *         from stored offsets; related passages; reopen on a concurrent commit.
 */
#include "rapporteur/searcher.h"
#include "rapporteur/utf8.h"
#include "rapporteur/analyzers.h"
#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"
#include "rapporteur/format/stored_passage.h"

#include "facet_index.h"
#include "highlighter.h"
#include "passage_data.h"
#include "query_parser.h"
#include "speller.h"
#include "text_util.h"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace rapporteur {

namespace {

/// Sets AnalyzerOptions from the features the indexer recorded ("stem,fold,compound,variant,synonym").
void read_features(const std::string& list, AnalyzerOptions& o) {
    try {
        parse_features(list.empty() ? "all" : list, o);
    } catch (const UsageError&) {
        parse_features("all", o); // a newer index's feature: analyse with everything on
    }
}

/// Only plain words of the passage text relate passages (no prefixed terms, digits or crumbs).
class TextTermDecider : public Xapian::ExpandDecider {
  public:
    explicit TextTermDecider(const Analyzer& analyzer) : analyzer_(analyzer) {}
    bool operator()(const std::string& term) const override {
        if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;
        if (utf8::length(term) < 3) return false;
        if (std::all_of(term.begin(), term.end(), [](unsigned char c) { return c < 0x80 && !std::isalpha(c); })) return false;
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

constexpr std::size_t MAX_SUGGESTED_WORDS = 8;

/// A query as quoted in a notice: long ones are cut, so a notice stays one readable line.
std::string echo(const std::string& query) {
    constexpr std::size_t MAX = 120;
    return query.size() <= MAX ? query : std::string(utf8::prefix(query, MAX)) + "…";
}

/// Sort key of related passages: "1" for the source's own session (its context), else "0".
class SameSessionKey : public Xapian::KeyMaker {
  public:
    /// `same_document`: the document ids of the source document's passages, sorted.
    SameSessionKey(std::vector<Xapian::docid> same_document, int session)
        : same_document_(std::move(same_document)), session_(session) {}
    std::string operator()(const Xapian::Document& doc) const override {
        if (!std::binary_search(same_document_.begin(), same_document_.end(), doc.get_docid())) return "0";
        const std::string v = doc.get_value(schema::SLOT_SESSION);
        return codecs::session_number(v) == std::to_string(session_) ? "1" : "0";
    }

  private:
    std::vector<Xapian::docid> same_document_;
    int session_;
};

/// Keeps one document only, or every document but one.
class DocidDecider : public Xapian::MatchDecider {
  public:
    DocidDecider(Xapian::docid did, bool keep) : did_(did), keep_(keep) {}
    bool operator()(const Xapian::Document& doc) const override { return (doc.get_docid() == did_) == keep_; }

  private:
    Xapian::docid did_;
    bool keep_;
};

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

} // namespace

struct Searcher::Impl {
    std::filesystem::path path;
    Xapian::Database db;
    Analyzer analyzer;
    std::unique_ptr<FacetIndex> facet_index; ///< built at the first faceted query of a revision

    void open() {
        db = Xapian::Database(path.string());
        load_analysis();
    }
    void load_analysis() {
        schema::check_index_format(db, path.string());
        AnalyzerOptions options;
        read_features(db.get_metadata(std::string(schema::META_ANALYSIS)), options);
        analyzer = Analyzer(options);
        const std::string prefix(schema::META_SYNONYM);
        try {
            for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
                analyzer.add_synonym(std::string(*k).substr(prefix.size()), db.get_metadata(*k));
            }
        } catch (const Xapian::UnimplementedError&) {
            // The in-memory backend cannot list metadata keys: no corpus synonyms then.
        }
        facet_index.reset();
    }
    void reopen() {
        if (db.reopen()) load_analysis();
    }
    const FacetIndex& facets() {
        if (!facet_index) facet_index = std::make_unique<FacetIndex>(db);
        return *facet_index;
    }

    /// Run `fn`, reopening the database and running it again when a commit overtook it.
    template <typename Fn>
    SearchResult with_retry(Fn&& fn) {
        // Each search sees the latest commit (a cheap check when nothing changed).
        reopen();
        for (int attempt = 0;; ++attempt) {
            try {
                return fn();
            } catch (const Xapian::DatabaseModifiedError& e) {
                if (attempt >= 4) {
                    throw RuntimeError(path.string() + ": the database keeps changing under the search: " +
                                       e.get_description());
                }
                reopen();
            }
        }
    }

    /// What the matcher needs besides the query, shared by search and related.
    struct Plan {
        Xapian::Query query;
        std::vector<QueryLeaf> leaves;
        std::set<std::string> highlight_terms;
        std::vector<HighlightPhrase> highlight_phrases;
        std::vector<std::string> highlight_prefixes;
        bool related = false;
        std::shared_ptr<Xapian::KeyMaker> sort_first; ///< passages with key "1" rank before the rest
        Xapian::docid exclude = 0;                    ///< a passage never listed (the source of --like)
    };

    void run(const Plan& plan, const SearchOptions& options, SearchResult& result);
    void fill_hit(Hit& hit, Xapian::docid did, const Plan& plan, const SearchOptions& options);
    std::vector<TermContribution> explain(const Plan& plan, Xapian::docid did, const Xapian::Weight& weight);
    std::string surface(const std::string& text, const std::vector<std::uint32_t>& offsets, Xapian::docid did,
                        const std::string& term);
};

Searcher::Searcher(const std::filesystem::path& database) : impl_(std::make_unique<Impl>()) {
    impl_->path = database;
    std::error_code ec;
    if (!std::filesystem::exists(database, ec)) {
        throw RuntimeError(database.string() + ": no database here; create one with: rapporteur-index --db " +
                           database.string() + " DIR");
    }
    try {
        impl_->open();
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw RuntimeError(database.string() + ": not a database (" + e.get_msg() +
                           "); create one with: rapporteur-index --db " + database.string() + " DIR");
    } catch (const Xapian::Error& e) {
        throw RuntimeError(database.string() + ": cannot open database: " + e.get_description());
    }
}
Searcher::Searcher(Xapian::Database database) : impl_(std::make_unique<Impl>()) {
    impl_->path = "(open database)";
    impl_->db = std::move(database);
    impl_->load_analysis();
}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

std::string Searcher::Impl::surface(const std::string& text, const std::vector<std::uint32_t>& offsets,
                                    Xapian::docid did, const std::string& term) {
    auto pos = db.positionlist_begin(did, term);
    if (pos == db.positionlist_end(did, term)) return term;
    const std::size_t i = 2 * static_cast<std::size_t>(*pos - 1);
    if (i + 1 >= offsets.size() || offsets[i + 1] > text.size() || offsets[i] >= offsets[i + 1]) return term;
    return text.substr(offsets[i], offsets[i + 1] - offsets[i]);
}

std::vector<TermContribution> Searcher::Impl::explain(const Plan& plan, Xapian::docid did,
                                                       const Xapian::Weight& weight) {
    // Each ranked part alone, over this passage only: BM25 is a sum over the query's terms,
    // so the parts' weights add up to the hit's score.
    std::vector<TermContribution> out;
    const DocidDecider only(did, true);
    for (const auto& leaf : plan.leaves) {
        Xapian::Enquire enquire(db);
        enquire.set_query(leaf.query);
        enquire.set_weighting_scheme(weight);
        Xapian::MSet mset = enquire.get_mset(0, 1, nullptr, &only);
        if (mset.empty()) continue;
        TermContribution c;
        c.label = leaf.label;
        c.weight = mset.begin().get_weight();
        for (auto t = enquire.get_matching_terms_begin(mset.begin()); t != enquire.get_matching_terms_end(mset.begin()); ++t) {
            c.terms.push_back(*t);
        }
        if (c.weight > 0 || !c.terms.empty()) out.push_back(std::move(c));
    }
    return out;
}

void Searcher::Impl::fill_hit(Hit& hit, Xapian::docid did, const Plan& plan, const SearchOptions& options) {
    if (!options.hit_details) {
        // A run needs only the id, at the head of the passage data.
        hit.id = read_stored_id(db.get_document(did));
        return;
    }
    Xapian::Document doc = db.get_document(did);
    PassageData data = PassageData::parse(doc, options.hit_details);
    const std::size_t rank = hit.rank;
    const double score = hit.score;
    hit = std::move(data.hit);
    hit.rank = rank;
    hit.score = score;
    if (!options.hit_details) return;

    Highlighter highlighter(hit.text, data.offsets);
    std::vector<PositionSpan> spans;
    auto positions = [&](const std::string& term) {
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
        for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
            const std::string term = *t;
            for (const auto& prefix : plan.highlight_prefixes) {
                if (starts_with(term, prefix)) {
                    for (auto p : positions(term)) spans.emplace_back(p, p);
                    break;
                }
            }
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
        }
    }
}

void Searcher::Impl::run(const Plan& plan, const SearchOptions& options, SearchResult& result) {
    const Xapian::BM25Weight weight(options.bm25.k1, options.bm25.k2, options.bm25.k3, options.bm25.b,
                                    options.bm25.min_normlen);
    Xapian::Enquire enquire(db);
    enquire.set_query(plan.query);
    enquire.set_weighting_scheme(weight);
    // Equal scores keep index order (document, then passage), the same on every run.
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    if (plan.sort_first) enquire.set_sort_by_key_then_relevance(plan.sort_first.get(), true);
    std::unique_ptr<FacetIndex::Spy> spy;
    if (options.facets) {
        spy = std::make_unique<FacetIndex::Spy>(facets());
        enquire.add_matchspy(spy.get());
    }
    const Xapian::doccount doccount = db.get_doccount();
    // Exact totals and facets need every match seen: checkatleast = the number of passages.
    const Xapian::doccount check = options.facets || options.exact_total ? doccount : 0;
    const auto offset = static_cast<Xapian::doccount>(std::min<std::size_t>(result.offset, doccount));
    std::unique_ptr<DocidDecider> exclude;
    if (plan.exclude) exclude = std::make_unique<DocidDecider>(plan.exclude, false);
    Xapian::MSet mset = enquire.get_mset(offset, static_cast<Xapian::doccount>(result.limit), check, nullptr, exclude.get());
    result.total = mset.get_matches_estimated(); // exact when check is the doccount
    if (spy) result.facets = spy->results();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = result.offset + static_cast<std::size_t>(it.get_rank() - offset) + 1;
        hit.score = it.get_weight();
        fill_hit(hit, *it, plan, options);
        if (plan.related) {
            for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it); ++t) {
                const std::string term = *t;
                for (auto prefix : {schema::PREFIX_ORG, schema::PREFIX_COUNTRY}) {
                    if (starts_with(term, prefix)) hit.shared_entities.push_back(term.substr(prefix.size()));
                }
            }
        }
        if (options.explain) hit.explanation = explain(plan, *it, weight);
        result.hits.push_back(std::move(hit));
    }
}

namespace {

/// Bounds the result window; notices say what was cut.
void bound_window(const SearchOptions& options, SearchResult& result) {
    const std::size_t window = options.limits.max_result_window;
    result.offset = options.offset;
    result.limit = options.limit;
    if (result.offset >= window) {
        result.notices.push_back("results are shown up to rank " + std::to_string(window) + "; --offset " +
                                 std::to_string(options.offset) + " is past that");
        result.limit = 0;
    } else if (result.limit > window - result.offset) {
        result.limit = window - result.offset;
        result.notices.push_back("results are shown up to rank " + std::to_string(window) + "; --limit was cut to " +
                                 std::to_string(result.limit));
    }
}

} // namespace

SearchResult Searcher::search(const std::string& query, const SearchOptions& options) const {
    return impl_->with_retry([&] {
        SearchResult result;
        result.query = query;
        bound_window(options, result);
        QueryParser parser(impl_->db, impl_->analyzer, options);
        ParsedQuery parsed = parser.parse(query);
        result.notices.insert(result.notices.end(), parsed.notices.begin(), parsed.notices.end());

        if (!parsed.unknown.empty() && (options.suggest || options.auto_correct)) {
            Speller speller(impl_->db);
            std::string corrected = parsed.text;
            bool any = false;
            // From the last word back, so earlier offsets stay valid.
            // Only the first few unknown words get a suggestion: each costs a vocabulary scan.
            if (parsed.unknown.size() > MAX_SUGGESTED_WORDS) parsed.unknown.resize(MAX_SUGGESTED_WORDS);
            for (auto u = parsed.unknown.rbegin(); u != parsed.unknown.rend(); ++u) {
                const std::string fix = speller.suggest(u->original, u->term);
                if (fix.empty() || u->end > corrected.size()) continue;
                corrected.replace(u->start, u->end - u->start, fix);
                any = true;
            }
            if (any) {
                result.suggestion = corrected;
                if (options.auto_correct) {
                    result.searched = corrected;
                    result.notices.push_back("searched for \"" + echo(corrected) + "\" instead of \"" + echo(parsed.text) + "\"");
                    ParsedQuery again = parser.parse(corrected);
                    again.notices.clear();
                    parsed = std::move(again);
                } else {
                    result.notices.push_back("did you mean \"" + echo(corrected) + "\"?");
                }
            }
        }

        Impl::Plan plan;
        plan.query = parsed.query;
        plan.leaves = std::move(parsed.leaves);
        plan.highlight_terms = std::move(parsed.highlight_terms);
        plan.highlight_phrases = std::move(parsed.highlight_phrases);
        plan.highlight_prefixes = std::move(parsed.highlight_prefixes);
        Xapian::Query filter = parser.filter_query(options.filters, result.notices);
        if (!filter.empty()) {
            if (plan.query.empty()) plan.query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query::MatchAll, 0.0);
            plan.query = Xapian::Query(Xapian::Query::OP_FILTER, plan.query, filter);
        }
        if (plan.query.empty()) {
            result.notices.push_back("nothing to search for in \"" + echo(query) + "\"");
            return result;
        }
        impl_->run(plan, options, result);
        return result;
    });
}

SearchResult Searcher::related(const std::string& id, const SearchOptions& options) const {
    return impl_->with_retry([&] {
        SearchResult result;
        result.query = "like:" + id;
        bound_window(options, result);
        Xapian::Database& db = impl_->db;
        const Xapian::docid did = find_passage(db, id);
        if (did == 0) throw UsageError("no passage has the id '" + id + "'");
        PassageData source = PassageData::parse(db.get_document(did));

        Xapian::RSet rset;
        rset.add_document(did);
        Xapian::Enquire enquire(db);
        TextTermDecider decider(impl_->analyzer);
        Xapian::ESet eset = enquire.get_eset(static_cast<Xapian::termcount>(options.like_terms), rset, &decider);

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
        if (options.like_session_weight > 0) {
            // The rest of the same session is an editor's first context for a passage: it is
            // listed first (by relatedness), then the rest of the corpus (by relatedness).
            Xapian::Query same(Xapian::Query::OP_AND,
                               Xapian::Query(std::string(schema::PREFIX_DOCUMENT) + source.hit.document),
                               Xapian::Query(std::string(schema::PREFIX_SESSION) + std::to_string(source.hit.session.number)));
            Xapian::Query q = bonus(same, options.like_session_weight);
            parts.push_back(q);
            plan.leaves.push_back({"same session", q});
            const std::string document_term = std::string(schema::PREFIX_DOCUMENT) + source.hit.document;
            std::vector<Xapian::docid> same_document;
            for (auto it = db.postlist_begin(document_term); it != db.postlist_end(document_term); ++it) {
                same_document.push_back(*it);
            }
            plan.sort_first = std::make_shared<SameSessionKey>(std::move(same_document), source.hit.session.number);
        }
        if (parts.empty()) {
            result.notices.push_back("passage " + id + " has no words to relate it by");
            return result;
        }
        plan.query = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
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
        bound_window(options, result);
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
                    auto word_byte = [](char c) { return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)); };
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
