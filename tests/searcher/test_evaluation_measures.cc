/** @file test_evaluation_measures.cc
 *  @brief Hand-computed measures on small runs: ties, unjudged documents, graded qrels, empty
 *  and missing topics, -M and -J. Each expected number is derived in a comment from trec_eval's
 *  definitions (m_map.c, m_bpref.c, m_ndcg.c, ...), and compared as trec_eval prints it (%6.4f).
 */
#include "rapporteur/base/errors.h"
#include "rapporteur/evaluation.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <sstream>

using namespace rapporteur;

namespace {

Qrels qrels_of(const std::string& text) {
    std::istringstream in(text);
    return Qrels::parse(in, "qrels");
}

TrecRun run_of(const std::string& text) {
    std::istringstream in(text);
    return TrecRun::parse(in, "run");
}

Evaluation eval(const std::string& qrels, const std::string& run, const std::vector<std::string>& specs,
                EvaluationOptions options = {}) {
    MeasureSet measures;
    for (const auto& s : specs) measures.add(s);
    return evaluate(qrels_of(qrels), run_of(run), measures, options);
}

/// The value as trec_eval prints it.
std::string printed(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%6.4f", v);
    return buf;
}

const TopicScores& topic(const Evaluation& ev, const std::string& qid) {
    for (const auto& t : ev.topics) {
        if (t.qid == qid) return t;
    }
    FAIL("no topic " << qid);
    throw;
}

} // namespace

TEST_CASE("ties are broken by docid in descending byte order, and the rank column is ignored", "[evaluation]") {
    // d3 scores highest; d1 and d2 tie at 1.0 and trec_eval puts the greater docid first
    // (strcmp(d2, d1) > 0), so the ranking is d3 (rel), d2 (non-rel), d1 (rel), whatever the
    // rank column claims.
    const std::string qrels = "1 0 d1 1\n1 0 d2 0\n1 0 d3 1\n";
    const std::string run = "1 Q0 d1 1 1.0 t\n1 Q0 d2 2 1.0 t\n1 Q0 d3 3 2.0 t\n";
    const auto ev = eval(qrels, run, {"all_trec"});
    const auto& t = topic(ev, "1");
    CHECK(t.value("num_ret") == 3);
    CHECK(t.value("num_rel") == 2);
    CHECK(t.value("num_rel_ret") == 2);
    // map: relevant at ranks 1 and 3: (1/1 + 2/3) / 2 = 0.83333
    CHECK(printed(t.value("map")) == "0.8333");
    // Rprec: R = 2; one relevant in the first 2: 1/2
    CHECK(printed(t.value("Rprec")) == "0.5000");
    CHECK(printed(t.value("recip_rank")) == "1.0000");
    // P_5: 2 relevant / 5 (the short ranking is padded with non-relevant documents)
    CHECK(printed(t.value("P_5")) == "0.4000");
    // bpref: one judged non-relevant (d2). d3: none above, +1. d1: 1 - min(1,2)/min(1,2) = 0.
    // (1 + 0) / R = 0.5
    CHECK(printed(t.value("bpref")) == "0.5000");
    // ndcg: DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1/log2(2) + 1/log2(3) = 1.63093;
    // 1.5 / 1.63093 = 0.91972
    CHECK(printed(t.value("ndcg")) == "0.9197");
    // iprec_at_recall_0.50: recall 0.5 is reached at rank 1 (precision 1/1): 1.0;
    // recall 1.0 at rank 3: the best precision at or after it is 2/3
    CHECK(printed(t.value("iprec_at_recall_0.50")) == "1.0000");
    CHECK(printed(t.value("iprec_at_recall_1.00")) == "0.6667");

    // Byte order, not numeric order: "d9" > "d10", so on a tie d9 ranks first.
    const auto byte_order = eval("2 0 d10 1\n2 0 d9 0\n", "2 Q0 d10 1 5 t\n2 Q0 d9 2 5 t\n", {"recip_rank"});
    // d9 (non-relevant) first, d10 (relevant) second: 1/2
    CHECK(printed(topic(byte_order, "2").value("recip_rank")) == "0.5000");
}

