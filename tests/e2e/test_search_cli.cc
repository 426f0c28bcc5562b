/** @file test_search_cli.cc
 *  @brief End-to-end: the installed rapporteur-search on seeds/: the JSON contract field by
 *         field, drill-down, related passages, absurd queries, spelling and batch topics; the
 *         text output's width, colour, header, streams and exit status; --help.
 */
#include "support/process.h"

#include "rapporteur/utf8.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <set>
#include <sstream>

using json = nlohmann::ordered_json;
using rapporteur::test::quote;
using rapporteur::test::run;
using rapporteur::test::TempDir;

namespace {

const std::string BIN = RAPPORTEUR_E2E_BIN;

/// The seed indexed once by the installed indexer, for every test of this program.
const std::string& seed_db() {
    static TempDir dir;
    static const std::string db = [] {
        const std::string path = (dir / "db").string();
        auto r = run(BIN + "/rapporteur-index -q --db " + quote(path) + " " + quote(RAPPORTEUR_SEEDS));
        REQUIRE(r.status == 0);
        return path;
    }();
    return db;
}

/// The seed and the layout test report (long session titles, Chinese), indexed once.
const std::string& layout_db() {
    static TempDir dir;
    static const std::string db = [] {
        const std::string path = (dir / "db").string();
        auto r = run(BIN + "/rapporteur-index -q --db " + quote(path) + " " + quote(RAPPORTEUR_SEEDS) + " " +
                     quote(std::string(RAPPORTEUR_TEST_DATA) + "/searcher/layout_zh.txt"));
        REQUIRE(r.status == 0);
        return path;
    }();
    return db;
}

std::string search(const std::string& args) { return BIN + "/rapporteur-search --db " + quote(seed_db()) + " " + args; }

/// `command` run on a terminal (a pty of `columns` columns, by script(1)), with `env` set.
std::string on_terminal(const std::string& command, const std::string& env = "", int columns = 80) {
    return "env -u NO_COLOR TERM=xterm " + env + " script -qec " +
           quote("stty cols " + std::to_string(columns) + " rows 50; " + command) + " /dev/null";
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back(); // a terminal's line ends
        lines.push_back(line);
    }
    return lines;
}

/// Terminal columns of a line: its display width without ANSI escapes.
std::size_t columns(std::string line) {
    for (std::size_t e; (e = line.find('\033')) != std::string::npos;) line.erase(e, line.find('m', e) + 1 - e);
    return rapporteur::utf8::display_width(line);
}

json search_json(const std::string& args) {
    auto r = run(search("--format json " + args));
    INFO(args << "\n" << r.err);
    REQUIRE(r.status == 0);
    return json::parse(r.out);
}

std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

/// The UTF-8 slice of `s` between code points [a, b).
std::string cp_slice(const std::string& s, std::size_t a, std::size_t b) {
    std::size_t cp = 0, start = s.size(), end = s.size();
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (cp == a) start = std::min(start, i);
            if (cp == b) {
                end = i;
                break;
            }
            ++cp;
        }
    }
    return s.substr(start, end - start);
}

} // namespace

