/** @file test_document_readers.cc
 *  @brief The DOCX, ODT and HTML readers (docx_reader.cc, odt_reader.cc, html_reader.cc) on the
 *  seed report: pandoc makes the three from tests/data/indexer/formats/seed.md in the test build,
 *  and each must read into the passages, footnotes and sessions the plain-text reader reads
 *  from the seed's text in seeds/.
 */
#include "rapporteur/readers.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

using namespace rapporteur;

namespace {

const std::string SEED = std::string(RAPPORTEUR_SEEDS) + "/000_2e1ad919f53edd39.txt";
const std::string FORMATS = RAPPORTEUR_FORMATS_DIR; // the test build's pandoc outputs

/// A report read by the reader its file's extension names, under the seed's name (so that the
/// ids, which come from the name, are comparable).
Report read_as_seed(const std::string& path) {
    const Reader* reader = reader_for(path);
    REQUIRE(reader != nullptr);
    const std::string name = "000_2e1ad919f53edd39" + std::filesystem::path(path).extension().string();
    return reader->read(test::read_all(path), name);
}

const Report& text_seed() {
    static const Report r = reader_for(SEED)->read(test::read_all(SEED), "000_2e1ad919f53edd39.txt");
    return r;
}

/// Runs of white space as one space, none at the ends.
std::string normalised(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

const std::vector<std::string> EXTENSIONS = {".docx", ".odt", ".html"};

/// What a passage read from another format must share with the one `want` was read as.
void check_same_passage(const Passage& want, const Passage& got) {
    INFO("passage " << want.id << ": " << want.text);
    CHECK(got.id == want.id);
    CHECK(kind_name(got.kind) == kind_name(want.kind));
    CHECK(normalised(got.text) == normalised(want.text));
    CHECK(got.session == want.session);
    CHECK(got.heading == want.heading);
    CHECK(got.speaker == want.speaker);
    CHECK(got.footnote_number == want.footnote_number);
    CHECK(got.organisations == want.organisations);
    CHECK(got.countries == want.countries);
    CHECK(got.cited_by == want.cited_by);
}

} // namespace

TEST_CASE("the seed as DOCX, ODT and HTML reads into the text version's passages", "[readers][formats][seed]") {
    const Report& want = text_seed();
    REQUIRE(want.passages.size() == 38); // what the README's tour says the seed has
    for (const auto& ext : EXTENSIONS) {
        INFO(ext);
        const Report got = read_as_seed(FORMATS + "/seed" + ext);
        REQUIRE(got.passages.size() == want.passages.size());
        for (std::size_t i = 0; i < want.passages.size(); ++i) {
            check_same_passage(want.passages[i], got.passages[i]);
            CHECK(got.passages[i].page == 0); // pandoc records no page breaks: no page is claimed
        }
    }
}

TEST_CASE("the seed as DOCX, ODT and HTML has the same 13 footnotes, cited by the same passages at the same places",
          "[readers][formats][seed]") {
    const Report& want = text_seed();
    auto citations = [](const Report& r) {
        std::map<std::string, std::vector<std::string>> cited_by; // footnote id → citing passages
        std::vector<std::tuple<std::string, int, std::uint32_t, std::string>> refs;
        for (const auto& p : r.passages) {
            if (p.kind == PassageKind::FOOTNOTE) cited_by[p.id] = p.cited_by;
            for (const auto& f : p.footnotes) refs.emplace_back(p.id, f.n, f.offset, f.id);
        }
        return std::make_pair(cited_by, refs);
    };
    const auto [want_cited, want_refs] = citations(want);
    REQUIRE(want_cited.size() == 13);
    REQUIRE(want_refs.size() == 13);
    for (const auto& ext : EXTENSIONS) {
        INFO(ext);
        const auto [cited, refs] = citations(read_as_seed(FORMATS + "/seed" + ext));
        CHECK(cited == want_cited);
        CHECK(refs == want_refs); // the same marker numbers, offsets and footnote ids
    }
}

TEST_CASE("the seed as DOCX, ODT and HTML has the text version's sessions and metadata", "[readers][formats][seed]") {
    const Report& want = text_seed();
    REQUIRE(want.sessions.size() == 6);
    for (const auto& ext : EXTENSIONS) {
        INFO(ext);
        const Report got = read_as_seed(FORMATS + "/seed" + ext);
        REQUIRE(got.sessions.size() == want.sessions.size());
        for (std::size_t i = 0; i < want.sessions.size(); ++i) {
            INFO("session " << i);
            CHECK(got.sessions[i].day == want.sessions[i].day);
            CHECK(got.sessions[i].number == want.sessions[i].number);
            CHECK(got.sessions[i].title == want.sessions[i].title);
            CHECK(got.sessions[i].inferred == want.sessions[i].inferred);
        }
        CHECK(got.title == want.title);
        CHECK(got.dates == want.dates);
        CHECK(got.organisers == want.organisers);
        CHECK(got.slug == want.slug);
    }
}

TEST_CASE("the readers are registered for .docx, .odt, .html and .htm, in any case", "[readers][formats]") {
    for (const std::string path : {"a.docx", "b.ODT", "c.html", "d.HTM"}) {
        INFO(path);
        const Reader* r = reader_for(path);
        REQUIRE(r != nullptr);
        CHECK(r != reader_for("x.txt"));
    }
    CHECK(reader_for("a.docx")->format() != reader_for("a.odt")->format());
    CHECK(reader_for("a.htm") == reader_for("a.html"));
}

TEST_CASE("a UN-style report as DOCX, ODT and HTML reads into the Markdown version's paragraphs, lists and sessions",
          "[readers][formats][un]") {
    // pandoc numbers the paragraphs with each format's own numbering (w:numPr, text:list,
    // <ol><li><p>); they must come out as the .md's paragraphs, while the attendance list and
    // the agenda inside paragraph 5 stay lists.
    const std::string md_path = std::string(RAPPORTEUR_TEST_DATA) + "/un_committee_report.md";
    const Report want = reader_for(md_path)->read(test::read_all(md_path), "un_committee_report.md");
    std::size_t paragraphs = 0, bullets = 0;
    for (const auto& p : want.passages) {
        paragraphs += p.kind == PassageKind::PARAGRAPH;
        bullets += p.kind == PassageKind::BULLET;
    }
    REQUIRE(paragraphs == 10); // the ten numbered paragraphs
    REQUIRE(bullets == 8);     // four members, four agenda items
    REQUIRE(want.sessions.size() == 5);
    for (const auto& ext : EXTENSIONS) {
        INFO(ext);
        const std::string path = FORMATS + "/un_committee_report" + ext;
        const Report got = reader_for(path)->read(test::read_all(path), "un_committee_report" + ext);
        CHECK(got.title == want.title);
        CHECK(got.dates == want.dates);
        REQUIRE(got.sessions.size() == want.sessions.size());
        for (std::size_t i = 0; i < want.sessions.size(); ++i) {
            INFO("session " << i);
            CHECK(got.sessions[i].number == want.sessions[i].number);
            CHECK(got.sessions[i].title == want.sessions[i].title);
        }
        REQUIRE(got.passages.size() == want.passages.size());
        for (std::size_t i = 0; i < want.passages.size(); ++i) {
            check_same_passage(want.passages[i], got.passages[i]);
        }
    }
}
