/** @file test_document_hostile.cc
 *  @brief The DOCX, ODT and HTML readers on hostile inputs: truncated archives, zip bombs (a
 *  declared size too large, a ratio too high, a size that lies), an entity expansion bomb, an
 *  external entity, HTML nested 100,000 deep, binary garbage. Each is a clear one-line
 *  RuntimeError or a correct read, never a crash or an expansion.
 */
#include "office_fixtures.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/readers.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <map>
#include <random>

using namespace rapporteur;
using rapporteur::test::docx_of;
using rapporteur::test::odt_of;

namespace {

const std::string FORMATS = RAPPORTEUR_FORMATS_DIR;

/// The message of the RuntimeError reading `bytes` as `name` throws, or "" when it reads.
std::string error_of(const std::string& bytes, const std::string& name) {
    try {
        reader_for(name)->read(bytes, name);
    } catch (const RuntimeError& e) {
        return e.what();
    }
    return "";
}

std::size_t text_bytes(const Report& r) {
    std::size_t n = 0;
    for (const auto& p : r.passages) n += p.text.size();
    return n;
}

/// Overwrites the little-endian 32-bit field at `at`.
void put32(std::string& bytes, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

} // namespace

TEST_CASE("a small DOCX and ODT written here read as expected", "[readers][formats]") {
    // The hostile cases below change one thing each in these.
    const Report d =
        reader_for("a.docx")->read(docx_of("<w:p><w:r><w:t>Shelters were discussed.</w:t></w:r></w:p>"), "a.docx");
    REQUIRE(d.passages.size() == 1);
    CHECK(d.passages[0].text == "Shelters were discussed.");
    const Report o = reader_for("a.odt")->read(odt_of("<text:p>Shelters were discussed.</text:p>"), "a.odt");
    REQUIRE(o.passages.size() == 1);
    CHECK(o.passages[0].text == "Shelters were discussed.");
}

TEST_CASE("a truncated, empty or garbage DOCX or ODT is one clear error line", "[readers][formats][hostile]") {
    const std::string docx = test::read_all(FORMATS + "/seed.docx");
    const std::string odt = test::read_all(FORMATS + "/seed.odt");
    std::mt19937 rng(14);
    std::string garbage(64 * 1024, '\0');
    for (auto& c : garbage) c = static_cast<char>(rng());
    for (const auto& [name, whole] : {std::pair{"r.docx", docx}, std::pair{"r.odt", odt}}) {
        for (const std::string& bytes :
             {whole.substr(0, whole.size() / 2), whole.substr(0, whole.size() - 10), whole.substr(0, 100),
              std::string(), garbage, std::string("PK\x03\x04", 4) + garbage}) {
            INFO(name << " of " << bytes.size() << " bytes");
            const std::string e = error_of(bytes, name);
            CHECK_THAT(e, Catch::StartsWith("not a zip archive, or a damaged one (") ||
                              Catch::StartsWith("content.xml: ") || Catch::StartsWith("word/document.xml: "));
            CHECK(e.find('\n') == std::string::npos);
        }
    }
    // A zip that is not the format it is named: what is missing is said.
    CHECK_THAT(error_of(odt, "x.docx"), Catch::Contains("no word/document.xml"));
    CHECK_THAT(error_of(docx, "x.odt"), Catch::Contains("no content.xml"));
}

TEST_CASE("a zip bomb DOCX is refused before it is inflated", "[readers][formats][hostile]") {
    SECTION("an entry larger than 64 MiB") {
        const std::string huge(65u << 20, ' ');
        const std::string e = error_of(docx_of("<w:p><w:r><w:t>x</w:t></w:r></w:p>" + huge), "bomb.docx");
        CHECK_THAT(e, Catch::StartsWith("word/document.xml: ") && Catch::Contains("MiB"));
    }
    SECTION("an entry that inflates a thousand times") {
        const std::string zeros(4u << 20, ' ');
        const std::string e = error_of(docx_of("<w:p><w:r><w:t>x</w:t></w:r></w:p>" + zeros), "ratio.docx");
        CHECK_THAT(e, Catch::StartsWith("word/document.xml: ") && Catch::Contains("to 1"));
    }
    SECTION("an entry that inflates to more than its header says") {
        std::string bytes = docx_of("<w:p><w:r><w:t>" + std::string(50000, 'a') + "</w:t></w:r></w:p>");
        // Declare 1,000 bytes uncompressed in the local header (offset 22) and the central
        // directory's entry (offset 24) of the one entry.
        const std::size_t local = bytes.find("PK\x03\x04");
        const std::size_t central = bytes.find("PK\x01\x02");
        REQUIRE(local != std::string::npos);
        REQUIRE(central != std::string::npos);
        put32(bytes, local + 22, 1000);
        put32(bytes, central + 24, 1000);
        const std::string e = error_of(bytes, "liar.docx");
        CHECK_THAT(e, Catch::StartsWith("word/document.xml: ") && Catch::Contains("more bytes than the archive says"));
        CHECK(e.find('\n') == std::string::npos);
    }
}

TEST_CASE("an entity expansion bomb is not expanded in DOCX, ODT or HTML", "[readers][formats][hostile]") {
    std::string doctype = "<!DOCTYPE d [<!ENTITY lol \"lol\">";
    for (int i = 1; i <= 9; ++i) {
        doctype += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) doctype += "&lol" + (i > 1 ? std::to_string(i - 1) : std::string()) + ";";
        doctype += "\">";
    }
    doctype += "]>";
    const std::map<std::string, std::string> files = {
        {"bomb.docx", docx_of("<w:p><w:r><w:t>Shelters &lol9; here.</w:t></w:r></w:p>", doctype)},
        {"bomb.odt", odt_of("<text:p>Shelters &lol9; here.</text:p>", doctype)},
        {"bomb.html", doctype + "<html><body><p>Shelters &lol9; here.</p></body></html>"},
    };
    for (const auto& [name, bytes] : files) {
        INFO(name);
        try {
            const Report r = reader_for(name)->read(bytes, name);
            CHECK(text_bytes(r) < 1000); // a billion "lol"s would be 3 GB
        } catch (const RuntimeError& e) {
            CHECK_THAT(e.what(), Catch::Contains("not well-formed XML") && Catch::Contains("entity"));
            CHECK(std::strchr(e.what(), '\n') == nullptr);
        }
    }
}

