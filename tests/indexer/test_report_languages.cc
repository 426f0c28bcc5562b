/** @file test_report_languages.cc
 *  @brief The document model on reports written in French, German, Spanish, Russian, Chinese and
 *         Japanese (the last two in plain text and in Markdown).
 */
#include "passage_lookup.h"
#include "rapporteur/readers.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <regex>

using namespace rapporteur;

namespace {

using Strings = std::vector<std::string>;

Report load(const std::string& name) {
    const std::string path = std::string(RAPPORTEUR_TEST_DATA) + "/" + name;
    return parse_report(test::read_all(path), path);
}

using test::containing;

const Passage& footnote(const Report& r, int n) {
    for (const auto& p : r.passages) {
        if (p.kind == PassageKind::FOOTNOTE && p.footnote_number == n) return p;
    }
    FAIL("no footnote " << n);
    throw std::logic_error("unreachable");
}

struct ExpectedSession {
    int day, number;
    std::string title;
    bool inferred;
};

void check_sessions(const Report& r, const std::vector<ExpectedSession>& expected) {
    REQUIRE(r.sessions.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("session " << i);
        CHECK(r.sessions[i].day == expected[i].day);
        CHECK(r.sessions[i].number == expected[i].number);
        CHECK(r.sessions[i].title == expected[i].title);
        CHECK(r.sessions[i].inferred == expected[i].inferred);
    }
}

void check_no_superscripts(const Report& r) {
    const std::regex superscript("¹|²|³|⁴|⁵|⁶|⁷|⁸|⁹|⁰");
    for (const auto& p : r.passages) {
        INFO(p.id << ": " << p.text);
        CHECK_FALSE(std::regex_search(p.text, superscript));
    }
}

bool has_acronym(const Report& r, const std::string& a, const std::string& e) {
    for (const auto& d : r.acronyms) {
        if (d.acronym == a && d.expansion == e) return true;
    }
    return false;
}

} // namespace

TEST_CASE("French report: Jour/Séance headings, a cut paragraph, footnotes, entities", "[report][lang][fr]") {
    const Report r = load("rapport_fr.txt");
    CHECK(r.lang == "fr");
    CHECK(r.title == "Réunion des coordinateurs nationaux de la lutte contre la traite des êtres humains");
    CHECK(r.organisers == Strings{"Council of Europe", "OSCE"});
    CHECK(r.dates == Strings{"2021-10-12", "2021-10-13"});
    CHECK(r.venue == "Zoom");
    check_sessions(r, {{0, 0, "", false},
                       {1, 1, "Les défis de la pandémie pour la lutte contre la traite", false},
                       {1, 2, "Pratiques prometteuses de prévention", false},
                       {2, 3, "Le rôle de l'Union européenne", false}, // a Markdown link heading
                       {2, 4, "", true},                               // "la quatrième séance"
                       {2, 5, "Nouvelles ressources", false}});        // a bold heading
    check_no_superscripts(r);
    // The paragraph cut by the block of footnotes 1 and 2 is whole; its marker ² after a comma.
    const Passage& cut = containing(r, "les restrictions de déplacement avaient conduit à une hausse");
    CHECK(cut.session == 1);
    REQUIRE(cut.footnotes.size() == 1);
    CHECK(cut.footnotes[0].n == 2);
    CHECK(cut.text.substr(0, cut.footnotes[0].offset).ends_with("notamment des enfants,"));
    CHECK(cut.organisations == Strings{"UN Women", "UNHCR"});
    CHECK(cut.countries == Strings{"Belgium", "France"});
    CHECK(footnote(r, 2).text == "Rapport du GRETA - Onzième rapport général (2021)");
    CHECK(footnote(r, 2).urls == Strings{"https://rm.coe.int/11e-rapport-general-greta"});
    CHECK(footnote(r, 2).cited_by == Strings{cut.id});
    CHECK(footnote(r, 1).urls == Strings{"https://www.osce.org/fr/secretariat/107222"});
    CHECK(footnote(r, 1).cited_by == Strings{r.slug + "/p1"});
    CHECK(footnote(r, 3).cited_by == Strings{containing(r, "L'Italie et l'Espagne").id});
    // Three bullets, each a passage.
    int bullets = 0;
    for (const auto& p : r.passages) bullets += p.kind == PassageKind::BULLET;
    CHECK(bullets == 3);
    CHECK(containing(r, "former les agents").kind == PassageKind::BULLET);
    CHECK(containing(r, "L'Italie et l'Espagne").countries == Strings{"Italy", "Spain"});
    CHECK(containing(r, "quatrième séance").countries == Strings{"Germany", "Greece"});
    CHECK(containing(r, "quatrième séance").session == 4);
    CHECK(containing(r, "Le BIDDH").organisations == Strings{"ODIHR"});
    CHECK(containing(r, "Le BIDDH").session == 4);
    CHECK(containing(r, "La Commission européenne").organisations == Strings{"European Commission"});
    CHECK(containing(r, "un nouveau guide").session == 5);
    CHECK(has_acronym(r, "MNO", "mécanismes nationaux d'orientation"));
}

