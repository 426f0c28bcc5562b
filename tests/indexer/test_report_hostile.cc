/** @file test_report_hostile.cc
 *  @brief The document model on hostile inputs: empty, headings only, dangling markers and
 *  footnotes, a 100 MB line, invalid UTF-8, binary content, and line-end and space variants.
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/indexer.h"
#include "rapporteur/readers.h"
#include "support/process.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <random>
#include <regex>
#include <set>

using namespace rapporteur;

namespace {

using Strings = std::vector<std::string>;
const std::string SEED = std::string(RAPPORTEUR_SEEDS) + "/000_2e1ad919f53edd39.txt";

std::size_t count_kind(const Report& r, const std::string& kind) {
    std::size_t n = 0;
    for (const auto& p : r.passages) n += kind_name(p.kind) == kind;
    return n;
}

std::string error_of(std::string_view text) {
    try {
        parse_report(text, "x.txt");
    } catch (const RuntimeError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("an empty file has the opening part and nothing else", "[report][hostile]") {
    for (std::string text : {"", "\n\n\n", "   \n\t\n", "\xEF\xBB\xBF", "\r\n\r\n"}) {
        const Report r = parse_report(text, "dir/Empty File.md");
        CHECK(r.slug == "empty-file");
        REQUIRE(r.sessions.size() == 1);
        CHECK(r.sessions[0].number == 0);
        CHECK(r.passages.empty());
        CHECK(r.title.empty());
        CHECK(r.dates.empty());
    }
}

TEST_CASE("a file with only a heading has its session and no passage", "[report][hostile]") {
    const Report r = parse_report("Day 1. Session 1 - Opening\n", "h.txt");
    REQUIRE(r.sessions.size() == 2);
    CHECK(r.sessions[1].day == 1);
    CHECK(r.sessions[1].number == 1);
    CHECK(r.sessions[1].title == "Opening");
    CHECK(r.passages.empty());
    CHECK(r.lang == "en");
}

TEST_CASE("a report without sessions keeps every passage in the opening part", "[report][hostile]") {
    const Report r = parse_report(
        "The meeting discussed trafficking in Greece.\n\nIt ended with thanks to the OSCE.\n\n- one point\n- another "
        "point\n",
        "nosessions.txt");
    REQUIRE(r.sessions.size() == 1);
    REQUIRE(r.passages.size() == 4);
    for (const auto& p : r.passages) CHECK(p.session == 0);
    CHECK(r.passages[0].id == "nosessions/p1");
    CHECK(r.passages[0].countries == Strings{"Greece"});
    CHECK(r.passages[1].organisations == Strings{"OSCE"});
    CHECK(r.passages[2].kind == PassageKind::BULLET);
    CHECK(r.passages[2].text == "one point");
    CHECK(r.lang.empty());
}

TEST_CASE("sessions announced only in the text, and an overview that announces nothing", "[report][sessions]") {
    // No headings at all: the announcements make the sessions.
    Report r = parse_report(
        "Opening words.\n\nDuring the first session, A spoke.\n\nMore on A.\n\n"
        "The second session was about B.\n\nThe fourth session never came.\n",
        "announced.txt");
    REQUIRE(r.sessions.size() == 3);
    CHECK(r.sessions[1].number == 1);
    CHECK(r.sessions[1].inferred);
    CHECK(r.sessions[2].number == 2);
    std::vector<int> sessions;
    for (const auto& p : r.passages) sessions.push_back(p.session);
    CHECK(sessions == std::vector<int>{0, 1, 1, 2, 2});
    // With headings, an overview in the opening part is not Session 1.
    r = parse_report(
        "The first session will look at prevention, the second at protection.\n\n"
        "Day 1. Session 1 - Prevention\n\nText.\n",
        "overview.txt");
    REQUIRE(r.sessions.size() == 2);
    CHECK_FALSE(r.sessions[1].inferred);
    CHECK(r.passages[0].session == 0);
}

TEST_CASE("a heading with its title on the next line", "[report][sessions]") {
    const Report r = parse_report(
        "Day 1. Session 1\nTowards better understanding\n\nThe panel met.\n\n"
        "**Day 1. Session 2**\n**Protection of victims**\nThe second panel met.\n",
        "nextline.txt");
    REQUIRE(r.sessions.size() == 3);
    CHECK(r.sessions[1].title == "Towards better understanding");
    CHECK(r.sessions[2].title == "Protection of victims");
    REQUIRE(r.passages.size() == 2);
    CHECK(r.passages[0].text == "The panel met.");
    CHECK(r.passages[1].text == "The second panel met.");
    CHECK(r.passages[1].session == 2);
}

TEST_CASE("lists and Markdown headings inside a block of lines", "[report][blocks]") {
    const Report r = parse_report(
        "Intro line one\ncontinues here, including:\n- first item\n- second item\n"
        "## Background\n#hashtag stays text.\n",
        "blocks.md");
    REQUIRE(r.passages.size() == 4);
    CHECK(r.passages[0].kind == PassageKind::PARAGRAPH);
    CHECK(r.passages[0].text == "Intro line one continues here, including:");
    CHECK(r.passages[1].kind == PassageKind::BULLET);
    CHECK(r.passages[1].text == "first item");
    CHECK(r.passages[2].kind == PassageKind::BULLET);
    CHECK(r.passages[3].text == "#hashtag stays text.");
    // A wrapped line that starts with a dash inside a sentence is not a bullet.
    const Report w =
        parse_report("The first known publication on the issue\n- the one from 2020 - was cited.\n", "wrap.txt");
    REQUIRE(w.passages.size() == 1);
    CHECK(w.passages[0].text == "The first known publication on the issue - the one from 2020 - was cited.");
}

TEST_CASE("setext headings and thematic breaks are not text", "[report][blocks]") {
    const Report r = parse_report(
        "Day 1. Session 1 - Setext\n=========================\n\nThe panel met.\n\n"
        "Background\n----------\nIt began in 2019.\n\n* * *\n\n---\n\nThe end.\n",
        "setext.md");
    REQUIRE(r.sessions.size() == 2);
    CHECK(r.sessions[1].title == "Setext");
    REQUIRE(r.passages.size() == 3);
    CHECK(r.passages[0].text == "The panel met.");
    CHECK(r.passages[1].text == "It began in 2019.");
    CHECK(r.passages[2].text == "The end.");
}

TEST_CASE("a front matter without blank lines, and markup in titles", "[report][front]") {
    const Report r = parse_report(
        "SUMMARY\n**Meeting on \\*Remedies\\***\nCo-organised by UNHCR and the EU\n"
        "5 May 2022\nOnline\n\nThe meeting was opened by the Chair.\n\n"
        "Day 1. Session 1 - [Remedies](#remedies) for victims¹\n\nText¹.\n\n¹ A note.\n",
        "compact.txt");
    CHECK(r.title == "Meeting on *Remedies*");
    CHECK(r.organisers == Strings{"UNHCR", "European Union"});
    CHECK(r.dates == Strings{"2022-05-05"});
    CHECK(r.venue == "Online");
    REQUIRE(r.sessions.size() == 2);
    CHECK(r.sessions[1].title == "Remedies for victims");
    REQUIRE(r.passages.size() == 3);
    CHECK(r.passages[0].text == "The meeting was opened by the Chair.");
    // A wrapped first paragraph of short lines is not front matter.
    const Report w = parse_report("The meeting\nwas opened\nby the Chair.\n", "wrapped.txt");
    CHECK(w.title.empty());
    REQUIRE(w.passages.size() == 1);
    CHECK(w.passages[0].text == "The meeting was opened by the Chair.");
}

TEST_CASE("a marker without a footnote is removed and kept as a reference", "[report][hostile]") {
    const Report r = parse_report("The commitments¹ were recalled.\n", "m.txt");
    REQUIRE(r.passages.size() == 1);
    CHECK(r.passages[0].text == "The commitments were recalled.");
    REQUIRE(r.passages[0].footnotes.size() == 1);
    CHECK(r.passages[0].footnotes[0].n == 1);
    CHECK(r.passages[0].footnotes[0].offset == std::string("The commitments").size());
    CHECK(count_kind(r, "footnote") == 0);
}

TEST_CASE("a footnote without a marker is a footnote cited by nobody", "[report][hostile]") {
    const Report r = parse_report(
        "A paragraph without markers.\n\n³ An orphan note, see <https://example.org/a>.\n\nAnother paragraph.\n",
        "f.txt");
    REQUIRE(count_kind(r, "footnote") == 1);
    const Passage& fn = r.passages.back();
    CHECK(fn.id == "f/fn3");
    CHECK(fn.text == "An orphan note, see https://example.org/a.");
    CHECK(fn.urls == Strings{"https://example.org/a"});
    CHECK(fn.cited_by.empty());
    CHECK(count_kind(r, "paragraph") == 2); // "Another paragraph." starts a sentence: not joined
}

TEST_CASE("a footnote block at the very end is linked to its marker", "[report][hostile]") {
    const Report r = parse_report(
        "Day 1. Session 1 - Only\n\nThe last report⁴ was adopted.\n\n⁴ See [the report](https://example.org/r "
        "\"Report\")",
        "end.txt");
    REQUIRE(r.passages.size() == 2);
    const Passage& fn = r.passages[1];
    CHECK(fn.kind == PassageKind::FOOTNOTE);
    CHECK(fn.id == "end/fn4");
    CHECK(fn.text == "See the report");
    CHECK(fn.urls == Strings{"https://example.org/r"});
    CHECK(fn.cited_by == Strings{"end/p1"});
    CHECK(fn.session == 1);
    CHECK(r.passages[0].footnotes.at(0).n == 4);
}

TEST_CASE("two footnotes with one number get distinct ids, each cited by the nearest marker", "[report][hostile]") {
    const Report r = parse_report("First part¹.\n\n¹ Note A.\n\nSecond part¹.\n\n¹ Note B.\n", "dup.txt");
    REQUIRE(count_kind(r, "footnote") == 2);
    CHECK(r.passages[2].id == "dup/fn1");
    CHECK(r.passages[2].cited_by == Strings{"dup/p1"});
    CHECK(r.passages[3].id == "dup/fn1-2");
    CHECK(r.passages[3].cited_by == Strings{"dup/p2"});
}

TEST_CASE("CRLF, a BOM, tabs and trailing spaces change nothing", "[report][hostile]") {
    const std::string original = test::read_all(SEED);
    std::string variant = "\xEF\xBB\xBF";
    for (char c : original) {
        if (c == '\n')
            variant += " \t \r\n";
        else if (c == ' ')
            variant += (variant.size() % 7 == 0) ? "\t" : " ";
        else
            variant += c;
    }
    const auto a = to_json(parse_report(original, SEED));
    const auto b = to_json(parse_report(variant, SEED));
    CHECK(a.dump() == b.dump());
    // Old Mac line ends too.
    std::string cr = original;
    for (auto& c : cr) c = c == '\n' ? '\r' : c;
    CHECK(to_json(parse_report(cr, SEED)).dump() == a.dump());
}

TEST_CASE("invalid UTF-8 is an error naming the byte offset", "[report][hostile]") {
    CHECK(error_of("abc\xC3\x28 def") == "invalid UTF-8 at byte 3");
    CHECK(error_of("Day 1. Session 1 - \xE2\x82") == "invalid UTF-8 at byte 19"); // truncated at the end
    CHECK(error_of("\xEF\xBB\xBFok \xC0\xAF") == "invalid UTF-8 at byte 6");      // overlong '/'
    CHECK(error_of("surrogate \xED\xA0\x80 here") == "invalid UTF-8 at byte 10");
    CHECK(error_of("latin-1 caf\xE9 au lait") == "invalid UTF-8 at byte 11");
    CHECK(error_of("fine text, no error") == "");
}

TEST_CASE("binary content is refused", "[report][hostile]") {
    std::string elf =
        "\x7F"
        "ELF\x02\x01\x01";
    elf += std::string(64, '\0');
    CHECK(error_of(elf) == "binary file, not text");
    CHECK(error_of(std::string("text with one NUL\0 inside", 25)) == "binary file, not text");
    // No NUL, but mostly control bytes and broken sequences.
    std::string noise;
    for (int i = 0; i < 4096; ++i) noise += static_cast<char>((i * 37 + 11) % 256 == 0 ? 1 : (i * 37 + 11) % 256);
    CHECK(error_of(noise) == "binary file, not text");
}

TEST_CASE("a bad file is reported with its path and offset while the others are read", "[report][hostile][paths]") {
    test::TempDir dir;
    test::write_file(dir / "a_good.txt", "The OSCE met.\n");
    test::write_file(dir / "b_bad.txt", "Broken \xFF byte.\n");
    test::write_file(dir / "c_binary.md", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
    test::write_file(dir / "d_good.md", "# Day 1. Session 1 - Start\n\nAlbania spoke.\n");
    IndexerOptions options;
    IndexSummary summary;
    const auto reports = parse_paths({dir.path()}, options, summary);
    REQUIRE(reports.size() == 2);
    CHECK(reports[0].slug == "a-good");
    CHECK(reports[1].passages.at(0).countries == Strings{"Albania"});
    CHECK(summary.failed == 2);
    REQUIRE(summary.files.size() == 2);
    CHECK(summary.files[0].path == (dir / "b_bad.txt").string());
    CHECK(summary.files[0].error == "invalid UTF-8 at byte 7");
    CHECK(summary.files[1].path == (dir / "c_binary.md").string());
    CHECK(summary.files[1].error == "binary file, not text");
}

TEST_CASE("rapporteur-index --dump: one line per bad file naming it, the good ones printed",
          "[report][hostile][paths]") {
    test::TempDir dir;
    test::write_file(dir / "good.txt", "Day 1. Session 1 - Start\n\nThe OSCE met in Greece.\n");
    test::write_file(dir / "bad.txt", "Broken \xFF byte.\n");
    test::write_file(dir / "blob.md", std::string("\x7F"
                                                  "ELF\x02\x01\0\0\0",
                                                  9));
    const auto r = test::run(std::string(RAPPORTEUR_INDEX_BIN) + " --dump " + test::quote(dir.path().string()));
    CHECK(r.status == 1);
    CHECK(r.err == "rapporteur-index: " + (dir / "bad.txt").string() + ": invalid UTF-8 at byte 7\n" +
                       "rapporteur-index: " + (dir / "blob.md").string() + ": binary file, not text\n");
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j.size() == 1);
    CHECK(j[0].at("slug") == "good");
    CHECK(j[0].at("passages")[0].at("countries") == nlohmann::json::array({"Greece"}));
}

TEST_CASE("indexing skips a file with invalid UTF-8 and indexes the others", "[report][hostile][paths]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "in");
    test::write_file(dir / "in" / "good.txt", "Day 1. Session 1 - Start\n\nThe OSCE met in Greece.\n");
    test::write_file(dir / "in" / "bad.md", "Fine first line.\n\nThen \xC3\x28 a broken one.\n");
    IndexerOptions options;
    options.database = dir / "db";
    const IndexSummary summary = index_paths({dir / "in"}, options);
    CHECK(summary.documents == 1);
    CHECK(summary.passages == 1);
    CHECK(summary.failed == 1);
    bool reported = false;
    for (const auto& f : summary.files) {
        if (f.status == FileOutcome::Status::FAILED) {
            CHECK(f.path == (dir / "in" / "bad.md").string());
            CHECK(f.error == "invalid UTF-8 at byte 23");
            reported = true;
        }
    }
    CHECK(reported);
}

TEST_CASE("a 100 MB single line parses in linear time", "[report][hostile][large]") {
    const std::string sentence =
        "The OSCE and the Council of Europe (CoE) met in Greece on 3 April 2020,¹ see <https://example.org/x> and [a "
        "link](https://example.org/y). ";
    auto make = [&](std::size_t bytes) {
        std::string s;
        s.reserve(bytes + sentence.size());
        while (s.size() < bytes) s += sentence;
        return s;
    };
    auto time = [](const std::string& text, Report& out) {
        const auto start = std::chrono::steady_clock::now();
        out = parse_report(text, "huge.txt");
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    // Under AddressSanitizer (a Debug build, several times slower) the sizes are a fifth: that
    // build looks for memory errors, and the normal build checks the full 100 MB.
#ifdef __SANITIZE_ADDRESS__
    constexpr std::size_t SCALE = 5;
#else
    constexpr std::size_t SCALE = 1;
#endif
    Report small, big;
    const std::string ten = make((10u << 20) / SCALE);
    const double t10 = time(ten, small);
    const std::string hundred = make((100u << 20) / SCALE);
    const double t100 = time(hundred, big);
    REQUIRE(big.passages.size() == 1);
    const Passage& p = big.passages[0];
    const std::size_t sentences = hundred.size() / sentence.size();
    const std::size_t clean = parse_report(sentence, "one.txt").passages.at(0).text.size() + 1;
    CHECK(p.text.size() == sentences * clean - 1);
    CHECK(p.text.find("¹") == std::string::npos);
    CHECK(p.footnotes.size() == sentences);
    CHECK(p.organisations == Strings{"Council of Europe", "OSCE"});
    CHECK(p.countries == Strings{"Greece"});
    CHECK(big.acronyms.size() == 1);
    // Linear: ten times the text takes about ten times as long (a quadratic step would be 100x).
    INFO(10 / SCALE << " MB: " << t10 << " s, " << 100 / SCALE << " MB: " << t100 << " s");
    CHECK(t100 < 25 * std::max(t10, 0.05));
}

TEST_CASE("mutated reports keep the model's invariants", "[report][hostile][mutations]") {
    // Insert markup fragments, delete and reverse spans of the seed, with a fixed seed; every
    // result must parse and keep: no marker in any text, references inside their text, citing
    // ids that exist, valid session indices, single spaces.
    const std::string original = test::read_all(SEED);
    const std::vector<std::string> pieces = {"[",
                                             "]",
                                             "(",
                                             ")",
                                             "<",
                                             ">",
                                             "\\",
                                             "*",
                                             "_",
                                             "#",
                                             "¹",
                                             "²",
                                             "⁰",
                                             "-",
                                             "–",
                                             "\n",
                                             "\n\n",
                                             " ",
                                             "\t",
                                             ".",
                                             ":",
                                             "`",
                                             "&",
                                             "[^1]",
                                             "<sup>3</sup>",
                                             "<https://x.y/z>",
                                             "](#)",
                                             "Day 1. Session 2 - ",
                                             "\n\n¹ ",
                                             "\n- ",
                                             "(AB)",
                                             "3-4 November 2020",
                                             "&amp;",
                                             "http://a.b/c "};
    const std::regex superscript("¹|²|³|⁴|⁵|⁶|⁷|⁸|⁹|⁰");
    std::mt19937 rng(20201103);
    for (int round = 0; round < 60; ++round) {
        std::string text = original;
        const int edits = 1 + static_cast<int>(rng() % 120);
        for (int e = 0; e < edits; ++e) {
            std::size_t at = rng() % (text.size() + 1);
            while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at; // whole characters
            const unsigned op = rng() % 10;
            if (op < 6) {
                text.insert(at, pieces[rng() % pieces.size()]);
            } else if (at < text.size()) {
                std::size_t end = std::min(text.size(), at + 1 + rng() % 40);
                while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
                const bool ascii =
                    std::all_of(text.begin() + static_cast<long>(at), text.begin() + static_cast<long>(end),
                                [](char c) { return static_cast<unsigned char>(c) < 0x80; });
                if (op < 9)
                    text.erase(at, end - at);
                else if (ascii)
                    std::reverse(text.begin() + static_cast<long>(at), text.begin() + static_cast<long>(end));
            }
        }
        INFO("round " << round);
        Report r;
        try {
            r = parse_report(text, "mutated.txt");
        } catch (const RuntimeError& e) {
            FAIL(e.what()); // every edit keeps characters whole: the text stays valid UTF-8
        }
        std::set<std::string> ids;
        for (const auto& p : r.passages) CHECK(ids.insert(p.id).second);
        for (const auto& p : r.passages) {
            INFO(p.id << ": " << p.text.substr(0, 80));
            CHECK_FALSE(std::regex_search(p.text, superscript));
            CHECK(p.text.find("  ") == std::string::npos);
            CHECK((p.text.empty() || (p.text.front() != ' ' && p.text.back() != ' ')));
            for (const auto& f : p.footnotes) CHECK(f.offset <= p.text.size());
            for (const auto& c : p.cited_by) CHECK(ids.count(c) == 1);
            CHECK(p.session >= 0);
            CHECK(static_cast<std::size_t>(p.session) < r.sessions.size());
        }
    }
}
