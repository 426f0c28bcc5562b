/** @file test_report_parser.cc
 *  @brief The document model on the seed report: metadata, sessions, passages, footnotes, entities.
 */
#include "passage_lookup.h"
#include "rapporteur/readers.h"
#include "support/process.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <regex>

using namespace rapporteur;

namespace {

const std::string SEED = std::string(RAPPORTEUR_SEEDS) + "/000_2e1ad919f53edd39.txt";

const Report& seed() {
    static const Report report = parse_report(test::read_all(SEED), SEED);
    return report;
}

const Passage& by_id(const Report& r, const std::string& suffix) {
    for (const auto& p : r.passages) {
        if (p.id == r.slug + "/" + suffix) return p;
    }
    FAIL("no passage " << suffix);
    throw std::logic_error("unreachable");
}

using test::containing;

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

using Strings = std::vector<std::string>;

} // namespace

TEST_CASE("seed: metadata from the front matter", "[report][seed]") {
    const Report& r = seed();
    CHECK(r.slug == "000-2e1ad919f53edd39");
    CHECK(r.title == "Meeting of National Anti-Trafficking Co-ordinators and Rapporteurs or equivalent mechanisms");
    CHECK(r.organisers == Strings{"Council of Europe", "OSCE"});
    CHECK(r.dates == Strings{"2020-11-03", "2020-11-04"});
    CHECK(r.venue == "Zoom");
    CHECK(r.lang == "en");
    // The front matter is metadata, not passages.
    for (const auto& p : r.passages) {
        CHECK(p.text != "Zoom");
        CHECK(p.text != "SUMMARY");
        CHECK(p.lang.empty()); // the indexer detects it
    }
}

TEST_CASE("seed: an opening part and five sessions, Session 4 inferred from the text", "[report][seed]") {
    const Report& r = seed();
    struct Expected {
        int day, number;
        std::string title;
        bool inferred;
    };
    const std::vector<Expected> expected = {
        {0, 0, "", false},
        {1, 1,
         "Towards better understanding of the challenges posed by the COVID-19 pandemic on anti-trafficking responses",
         false},
        {1, 2,
         "Need for enhanced anti-trafficking actions in light of the pandemic: positive practices in prevention of "
         "human trafficking, protection of the victims and prosecution of traffickers in the new context",
         false},
        {2, 3,
         "Trafficking in human beings: findings of the Commission's Third Progress report and way forward for EU "
         "anti-trafficking action",
         false},
        {2, 4, "", true},
        {2, 5, "Update on new resources", false},
    };
    REQUIRE(r.sessions.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("session " << i);
        CHECK(r.sessions[i].day == expected[i].day);
        CHECK(r.sessions[i].number == expected[i].number);
        CHECK(r.sessions[i].title == expected[i].title);
        CHECK(r.sessions[i].inferred == expected[i].inferred);
    }
    // Each passage knows its session: the first words of each session's passages.
    const std::map<std::string, int> first_words = {{"The meeting was co-organized by", 0},
                                                    {"During the meeting, the participants", 0},
                                                    {"During the first session", 1},
                                                    {"Representatives from Germany, Spain", 1},
                                                    {"Following on from the discussion", 2},
                                                    {"States should develop", 2},
                                                    {"There was a broad consensus", 2},
                                                    {"The EU Anti-Trafficking Coordinator presented", 3},
                                                    {"The presentation emphasised", 3},
                                                    {"The discussion during the fourth session", 4},
                                                    {"GRETA's First Vice-President", 4},
                                                    {"The OSCE updated participants", 4},
                                                    {"The Department for Equal Opportunities", 4},
                                                    {"During the final session", 5},
                                                    {"The concluding remarks", 5}};
    for (const auto& [words, session] : first_words) {
        INFO(words);
        bool found = false;
        for (const auto& p : r.passages) {
            if (starts_with(p.text, words)) {
                CHECK(p.session == session);
                found = true;
            }
        }
        CHECK(found);
    }
    // Session 4 has exactly the four paragraphs from the announcing one to the next heading.
    int in_four = 0;
    for (const auto& p : r.passages) in_four += p.kind != PassageKind::FOOTNOTE && p.session == 4;
    CHECK(in_four == 4);
}