TEST_CASE("German report: Markdown Tag/Sitzung headings, cut paragraph, date with dots", "[report][lang][de]") {
    const Report r = load("bericht_de.md");
    CHECK(r.lang == "de");
    CHECK(r.title == "Treffen der nationalen Koordinatoren zur Bekämpfung des Menschenhandels");
    CHECK(r.organisers == Strings{"Council of Europe", "OSCE"});
    CHECK(r.dates == Strings{"2020-11-03", "2020-11-04"});
    CHECK(r.venue == "Wien");
    check_sessions(r, {{0, 0, "", false},
                       {1, 1, "Herausforderungen der Pandemie", false},
                       {1, 2, "Gute Praxis", false},
                       {2, 3, "Internationaler Schutz", false},
                       {2, 4, "", true}}); // "In der vierten Sitzung"
    check_no_superscripts(r);
    const Passage& cut = containing(r, "zu einer deutlichen Verlagerung der kriminellen Aktivitäten");
    CHECK(cut.countries == Strings{"Austria", "Germany"});
    REQUIRE(cut.footnotes.size() == 1);
    CHECK(footnote(r, 1).cited_by == Strings{cut.id});
    CHECK(footnote(r, 1).text == "Siehe https://www.osce.org/de/cthb/451186");
    CHECK(footnote(r, 2).text == "Bericht der GRETA: Leitfaden");
    CHECK(footnote(r, 2).urls == Strings{"https://rm.coe.int/leitfaden-de"});
    CHECK(footnote(r, 2).organisations == Strings{"GRETA"});
    CHECK(containing(r, "Schweiz").countries == Strings{"Switzerland"});
    CHECK(containing(r, "OSZE-Sonderbeauftragten").organisations == Strings{"Council of Europe", "OSCE"});
    CHECK(containing(r, "Die Europäische Kommission").organisations == Strings{"European Commission", "UNHCR"});
    const Passage& fourth = containing(r, "In der vierten Sitzung");
    CHECK(fourth.session == 4);
    CHECK(fourth.countries == Strings{"Italy", "Poland"});
    CHECK(containing(r, "Die OSZE stellte").session == 4);
    CHECK(has_acronym(r, "NVM", "Nationalen Verweisungsmechanismus"));
}

TEST_CASE("Spanish report: Día/Sesión headings, cut paragraph, dates with 'y' and 'de'", "[report][lang][es]") {
    const Report r = load("informe_es.txt");
    CHECK(r.lang == "es");
    CHECK(r.title == "Reunión de coordinadores nacionales contra la trata de personas");
    CHECK(r.organisers == Strings{"Council of Europe", "OSCE"});
    CHECK(r.dates == Strings{"2020-11-03", "2020-11-04"});
    CHECK(r.venue == "Zoom");
    check_sessions(r, {{0, 0, "", false},
                       {1, 1, "Los desafíos de la pandemia", false},
                       {1, 2, "Buenas prácticas", false},
                       {2, 3, "Protección internacional", false},
                       {2, 4, "", true}}); // "Durante la cuarta sesión"
    check_no_superscripts(r);
    const Passage& cut = containing(r, "las restricciones de viaje y de movimiento provocaron un aumento");
    CHECK(cut.countries == Strings{"Portugal", "Spain"});
    REQUIRE(cut.footnotes.size() == 2);
    CHECK(cut.footnotes[0].n == 1);
    CHECK(cut.footnotes[1].n == 2);
    CHECK(cut.text.substr(0, cut.footnotes[1].offset).ends_with("explotación en línea."));
    CHECK(footnote(r, 2).text == "Véase Informe anual del ACNUR");
    CHECK(footnote(r, 2).organisations == Strings{"UNHCR"});
    CHECK(footnote(r, 2).cited_by == Strings{cut.id});
    CHECK(containing(r, "Mecanismo Nacional de Derivación").kind == PassageKind::BULLET);
    CHECK(containing(r, "La Comisión Europea").organisations == Strings{"European Commission", "European Union"});
    CHECK(containing(r, "cuarta sesión").organisations == Strings{"GRETA", "OSCE"});
    CHECK(containing(r, "cuarta sesión").countries == Strings{"Italy"});
    CHECK(containing(r, "Derechos Humanos presentó").organisations == Strings{"ODIHR"});
    CHECK(containing(r, "Derechos Humanos presentó").session == 4);
    CHECK(has_acronym(r, "MND", "Mecanismo Nacional de Derivación"));
}

