/** @file bench_pdf_read.cc
 *  @brief PDF reading speed: PdfReader::read (poppler's text boxes, the layout analysis,
 *         footnotes, running heads, build_report) over a list of PDFs, timed per round with a
 *         known count checked in the timed loop. benchmarks/pdf_read.sh runs it beside
 *         pdftotext on the same files and reports the ratio.
 *
 *  Usage: bench_pdf_read LIST [--rounds N]
 *  LIST holds one PDF path a line. Prints one JSON object: files, bytes, passages, refused,
 *  best_seconds (the fastest round), rounds.
 */
#include "pdf_reader.h"
#include "rapporteur/base/errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--rounds")) {
        std::cerr << "usage: bench_pdf_read LIST [--rounds N]\n";
        return 2;
    }
    const int rounds = argc == 4 ? std::max(1, std::stoi(argv[3])) : 3;
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
                passages += static_cast<long>(reader.read(content, path).passages.size());
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