TEST_CASE("search --format json follows the contract, field by field", "[cli][search]") {
    auto j = search_json("--limit 4 --offset 1 " + quote("\"victims of trafficking\" asylum"));
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"query", "total", "offset", "limit", "results", "facets", "notices"});
    CHECK(j["query"] == "\"victims of trafficking\" asylum");
    CHECK(j["offset"] == 1);
    CHECK(j["limit"] == 4);
    REQUIRE(j["total"].is_number_unsigned());
    REQUIRE(j["results"].size() == 4);
    CHECK(j["total"].get<std::size_t>() >= 5);
    CHECK(j["notices"].is_array());
    double last_score = 1e300;
    std::size_t expected_rank = 2;
    for (const auto& h : j["results"]) {
        INFO(h.dump());
        std::vector<std::string> hk;
        for (auto it = h.begin(); it != h.end(); ++it) hk.push_back(it.key());
        std::vector<std::string> expected{"rank",    "id",      "score",   "document",      "title",
                                          "date",    "path",    "page",    "speaker",       "kind",
                                          "lang",    "session", "organisations", "countries", "text",
                                          "snippet", "highlights", "footnotes"};
        if (h["kind"] == "footnote") expected.insert(expected.end(), {"n", "cited_by"});
        CHECK(hk == expected);
        CHECK(h["rank"] == expected_rank++);
        CHECK(h["id"].is_string());
        CHECK_FALSE(h["id"].get<std::string>().empty());
        CHECK(h["score"].is_number());
        CHECK(h["score"].get<double>() <= last_score);
        last_score = h["score"];
        CHECK(h["document"].is_string());
        // The seed's title and first date, its file below the folder indexed; no pages, no speaker.
        CHECK(h["title"] == "Meeting of National Anti-Trafficking Co-ordinators and Rapporteurs or equivalent mechanisms");
        CHECK(h["date"] == "2020-11-03");
        CHECK(h["path"] == "000_2e1ad919f53edd39.txt");
        CHECK(h["page"].is_null());
        CHECK(h["speaker"].is_null());
        CHECK(h["id"].get<std::string>().rfind(h["document"].get<std::string>(), 0) == 0);
        CHECK(h["kind"].is_string());
        CHECK(h["lang"] == "en");
        CHECK(h["session"]["day"].is_number_integer());
        CHECK(h["session"]["number"].is_number_integer());
        CHECK(h["session"]["title"].is_string());
        CHECK(h["organisations"].is_array());
        CHECK(h["countries"].is_array());
        const std::string text = h["text"];
        CHECK(text.find('\n') == std::string::npos);
        // Highlights are code-point ranges of "text", sorted, disjoint, each a matched word.
        REQUIRE_FALSE(h["highlights"].empty());
        std::size_t at = 0;
        for (const auto& r : h["highlights"]) {
            const std::size_t s = r[0], e = r[1];
            CHECK(s >= at);
            CHECK(s < e);
            CHECK(e <= code_points(text));
            at = e;
            std::string word = cp_slice(text, s, e);
            for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            CHECK((word.find("victim") == 0 || word.find("asylum") == 0));
        }
        // The snippet is escaped text of "text" with <mark>s: strip the marks and unescape,
        // and what is left is a slice of the text (after a leading "…").
        std::string snippet = h["snippet"];
        CHECK(snippet.find("<mark>") != std::string::npos);
        std::string plain;
        for (std::size_t i = 0; i < snippet.size();) {
            auto starts = [&](const char* t) { return snippet.compare(i, std::strlen(t), t) == 0; };
            if (starts("<mark>"))
                i += 6;
            else if (starts("</mark>"))
                i += 7;
            else if (starts("&amp;")) {
                plain += '&';
                i += 5;
            } else if (starts("&lt;")) {
                plain += '<';
                i += 4;
            } else if (starts("&gt;")) {
                plain += '>';
                i += 4;
            } else if (starts("&quot;")) {
                plain += '"';
                i += 6;
            } else if (starts("&#39;")) {
                plain += '\'';
                i += 5;
            } else {
                CHECK(snippet[i] != '<');
                plain += snippet[i++];
            }
        }
        const std::string ellipsis = "…";
        if (plain.rfind(ellipsis, 0) == 0) plain = plain.substr(ellipsis.size());
        if (plain.size() >= ellipsis.size() &&
            plain.compare(plain.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0) {
            plain.resize(plain.size() - ellipsis.size());
        }
        CHECK(text.find(plain) != std::string::npos);
        CHECK(code_points(plain) <= 200 + 20);
        for (const auto& f : h["footnotes"]) {
            CHECK(f["n"].is_number_integer());
            CHECK(f["text"].is_string());
            CHECK(f["urls"].is_array());
        }
    }
    for (const char* name : {"session", "organisation", "country", "lang"}) {
        INFO(name);
        REQUIRE(j["facets"].contains(name));
        std::size_t previous = SIZE_MAX;
        for (const auto& v : j["facets"][name]) {
            CHECK(v.size() == 2);
            CHECK(v["value"].is_string());
            CHECK(v["count"].get<std::size_t>() <= previous);
            previous = v["count"];
        }
    }
    std::size_t in_sessions = 0;
    for (const auto& v : j["facets"]["session"]) in_sessions += v["count"].get<std::size_t>();
    CHECK(in_sessions == j["total"].get<std::size_t>());
}

