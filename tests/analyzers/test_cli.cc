/** @file test_cli.cc
 *  @brief The executables' shared options (analyzers/base/src/cli.cc): numbers with ranges,
 *         readable defaults, and the error ladder's exit statuses.
 */
#include "rapporteur/base/cli.h"
#include "rapporteur/base/errors.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>

namespace cli = rapporteur::cli;
namespace po = cli::po;

namespace {

/// Parses "--n VALUE" into `target` through cli::number; the usage error's text, or "".
template <typename T>
std::string parse_number(const std::string& value, T& target, T min, T max) {
    po::options_description options;
    options.add_options()("n", cli::number("n", &target, min, max), "a number");
    const std::string arg = "--n=" + value;
    const char* argv[] = {"test", arg.c_str()};
    try {
        cli::parse(2, const_cast<char**>(argv), options);
    } catch (const po::error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("cli::number: a whole number in its range, else a usage error naming both", "[cli]") {
    unsigned threads = 0;
    CHECK(parse_number("4", threads, 0u, 256u).empty());
    CHECK(threads == 4);
    for (const std::string bad : {"-1", "257", "4x", " 4", "1e3", "18446744073709551616"}) {
        INFO(bad);
        threads = 7;
        CHECK(parse_number(bad, threads, 0u, 256u) == "--n must be an integer from 0 to 256, not '" + bad + "'");
        CHECK(threads == 7);
    }
    double b = 0.4;
    CHECK(parse_number("0.75", b, 0.0, 1.0).empty());
    CHECK(b == 0.75);
    CHECK(parse_number("1.5", b, 0.0, 1.0) == "--n must be a number from 0 to 1, not '1.5'");
    CHECK(parse_number("nan", b, 0.0, 1.0) == "--n must be a number from 0 to 1, not 'nan'");
}

TEST_CASE("cli::number: the default in --help is written as the value reads", "[cli]") {
    double k1 = 0.9;
    po::options_description options;
    options.add_options()("k1", cli::number("k1", &k1, 0.0, 10.0), "BM25 k1");
    std::ostringstream help;
    help << options;
    CHECK(help.str().find("(=0.9)") != std::string::npos);
    CHECK(help.str().find("0.90000") == std::string::npos);
}

TEST_CASE("cli::run: usage errors exit 2 and say to try --help, runtime errors 1, all on one line", "[cli]") {
    CHECK(cli::run("x", [] { return 0; }) == cli::EXIT_OK);
    CHECK(cli::run("x", []() -> int { throw po::error("bad option"); }) == cli::EXIT_USAGE);
    CHECK(cli::run("x", []() -> int { throw rapporteur::UsageError("bad value"); }) == cli::EXIT_USAGE);
    CHECK(cli::run("x", []() -> int { throw rapporteur::RuntimeError("no file"); }) == cli::EXIT_RUNTIME);
    CHECK(cli::run("x", []() -> int { throw std::logic_error("oops"); }) == cli::EXIT_RUNTIME);
    CHECK(cli::run("x", []() -> int { throw 42; }) == cli::EXIT_RUNTIME);
    CHECK(cli::run(
              "x", []() -> int { throw 42; }, [] { return std::optional<std::string>("forty-two"); }) ==
          cli::EXIT_RUNTIME);
}
