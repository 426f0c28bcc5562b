/** @file test_searcher.cc
 *  @brief The Searcher on the seed (indexed on disk) and on in-memory reports: ranking,
 *         snippets, --explain, absurd queries, escaping, concurrent commits.
 */
#include "fixture.h"
#include "passage_ids.h"
#include "text_util.h"

#include "rapporteur/format/codecs.h"
#include "rapporteur/utf8.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

using namespace rapporteur;

namespace {

/// The text of a hit between code-point offsets.
std::string slice(const Hit& h, std::pair<std::size_t, std::size_t> r) {
    const auto s = utf8::byte_of_code_point(h.text, r.first), e = utf8::byte_of_code_point(h.text, r.second);
    return h.text.substr(s, e - s);
}

} // namespace

TEST_CASE("seed: non-punishment ranks the GRETA guidance passage first, the compound highlighted whole",
          "[searcher][seed]") {
    const std::string expected = test::seed_passage_with("non-punishment");
    REQUIRE_FALSE(expected.empty());
    Searcher s(test::seed_database());
    auto r = s.search("non-punishment", SearchOptions{});
    REQUIRE_FALSE(r.hits.empty());
    const Hit& top = r.hits.front();
    CHECK(top.id == expected);
    CHECK(top.rank == 1);
    CHECK(top.text.find("GRETA") != std::string::npos);
    CHECK(top.text.find("Guidance Note") != std::string::npos);
    CHECK(top.snippet.find("<mark>non-punishment</mark>") != std::string::npos);
    bool whole = false;
    for (const auto& h : top.highlights) whole = whole || slice(top, h) == "non-punishment";
    CHECK(whole);
    // The snippet is a window of about 200 characters around it, cut on words, marked with "…".
    CHECK(utf8::code_point_index(top.text).back() > 200);
    CHECK(top.snippet_window.second - top.snippet_window.first <= 200);
    CHECK(top.snippet.rfind("…", 0) == 0);
    CHECK(r.notices.empty());
}

TEST_CASE("seed: phrases highlight whole - every highlight is a matched word of the text", "[searcher][seed]") {
    Searcher s(test::seed_database());
    SearchOptions o;
    o.limit = 50;
    auto r = s.search("\"victims of trafficking\"", o);
    REQUIRE(r.total >= 3);
    for (const auto& h : r.hits) {
        INFO(h.id);
        REQUIRE_FALSE(h.highlights.empty());
        for (const auto& range : h.highlights) {
            std::string marked = utf8::fold(slice(h, range));
            for (auto& c : marked) c = c == '-' ? ' ' : c;
            CHECK(marked == "victims of trafficking");
        }
    }
    // Stems: a query word highlights its other forms as written.
    auto stems = s.search("trafficked", o);
    bool other_form = false;
    for (const auto& h : stems.hits) {
        for (const auto& range : h.highlights) other_form = other_form || slice(h, range) == "trafficking";
    }
    CHECK(other_form);
}

TEST_CASE("explain: each part's weight, and the parts add up to the score", "[searcher][seed]") {
    Searcher s(test::seed_database());
    SearchOptions o;
    o.explain = true;
    o.limit = 5;
    auto r = s.search("asylum guidelines \"international protection\"", o);
    REQUIRE(r.hits.size() >= 2);
    for (const auto& h : r.hits) {
        INFO(h.id);
        REQUIRE_FALSE(h.explanation.empty());
        double sum = 0;
        for (const auto& c : h.explanation) {
            CHECK(c.weight > 0);
            CHECK_FALSE(c.terms.empty());
            sum += c.weight;
        }
        CHECK(sum == Approx(h.score).epsilon(1e-9));
    }
}

