/** @file test_pdf_reader.cc
 *  @brief The PDF reader on PDFs made by pdflatex in the build from reports in the repository
 *         (the seed, a French report in two columns), each read against the text it was made
 *         from and the pages LaTeX wrote into its .aux; and on hostile PDFs (truncated,
 *         encrypted, without text, 5,000 pages, every PDF under /usr/share/doc).
 */
#include "pdf_page_lines.h"
#include "pdf_reader.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/readers.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace rapporteur;
namespace fs = std::filesystem;

namespace {

const fs::path PDFS = RAPPORTEUR_PDF_DIR; // made by tests/indexer/CMakeLists.txt

std::string normalised(std::string_view text) {
    std::istringstream in{std::string(text)};
    std::string word, out;
    while (in >> word) out += (out.empty() ? "" : " ") + word;
    return out;
}

/// The part of a passage id after the document's slug ("p12", "fn3").
std::string local(std::string_view id) { return std::string(id.substr(id.find('/') + 1)); }

/// The page of each \label in a LaTeX .aux file: "\newlabel{p12}{{}{3}}" → {"p12", 3}.
std::map<std::string, int> aux_pages(const fs::path& aux) {
    std::map<std::string, int> out;
    const std::regex label(R"(\\newlabel\{([^}]+)\}\{\{[^}]*\}\{(\d+)\})");
    std::ifstream in(aux);
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_search(line, m, label)) out[m[1]] = std::stoi(m[2]);
    }
    return out;
}

Report read_pdf(const fs::path& path) {
    static const PdfReader reader;
    return reader.read(test::read_all(path), path.filename().string());
}

std::string error_of(std::string_view bytes, std::string_view name) {
    try {
        PdfReader().read(bytes, name);
    } catch (const RuntimeError& e) {
        return e.what();
    }
    return "";
}

/** The PDF's report holds what the text's does: metadata, the same passages (text after
 *  white-space normalisation, kind, markers and the footnotes they cite), the sessions from
 *  headings; and every passage's pages are where LaTeX put its \label{pN}/\label{pNe}. */
void check_same_report(const Report& pdf, const Report& text, const std::map<std::string, int>& pages, bool over_a_page_break) {
    CHECK(pdf.title == text.title);
    CHECK(pdf.dates == text.dates);
    CHECK(pdf.organisers == text.organisers);
    CHECK(pdf.venue == text.venue);

    // Every session, also the one announced in a sentence ("the fourth session"), which
    // build_report infers as the text reader does.
    std::vector<std::string> text_sessions, pdf_sessions;
    for (const auto& s : text.sessions)
        text_sessions.push_back(std::to_string(s.day) + "/" + std::to_string(s.number) + " " + s.title);
    for (const auto& s : pdf.sessions) pdf_sessions.push_back(std::to_string(s.day) + "/" + std::to_string(s.number) + " " + s.title);
    CHECK(pdf_sessions == text_sessions);

    REQUIRE(pdf.passages.size() == text.passages.size());
    int footnotes = 0;
    bool over_a_break = false;
    for (std::size_t i = 0; i < text.passages.size(); ++i) {
        const Passage &t = text.passages[i], &p = pdf.passages[i];
        INFO(t.id << ": " << t.text.substr(0, 80));
        CHECK(normalised(p.text) == normalised(t.text));
        CHECK(kind_name(p.kind) == kind_name(t.kind));
        CHECK(local(p.id) == local(t.id));
        CHECK(p.session == t.session);
        std::vector<std::string> tf, pf;
        for (const auto& f : t.footnotes) tf.push_back(std::to_string(f.n) + "→" + local(f.id));
        for (const auto& f : p.footnotes) pf.push_back(std::to_string(f.n) + "→" + local(f.id));
        CHECK(pf == tf);
        std::vector<std::string> tc, pc;
        for (const auto& c : t.cited_by) tc.push_back(local(c));
        for (const auto& c : p.cited_by) pc.push_back(local(c));
        CHECK(pc == tc);
        const std::string label = p.kind == PassageKind::FOOTNOTE ? "fn" + std::to_string(p.footnote_number) : local(p.id);
        REQUIRE(pages.count(label));
        CHECK(p.page == pages.at(label));
        if (p.kind == PassageKind::FOOTNOTE) {
            ++footnotes;
            CHECK(p.footnote_number == t.footnote_number);
        } else {
            REQUIRE(pages.count(label + "e"));
            CHECK(p.last_page == pages.at(label + "e"));
            over_a_break = over_a_break || p.last_page > p.page;
        }
    }
    CHECK(footnotes > 0);
    CHECK(over_a_break == over_a_page_break);
}

} // namespace

