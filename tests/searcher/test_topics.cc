/** @file test_topics.cc
 *  @brief Batch topics (TSV and TREC) and TREC run lines.
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/searcher.h"

#include "fixture.h"

#include <catch2/catch.hpp>

#include <tuple>

using rapporteur::parse_topics;

TEST_CASE("TSV topics: qid, tab, query - comments and blank lines skipped", "[topics]") {
    auto topics =
        parse_topics("# judged by hand\n1\tnon-punishment\n\n2\t\"victims of trafficking\" asylum\r\n", "t.tsv");
    REQUIRE(topics.size() == 2);
    CHECK(topics[0].qid == "1");
    CHECK(topics[0].query == "non-punishment");
    CHECK(topics[1].qid == "2");
    CHECK(topics[1].query == "\"victims of trafficking\" asylum");
}

TEST_CASE("TSV topics may name the query's language in a third column", "[topics]") {
    auto topics = parse_topics(
        "1\tnon-punishment\ten\n2\tTraite des êtres humains\tFR\n3\tplain words\n"
        "4\ta\tquery with\ttabs\n5\tfr\n6\tlabour and\tand\n7\tq\tzz\n",
        "t.tsv");
    REQUIRE(topics.size() == 7);
    CHECK(topics[0].query == "non-punishment");
    CHECK(topics[0].lang == "en");
    CHECK(topics[1].query == "Traite des êtres humains");
    CHECK(topics[1].lang == "fr");
    CHECK(topics[2].lang.empty());
    // Only a last column of 2-3 letters is a language; a query that is itself "fr" stays one.
    CHECK(topics[3].query == "a\tquery with\ttabs");
    CHECK(topics[3].lang.empty());
    CHECK(topics[4].query == "fr");
    CHECK(topics[4].lang.empty());
    // A last column of letters that names no language the analyzers know is the query's.
    CHECK(topics[5].query == "labour and\tand");
    CHECK(topics[5].lang.empty());
    CHECK(topics[6].query == "q\tzz");
    CHECK(topics[6].lang.empty());
}

TEST_CASE("TREC topics: <num> Number: and <title>", "[topics]") {
    const std::string trec =
        "<top>\n<num> Number: 301\n<title> International Organized Crime\n\n<desc> Description:\n"
        "Identify organizations.\n</top>\n\n<top>\n<num> 302 <title> Topic: asylum seekers\n</top>\n";
    auto topics = parse_topics(trec, "t.trec");
    REQUIRE(topics.size() == 2);
    CHECK(topics[0].qid == "301");
    CHECK(topics[0].query == "International Organized Crime");
    CHECK(topics[1].qid == "302");
    CHECK(topics[1].query == "asylum seekers");
}

TEST_CASE("a qid given twice is refused, naming the file, the line and the first one", "[topics]") {
    for (const auto& [content, line, first] :
         {std::tuple<std::string, std::string, std::string>{"1\ta\n# c\n2\tb\n1\tc\n", "t:4:", "line 1"},
          {"<top>\n<num> 7\n<title> a\n</top>\n<top>\n<num> Number: 7\n<title> b\n</top>\n", "t:5:", "line 1"}}) {
        INFO(content);
        try {
            parse_topics(content, "t");
            FAIL("no error");
        } catch (const rapporteur::RuntimeError& e) {
            const std::string what = e.what();
            CHECK(what.rfind(line, 0) == 0);
            CHECK(what.find("again") != std::string::npos);
            CHECK(what.find(first) != std::string::npos);
        }
    }
}

TEST_CASE("a malformed topic names the file and the line", "[topics]") {
    try {
        parse_topics("1\tok\n2 no tab here\n", "bad.tsv");
        FAIL("no error");
    } catch (const rapporteur::RuntimeError& e) {
        CHECK(std::string(e.what()).rfind("bad.tsv:2:", 0) == 0);
    }
    CHECK_THROWS_AS(parse_topics("\n\n<top><num> 1\n</top>", "t.trec"), rapporteur::RuntimeError);
    CHECK_THROWS_AS(parse_topics("<top><num> 1 <title> x", "t.trec"), rapporteur::RuntimeError);
    CHECK(parse_topics("", "empty").empty());
}

TEST_CASE("TREC run lines: qid Q0 docid rank score tag", "[topics]") {
    rapporteur::SearchResult r;
    r.hits.resize(2);
    r.hits[0].id = "doc/p3";
    r.hits[0].rank = 1;
    r.hits[0].score = 3.5;
    r.hits[1].id = "doc/p1";
    r.hits[1].rank = 2;
    r.hits[1].score = 1.25;
    CHECK(rapporteur::format_trec_run("7", r, "bm25") == "7 Q0 doc/p3 1 3.500000 bm25\n7 Q0 doc/p1 2 1.250000 bm25\n");
}

TEST_CASE("a run's hits, ids read from the sort key, are the detailed search's hits", "[topics][seed]") {
    // The batch path reads each hit's id from the key its ties are sorted by, not from the
    // passage data: the ranking and the ids must be the ones a full search shows.
    rapporteur::Searcher s(rapporteur::test::seed_database());
    rapporteur::SearchOptions run;
    run.limit = 1000;
    run.hit_details = false;
    run.facets = false;
    run.snippets = false;
    run.exact_total = false;
    run.suggest = false;
    rapporteur::SearchOptions full;
    full.limit = 1000;
    std::size_t hits = 0;
    for (const std::string q : {"trafficking", "victims of trafficking", "\"national referral mechanism\"", "OSCE",
                                "labour exploitation -children", "org:OSCE"}) {
        INFO(q);
        const auto a = s.search(q, run), b = s.search(q, full);
        REQUIRE(a.hits.size() == b.hits.size());
        for (std::size_t i = 0; i < a.hits.size(); ++i) {
            CHECK(!a.hits[i].id.empty());
            CHECK(a.hits[i].id == b.hits[i].id);
            CHECK(a.hits[i].score == b.hits[i].score);
        }
        hits += a.hits.size();
    }
    CHECK(hits > 20);
}

namespace {

/// The run of `topics` on `threads` threads as (topic index, hit ids and scores), in the order
/// emitted; `opened` counts the searchers opened besides the first.
std::vector<std::pair<std::size_t, std::vector<std::pair<std::string, double>>>> batch(
    const std::vector<rapporteur::Topic>& topics, unsigned threads, int& opened) {
    rapporteur::Searcher first(rapporteur::test::seed_database());
    rapporteur::SearchOptions options;
    options.limit = 50;
    options.facets = false;
    options.snippets = false;
    std::vector<std::pair<std::size_t, std::vector<std::pair<std::string, double>>>> out;
    rapporteur::search_topics(
        first,
        [&] {
            ++opened;
            return rapporteur::Searcher(rapporteur::test::seed_database());
        },
        topics, options, threads, [&](std::size_t i, const rapporteur::SearchResult& r) {
            std::vector<std::pair<std::string, double>> hits;
            for (const auto& h : r.hits) hits.emplace_back(h.id, h.score);
            out.emplace_back(i, std::move(hits));
        });
    return out;
}

} // namespace

TEST_CASE("a batch on several threads is the batch on one, in topic order", "[topics][seed][threads]") {
    std::vector<rapporteur::Topic> topics;
    const char* const queries[] = {"trafficking", "non-punishment", "\"victims of trafficking\"", "OSCE",
                                   "labour exploitation -children", "org:OSCE", "Traite des êtres humains",
                                   "national referral mechanism", "asylum", "zzzunknownword", "Council of Europe",
                                   "lockdown"};
    for (int round = 0; round < 3; ++round) {
        for (const char* q : queries) {
            topics.push_back({std::to_string(topics.size() + 1), q, std::string(q)[0] == 'T' ? "fr" : ""});
        }
    }
    int opened = 0;
    const auto one = batch(topics, 1, opened);
    CHECK(opened == 0);
    REQUIRE(one.size() == topics.size());
    std::size_t hits = 0;
    for (std::size_t i = 0; i < one.size(); ++i) {
        CHECK(one[i].first == i);
        hits += one[i].second.size();
    }
    CHECK(hits > 100);
    for (unsigned threads : {2u, 3u, 8u}) {
        INFO(threads << " threads");
        opened = 0;
        CHECK(batch(topics, threads, opened) == one);
        CHECK(opened == static_cast<int>(threads) - 1);
    }
    // More threads than topics: one a topic.
    opened = 0;
    const std::vector<rapporteur::Topic> two(topics.begin(), topics.begin() + 2);
    CHECK(batch(two, 8, opened).size() == 2);
    CHECK(opened == 1);
}

TEST_CASE("a batch stops at its first error, in topic order, after emitting the topics before it",
          "[topics][seed][threads]") {
    std::vector<rapporteur::Topic> topics;
    for (int i = 0; i < 40; ++i) topics.push_back({std::to_string(i + 1), "trafficking victims", ""});
    rapporteur::Searcher first(rapporteur::test::seed_database());
    rapporteur::SearchOptions options;
    options.facets = false;
    std::vector<std::size_t> emitted;
    // The second thread's searcher cannot be opened: the run stops before it starts.
    CHECK_THROWS_WITH(rapporteur::search_topics(
                          first, []() -> rapporteur::Searcher { throw rapporteur::RuntimeError("no second searcher"); },
                          topics, options, 2, [&](std::size_t i, const rapporteur::SearchResult&) { emitted.push_back(i); }),
                      "no second searcher");
    CHECK(emitted.empty());
    // An error on every topic (an unknown filter field): nothing is emitted.
    options.filters["colour"] = {"red"};
    emitted.clear();
    CHECK_THROWS_AS(rapporteur::search_topics(
                        first, [] { return rapporteur::Searcher(rapporteur::test::seed_database()); }, topics, options,
                        2, [&](std::size_t i, const rapporteur::SearchResult&) { emitted.push_back(i); }),
                    rapporteur::UsageError);
    CHECK(emitted.empty());
    // An error from the emitter stops the run too.
    options.filters.clear();
    emitted.clear();
    CHECK_THROWS_WITH(rapporteur::search_topics(
                          first, [] { return rapporteur::Searcher(rapporteur::test::seed_database()); }, topics,
                          options, 2,
                          [&](std::size_t i, const rapporteur::SearchResult&) {
                              emitted.push_back(i);
                              if (i == 5) throw rapporteur::RuntimeError("stdout closed");
                          }),
                      "stdout closed");
    CHECK(emitted.size() == 6);
    // A topic in the middle whose search fails (invalid UTF-8 in its query): the topics before
    // it are emitted, in order, and none after it, whichever thread took it.
    topics[20].query = "traf\xff""ficking";
    emitted.clear();
    CHECK_THROWS_WITH(rapporteur::search_topics(
                          first, [] { return rapporteur::Searcher(rapporteur::test::seed_database()); }, topics,
                          options, 2, [&](std::size_t i, const rapporteur::SearchResult&) { emitted.push_back(i); }),
                      Catch::Contains("invalid UTF-8"));
    REQUIRE(emitted.size() == 20);
    for (std::size_t i = 0; i < emitted.size(); ++i) CHECK(emitted[i] == i);
}
