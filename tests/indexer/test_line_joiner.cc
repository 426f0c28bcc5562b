/** @file test_line_joiner.cc
 *  @brief Line-end joins of PDF text: hyphenation undone, compounds and URLs kept whole.
 */
#include "line_joiner.h"

#include <catch2/catch.hpp>

using namespace rapporteur;
using Join = LineJoiner::Join;

TEST_CASE("a line-end hyphen is hyphenation unless the document or the word says compound", "[pdf][line_joiner]") {
    LineJoiner j;
    for (const char* w : {"co-operation", "front-line", "victim", "trafficking,", "(experience)", "anti"}) j.learn(w);
    struct Row {
        const char* end;
        const char* next;
        Join join;
    };
    const Row rows[] = {
        {"traf-", "ficking", Join::DROP_HYPHEN},     // "trafficking," is known: hyphenation
        {"ex-", "perience).", Join::DROP_HYPHEN},    // known joined, punctuation aside
        {"co-", "operation", Join::GLUE},            // known hyphenated
        {"front-", "line", Join::GLUE},              // known hyphenated, never joined
        {"anti-", "slavery", Join::GLUE},            // a compound prefix
        {"non-", "punishment", Join::GLUE},          // a compound prefix, unknown word
        {"victim-", "centred", Join::GLUE},          // a word of the document, then no suffix
        {"victim-", "isation", Join::DROP_HYPHEN},   // a suffix's beginning: hyphenation
        {"pan-", "demic", Join::DROP_HYPHEN},        // unknown fragments: hyphenation
        {"COVID-", "19", Join::GLUE},                // a digit after the hyphen
        {"Anti-", "Slavery", Join::GLUE},            // a capital after the hyphen
        {"https://rm.coe.int/guidance-", "note", Join::GLUE},
        {"https://www.osce.org/", "cthb/413123", Join::GLUE},
        {"https://www.osce.org/cthb", "which", Join::SPACE},
        {"word", "next", Join::SPACE},
        {"1-", "2", Join::SPACE},
        {"--", "x", Join::SPACE},
        {"hyphen\u00AD", "ation", Join::DROP_HYPHEN}, // a soft hyphen
        {"", "x", Join::SPACE},
    };
    for (const auto& r : rows) {
        INFO(r.end << " | " << r.next);
        CHECK(j.join(r.end, r.next) == r.join);
    }
}

TEST_CASE("a dictionary form is folded and trimmed of outer punctuation only", "[pdf][line_joiner]") {
    CHECK(dictionary_form("(Co-operation),") == "co-operation");
    CHECK(dictionary_form("“États”") == "états");
    CHECK(dictionary_form("...") == "");
}