TEST_CASE("an external entity is never loaded in DOCX, ODT or HTML", "[readers][formats][hostile]") {
    test::TempDir dir;
    const auto secret = dir / "secret.txt";
    test::write_file(secret, "CONFIDENTIALMARKER");
    const std::string doctype = "<!DOCTYPE d [<!ENTITY x SYSTEM \"file://" + secret.string() + "\">]>";
    const std::map<std::string, std::string> files = {
        {"x.docx", docx_of("<w:p><w:r><w:t>Shelters &x; here.</w:t></w:r></w:p>", doctype)},
        {"x.odt", odt_of("<text:p>Shelters &x; here.</text:p>", doctype)},
        {"x.html", doctype + "<html><body><p>Shelters &x; here.</p></body></html>"},
    };
    for (const auto& [name, bytes] : files) {
        INFO(name);
        try {
            const Report r = reader_for(name)->read(bytes, name);
            for (const auto& p : r.passages) CHECK(p.text.find("CONFIDENTIALMARKER") == std::string::npos);
        } catch (const RuntimeError& e) {
            CHECK_THAT(e.what(), !Catch::Contains("CONFIDENTIALMARKER"));
        }
    }
}

TEST_CASE("HTML nested 100,000 deep is refused in bounded time and memory, not read in part",
          "[readers][formats][hostile]") {
    auto nested = [](const std::string& tag) {
        std::string html = "<html><body><p>Shelters were discussed.</p>";
        for (int i = 0; i < 100000; ++i) html += "<" + tag + ">";
        html += "Hotlines too.";
        for (int i = 0; i < 100000; ++i) html += "</" + tag + ">";
        return html + "<p>Inspections were discussed.</p></body></html>";
    };
    for (const std::string tag : {"div", "b", "span"}) {
        INFO(tag);
        CHECK(error_of(nested(tag), "deep.html") ==
              "cannot be read as HTML (line 1: elements nested more than 256 deep)");
    }
    // An <li> closes the one before it (HTML's rules): 100,000 items, one deep, read whole.
    const Report items = reader_for("deep.html")->read(nested("li"), "deep.html");
    REQUIRE(items.passages.size() == 3);
    CHECK(items.passages[1].text == "Hotlines too.");
    CHECK(kind_name(items.passages[1].kind) == "bullet");
    // Nested as deep as real pages are, it reads whole.
    std::string html = "<html><body>";
    for (int i = 0; i < 200; ++i) html += "<div>";
    html += "<p>Hotlines too.</p>";
    for (int i = 0; i < 200; ++i) html += "</div>";
    html += "<p>Inspections were discussed.</p></body></html>";
    const Report r = reader_for("deep.html")->read(html, "deep.html");
    REQUIRE(r.passages.size() == 2);
    CHECK(r.passages[0].text == "Hotlines too.");
    CHECK(r.passages[1].text == "Inspections were discussed.");
}

TEST_CASE("binary garbage named .html is read as what it is, without a crash", "[readers][formats][hostile]") {
    std::mt19937 rng(41);
    for (int round = 0; round < 20; ++round) {
        std::string bytes(4096, '\0');
        for (auto& c : bytes) c = static_cast<char>(rng());
        try {
            const Report r = reader_for("g.html")->read(bytes, "g.html");
            CHECK_FALSE(r.sessions.empty());
        } catch (const RuntimeError& e) {
            CHECK(std::strchr(e.what(), '\n') == nullptr);
        }
    }
}
