/** @file test_index_formats.cc
 *  @brief End-to-end: rapporteur-index on a folder of DOCX, ODT, HTML and text reports with
 *  broken and hostile files among them: the good ones are indexed and searchable, each bad one
 *  is one named line, and the exit status says a file failed.
 */
#include "support/process.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>
#include <regex>
#include <set>

using rapporteur::test::quote;
using rapporteur::test::read_all;
using rapporteur::test::run;
using rapporteur::test::TempDir;
using rapporteur::test::write_file;
namespace fs = std::filesystem;

namespace {

const std::string BIN = RAPPORTEUR_E2E_BIN;
const std::string INDEX = BIN + "/rapporteur-index";
const std::string SEARCH = BIN + "/rapporteur-search";
const std::string FORMATS = RAPPORTEUR_FORMATS_DIR; // seed.docx, seed.odt, seed.html (pandoc)
const std::string SEED = std::string(RAPPORTEUR_SEEDS) + "/000_2e1ad919f53edd39.txt";

nlohmann::json search(const fs::path& db, const std::string& query) {
    auto r = run(SEARCH + " --db " + quote(db.string()) + " --format json --limit 50 " + quote(query));
    REQUIRE(r.status == 0);
    return nlohmann::json::parse(r.out);
}

std::size_t lines_with(const std::string& text, const std::string& needle) {
    std::size_t n = 0, at = 0;
    while ((at = text.find(needle, at)) != std::string::npos) ++n, ++at;
    return n;
}

} // namespace

TEST_CASE("a folder of DOCX, ODT, HTML and text with broken files among them: the good ones are indexed",
          "[index][formats]") {
    TempDir dir;
    const auto in = dir / "in", db = dir / "db";
    fs::create_directories(in);
    fs::copy_file(FORMATS + "/seed.docx", in / "word.docx");
    fs::copy_file(FORMATS + "/seed.odt", in / "open.odt");
    fs::copy_file(FORMATS + "/seed.html", in / "page.htm");
    fs::copy_file(SEED, in / "plain.txt");
    const std::string docx = read_all(FORMATS + "/seed.docx");
    write_file(in / "truncated.docx", docx.substr(0, docx.size() / 2));
    std::mt19937 rng(14);
    std::string garbage(20000, '\0');
    for (auto& c : garbage) c = static_cast<char>(rng());
    write_file(in / "garbage.odt", garbage);
    std::string deep = "<p>Shelters.</p>";
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    write_file(in / "deep.html", deep);

    auto r = run(INDEX + " --db " + quote(db.string()) + " " + quote(in.string()));
    INFO(r.err);
    CHECK(r.status == 1); // a file failed
    CHECK_THAT(r.err, Catch::Contains("4 documents indexed, 3 failed; "));
    const std::string root = in.string() + "/";
    CHECK_THAT(r.err,
               Catch::Contains("rapporteur-index: " + root + "truncated.docx: not a zip archive, or a damaged one ("));
    CHECK_THAT(r.err,
               Catch::Contains("rapporteur-index: " + root + "garbage.odt: not a zip archive, or a damaged one ("));
    CHECK_THAT(r.err,
               Catch::Contains("rapporteur-index: " + root +
                               "deep.html: cannot be read as HTML (line 1: elements nested more than 256 deep)\n"));
    CHECK(lines_with(r.err, "rapporteur-index: ") == 3); // one line per failed file, nothing else

    // Each good version is searchable, with the same passage and its footnote.
    const auto hits = search(db, "non-punishment");
    std::set<std::string> documents;
    for (const auto& h : hits.at("results")) documents.insert(h.at("document").get<std::string>());
    CHECK(documents.size() == 4); // one passage in each version
    CHECK(hits.at("total").get<int>() == 4);
    CHECK(search(db, "dublin regulation").at("total").get<int>() == 4);
}