TEST_CASE("hits say where they matched and footnotes who cites them, explanations name fields", "[searcher]") {
    Searcher s(test::build_database(test::meeting_passages()));
    SearchOptions o;
    o.explain = true;
    o.lang = "en";
    o.filters["org"] = {"OSCE"};
    auto r = s.search("pandemic", o);
    CHECK(r.lang == "en");
    CHECK(r.filters == o.filters);
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].id == "m/p1");
    CHECK(r.hits[0].matched_in == std::vector<std::string>{"text", "title"});
    REQUIRE(r.hits[0].explanation.size() == 1);
    // The stem and the surface form the passage holds, in each field.
    CHECK(r.hits[0].explanation[0].terms ==
          std::vector<std::string>{"text:=pandemic", "text:pandem", "title:=pandemic", "title:pandem"});
    // m/p2 has the word in its session title only.
    auto title_only = s.search("pandemic", SearchOptions{});
    REQUIRE(title_only.hits.size() == 2);
    CHECK(title_only.hits[1].id == "m/p2");
    CHECK(title_only.hits[1].matched_in == std::vector<std::string>{"title"});
    SearchOptions notes;
    notes.filters["kind"] = {"footnote"};
    auto note = s.search("entitlement", notes);
    REQUIRE(note.hits.size() == 1);
    CHECK(note.hits[0].footnote_number == 7);
    CHECK(note.hits[0].cited_by == std::vector<std::string>{"m/p3"});
    // The same session's bonus of --like names its fields too.
    SearchOptions like;
    like.explain = true;
    for (const auto& h : s.related("m/p3", like).hits) {
        for (const auto& c : h.explanation) {
            for (const auto& t : c.terms) {
                INFO(t);
                CHECK(t.find(':') != std::string::npos);
                CHECK(t.rfind("XS", 0) == std::string::npos);
            }
        }
    }
}

TEST_CASE("ranking: BM25 parameters change scores - equal scores keep one order", "[searcher]") {
    Searcher s(test::build_database(test::meeting_passages()));
    SearchOptions o;
    o.limit = 100;
    auto a = s.search("victims trafficking", o);
    o.bm25.k1 = 2.0;
    o.bm25.b = 0.2;
    auto b = s.search("victims trafficking", o);
    REQUIRE(a.hits.size() == b.hits.size());
    CHECK(a.hits.front().score != Approx(b.hits.front().score));
    // A filter alone ranks nothing: every score is 0, and equal scores rank in passage id order
    // (natural: p2 before p10), every time, on one database as over shards.
    auto f1 = s.search("org:OSCE", o), f2 = s.search("org:OSCE", o);
    REQUIRE(f1.hits.size() >= 3);
    std::vector<std::string> i1, i2;
    for (const auto& h : f1.hits) {
        CHECK(h.score == 0);
        i1.push_back(h.id);
    }
    for (const auto& h : f2.hits) i2.push_back(h.id);
    CHECK(i1 == i2);
    CHECK(std::is_sorted(i1.begin(), i1.end(), [](const std::string& x, const std::string& y) {
        return rapporteur::codecs::encode_sort_key(x) < rapporteur::codecs::encode_sort_key(y);
    }));
    for (std::size_t i = 1; i < a.hits.size(); ++i) CHECK(a.hits[i - 1].score >= a.hits[i].score);
}

