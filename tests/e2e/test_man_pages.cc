/** @file test_man_pages.cc
 *  @brief End-to-end: the installed man pages (docs/man/) render without warnings, have the
 *         usual sections, and name every option their executable's --help lists.
 */
#include "help_options.h"

#include <catch2/catch.hpp>

#include <filesystem>

using rapporteur::test::quote;
using rapporteur::test::run;

namespace {
const std::string BIN = RAPPORTEUR_E2E_BIN;
const std::string MAN1 = RAPPORTEUR_E2E_MAN1;

/// The page as plain text: no bold, underline or overstrike, and ASCII hyphens and minus signs.
std::string render(const std::string& page) {
    auto r = run("groff -man -Tutf8 -P-cbou " + quote(page));
    REQUIRE(r.status == 0);
    std::string out;
    for (std::size_t i = 0; i < r.out.size(); ++i) {
        // U+2010 HYPHEN and U+2212 MINUS SIGN, which groff may print for '-' and '\-'.
        if (r.out.compare(i, 3, "\u2010") == 0 || r.out.compare(i, 3, "\u2212") == 0) {
            out += '-';
            i += 2;
        } else {
            out += r.out[i];
        }
    }
    return out;
}

bool has_section(const std::string& text, const std::string& name) {
    return text.find("\n" + name + "\n") != std::string::npos;
}
} // namespace

TEST_CASE("install: each executable's man page renders cleanly and documents every option", "[cli][man]") {
    for (const std::string exe : {"rapporteur-index", "rapporteur-search", "rapporteur-eval", "rapporteur-serve"}) {
        INFO(exe);
        const std::string page = MAN1 + "/" + exe + ".1";
        REQUIRE(std::filesystem::is_regular_file(page));

        // -ww: every warning groff knows; -z: no output, only the diagnostics.
        auto lint = run("groff -man -Tutf8 -ww -z " + quote(page));
        CHECK(lint.status == 0);
        CHECK(lint.err == "");

        const std::string text = render(page);
        for (const char* section :
             {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "FILES", "EXAMPLES", "SEE ALSO"}) {
            INFO(section);
            CHECK(has_section(text, section));
        }
        if (exe != "rapporteur-eval") {
            CHECK(has_section(text, "ENVIRONMENT"));
            for (const char* variable : {"RAPPORTEUR_DB", "XDG_DATA_HOME", "RAPPORTEUR_DATA_DIR"}) {
                CHECK(text.find(variable) != std::string::npos);
            }
        }
        // NAME: "rapporteur-search - what it does" (the spaces may be widened by justification).
        const auto name = text.find_first_not_of(' ', text.find("\nNAME\n") + 6);
        CHECK(text.compare(name, exe.size(), exe) == 0);
        CHECK(text[text.find_first_not_of(' ', name + exe.size())] == '-');
        CHECK(text.find("Usage:") == std::string::npos); // help2man made the SYNOPSIS of it

        // Generated from this very executable: its version, and every option its --help lists.
        auto version = run(BIN + "/" + exe + " --version");
        REQUIRE(version.status == 0);
        CHECK(text.find(version.out.substr(0, version.out.find('\n'))) != std::string::npos);
        const auto options = rapporteur::test::help_options(BIN + "/" + exe);
        CHECK(options.count("--help") == 1);
        CHECK(options.size() >= 8);
        for (const auto& option : options) {
            INFO(option);
            CHECK(rapporteur::test::names_option(text, option));
        }
    }
}

TEST_CASE("install: the search page tells the environment that colours the output", "[cli][man]") {
    const std::string text = render(MAN1 + "/rapporteur-search.1");
    CHECK(text.find("NO_COLOR") != std::string::npos);
    CHECK(text.find("rapporteur-search --like") != std::string::npos); // an example of each mode
    CHECK(text.find("rapporteur-search --topics") != std::string::npos);
}