TEST_CASE("seed: passages are paragraphs and bullets numbered in reading order, then footnotes", "[report][seed]") {
    const Report& r = seed();
    std::size_t paragraphs = 0, bullets = 0, footnotes = 0;
    for (std::size_t i = 0; i < r.passages.size(); ++i) {
        const auto& p = r.passages[i];
        if (p.kind == PassageKind::FOOTNOTE) {
            ++footnotes;
            CHECK(p.id == r.slug + "/fn" + std::to_string(p.footnote_number));
        } else {
            CHECK(footnotes == 0); // all text passages come before the footnotes
            CHECK(p.id == r.slug + "/p" + std::to_string(i + 1));
            (p.kind == PassageKind::BULLET ? bullets : paragraphs) += 1;
        }
    }
    CHECK(paragraphs == 22);
    CHECK(bullets == 3);
    CHECK(footnotes == 13);
    // The three bullets are three passages, in order, in session 2, without their "- ".
    CHECK(starts_with(by_id(r, "p10").text,
                      "States should develop and/or effectively implement National Referral Mechanism (NRMs)"));
    CHECK(starts_with(by_id(r, "p11").text, "States must provide adequate funding"));
    CHECK(starts_with(by_id(r, "p12").text, "States should fully recognize the acute vulnerabilities"));
    CHECK(ends_with(by_id(r, "p12").text, "stigmatization of marginalized populations."));
    for (auto id : {"p10", "p11", "p12"}) {
        CHECK(by_id(r, id).kind == PassageKind::BULLET);
        CHECK(by_id(r, id).session == 2);
    }
    // Re-parsing gives the same ids for the same texts.
    const Report again = parse_report(test::read_all(SEED), SEED);
    REQUIRE(again.passages.size() == r.passages.size());
    for (std::size_t i = 0; i < r.passages.size(); ++i) {
        CHECK(again.passages[i].id == r.passages[i].id);
        CHECK(again.passages[i].text == r.passages[i].text);
    }
}

TEST_CASE("seed: the four paragraphs cut by a footnote block are whole again", "[report][seed]") {
    const Report& r = seed();
    struct Cut {
        std::string first_words, across, last_words;
    };
    const std::vector<Cut> cuts = {
        {"During the first session, the panellists",
         "Due to the travel and movement restrictions, there has been a notable shift",
         "national authorities and civil society alike."},
        {"Representatives from Germany, Spain",
         "Following an analysis of the situation in the meat processing industry",
         "observed in the first nine months of 2020."},
        {"Moving to national examples, UK’s", "exploitation moved increasingly online. She highlighted efforts",
         "led by law enforcement agencies and anti-trafficking experts."},
        {"The Department for Equal Opportunities of Italy",
         "Data shows that the implementation of these guidelines has led",
         "specific indicators for child trafficking."},
    };
    for (const auto& cut : cuts) {
        INFO(cut.across);
        const Passage& p = containing(r, cut.across);
        CHECK(starts_with(p.text, cut.first_words));
        CHECK(ends_with(p.text, cut.last_words));
        CHECK(p.kind == PassageKind::PARAGRAPH);
    }
    // And no passage starts with the second half of a cut.
    for (const auto& p : r.passages) {
        CHECK_FALSE(starts_with(p.text, "restrictions, there has been"));
        CHECK_FALSE(starts_with(p.text, "of the situation in the meat"));
        CHECK_FALSE(starts_with(p.text, "online. She highlighted"));
        CHECK_FALSE(starts_with(p.text, "guidelines has led"));
    }
    // The paragraph after the last footnote block starts a sentence: it is not joined.
    CHECK(starts_with(containing(r, "The concluding remarks echoed").text, "The concluding remarks echoed"));
}