TEST_CASE("the seed typeset by LaTeX reads into the passages, footnotes and sessions of its text", "[pdf]") {
    const Report text = parse_report(test::read_all(fs::path(RAPPORTEUR_SEEDS) / "000_2e1ad919f53edd39.txt"), "000_2e1ad919f53edd39.txt");
    const Report pdf = read_pdf(PDFS / "seed.pdf");
    CHECK(pdf.slug == "seed");
    check_same_report(pdf, text, aux_pages(PDFS / "seed.aux"), true);
    int footnotes = 0;
    for (const auto& p : pdf.passages) footnotes += p.kind == PassageKind::FOOTNOTE;
    CHECK(footnotes == 13);
    // The running head (SUMMARY, the dates) and the page numbers are in no passage.
    for (const auto& p : pdf.passages) {
        INFO(p.text);
        CHECK(p.text.find("SUMMARY") == std::string::npos);
        CHECK(p.text.find("3-4 November 2020") == std::string::npos);
    }
}

TEST_CASE("a French report in two columns reads in column order, with its title, dates and sessions", "[pdf]") {
    const fs::path source = fs::path(RAPPORTEUR_TEST_DATA) / "pdf" / "rapport_deux_colonnes.txt";
    const std::string bytes = test::read_all(PDFS / "rapport_deux_colonnes.pdf");
    // The layout really has two columns under a full-width title block.
    std::set<int> columns;
    for (const auto& page : read_pdf_lines(bytes, "rapport_deux_colonnes.pdf")) {
        for (const auto& l : page.lines) columns.insert(l.column);
    }
    CHECK(columns == std::set<int>{0, 1, 2});

    const Report text = parse_report(test::read_all(source), "rapport_deux_colonnes.txt");
    const Report pdf = read_pdf(PDFS / "rapport_deux_colonnes.pdf");
    CHECK(pdf.title == "Réunion régionale des rapporteurs nationaux sur la traite des êtres humains");
    CHECK(pdf.dates == std::vector<std::string>{"2022-03-15", "2022-03-16"});
    REQUIRE(pdf.sessions.size() == 4);
    CHECK(pdf.sessions[2].title == "L'identification précoce des victimes");
    check_same_report(pdf, text, aux_pages(PDFS / "rapport_deux_colonnes.aux"), false);
}

TEST_CASE("a truncated PDF gets one line naming the file, or what poppler could save of it", "[pdf][hostile]") {
    const std::string bytes = test::read_all(PDFS / "seed.pdf");
    for (double part : {0.0005, 0.1, 0.5, 0.9, 0.99}) {
        const std::string cut = bytes.substr(0, static_cast<std::size_t>(static_cast<double>(bytes.size()) * part));
        INFO("first " << cut.size() << " bytes");
        try {
            const Report r = PdfReader().read(cut, "cut.pdf");
            CHECK(r.sessions.size() >= 1); // what the pages that remain hold
        } catch (const RuntimeError& e) {
            const std::string what = e.what();
            CHECK(!what.empty());
            CHECK(what.find('\n') == std::string::npos);
        }
    }
    CHECK(error_of(bytes.substr(0, 20), "cut.pdf").rfind("damaged PDF", 0) == 0);
}

TEST_CASE("an encrypted PDF, a file that is not a PDF and a PDF without text each get their line", "[pdf][hostile]") {
    CHECK(error_of(test::read_all(PDFS / "seed-encrypted.pdf"), "locked.pdf") == "encrypted PDF (it needs a password to be read)");
    CHECK(error_of("Day 1. Session 1\n\nText.\n", "notes.pdf") == "not a PDF (no %PDF- header)");
    CHECK(error_of("", "empty.pdf") == "not a PDF (no %PDF- header)");
    // One page with an image-only content stream, as a scanner makes: no text layer.
    const std::string scanned = "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
                                "2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
                                "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>> endobj\n"
                                "4 0 obj <</Length 27>> stream\n0 0 1 rg 72 72 200 200 re f\nendstream endobj\n"
                                "trailer <</Root 1 0 R/Size 5>>\n%%EOF\n";
    CHECK(error_of(scanned, "scan.pdf") == "PDF without a text layer (scanned pages?): nothing to index");
}