TEST_CASE("equal scores rank in passage id order on every page, whatever the docid order", "[searcher][ties]") {
    // Texts in groups of equal scores: each page, at every offset and limit, is the slice of
    // the ranking by (score, id), with runs of equal scores inside pages and across their
    // edges. Either the ids run against docid order (the later a passage is added, the smaller
    // its id: one document each, so that the writer cannot put them in id order), and the
    // matcher orders ties by the sort key; or they run along it, and from the second query of
    // the revision on the ties are left in docid order (PassageIds). The whole ranking is the
    // first query, the pages the later ones: the two ways must agree.
    const bool along = GENERATE(false, true);
    INFO((along ? "ids along docid order" : "ids against docid order"));
    std::vector<test::FixturePassage> passages;
    const char* const texts[] = {"labour exploitation in agriculture", "labour exploitation in agriculture and fishing",
                                 "labour inspections", "forced labour and labour exploitation"};
    for (int i = 0; i < 40; ++i) {
        passages.push_back(test::passage("d/p" + std::to_string(along ? 21 + i : 60 - i),
                                         along ? "d" : "d" + std::to_string(i), texts[(i * 7) % 4], 1, 1,
                                         "Session", {}, {}));
    }
    test::TempDir dir;
    test::build_database(passages, (dir / "db").string());
    CHECK(PassageIds(Xapian::Database((dir / "db").string())).in_docid_order() == along);
    const std::size_t tables_before = PassageIds::built_in_order();
    Searcher s{Xapian::Database((dir / "db").string())};
    for (const std::string q : {"labour exploitation", "labour", "agriculture OR inspections", "fishing OR labour"}) {
        INFO(q);
        SearchOptions all;
        all.limit = 100;
        all.facets = false;
        const auto whole = s.search(q, all);
        REQUIRE(whole.hits.size() >= 20);
        std::size_t ties = 0;
        for (std::size_t i = 1; i < whole.hits.size(); ++i) {
            const auto &x = whole.hits[i - 1], &y = whole.hits[i];
            CHECK(x.score >= y.score);
            if (x.score == y.score) {
                ++ties;
                CHECK(rapporteur::codecs::encode_sort_key(x.id) < rapporteur::codecs::encode_sort_key(y.id));
            }
        }
        CHECK(ties > 10);
        for (bool details : {true, false}) {
            for (std::size_t offset = 0; offset < whole.hits.size(); offset += 3) {
                for (std::size_t limit : {1, 2, 5, 7, 10}) {
                    SearchOptions o;
                    o.offset = offset;
                    o.limit = limit;
                    o.facets = false;
                    o.hit_details = details;
                    const auto page = s.search(q, o);
                    INFO("offset " << offset << " limit " << limit << (details ? "" : " (ids only)"));
                    REQUIRE(page.hits.size() == std::min(limit, whole.hits.size() - offset));
                    for (std::size_t k = 0; k < page.hits.size(); ++k) {
                        CHECK(page.hits[k].id == whole.hits[offset + k].id);
                        CHECK(page.hits[k].score == whole.hits[offset + k].score);
                        CHECK(page.hits[k].rank == offset + k + 1);
                    }
                }
            }
        }
    }
    // The docid path was taken where it may be, with one table for the revision's queries.
    CHECK(PassageIds::built_in_order() - tables_before == (along ? 1u : 0u));
}

TEST_CASE("limit and offset page through one ranking", "[searcher][seed]") {
    Searcher s(test::seed_database());
    SearchOptions all;
    all.limit = 30;
    auto whole = s.search("trafficking", all);
    SearchOptions page;
    page.offset = 10;
    page.limit = 5;
    auto part = s.search("trafficking", page);
    REQUIRE(part.hits.size() == 5);
    CHECK(part.total == whole.total);
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(part.hits[i].id == whole.hits[10 + i].id);
        CHECK(part.hits[i].rank == 11 + i);
    }
}