TEST_CASE("Russian report: День/Сессия headings, declined names, cut paragraph", "[report][lang][ru]") {
    const Report r = load("otchet_ru.txt");
    CHECK(r.lang == "ru");
    CHECK(r.title == "Совещание национальных координаторов по борьбе с торговлей людьми");
    CHECK(r.organisers == Strings{"Council of Europe", "OSCE"});
    CHECK(r.dates == Strings{"2020-11-03", "2020-11-04"});
    CHECK(r.venue == "Zoom");
    check_sessions(r, {{0, 0, "", false},
                       {1, 1, "Проблемы, вызванные пандемией", false},
                       {1, 2, "Положительная практика", false},
                       {2, 3, "Международная защита", false},
                       {2, 4, "", true}}); // "В ходе четвёртой сессии"
    check_no_superscripts(r);
    const Passage& cut = containing(r, "привели к значительному росту сексуальной эксплуатации");
    CHECK(cut.countries == Strings{"Germany", "Italy"}); // "в Германии и Италии"
    REQUIRE(cut.footnotes.size() == 2);
    CHECK(footnote(r, 1).cited_by == Strings{cut.id});
    CHECK(footnote(r, 2).cited_by == Strings{cut.id});
    CHECK(footnote(r, 2).text == "Заявление ГРЕТА: текст заявления (на английском)");
    CHECK(footnote(r, 2).organisations == Strings{"GRETA"});
    CHECK(containing(r, "Бюро Специального представителя").organisations == Strings{"Council of Europe", "OSCE"});
    CHECK(containing(r, "Представители Сербии").countries == Strings{"Serbia"});
    CHECK(containing(r, "УВКБ ООН").organisations == Strings{"European Commission", "UNHCR"});
    const Passage& fourth = containing(r, "четвёртой сессии");
    CHECK(fourth.session == 4);
    CHECK(fourth.countries == Strings{"France", "Spain"});
    CHECK(containing(r, "БДИПЧ").organisations == Strings{"ODIHR"});
}

namespace {

/// A test document read by the reader its extension picks (md4c for .md, the layout parser for .txt).
Report read_any(const std::string& name) {
    const std::string path = std::string(RAPPORTEUR_TEST_DATA) + "/" + name;
    const Reader* reader = reader_for(path);
    REQUIRE(reader != nullptr);
    return reader->read(test::read_all(path), name);
}

} // namespace

TEST_CASE("Chinese report: 第N天 第M场会议 headings with Han, full-width and Arabic numbers", "[report][lang][zh]") {
    for (const std::string name : {"huiyi_zh.txt", "huiyi_zh.md"}) {
        INFO(name);
        const Report r = read_any(name);
        CHECK(r.title == "网络人口贩运问题专家会议报告");
        CHECK(r.dates == Strings{"2021-05-03", "2021-05-04"});
        CHECK(r.lang == "zh");
        check_sessions(r, {{0, 0, "", false},
                           {1, 1, "网络招募的趋势", false},
                           {1, 2, "平台的责任", false},
                           {2, 3, "受害者的识别与保护", false},
                           {2, 4, "国际合作与结论", false}});
        CHECK(containing(r, "社交媒体").session == 1);
        CHECK(containing(r, "可疑招聘广告").session == 1);
        CHECK(containing(r, "删除非法内容").session == 2);
        CHECK(containing(r, "主动识别").session == 3);
        CHECK(containing(r, "司法协助").session == 4);
        for (const auto& p : r.passages) CHECK(p.kind == PassageKind::PARAGRAPH);
    }
}

TEST_CASE("Japanese report: N日目 第Mセッション, a day heading alone, セッションN", "[report][lang][ja]") {
    for (const std::string name : {"kaigi_ja.txt", "kaigi_ja.md"}) {
        INFO(name);
        const Report r = read_any(name);
        CHECK(r.title == "オンライン人身取引に関する専門家会合報告書");
        CHECK(r.dates == Strings{"2021-05-03", "2021-05-04"});
        CHECK(r.lang == "ja");
        check_sessions(r, {{0, 0, "", false},
                           {1, 1, "オンライン勧誘の動向", false},
                           {1, 2, "プラットフォームの責任", false},
                           {2, 3, "被害者の識別と保護", false},
                           {2, 4, "国際協力と結論", false}});
        CHECK(containing(r, "求人サイト").session == 1);
        CHECK(containing(r, "違法なコンテンツ").session == 2);
        CHECK(containing(r, "積極的な識別").session == 3);
        CHECK(containing(r, "司法共助").session == 4);
    }
}