TEST_CASE("unjudged documents count as non-relevant, except for bpref and under -J", "[evaluation]") {
    // Ranking: x (not in the qrels), a (rel), y (not in the qrels), b (judged non-relevant).
    const std::string qrels = "1 0 a 1\n1 0 b 0\n1 0 c 0\n";
    const std::string run = "1 Q0 x 1 3.0 t\n1 Q0 a 2 2.0 t\n1 Q0 y 3 1.5 t\n1 Q0 b 4 1.0 t\n";
    const auto ev = eval(qrels, run, {"all_trec"});
    const auto& t = topic(ev, "1");
    // map: the one relevant document at rank 2: (1/2) / 1
    CHECK(printed(t.value("map")) == "0.5000");
    CHECK(printed(t.value("recip_rank")) == "0.5000");
    // P_5: 1 / 5
    CHECK(printed(t.value("P_5")) == "0.2000");
    // bpref skips x and y; no judged non-relevant above a: 1 / R = 1
    CHECK(printed(t.value("bpref")) == "1.0000");
    // ndcg: DCG = 1/log2(3) = 0.63093; ideal = 1/log2(2) = 1
    CHECK(printed(t.value("ndcg")) == "0.6309");
    // num_nonrel_judged_ret: 4 retrieved - 2 not in the qrels - 1 relevant = 1 (b)
    CHECK(t.value("num_nonrel_judged_ret") == 1);

    // -J drops x and y: the ranking is a, b.
    EvaluationOptions judged;
    judged.judged_only = true;
    const auto judged_ev = eval(qrels, run, {"all_trec"}, judged);
    const auto& j = topic(judged_ev, "1");
    CHECK(j.value("num_ret") == 2);
    // map: a at rank 1: 1/1
    CHECK(printed(j.value("map")) == "1.0000");
    // P_5 is still 1 / 5: the cutoff is a number of documents
    CHECK(printed(j.value("P_5")) == "0.2000");
    CHECK(printed(j.value("ndcg")) == "1.0000");

    // A negative grade is "in the pool, unjudged": bpref skips it, map counts it non-relevant.
    const auto pool_ev = eval("1 0 a 1\n1 0 p -1\n", "1 Q0 p 1 2 t\n1 Q0 a 2 1 t\n", {"map", "bpref"});
    const auto& pool = topic(pool_ev, "1");
    // map: a at rank 2: 1/2; bpref: p is skipped, no judged non-relevant above a: 1
    CHECK(printed(pool.value("map")) == "0.5000");
    CHECK(printed(pool.value("bpref")) == "1.0000");
}

TEST_CASE("graded qrels: nDCG gains the grade, -l moves the binary threshold", "[evaluation]") {
    // Grades a 2, b 1, c 0, d 2 (d not retrieved). Ranking: b, a, c, e (e not in the qrels).
    const std::string qrels = "1 0 a 2\n1 0 b 1\n1 0 c 0\n1 0 d 2\n";
    const std::string run = "1 Q0 b 1 4 t\n1 Q0 a 2 3 t\n1 Q0 c 3 2 t\n1 Q0 e 4 1 t\n";
    const std::vector<std::string> specs = {"all_trec", "ndcg_cut.1,2,5"};

    const auto ev1 = eval(qrels, run, specs);
    const auto& l1 = topic(ev1, "1");
    // -l1: relevant = a, b, d; R = 3. map: ranks 1 and 2: (1/1 + 2/2) / 3 = 0.66667
    CHECK(l1.value("num_rel") == 3);
    CHECK(printed(l1.value("map")) == "0.6667");
    // bpref -l1: one judged non-relevant (c), below both relevant: (1 + 1) / 3
    CHECK(printed(l1.value("bpref")) == "0.6667");
    // ndcg: DCG = 1/log2(2) + 2/log2(3) = 1 + 1.26186 = 2.26186;
    // ideal grades 2, 2, 1: 2/log2(2) + 2/log2(3) + 1/log2(4) = 2 + 1.26186 + 0.5 = 3.76186;
    // 2.26186 / 3.76186 = 0.60126
    CHECK(printed(l1.value("ndcg")) == "0.6013");
    // ndcg_cut_1: 1 / 2 = 0.5; ndcg_cut_2: 2.26186 / 3.26186 = 0.69343;
    // ndcg_cut_5: the whole ranking against the whole ideal = ndcg
    CHECK(printed(l1.value("ndcg_cut_1")) == "0.5000");
    CHECK(printed(l1.value("ndcg_cut_2")) == "0.6934");
    CHECK(printed(l1.value("ndcg_cut_5")) == "0.6013");

    EvaluationOptions level2;
    level2.relevance_level = 2;
    const auto ev2 = eval(qrels, run, specs, level2);
    const auto& l2 = topic(ev2, "1");
    // -l2: relevant = a, d; R = 2. map: a at rank 2: (1/2) / 2 = 0.25
    CHECK(l2.value("num_rel") == 2);
    CHECK(l2.value("num_rel_ret") == 1);
    CHECK(printed(l2.value("map")) == "0.2500");
    // Rprec: one relevant in the first 2: 1/2
    CHECK(printed(l2.value("Rprec")) == "0.5000");
    // bpref -l2: judged non-relevant = grades 0 and 1 (c, b): 2. b is above a:
    // 1 - min(1, 2) / min(2, 2) = 0.5; over R = 2: 0.25
    CHECK(printed(l2.value("bpref")) == "0.2500");
    // nDCG does not depend on -l
    CHECK(printed(l2.value("ndcg")) == "0.6013");
    CHECK(printed(l2.value("ndcg_cut_2")) == "0.6934");
}

