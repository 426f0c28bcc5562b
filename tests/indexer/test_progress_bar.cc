/** @file test_progress_bar.cc
 *  @brief rapporteur-index's progress line: the terminal's width, and a line that fits it.
 */
#include "progress_bar.h"
#include "support/scoped_env.h"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <optional>
#include <string>

using namespace rapporteur;

namespace {

Progress halfway() {
    Progress p;
    p.fraction = 0.5;
    p.files = 12;
    p.bytes = 5'000'000;
    p.total = 10'000'000;
    p.passages_per_s = 1234;
    p.eta_seconds = 75;
    return p;
}

} // namespace

TEST_CASE("without a window size the width is the COLUMNS variable when it is a number or else 80",
          "[indexer][progress]") {
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0); // a pipe has no window size
    const struct {
        std::optional<std::string> columns;
        std::size_t width;
    } cases[] = {{std::nullopt, 80}, {"120", 120},  {"40", 40}, {"0", 80},   {"-5", 80},
                 {"wide", 80},       {"99999", 80}, {"", 80},   {"100x", 80}};
    for (const auto& c : cases) {
        INFO(c.columns.value_or("(unset)"));
        rapporteur::test::ScopedEnv env("COLUMNS", c.columns);
        CHECK(terminal_columns(pipe_fds[1]) == c.width);
    }
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
}

TEST_CASE("the progress line never fills the last column whatever the width", "[indexer][progress]") {
    const auto p = halfway();
    for (std::size_t columns : {0u, 1u, 2u, 10u, 30u, 50u, 66u, 67u, 68u, 80u, 81u, 120u, 200u, 1000u}) {
        INFO(columns);
        const std::string line = progress_line(p, columns);
        CHECK(line.size() <= (columns > 0 ? columns - 1 : 0));
        CHECK(line.find('\n') == std::string::npos);
        if (columns >= 2) CHECK(line.front() != ' ');
    }
    // 80 columns: the bar and every figure; the bar fills the room left, up to 40.
    const std::string at80 = progress_line(p, 80);
    CHECK(at80 == "[###########           ]  50%  12 files  5.0/10.0 MB  1234 passages/s  ETA 1:15");
    CHECK(at80.size() == 79);
    const std::string wide = progress_line(p, 1000);
    CHECK(wide.rfind("[" + std::string(20, '#') + std::string(20, ' ') + "]  50%", 0) == 0);
    // Too narrow for a bar: the figures alone, cut at the edge.
    CHECK(progress_line(p, 50) == "50%  12 files  5.0/10.0 MB  1234 passages/s  ETA ");
}

TEST_CASE("the progress line counts one file and a finished run is a full bar", "[indexer][progress]") {
    Progress p;
    p.fraction = 1;
    p.files = 1;
    p.bytes = p.total = 19307;
    const std::string line = progress_line(p, 80);
    CHECK(line.find(" 1 file ") != std::string::npos);
    CHECK(line.rfind("[" + std::string(line.find(']') - 1, '#') + "] 100%", 0) == 0);
}