TEST_CASE("search: --filter drills down, --explain and --like add their keys", "[cli][search]") {
    auto open = search_json("--limit 50 trafficking");
    const std::string lang = open["facets"]["lang"][0]["value"];
    auto drilled = search_json("--limit 50 --filter lang=" + lang + " --filter session=" +
                               open["facets"]["session"][0]["value"].get<std::string>() + " trafficking");
    CHECK(drilled["total"] == open["facets"]["session"][0]["count"]);
    auto nothing = search_json("--filter country=Atlantis trafficking");
    CHECK(nothing["total"] == 0);
    CHECK(nothing["notices"].size() == 1);
    CHECK(run(search("--filter colour trafficking")).status == 2);

    auto explained = search_json("--explain --limit 2 asylum guidelines");
    for (const auto& h : explained["results"]) {
        double sum = 0;
        for (const auto& c : h["explanation"]) sum += c["weight"].get<double>();
        CHECK(sum == Approx(h["score"].get<double>()));
    }

    const std::string id = open["results"][0]["id"];
    auto like = search_json("--like " + quote(id) + " --limit 5");
    REQUIRE_FALSE(like["results"].empty());
    for (const auto& h : like["results"]) {
        CHECK(h["id"] != id);
        CHECK(h.contains("shared"));
    }
    auto unknown = run(search("--like no/such/passage"));
    CHECK(unknown.status == 2);
    CHECK(std::count(unknown.err.begin(), unknown.err.end(), '\n') == 1);
    auto text_like = search_json("--like-text " + quote("non-punishment of victims of trafficking") + " --limit 3");
    CHECK_FALSE(text_like["results"].empty());
}