TEST_CASE("a PDF of 5,000 pages is read whole: every page's passages, sessions and pages", "[pdf][hostile]") {
    const Report r = read_pdf(PDFS / "long.pdf");
    // make_long_pdf.py: two paragraphs a page, a session heading every tenth page.
    REQUIRE(r.passages.size() == 10000);
    CHECK(r.sessions.size() == 501);
    CHECK(r.passages.front().page == 1);
    CHECK(r.passages.back().page == 5000);
    CHECK(r.passages.back().text.rfind("Page 5000 paragraph 2 line 1:", 0) == 0);
    for (const auto& p : r.passages) {
        INFO(p.id);
        REQUIRE(p.page == p.last_page);
        REQUIRE(p.text.find("Page " + std::to_string(p.page) + " paragraph") == 0);
    }
}

TEST_CASE("a PDF whose ToUnicode maps are floods of illegal entries is read (fuzz_reader_pdf's hang)", "[pdf][hostile]") {
    // fuzz_reader_pdf made it from the seed's LaTeX PDF: 300,000 illegal CMap entries and a
    // broken flate stream. The release build reads it in a fraction of a second. Under the
    // fuzz build's AddressSanitizer (clang, -O1) poppler's growing reallocations took 35 s;
    // the suite's sanitizer pass (gcc) reads it in about 18 s, inside its budget, so it runs
    // there too.
    const Report r = read_pdf(fs::path(RAPPORTEUR_TEST_DATA).parent_path() / "fuzz" / "reader_pdf" / "cmap-flood.pdf");
    REQUIRE(!r.passages.empty());
    // Its fonts' maps are broken, so the heading on page 6 reads as a line of text there.
    bool heading = false;
    for (const auto& p : r.passages) heading = heading || (p.page == 6 && p.text.find("Update on new resources") != std::string::npos);
    CHECK(heading);
    for (const auto& p : r.passages) {
        CHECK(p.page >= 1);
        CHECK(p.page <= 7);
    }
}

TEST_CASE("every PDF under /usr/share/doc is read, or gets one line of its cause", "[pdf][hostile]") {
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator("/usr/share/doc", fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file(ec) && it->path().extension() == ".pdf") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    // scripts/setup.sh installs TeX Live's packages, whose documentation ships PDFs.
    REQUIRE(files.size() >= 10);
    std::size_t read = 0, refused = 0;
    for (const auto& f : files) {
        INFO(f);
        try {
            const Report r = PdfReader().read(test::read_all(f), f.string());
            CHECK(r.sessions.size() >= 1);
            for (const auto& p : r.passages) CHECK((p.page >= 1 && p.last_page >= p.page));
            ++read;
        } catch (const RuntimeError& e) {
            const std::string what = e.what();
            CHECK(!what.empty());
            CHECK(what.find('\n') == std::string::npos);
            WARN(f.string() << ": " << what);
            ++refused;
        }
    }
    WARN(read << " of " << files.size() << " PDFs under /usr/share/doc read, " << refused << " refused");
    CHECK(read * 10 >= files.size() * 9);
}

TEST_CASE("a folder of PDFs indexes the good one and names each one it cannot read on a line", "[pdf][hostile]") {
    test::TempDir dir;
    fs::create_directories(dir / "in");
    fs::copy_file(PDFS / "seed.pdf", dir / "in" / "seed.pdf");
    const std::string bytes = test::read_all(PDFS / "seed.pdf");
    test::write_file(dir / "in" / "broken.pdf", bytes.substr(0, 20));
    fs::copy_file(PDFS / "seed-encrypted.pdf", dir / "in" / "locked.pdf");
    const auto r = test::run(std::string(RAPPORTEUR_INDEX_BIN) + " --db '" + (dir / "db").string() + "' '" + (dir / "in").string() + "'");
    INFO(r.out << r.err);
    CHECK(r.status != 0);
    CHECK(r.err.find("rapporteur-index: " + (dir / "in" / "broken.pdf").string() + ": damaged PDF (poppler cannot open it: truncated or corrupt)\n") !=
          std::string::npos);
    CHECK(r.err.find("rapporteur-index: " + (dir / "in" / "locked.pdf").string() + ": encrypted PDF (it needs a password to be read)\n") !=
          std::string::npos);
    CHECK((r.out + r.err).find("1 document indexed, 2 failed; 38 passages") != std::string::npos);
}
