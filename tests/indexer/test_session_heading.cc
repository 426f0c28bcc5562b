/** @file test_session_heading.cc
 *  @brief The heading grammar in the languages of the data (Chinese and Japanese patterns with
 *         Han and full-width numerals included) and Markdown wrappings; sessions announced in text.
 */
#include "session_heading.h"

#include <catch2/catch.hpp>

using namespace rapporteur;

TEST_CASE("match_session_heading: headings in every language and wrapping", "[heading]") {
    const ReportWords& words = ReportWords::instance();
    struct Row {
        std::string line;
        int day, number;
        std::string title, lang;
    };
    const std::vector<Row> rows = {
        {"Day 1. Session 1 - Towards better understanding", 1, 1, "Towards better understanding", "en"},
        {"Day 2. Session 5 – Update on new resources", 2, 5, "Update on new resources", "en"},
        {"Day 2. Session 5 — Em dash", 2, 5, "Em dash", "en"},
        {"[Day 2. Session 3 - Trafficking in human beings: findings](#)", 2, 3, "Trafficking in human beings: findings",
         "en"},
        {"# Day 1. Session 1 - Markdown", 1, 1, "Markdown", "en"},
        {"### Day 1, Session 2: Colon", 1, 2, "Colon", "en"},
        {"**Day 1. Session 1 – Bold**", 1, 1, "Bold", "en"},
        {"**Day 1. Session 1** – Bold number", 1, 1, "Bold number", "en"},
        {"DAY 3 - SESSION 6 - UPPER CASE", 3, 6, "UPPER CASE", "en"},
        {"Session 4 - No day", 0, 4, "No day", "en"},
        {"Day 1 / Session 2 / Slashes", 1, 2, "Slashes", "en"},
        {"Day 1 · Panel 3 · Middle dots", 1, 3, "Middle dots", "en"},
        {"Session IV: Roman", 0, 4, "Roman", "en"},
        {"Day 1. Session 2", 1, 2, "", "en"},
        {"Day 2", 2, 0, "", "en"},
        {"Day 2 - 4 November 2020", 2, 0, "", "en"},
        {"Jour 1. Séance 2 – Pratiques", 1, 2, "Pratiques", "fr"},
        {"JOUR 1. SÉANCE 2 – MAJUSCULES", 1, 2, "MAJUSCULES", "fr"},
        {"Tag 2. Sitzung 3 - Schutz", 2, 3, "Schutz", "de"},
        {"Día 1. Sesión 1 - Los desafíos", 1, 1, "Los desafíos", "es"},
        {"Dia 1. Sesion 1 - Sin acentos", 1, 1, "Sin acentos", "es"},
        {"Giorno 1. Sessione 2 - Buone pratiche", 1, 2, "Buone pratiche", "it"},
        {"День 1. Сессия 1 — Проблемы", 1, 1, "Проблемы", "ru"},
        {"ДЕНЬ 2. СЕССИЯ 3 - ЗАЩИТА", 2, 3, "ЗАЩИТА", "ru"},
        {"Dia 2. Sessão 3 - Proteção das vítimas", 2, 3, "Proteção das vítimas", "pt"},
        {"Dag 1. Sessie 2 - Preventie", 1, 2, "Preventie", "nl"},
        // Chinese and Japanese: the number inside the words, no spaces, numbers of three kinds.
        {"第一天 第二场会议：网络招募", 1, 2, "网络招募", "zh"},
        {"第1天 第2场 - 平台的责任", 1, 2, "平台的责任", "zh"},
        {"第二场会议 受害者保护", 0, 2, "受害者保护", "zh"},
        {"第二天第十二场会议：结论", 2, 12, "结论", "zh"},
        {"第３天 第２３场会议：全角数字", 3, 23, "全角数字", "zh"},
        {"第二十一場會議：繁體", 0, 21, "繁體", "zh"},
        {"## 第二天 第三场会议：「引号」", 2, 3, "引号", "zh"},
        {"第三天", 3, 0, "", "zh"},
        {"1日目 第2セッション：タイトル", 1, 2, "タイトル", "ja"},
        {"セッション2 - タイトル", 0, 2, "タイトル", "ja"},
        {"第二日 第十セッション：国際協力", 2, 10, "国際協力", "ja"},
        {"２日目　セッション４　被害者の保護", 2, 4, "被害者の保護", "ja"},
    };
    for (const auto& row : rows) {
        INFO(row.line);
        auto h = match_session_heading(row.line, words);
        REQUIRE(h);
        CHECK(h->day == row.day);
        CHECK(h->number == row.number);
        CHECK(h->title == row.title);
        CHECK(h->lang == row.lang);
    }
}