TEST_CASE("search: absurd queries are answered quickly with a notice", "[cli][search]") {
    std::string many;
    for (int i = 0; i < 10000; ++i) many += "w" + std::to_string(i) + " ";
    const std::vector<std::string> cases = {quote(many),
                                            quote(std::string(20000, '(') + "asylum" + std::string(20000, ')')),
                                            quote("*"),
                                            "--max-wildcard-terms 5 " + quote("a*"),
                                            quote("asylum NEAR/99999999999 guidance"),
                                            "--limit 10000 --offset 5000 asylum", // past --max-results
                                            quote("\"unclosed quote"),
                                            quote("asylum AND")};
    for (const auto& c : cases) {
        INFO(c.substr(0, 80));
        const auto start = std::chrono::steady_clock::now();
        auto r = run(search("--format json " + c));
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        REQUIRE(r.status == 0);
        CHECK(seconds < 5.0);
        auto j = json::parse(r.out);
        CHECK_FALSE(j["notices"].empty());
    }
    // Numbers outside an option's range are usage errors, named with the range.
    for (const std::string bad : {"--limit 10000000", "--offset -5", "--limit -1", "--snippet-chars 0", "--b 1.5"}) {
        INFO(bad);
        auto r = run(search(bad + " asylum"));
        CHECK(r.status == 2);
        CHECK(r.err.find("must be a") != std::string::npos);
        CHECK(r.err.find(" from ") != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    auto people = run(search("--highlight brackets trafficing"));
    CHECK(people.status == 1); // nothing matched
    CHECK(people.err.find("did you mean \"trafficking\"") != std::string::npos);
    auto fixed = run(search("--highlight brackets --auto-correct trafficing"));
    CHECK(fixed.out.find("[trafficking]") != std::string::npos);
}

TEST_CASE("search --topics writes a TREC run, deterministic, depth --limit", "[cli][search][batch]") {
    TempDir dir;
    rapporteur::test::write_file(dir / "topics.tsv",
                                 "1\tnon-punishment\n2\ttrafficking\n3\t\"victims of trafficking\"\n");
    rapporteur::test::write_file(
        dir / "topics.trec",
        "<top>\n<num> Number: 1\n<title> non-punishment\n</top>\n<top>\n<num> Number: 2\n"
        "<title> trafficking\n</top>\n<top>\n<num> 3\n<title> \"victims of trafficking\"\n</top>\n");
    auto tsv = run(search("--topics " + quote((dir / "topics.tsv").string()) + " --run-tag test"));
    REQUIRE(tsv.status == 0);
    CHECK(tsv.err.empty()); // no progress bar in a pipe
    auto trec = run(search("--topics " + quote((dir / "topics.trec").string()) + " --run-tag test"));
    CHECK(trec.out == tsv.out);
    CHECK(run(search("--topics " + quote((dir / "topics.tsv").string()) + " --run-tag test")).out == tsv.out);
    std::istringstream lines(tsv.out);
    std::string qid, q0, docid, tag;
    std::size_t rank = 0, per_topic = 0;
    double score = 0;
    std::string last_qid;
    std::size_t topic2 = 0;
    while (lines >> qid >> q0 >> docid >> rank >> score >> tag) {
        if (qid != last_qid) per_topic = 0;
        last_qid = qid;
        CHECK(q0 == "Q0");
        CHECK(tag == "test");
        CHECK(rank == ++per_topic);
        topic2 += qid == "2";
    }
    auto interactive = search_json("--limit 1000 trafficking");
    CHECK(topic2 == interactive["total"].get<std::size_t>());
    auto shallow = run(search("--topics " + quote((dir / "topics.tsv").string()) + " --limit 2"));
    CHECK(std::count(shallow.out.begin(), shallow.out.end(), '\n') <= 6);
    rapporteur::test::write_file(dir / "bad.tsv", "1\tok\nbroken line\n");
    auto bad = run(search("--topics " + quote((dir / "bad.tsv").string())));
    CHECK(bad.status == 1);
    CHECK(bad.err.find("bad.tsv:2:") != std::string::npos);
}

TEST_CASE("search --topics --threads N writes the run of one thread, in topic order", "[cli][search][batch]") {
    TempDir dir;
    std::string tsv;
    const char* const queries[] = {"non-punishment", "trafficking", "\"victims of trafficking\"", "OSCE",
                                   "labour inspections during lockdown", "national referral mechanism",
                                   "Council of Europe", "asylum seekers", "GRETA", "child trafficking"};
    int n = 0;
    for (int round = 0; round < 4; ++round) {
        for (const char* q : queries) tsv += "t" + std::to_string(++n) + "\t" + q + "\n";
    }
    rapporteur::test::write_file(dir / "topics.tsv", tsv);
    const std::string topics = "--topics " + quote((dir / "topics.tsv").string()) + " --limit 100";
    auto one = run(search(topics + " --threads 1"));
    REQUIRE(one.status == 0);
    CHECK(std::count(one.out.begin(), one.out.end(), '\n') > 200);
    for (const char* threads : {"2", "3", "0"}) {
        INFO("--threads " << threads);
        auto many = run(search(topics + " --threads " + threads));
        CHECK(many.status == 0);
        CHECK(many.out == one.out);
    }
    // Lines keep the file's topic order.
    std::istringstream lines(one.out);
    std::string line, last, order;
    while (std::getline(lines, line)) {
        const std::string qid = line.substr(0, line.find(' '));
        if (qid != last) order += qid + "\n";
        last = qid;
    }
    std::string expected;
    std::istringstream file(tsv);
    while (std::getline(file, line)) {
        const std::string qid = line.substr(0, line.find('\t'));
        if (one.out.find(qid + " Q0") != std::string::npos) expected += qid + "\n";
    }
    CHECK(order == expected);
    auto misplaced = run(search("--threads 2 trafficking"));
    CHECK(misplaced.status == 2);
    CHECK(misplaced.err.find("--threads applies to --topics only") != std::string::npos);
}

TEST_CASE("search text output fits 80 columns in a pipe with ids whole, wider with COLUMNS or a wider terminal",
          "[cli][search][text]") {
    const std::string db = BIN + "/rapporteur-search --db " + quote(layout_db()) + " ";
    const std::vector<std::string> queries = {"trafficking",
                                              quote("victims of trafficking") + " --limit 20",
                                              "asylum guidance --explain",
                                              "人口贩运",
                                              "identification victims --limit 5",
                                              "procurement diligence",
                                              "org:OSCE --limit 30",
                                              "--like 000-2e1ad919f53edd39/p18 --explain",
                                              "--filter lang=zh --lang zh 识别"};
    bool wider = false;
    for (const auto& q : queries) {
        INFO(q);
        auto j = json::parse(run(db + "--format json " + q).out);
        REQUIRE_FALSE(j["results"].empty());
        for (const std::string columns_env : {"", "COLUMNS=120 "}) {
            const std::size_t width = columns_env.empty() ? 80 : 120;
            auto r = run("env -u COLUMNS " + columns_env + db + q);
            INFO(r.out);
            REQUIRE(r.status == 0);
            const auto lines = lines_of(r.out);
            for (const auto& line : lines) {
                CHECK(columns(line) <= width);
                wider = wider || columns(line) > 80;
            }
            // The id --like takes stands whole at the head of its hit's first line.
            for (const auto& h : j["results"]) {
                const std::string id = h["id"];
                CHECK(std::any_of(lines.begin(), lines.end(),
                                  [&](const std::string& line) { return line.rfind(id + "  rank ", 0) == 0; }));
            }
        }
    }
    CHECK(wider); // with COLUMNS=120 some line takes more than 80 columns
    // On a terminal, its width (TIOCGWINSZ) decides, over $COLUMNS.
    auto narrow = run(on_terminal(db + quote("victims of trafficking") + " --limit 5", "COLUMNS=200", 60));
    REQUIRE(narrow.status == 0);
    for (const auto& line : lines_of(narrow.out)) CHECK(columns(line) <= 60);
    CHECK(narrow.out.find("000-2e1ad919f53edd39/p18  rank ") != std::string::npos);
}

TEST_CASE("search colour: plain in a pipe, --color always|never|auto, NO_COLOR and TERM=dumb on a terminal",
          "[cli][search][text]") {
    const std::string query = " trafficking --limit 3 --no-facets";
    auto has_colour = [](const std::string& out) { return out.find("\033[") != std::string::npos; };
    // In a pipe: no colour and no [brackets] (they would look like footnote markers [7]).
    auto piped = run(search(query));
    REQUIRE(piped.status == 0);
    CHECK_FALSE(has_colour(piped.out));
    CHECK(piped.out.find("[trafficking]") == std::string::npos);
    CHECK(piped.out.find("[Trafficking]") == std::string::npos);
    // Asked for: colour or brackets in a pipe too; NO_COLOR does not overrule an explicit --color.
    CHECK(has_colour(run(search("--color always" + query)).out));
    CHECK(has_colour(run("NO_COLOR=1 " + search("--color always" + query)).out));
    CHECK(has_colour(run(search("--highlight color" + query)).out));
    auto brackets = run(search("--highlight brackets" + query));
    CHECK(brackets.out.find("[trafficking]") != std::string::npos);
    CHECK_FALSE(has_colour(brackets.out));
    // On a terminal: colour unless NO_COLOR (any non-empty value), TERM=dumb or --color never.
    CHECK(has_colour(run(on_terminal(search(query))).out));
    CHECK(has_colour(run(on_terminal(search(query), "NO_COLOR=")).out));
    CHECK_FALSE(has_colour(run(on_terminal(search(query), "NO_COLOR=1")).out));
    CHECK_FALSE(has_colour(run(on_terminal(search(query), "TERM=dumb")).out));
    CHECK_FALSE(has_colour(run(on_terminal(search("--color never" + query))).out));
    CHECK(run(on_terminal(search("--color auto --highlight none" + query))).out.find("\033[") == std::string::npos);
    // Bad values and contradictions are usage errors, one line each.
    for (const std::string bad : {"--color sometimes", "--color never --highlight color",
                                  "--color always --highlight brackets", "--highlight bold"}) {
        INFO(bad);
        auto r = run(search(bad + query));
        CHECK(r.status == 2);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.err.find("--help") != std::string::npos);
    }
}

TEST_CASE("search header: the corrected query, the filters, the language, a page past the end, where a hit matched",
          "[cli][search][text]") {
    auto one = run(search("non-punishment"));
    CHECK(one.out.rfind("1 passage matches \"non-punishment\" in 1 document (showing 1)\n", 0) == 0);
    CHECK(one.out.find("searched: every language\n") != std::string::npos);
    // A quoted phrase is shown quoted once; a query holding a phrase among words is quoted whole.
    auto phrase = run(search("'\"victims of trafficking\"' --limit 1"));
    CHECK(phrase.out.find("match \"victims of trafficking\" in") != std::string::npos);
    auto mixed = run(search("'\"victims of trafficking\" asylum' --limit 1"));
    CHECK(mixed.out.find("match \"\"victims of trafficking\" asylum\" in") != std::string::npos);
    auto fixed = run(search("--auto-correct trafficing --limit 1"));
    CHECK(fixed.status == 0);
    CHECK(fixed.out.find("passages match \"trafficking\"") != std::string::npos);
    CHECK(fixed.out.find("searched: corrected from \"trafficing\"") != std::string::npos);
    auto drilled = run(search("--lang en --filter org=OSCE --filter org=GRETA --filter session=4 asylum"));
    CHECK(drilled.out.find("searched: language en; org=OSCE or GRETA; session=4\n") != std::string::npos);
    auto past = run(search("asylum --offset 1000"));
    CHECK(past.status == 0); // passages matched, on other pages
    CHECK(past.out.rfind("no results on this page: 5 passages match \"asylum\", --offset 1000\n", 0) == 0);
    // A hit that matches only in its session title or a cited footnote says so.
    auto title = run(BIN + "/rapporteur-search --db " + quote(layout_db()) + " procurement");
    CHECK(title.out.find("\n   matched in: session title\n") != std::string::npos);
    auto cited = run(BIN + "/rapporteur-search --db " + quote(layout_db()) + " diligence");
    CHECK(cited.out.find("\n   matched in: session title, cited footnote\n") != std::string::npos);
    // --explain names fields, not the index's prefixes.
    auto explained = run(search("--explain --like 000-2e1ad919f53edd39/p18 --limit 3"));
    CHECK(explained.out.find("same session  doc:000-2e1ad919f53edd39 session:4") != std::string::npos);
    CHECK(explained.out.find(" XS4") == std::string::npos);
    auto words = search_json("--explain --limit 3 asylum");
    for (const auto& h : words["results"]) {
        for (const auto& c : h["explanation"]) {
            for (const std::string t : c["terms"]) {
                INFO(t);
                CHECK((t.rfind("text:", 0) == 0 || t.rfind("title:", 0) == 0 || t.rfind("footnote:", 0) == 0));
            }
        }
    }
    // Suggestions in the corpus's own casing.
    CHECK(run(search("GRETTA")).err.find("did you mean \"GRETA\"?") != std::string::npos);
}

TEST_CASE("search streams and exit status: results on stdout, notices on stderr, 1 when nothing matched",
          "[cli][search]") {
    auto found = run(search("trafficking"));
    CHECK(found.status == 0);
    CHECK(found.err.empty());
    auto nothing = run(search("trafficing"));
    CHECK(nothing.status == 1);
    CHECK(nothing.out.rfind("0 passages match \"trafficing\"\n", 0) == 0);
    CHECK(nothing.out.find("did you mean") == std::string::npos);
    CHECK(nothing.err == "note: did you mean \"trafficking\"?\n");
    CHECK(run(search("--filter country=Atlantis trafficking")).status == 1);
    // JSON: an empty result is an answer (exit 0), its notices inside it, nothing on stderr.
    auto json_nothing = run(search("--format json trafficing"));
    CHECK(json_nothing.status == 0);
    CHECK(json_nothing.err.empty());
    CHECK(json::parse(json_nothing.out)["notices"].size() == 1);
    // A batch run exits 0 whether or not its topics match.
    TempDir dir;
    rapporteur::test::write_file(dir / "t.tsv", "1\tzzqxv\n");
    auto batch = run(search("--topics " + quote((dir / "t.tsv").string())));
    CHECK(batch.status == 0);
    CHECK(batch.out.empty());
}

TEST_CASE("search --format json: one compact object on one line, --pretty indents, --no-facets empties facets",
          "[cli][search]") {
    auto compact = run(search("--format json --limit 2 trafficking"));
    REQUIRE(compact.status == 0);
    CHECK(std::count(compact.out.begin(), compact.out.end(), '\n') == 1);
    CHECK(compact.out.back() == '\n');
    CHECK(compact.out.rfind("{\"query\":\"trafficking\",\"total\":", 0) == 0);
    auto pretty = run(search("--format json --pretty --limit 2 trafficking"));
    CHECK(std::count(pretty.out.begin(), pretty.out.end(), '\n') > 20);
    CHECK(json::parse(pretty.out) == json::parse(compact.out));
    auto facets = json::parse(compact.out)["facets"];
    std::vector<std::string> names;
    for (auto it = facets.begin(); it != facets.end(); ++it) names.push_back(it.key());
    CHECK(names == std::vector<std::string>{"session", "organisation", "country", "lang", "document", "speaker"});
    CHECK(search_json("--no-facets trafficking")["facets"] == json::object());
    // A footnote's own passage says which footnote it is and which passages cite it.
    auto notes = search_json("--filter kind=footnote guidance");
    REQUIRE_FALSE(notes["results"].empty());
    for (const auto& h : notes["results"]) {
        CHECK(h["kind"] == "footnote");
        CHECK(h["n"].get<int>() > 0);
        REQUIRE_FALSE(h["cited_by"].empty());
        CHECK(h["id"].get<std::string>().find("/fn" + std::to_string(h["n"].get<int>())) != std::string::npos);
    }
    CHECK(run(search("--pretty trafficking")).status == 2); // --pretty is for JSON
}

TEST_CASE("search --help: defaults, every filter field, the query syntax, exit codes, examples", "[cli][search]") {
    auto help = run(BIN + "/rapporteur-search --help");
    REQUIRE(help.status == 0);
    for (const std::string wanted :
         {"(=0.6)", "(=0.25)", "session, org, country, lang, doc, speaker, kind, day", "Query syntax", "NEAR/5", "prefix*",
          "in:footnotes", "Exit status", "nothing matched", "usage error", "Examples", "rapporteur-search --like",
          "--color", "--pretty", "--no-facets"}) {
        INFO(wanted);
        CHECK(help.out.find(wanted) != std::string::npos);
    }
    for (const auto& line : lines_of(help.out)) {
        INFO(line);
        CHECK(columns(line) <= 80);
    }
}

TEST_CASE("search --topics refuses a qid given twice, a directory and --format json", "[cli][search][batch]") {
    TempDir dir;
    rapporteur::test::write_file(dir / "twice.tsv", "1\tasylum\n2\ttrafficking\n1\tguidance\n");
    auto twice = run(search("--topics " + quote((dir / "twice.tsv").string())));
    CHECK(twice.status == 1);
    CHECK(twice.err.find("twice.tsv:3: topic '1' again (first on line 1)") != std::string::npos);
    CHECK(std::count(twice.err.begin(), twice.err.end(), '\n') == 1);
    CHECK(twice.out.empty());
    auto directory = run(search("--topics " + quote(dir.path().string())));
    CHECK(directory.status == 1);
    CHECK(directory.err.find(dir.path().string() + ": cannot read: Is a directory") != std::string::npos);
    CHECK(std::count(directory.err.begin(), directory.err.end(), '\n') == 1);
    auto missing = run(search("--topics " + quote((dir / "none.tsv").string())));
    CHECK(missing.status == 1);
    CHECK(missing.err.find("none.tsv: cannot open: No such file or directory") != std::string::npos);
    rapporteur::test::write_file(dir / "ok.tsv", "1\tasylum\n");
    auto as_json = run(search("--format json --topics " + quote((dir / "ok.tsv").string())));
    CHECK(as_json.status == 2);
    CHECK(as_json.err.find("--format json does not apply to --topics") != std::string::npos);
    CHECK(std::count(as_json.err.begin(), as_json.err.end(), '\n') == 1);
}

TEST_CASE("search --lang takes language codes only: a usage error in one line", "[cli][search]") {
    for (const std::string lang : {"xx", "english", "e", "12"}) {
        INFO(lang);
        auto r = run(search("--lang " + lang + " asylum"));
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.err.find("--lang '" + lang + "'") != std::string::npos);
    }
    CHECK(run(search("--lang fr asylum")).status == 0);
}