TEST_CASE("absurd queries are bounded and answered quickly with a notice", "[searcher][seed]") {
    Searcher s(test::seed_database());
    std::string many;
    for (int i = 0; i < 10000; ++i) many += "word" + std::to_string(i) + " ";
    const std::string nested = std::string(20000, '(') + "asylum" + std::string(20000, ')');
    struct Case {
        std::string query;
        std::size_t limit, offset;
    };
    const std::vector<Case> cases = {{many, 10, 0},
                                     {nested, 10, 0},
                                     {"*", 10, 0},
                                     {"a*", 10, 0},
                                     {"t*", 10, 0},
                                     {"asylum NEAR/99999999999 guidance", 10, 0},
                                     {"asylum", 10000000, 0},
                                     {"asylum", 10, 1000000000}};
    for (const auto& c : cases) {
        INFO(c.query.substr(0, 60) << " limit " << c.limit << " offset " << c.offset);
        SearchOptions o;
        o.limit = c.limit;
        o.offset = c.offset;
        o.limits.max_wildcard_terms = 5;
        const auto start = std::chrono::steady_clock::now();
        SearchResult r;
        REQUIRE_NOTHROW(r = s.search(c.query, o));
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK(seconds < 2.0);
        CHECK_FALSE(r.notices.empty());
        CHECK(r.hits.size() <= o.limits.max_result_window);
        for (const auto& n : r.notices) CHECK(n.size() < 400);
    }
    SearchOptions huge;
    huge.limit = 10000000;
    auto r = s.search("asylum", huge);
    CHECK(r.limit == huge.limits.max_result_window);
    CHECK(r.hits.size() == r.total);
    SearchOptions far;
    far.offset = 1000000000;
    auto none = s.search("asylum", far);
    CHECK(none.hits.empty());
    CHECK(none.total == r.total);
}

TEST_CASE("text from documents is escaped exactly once in snippets", "[searcher]") {
    test::FixturePassage p;
    p.id = "x/p1";
    p.text = "Costs & benefits of <b>protection</b> were \"AT&amp;T\" level, said O'Brien.";
    Searcher s(test::build_database({p}));
    SearchOptions o;
    o.snippet_chars = 1000;
    auto r = s.search("protection", o);
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].snippet ==
          "Costs &amp; benefits of &lt;b&gt;<mark>protection</mark>&lt;/b&gt; were &quot;AT&amp;amp;T&quot; level, "
          "said O&#39;Brien.");
    CHECK(r.hits[0].text == p.text);
}

TEST_CASE("a search during commits reopens the database and answers", "[searcher]") {
    test::TempDir dir;
    const std::string path = (dir / "db").string();
    // Enough passages that a commit rewrites many blocks, so old revisions' blocks get reused.
    auto passages = test::meeting_passages();
    const auto base = passages;
    for (int i = 0; i < 400; ++i) {
        auto p = base[static_cast<std::size_t>(i) % base.size()];
        p.id += "-" + std::to_string(i);
        passages.push_back(p);
    }
    auto writer = test::build_database(passages, path);
    Searcher s{std::filesystem::path(path)};
    SearchOptions o;
    const auto before = s.search("victims", o).total;
    REQUIRE(before > 0);

    std::atomic<bool> done{false};
    std::thread indexer([&] {
        Analyzer analyzer;
        for (int round = 0; round < 12; ++round) {
            auto round_passages = passages;
            for (auto& p : round_passages) p.text += " Round " + std::to_string(round) + " victims.";
            const auto docs = test::fixture_documents(round_passages, analyzer);
            for (std::size_t i = 0; i < docs.size(); ++i) {
                writer.replace_document(static_cast<Xapian::docid>(i + 1), docs[i]);
            }
            writer.commit();
        }
        done = true;
    });
    std::size_t searches = 0, failures = 0;
    while (!done) {
        try {
            auto r = s.search("victims", o);
            if (r.total < before || r.hits.empty()) ++failures;
        } catch (const std::exception& e) {
            ++failures;
            UNSCOPED_INFO(e.what());
        }
        ++searches;
    }
    indexer.join();
    CHECK(failures == 0);
    CHECK(searches > 0);
    // The next search sees the last commit: every passage now says "victims".
    CHECK(s.search("victims", o).total == test::stored_passages(passages).size());
}

TEST_CASE("a missing database says how to create one", "[searcher]") {
    test::TempDir dir;
    try {
        Searcher s(dir / "nothing");
        FAIL("opened");
    } catch (const RuntimeError& e) {
        CHECK(std::string(e.what()).find("rapporteur-index") != std::string::npos);
    }
    std::filesystem::create_directories(dir / "empty");
    CHECK_THROWS_AS(Searcher(dir / "empty"), RuntimeError);
}