TEST_CASE("seed: all 13 footnotes with their texts and links, cited both ways", "[report][seed]") {
    const Report& r = seed();
    struct Expected {
        int n;
        std::string text;
        Strings urls;
        std::string cited_by;
    };
    const std::vector<Expected> expected = {
        {1,
         "Including OSCE Action Plan to Combat Trafficking in Human Beings (PC.DEC/557), its 2005 and 2013 Addendums "
         "(PC.DEC/685 and PC.DEC/1107/Corr.1 respectively) and Ministerial Council Decisions on Strengthening Efforts "
         "to Prevent Trafficking in Human Beings (MC.DEC/6/17), Strengthening Efforts to Combat All Forms of Child "
         "Trafficking, Including for Sexual Exploitation, as well as Other Forms of Sexual Exploitation of Children "
         "(MC.DEC/7/17) and Strengthening Efforts to Prevent and Combat Child Trafficking, Including of Unaccompanied "
         "Minors (MC.DEC/6/18).",
         {},
         "p1"},
        {2,
         "Including Council of Europe Convention on Action against Trafficking in Human Beings (CETS No.197, 2005).",
         {},
         "p1"},
        {3,
         "The full text of the Statement by the OSCE SR/CTHB can be found here: "
         "https://www.osce.org/secretariat/449554",
         {"https://www.osce.org/secretariat/449554"},
         "p5"},
        {4,
         "The full text of the Recommendations by the OSCE SR/CTHB is available here: https://www.osce.org/cthb/451186",
         {"https://www.osce.org/cthb/451186"},
         "p5"},
        // The Markdown link's target is "#", an anchor: the label stays, unescaped, no URL.
        {5,
         "Statement by GRETA - In time of emergency the rights and safety of trafficking victims must be respected and "
         "protected - News (coe.int)",
         {},
         "p6"},
        {6,
         "See https://www.osce.org/odihr/human-trafficking-COVID-19-report",
         {"https://www.osce.org/odihr/human-trafficking-COVID-19-report"},
         "p9"},
        {7,
         "See https://rm.coe.int/guidance-note-on-the-entitlement-of-victims-of-trafficking-and-persons/16809ebf44",
         {"https://rm.coe.int/guidance-note-on-the-entitlement-of-victims-of-trafficking-and-persons/16809ebf44"},
         "p18"},
        {8, "See https://www.osce.org/cthb/413123", {"https://www.osce.org/cthb/413123"}, "p19"},
        {9,
         "See https://www.unhcr.it/wp-content/uploads/2018/02/Linee-Guida-identificazione-vittime-di-tratta.pdf",
         {"https://www.unhcr.it/wp-content/uploads/2018/02/Linee-Guida-identificazione-vittime-di-tratta.pdf"},
         "p20"},
        {10,
         "See https://rm.coe.int/mpendium-of-good-practices-in-addressing-trafficking-in-human-beings-f/16809f9bef",
         {"https://rm.coe.int/mpendium-of-good-practices-in-addressing-trafficking-in-human-beings-f/16809f9bef"},
         "p22"},
        {11,
         "See https://rm.coe.int/CoERMPublicCommonSearchServices/DisplayDCTMContent?documentId=090000168098e630",
         {"https://rm.coe.int/CoERMPublicCommonSearchServices/DisplayDCTMContent?documentId=090000168098e630"},
         "p22"},
        {12, "See https://www.osce.org/cthb/455206", {"https://www.osce.org/cthb/455206"}, "p23"},
        {13, "See https://www.osce.org/cthb/438323", {"https://www.osce.org/cthb/438323"}, "p24"},
    };
    std::vector<const Passage*> notes;
    for (const auto& p : r.passages) {
        if (p.kind == PassageKind::FOOTNOTE) notes.push_back(&p);
    }
    REQUIRE(notes.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& e = expected[i];
        const Passage& fn = *notes[i];
        INFO("footnote " << e.n);
        CHECK(fn.footnote_number == e.n);
        CHECK(fn.id == r.slug + "/fn" + std::to_string(e.n));
        CHECK(fn.text == e.text);
        CHECK(fn.urls == e.urls);
        CHECK(fn.cited_by == Strings{r.slug + "/" + e.cited_by});
        // ... and the citing passage points back at it.
        const Passage& citing = by_id(r, e.cited_by);
        bool back = false;
        for (const auto& ref : citing.footnotes) back = back || ref.n == e.n;
        CHECK(back);
        // A footnote belongs to the session of the passage that cites it.
        CHECK(fn.session == citing.session);
    }
}

