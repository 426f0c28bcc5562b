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
        "4\ta\tquery with\ttabs\n5\tfr\n",
        "t.tsv");
    REQUIRE(topics.size() == 5);
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
