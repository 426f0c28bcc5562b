/** @file bench_pdf_read.cc
 *  @brief PDF reading speed: PdfReader::read (poppler's text device, the layout analysis,
 *         footnotes, running heads, build_report) over a list of PDFs, timed per round with a
 *         known count checked in the timed loop. benchmarks/pdf_read.sh runs it beside
 *         pdftotext on the same files and reports the ratio.
 *
 *  Usage: bench_pdf_read LIST [--rounds N] [--words]
 *  LIST holds one PDF path a line. Prints one JSON object: files, bytes, passages, refused,
 *  best_seconds (the fastest round), rounds. With --words it times the words of every page
 *  with their boxes and fonts (PdfTextSource, pdf_text_source.h) and nothing after them:
 *  poppler's share of the reading; "passages" then counts words.
 */
#include "pdf_reader.h"
#include "pdf_text_source.h"
#include "rapporteur/base/errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

/// The words of every page of `content`, poppler's work alone.
long words(const std::string& content) {
    rapporteur::PdfTextSource pdf(content);
    long n = 0;
    for (int i = 0; i < pdf.pages(); ++i) n += static_cast<long>(pdf.page(i, rapporteur::PdfReader::MAX_PAGE_WORDS).words.size());
    return n;
}

} // namespace

int main(int argc, char** argv) {
    int rounds = 3;
    bool words_only = false;
    bool usage = argc < 2;
    for (int i = 2; i < argc && !usage; ++i) {
        const std::string a = argv[i];
        if (a == "--rounds" && i + 1 < argc) {
            rounds = std::max(1, std::atoi(argv[++i]));
        } else if (a == "--words") {
            words_only = true;
        } else {
            usage = true;
        }
    }
    if (usage) {
        std::cerr << "usage: bench_pdf_read LIST [--rounds N] [--words]\n";
        return 2;
    }
    std::vector<std::pair<std::string, std::string>> files; // path, bytes
    std::ifstream list(argv[1]);
    std::size_t bytes = 0;
    for (std::string path; std::getline(list, path);) {
        if (path.empty()) continue;
        std::ifstream in(path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        bytes += s.str().size();
        files.emplace_back(path, s.str());
    }
    const rapporteur::PdfReader reader;
    double best = 1e300;
    long expected = -1;
    std::size_t refused = 0;
    for (int r = 0; r < rounds; ++r) {
        long passages = 0;
        refused = 0;
        const auto start = std::chrono::steady_clock::now();
        for (const auto& [path, content] : files) {
            try {
                passages += words_only ? words(content) : static_cast<long>(reader.read(content, path).passages.size());
            } catch (const rapporteur::RuntimeError&) {
                ++refused;
            }
        }
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        // Every round reads the same passages, or the timing means nothing.
        if (expected >= 0 && passages != expected) {
            std::cerr << "bench_pdf_read: round " << r << " read " << passages << " passages, not " << expected << "\n";
            return 1;
        }
        expected = passages;
        best = std::min(best, s);
    }
    std::cout << nlohmann::json{{"files", files.size()}, {"bytes", bytes}, {"passages", expected}, {"refused", refused},
                                {"best_seconds", best}, {"rounds", rounds}}
                     .dump()
              << "\n";
    return 0;
}