TEST_CASE("seed: markers leave the text and stay as references at their positions", "[report][seed]") {
    const Report& r = seed();
    const std::regex superscript("¹|²|³|⁴|⁵|⁶|⁷|⁸|⁹|⁰");
    std::size_t refs = 0;
    for (const auto& p : r.passages) {
        INFO(p.id);
        CHECK_FALSE(std::regex_search(p.text, superscript));
        for (const auto& ref : p.footnotes) {
            CHECK(ref.offset <= p.text.size());
            ++refs;
        }
    }
    CHECK(refs == 13);
    auto before = [](const Passage& p, std::size_t i) { return p.text.substr(0, p.footnotes.at(i).offset); };
    const Passage& p1 = by_id(r, "p1");
    REQUIRE(p1.footnotes.size() == 2);
    CHECK(p1.footnotes[0].n == 1);
    CHECK(ends_with(before(p1, 0), "relevant OSCE commitments"));
    CHECK(p1.footnotes[1].n == 2);
    CHECK(ends_with(before(p1, 1), "and CoE standards"));
    CHECK(p1.text.find("OSCE commitments and CoE standards, with particular focus") != std::string::npos);
    // After punctuation: "on 2 April 2020,⁵ calling" → "2020, calling", the marker after the comma.
    const Passage& p6 = by_id(r, "p6");
    REQUIRE(p6.footnotes.size() == 1);
    CHECK(p6.footnotes[0].n == 5);
    CHECK(ends_with(before(p6, 0), "GRETA on 2 April 2020,"));
    CHECK(p6.text.find("2 April 2020, calling for") != std::string::npos);
    // Multi-digit markers.
    const Passage& p22 = by_id(r, "p22");
    REQUIRE(p22.footnotes.size() == 2);
    CHECK(p22.footnotes[0].n == 10);
    CHECK(ends_with(before(p22, 0), "labour exploitation\" (2020)"));
    CHECK(p22.footnotes[1].n == 11);
    CHECK(ends_with(before(p22, 1), "(2019)"));
}

TEST_CASE("seed: organisations and countries passage by passage", "[report][seed][entities]") {
    const Report& r = seed();
    struct Expected {
        std::string first_words;
        Strings organisations, countries;
    };
    const std::vector<Expected> expected = {
        // "OSCE's" is OSCE; "Council of Europe (CoE)" is one organisation.
        {"The meeting was co-organized by", {"Council of Europe", "OSCE"}, {}},
        // Adjectives count: the Greek rapporteur, the Albanian Chairmanship.
        {"The meeting was opened by the Greek", {"Council of Europe", "OSCE"}, {"Albania", "Greece"}},
        {"During the meeting, the participants", {"Council of Europe", "European Commission", "OSCE"}, {}},
        {"The OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings presented",
         {"OSCE"},
         {"Albania"}},
        {"The President of GRETA", {"Council of Europe", "GRETA", "OSCE"}, {"Bulgaria", "France", "Germany", "Serbia"}},
        {"Representatives from Germany, Spain", {"Airbnb"}, {"Germany", "Moldova", "Spain"}},
        // "OSCE/ODIHR" names both.
        {"The OSCE/ODIHR presented", {"ODIHR", "OSCE", "UN Women"}, {}},
        // "UK’s" (typographic apostrophe) is the United Kingdom.
        {"Moving to national examples",
         {"Independent Anti-Slavery Commissioner", "Observatory on Trafficking in Human Beings"},
         {"Estonia", "Portugal", "United Kingdom"}},
        {"The EU Anti-Trafficking Coordinator presented", {"European Commission", "European Union"}, {}},
        {"The discussion during the fourth session", {"GRETA", "OSCE"}, {"Italy"}},
        {"The Department for Equal Opportunities of Italy", {"Department for Equal Opportunities", "UNHCR"}, {"Italy"}},
        {"The OSCE presented the publication", {"OSCE", "Tech Against Trafficking"}, {}},
        {"During the final session, the CoE and OSCE", {"Council of Europe", "OSCE"}, {}},
        {"States should develop", {}, {}},
    };
    for (const auto& e : expected) {
        INFO(e.first_words);
        const Passage* found = nullptr;
        for (const auto& p : r.passages) {
            if (starts_with(p.text, e.first_words)) found = &p;
        }
        REQUIRE(found);
        CHECK(found->organisations == e.organisations);
        CHECK(found->countries == e.countries);
    }
    CHECK(by_id(r, "fn5").organisations == Strings{"GRETA"});
}