TEST_CASE("match_session_heading: sentences and look-alikes are not headings", "[heading]") {
    const ReportWords& words = ReportWords::instance();
    for (const std::string& line : std::vector<std::string>{
             "Session 1 was opened by the Chair.",
             "Day 1 of the meeting was devoted to prevention.",
             "During the first session, the panellists elaborated on numerous challenges.",
             "Daytime 1. Session 1 - No",
             "Sessions 1 - plural",
             "Day one. Session two - words",
             "Деньги 1. Сессия 1 - money",
             "第二场会议于上午九点开始。",     // "The second session began at nine": a sentence
             "第四场会议讨论了平台的责任。",   // "The fourth session discussed ...": no separator
             "第千场会议：",                   // no number ICU reads as 1-999 alone
             "第零场会议：零",
             "セッション：番号なし",
             "第1234场会议：四位数",
             "",
             "Day",
             std::string(500, 'x'),
             "Day 1. Session 1 - " + std::string(500, 'x'),
         }) {
        INFO(line);
        CHECK_FALSE(match_session_heading(line, words));
    }
}

TEST_CASE("announced_session: an ordinal and a session word in the first words", "[heading]") {
    const ReportWords& words = ReportWords::instance();
    struct Row {
        std::string text;
        int n;
    };
    const std::vector<Row> rows = {
        {"The discussion during the fourth session focused on guidelines issued by GRETA.", 4},
        {"During the first session, the panellists elaborated on numerous challenges.", 1},
        {"During the final session, the CoE and OSCE briefed participants.", 0},
        {"Les discussions de la quatrième séance ont porté sur la protection.", 4},
        {"In der vierten Sitzung ging es um neue Technologien.", 4},
        {"Durante la cuarta sesión se debatieron las directrices.", 4},
        {"Nella terza sessione si è discusso di tecnologia.", 3},
        {"В ходе четвёртой сессии обсуждались вопросы.", 4},
        {"В ходе четвертой сессии обсуждались вопросы.", 4},
        {"The second panel discussed prevention.", 2},
        // Too far into the paragraph: a passing mention, not an announcement.
        {"It was stressed by many participants that the work of all the bodies concerned, as the fourth session "
         "showed, matters.",
         0},
        {"The fourth of the sessions", 0},
        {"", 0},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        CHECK(announced_session(row.text, words) == row.n);
    }
}

TEST_CASE("ReportWords: a malformed data file is an error naming the line", "[heading]") {
    CHECK_THROWS_WITH(ReportWords::parse("# comment\nen\tday\n", "words.tsv"),
                      "words.tsv:2: expected 3 tab-separated columns: language, key, words");
    CHECK_THROWS_WITH(ReportWords::parse("en\tordinal.x\tfirst\n", "w.tsv"), "w.tsv:1: bad number in key ordinal.x");
    // A language added as data is understood without code: Dutch.
    const ReportWords nl = ReportWords::parse(
        "nl\tday\tDag\nnl\tsession\tSessie\nnl\tordinal.2\ttweede\nnl\tsession.text\tsessie\n", "nl");
    auto h = match_session_heading("Dag 1. Sessie 2 - Preventie", nl);
    REQUIRE(h);
    CHECK(h->lang == "nl");
    CHECK(h->number == 2);
    CHECK(announced_session("In de tweede sessie werd gesproken.", nl) == 2);
}

TEST_CASE("starts_with_day: a day word or pattern and its number at the line's start", "[heading]") {
    const ReportWords& words = ReportWords::instance();
    CHECK(starts_with_day("Day 2. Session 3 - Title", words));
    CHECK(starts_with_day("**第二天** 第三场会议", words));
    CHECK(starts_with_day("2日目", words));
    CHECK_FALSE(starts_with_day("Daytime 2", words));
    CHECK_FALSE(starts_with_day("第二场会议", words));
    CHECK_FALSE(starts_with_day("日目", words));
}
