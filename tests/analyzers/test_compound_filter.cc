/** @file test_compound_filter.cc
 *  @brief CompoundFilter: which ICU words form a group, and the group's whole form.
 */
#include <catch2/catch.hpp>

#include "compound_filter.h"

namespace {

/// Groups as "whole(part,part)" with '*' when the whole is stemmed, '|'-separated.
std::string groups(const std::string& text, bool enabled = true) {
    rapporteur::IcuTokenizer tok;
    std::vector<rapporteur::RawWord> words, parts;
    std::vector<rapporteur::WordGroup> gs;
    tok.tokenize(text, words);
    rapporteur::CompoundFilter::group(text, words, enabled, parts, gs);
    std::string out, whole;
    for (const auto& g : gs) {
        if (!out.empty()) out += '|';
        rapporteur::CompoundFilter::whole_form(text, parts, g, whole);
        out += whole;
        if (g.count > 1) {
            out += g.stem_whole ? "*(" : "(";
            for (auto k = g.first; k < g.first + g.count; ++k) {
                out += (k > g.first ? "," : "") + text.substr(parts[k].start, parts[k].end - parts[k].start);
            }
            out += ")";
        }
    }
    return out;
}

} // namespace

TEST_CASE("CompoundFilter groups compounds and codes", "[compound_filter]") {
    struct Case {
        std::string text, expected;
    };
    const Case cases[] = {
        {"non-punishment", "nonpunishment*(non,punishment)"},
        {"co-ordination", "coordination*(co,ordination)"},
        {"non punishment", "non|punishment"},
        {"COVID-19", "COVID19(COVID,19)"},
        {"3-4 November", "3-4(3,4)|November"},
        {"PC.DEC/557", "PC.DEC/557(PC,DEC,557)"},
        {"MC.DEC/6/17", "MC.DEC/6/17(MC,DEC,6,17)"},
        {"SR/CTHB", "SR/CTHB(SR,CTHB)"},
        {"CETS No.197", "CETS|No.197(No,197)"},
        {"https://www.osce.org/cthb/files", "https|www.osce.org/cthb/files(www,osce,org,cthb,files)"},
        {"short- and long-term", "short|and|longterm*(long,term)"},
        {"the end. Next", "the|end|Next"},
        {"1,000.50", "1,000.50"},
        {"re‐victimisation", "revictimisation*(re,victimisation)"}, // U+2010 hyphen
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(groups(c.text) == c.expected);
    }
    CHECK(groups("non-punishment PC.DEC/557", false) == "non|punishment|PC.DEC|557");
}