TEST_CASE("seed: acronyms defined in the text", "[report][seed]") {
    const Report& r = seed();
    auto has = [&](const std::string& a, const std::string& e) {
        for (const auto& d : r.acronyms) {
            if (d.acronym == a && d.expansion == e) return true;
        }
        return false;
    };
    CHECK(has("CoE", "Council of Europe"));
    CHECK(has("NRM", "National Referral Mechanism"));
    CHECK(has("SR/CTHB", "Special Representative and Co-ordinator for Combating Trafficking in Human Beings"));
    for (const auto& d : r.acronyms) {
        INFO(d.acronym << " = " << d.expansion);
        CHECK(d.acronym.find_first_of("0123456789") == std::string::npos); // not "(2020)", "(PC.DEC/557)"
    }
    CHECK(r.acronyms.size() == 3);
}

TEST_CASE("seed: the JSON dump carries the whole model", "[report][seed][json]") {
    const auto j = to_json(seed());
    CHECK(j.at("title") == seed().title);
    CHECK(j.at("dates") == nlohmann::json::array({"2020-11-03", "2020-11-04"}));
    CHECK(j.at("sessions").size() == 6);
    CHECK(j.at("sessions")[4].at("inferred") == true);
    CHECK(j.at("passages").size() == 38);
    const auto& fn = j.at("passages")[25];
    CHECK(fn.at("kind") == "footnote");
    CHECK(fn.at("n") == 1);
    CHECK(fn.at("cited_by")[0] == seed().slug + "/p1");
    CHECK(j.at("acronyms").size() == 3);
}

TEST_CASE("a Markdown variant: wrapped lines, a day heading, bold session headings, [^1] notes", "[report][variant]") {
    const std::string path = std::string(RAPPORTEUR_TEST_DATA) + "/variant_en.md";
    const Report r = parse_report(test::read_all(path), path);
    CHECK(r.title == "Expert Meeting on Labour Exploitation in Supply Chains");
    CHECK(r.organisers == Strings{"ODIHR", "UNHCR"});
    CHECK(r.dates == Strings{"2021-11-30", "2021-12-01"});
    CHECK(r.venue == "Hofburg, Vienna");
    REQUIRE(r.sessions.size() == 4);
    CHECK(r.sessions[1].day == 1);
    CHECK(r.sessions[1].title == "Risks in supply chains");
    CHECK(r.sessions[2].day == 1);
    CHECK(r.sessions[2].title == "Remedies");
    CHECK(r.sessions[3].day == 2); // from "## Day 2" above "### Session 3: Closing"
    CHECK(r.sessions[3].title == "Closing");
    const Passage& p1 = containing(r, "The meeting gathered experts");
    CHECK(p1.text ==
          "The meeting gathered experts from Austria, the Netherlands and the United States of America "
          "to discuss labour exploitation in supply chains.");
    CHECK(p1.countries == Strings{"Austria", "Netherlands", "United States"});
    REQUIRE(p1.footnotes.size() == 1);
    CHECK(p1.footnotes[0].offset == p1.text.size());
    const Passage& fn = by_id(r, "fn1");
    CHECK(fn.text == "See the programme.");
    CHECK(fn.urls == Strings{"https://example.org/programme"});
    CHECK(fn.cited_by == Strings{p1.id});
    CHECK(containing(r, "second point").text == "second point, which continues on a second line");
    CHECK(containing(r, "first point").organisations == Strings{"IOM"});
    CHECK(containing(r, "debt bondage").organisations == Strings{"ILO"});
    int bullets = 0;
    for (const auto& p : r.passages) bullets += p.kind == PassageKind::BULLET;
    CHECK(bullets == 4);
    // A page number between two halves of a sentence does not cut it.
    const Passage& cut = containing(r, "and at the role of labour inspectorates in Sweden.");
    CHECK(cut.session == 2);
    CHECK(cut.countries == Strings{"Sweden"});
    CHECK(cut.organisations == Strings{"European Union"});
    CHECK(containing(r, "The Chair closed").session == 3);
    bool defined = false;
    for (const auto& a : r.acronyms) defined = defined || (a.acronym == "DB" && a.expansion == "debt bondage");
    CHECK(defined);
}