TEST_CASE("empty and missing topics: what counts in the average", "[evaluation]") {
    // Topic 1: d1 relevant at rank 1 of 2: map 1. Topic 2: judged, nothing relevant.
    // Topic 3: judged, not in the run. Topic 9: in the run, not judged.
    const std::string qrels = "1 0 d1 1\n1 0 d2 0\n2 0 z 0\n3 0 q 1\n";
    const std::string run = "1 Q0 d1 1 2 t\n1 Q0 d2 2 1 t\n2 Q0 z 1 1 t\n9 Q0 w 1 1 t\n";
    const auto ev = eval(qrels, run, {"all_trec"});
    CHECK(ev.unjudged_topics == std::vector<std::string>{"9"});
    CHECK(ev.unretrieved_topics == std::vector<std::string>{"3"});
    REQUIRE(ev.topics.size() == 2);
    // Topic 2 has no relevant document: every measure is 0 (ndcg: the ideal DCG is 0).
    const auto& empty = topic(ev, "2");
    CHECK(empty.value("num_rel") == 0);
    CHECK(empty.value("map") == 0);
    CHECK(empty.value("ndcg") == 0);
    CHECK(empty.value("recall_5") == 0);
    // all: topics 1 and 2. map (1 + 0) / 2 = 0.5; num_ret 2 + 1 = 3 (topic 9 is skipped).
    CHECK(ev.all.value("num_q") == 2);
    CHECK(ev.all.value("num_ret") == 3);
    CHECK(printed(ev.all.value("map")) == "0.5000");
    // gm_map: exp((log 1 + log 0.00001) / 2) = 0.00316
    CHECK(printed(ev.all.value("gm_map")) == "0.0032");

    // -c: topic 3 counts with an empty ranking: map (1 + 0 + 0) / 3 = 0.33333; num_ret stays 3.
    EvaluationOptions complete;
    complete.complete = true;
    const auto c = eval(qrels, run, {"all_trec"}, complete);
    CHECK(c.topics.size() == 3);
    CHECK(c.all.value("num_q") == 3);
    CHECK(c.all.value("num_ret") == 3);
    CHECK(c.all.value("num_rel") == 2);
    CHECK(printed(c.all.value("map")) == "0.3333");
    CHECK(topic(c, "3").value("num_ret") == 0);

    // No topic in common: nothing to average.
    CHECK_THROWS_AS(eval("1 0 a 1\n", "2 Q0 a 1 1 t\n", {"map"}), RuntimeError);
}

TEST_CASE("max_docs (-M) keeps the first N documents of the score order", "[evaluation]") {
    // Ranking by score: d3 (rel), d2, d1 (rel); -M 1 keeps d3 only.
    EvaluationOptions top1;
    top1.max_docs = 1;
    const auto ev = eval("1 0 d1 1\n1 0 d2 0\n1 0 d3 1\n", "1 Q0 d1 1 1.0 t\n1 Q0 d2 2 1.5 t\n1 Q0 d3 3 2.0 t\n",
                         {"all_trec"}, top1);
    const auto& t = topic(ev, "1");
    CHECK(t.value("num_ret") == 1);
    // map: (1/1) / R=2 = 0.5; P_5: 1/5
    CHECK(printed(t.value("map")) == "0.5000");
    CHECK(printed(t.value("P_5")) == "0.2000");
}

TEST_CASE("measures print in trec_eval's order, whatever order they were asked in", "[evaluation]") {
    const auto ev = eval("1 0 a 1\n", "1 Q0 a 1 1 tag\n", {"ndcg", "P.10,5", "map", "runid"});
    const auto text = format_trec_eval(ev, true, true);
    CHECK(text ==
          "map                   \t1\t1.0000\n"
          "P_5                   \t1\t0.2000\n"
          "P_10                  \t1\t0.1000\n"
          "ndcg                  \t1\t1.0000\n"
          "runid                 \tall\ttag\n"
          "map                   \tall\t1.0000\n"
          "P_5                   \tall\t0.2000\n"
          "P_10                  \tall\t0.1000\n"
          "ndcg                  \tall\t1.0000\n");
}

TEST_CASE("measure specifications are checked", "[evaluation]") {
    MeasureSet m;
    CHECK_THROWS_AS(m.add("no_such_measure"), UsageError);
    CHECK_THROWS_AS(m.add("P.0"), UsageError);
    CHECK_THROWS_AS(m.add("P.5,5"), UsageError);
    CHECK_THROWS_AS(m.add("P."), UsageError);
    CHECK_THROWS_AS(m.add("map.5"), UsageError);
    CHECK_THROWS_AS(m.add("iprec_at_recall.1.5"), UsageError);
    m.add("P.20,5");
    m.add("P.7"); // the first parameters given win, as in trec_eval
    CHECK(m.cutoffs("P") == std::vector<long>{5, 20});
    CHECK(m.cutoffs("recall") == std::vector<long>{5, 10, 15, 20, 30, 100, 200, 500, 1000});
}
