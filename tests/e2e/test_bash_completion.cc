/** @file test_bash_completion.cc
 *  @brief End-to-end: the installed bash completion (docs/completion/rapporteur.bash), sourced in
 *         `bash --norc` and driven through COMP_WORDS/COMP_CWORD as bash itself would.
 */
#include "help_options.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>
#include <vector>

using rapporteur::test::quote;
using rapporteur::test::run;
using rapporteur::test::TempDir;
using Words = std::vector<std::string>;

namespace {
const std::string BIN = RAPPORTEUR_E2E_BIN;
const std::string COMPLETIONS = RAPPORTEUR_E2E_COMPLETIONS;

/** COMPREPLY, sorted, for the command line `words` with the cursor at the end of the last
 *  word: the file installed under the command's name is sourced, and the function that
 *  `complete -p` names for the command is called with COMP_WORDS and COMP_CWORD set. */
Words complete(const Words& words, const std::string& cwd = ".") {
    // $1 the completion file, then the words; bash passes a completion function the command,
    // the word being completed and the word before it.
    static const std::string script = R"(source "$1" || exit 9
shift
spec=$(complete -p "$1") || exit 8
f=${spec#*-F }; f=${f%% *}
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
"$f" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" || exit 7
printf '%s\n' "${COMPREPLY[@]}")";
    std::string args = quote(COMPLETIONS + "/" + words.front());
    for (const auto& w : words) args += " " + quote(w);
    auto r = run("cd " + quote(cwd) + " && PATH=" + quote(BIN) + ":\"$PATH\" bash --norc --noprofile -c " +
                 quote(script) + " bash " + args);
    INFO(r.err);
    REQUIRE(r.status == 0);
    Words out;
    std::istringstream lines(r.out);
    for (std::string l; std::getline(lines, l);) {
        if (!l.empty()) out.push_back(l);
    }
    std::sort(out.begin(), out.end());
    return out;
}

Words sorted(Words w) {
    std::sort(w.begin(), w.end());
    return w;
}

/// The comma-separated names an error message lists between `open` and `close`, sorted
/// ("(session, org, country)", "be auto, color, brackets or none, not").
Words listed_in(const std::string& message, const std::string& open, const std::string& close) {
    const auto from = message.find(open);
    REQUIRE(from != std::string::npos);
    const auto to = message.find(close, from + open.size());
    REQUIRE(to != std::string::npos);
    std::string list = message.substr(from + open.size(), to - from - open.size());
    for (auto at = list.find(" or "); at != std::string::npos; at = list.find(" or ")) list.replace(at, 4, ", ");
    Words out;
    std::istringstream items(list);
    for (std::string item; std::getline(items, item, ',');) {
        item.erase(0, item.find_first_not_of(' '));
        if (!item.empty()) out.push_back(item);
    }
    return sorted(out);
}
} // namespace

TEST_CASE("completion: installed under each command's name, and completes that command's options",
          "[cli][completion]") {
    CHECK(complete({"rapporteur-search", "--fo"}) == Words{"--footnote-weight", "--format"});
    CHECK(complete({"rapporteur-search", "--form"}) == Words{"--format"});
    CHECK(complete({"rapporteur-index", "--d"}) == Words{"--db", "--delete", "--dump"});
    // Every long option --help lists, and no other: read from --help, they cannot go stale.
    for (const std::string exe : {"rapporteur-index", "rapporteur-search", "rapporteur-eval", "rapporteur-serve"}) {
        INFO(exe);
        REQUIRE(std::filesystem::is_regular_file(COMPLETIONS + "/" + exe));
        Words long_options;
        for (const auto& o : rapporteur::test::help_options(BIN + "/" + exe)) {
            if (o.rfind("--", 0) == 0) long_options.push_back(o);
        }
        CHECK(long_options.size() >= 8);
        CHECK(complete({exe, "--"}) == sorted(long_options));
    }
    CHECK(complete({"rapporteur-eval", "-m"}) == Words{"-m"});
}

TEST_CASE("completion: the values of --format, --highlight, --lang and --filter", "[cli][completion]") {
    const std::string search = BIN + "/rapporteur-search";
    CHECK(complete({"rapporteur-search", "--format", ""}) == Words{"json", "text"});
    CHECK(complete({"rapporteur-search", "--format", "j"}) == Words{"json"});
    // bash breaks words at '=': "--format=j" arrives as three words, "--format" "=" "j".
    CHECK(complete({"rapporteur-search", "--format", "=", "j"}) == Words{"json"});
    CHECK(complete({"rapporteur-search", "--format", "="}) == Words{"json", "text"});
    // rapporteur-serve: a value for --listen, whose ':' --help's value name carries.
    CHECK(complete({"rapporteur-serve", "--listen", "127"}) == Words{"127.0.0.1:0", "127.0.0.1:8080"});
    CHECK(complete({"rapporteur-serve", "--port-f"}) == Words{"--port-file"});

    // The --highlight values are the ones the searcher accepts (its error message lists them).
    const auto highlight = complete({"rapporteur-search", "--highlight", ""});
    auto bad = run(search + " --highlight bogus --help");
    CHECK(bad.status == 2);
    CHECK(highlight == listed_in(bad.err, "must be ", ", not"));

    const auto langs = complete({"rapporteur-search", "--lang", ""});
    CHECK(std::count(langs.begin(), langs.end(), "en") == 1);
    CHECK(std::count(langs.begin(), langs.end(), "fr") == 1);
    for (const auto& l : langs) {
        INFO(l);
        CHECK(run(search + " --lang " + quote(l) + " --help").status == 0); // a code the analyzers know
    }
    CHECK(complete({"rapporteur-index", "--lang", "d"}) == Words{"de"});
    // --features: the analysis features the indexer knows, the last item of a list completed.
    TempDir dir;
    auto bad_feature = run(BIN + "/rapporteur-index --db " + quote((dir / "db").string()) + " --features bogus .");
    CHECK(bad_feature.status == 2);
    CHECK(complete({"rapporteur-index", "--features", ""}) == listed_in(bad_feature.err, "(known: ", ")"));
    CHECK(complete({"rapporteur-index", "--features", "stem,f"}) == Words{"stem,fold"});

    // --filter: the field names, each with its '=', exactly those the searcher knows.
    CHECK(complete({"rapporteur-search", "--filter", "o"}) == Words{"org="});
    const auto fields = complete({"rapporteur-search", "--filter", ""});
    auto no_field = run(search + " --filter x q");
    CHECK(no_field.status == 2);
    Words expected;
    for (const auto& f : listed_in(no_field.err, "FIELD=VALUE (", ")")) expected.push_back(f + "=");
    CHECK(fields == sorted(expected));
    // A field's values where they are a known set, after bash's break at '='.
    CHECK(complete({"rapporteur-search", "--filter", "kind", "=", "f"}) == Words{"footnote"});
    CHECK(complete({"rapporteur-search", "--filter", "lang", "=", "f"}) == Words{"fr"});
    CHECK(complete({"rapporteur-search", "--filter", "org", "=", "G"}).empty());
}

TEST_CASE("completion: rapporteur-eval's -m offers exactly the measures it knows", "[cli][completion]") {
    const auto measures = complete({"rapporteur-eval", "-m", ""});
    CHECK(complete({"rapporteur-eval", "--measure", ""}) == measures);
    auto unknown = run(BIN + "/rapporteur-eval -m no-such-measure /dev/null /dev/null");
    CHECK(unknown.status == 2);
    CHECK(measures == listed_in(unknown.err, "(known: ", ")"));
    CHECK(complete({"rapporteur-eval", "-m", "nd"}) == Words{"ndcg", "ndcg_cut"});
}

TEST_CASE("completion: paths where an option or an argument takes one", "[cli][completion]") {
    TempDir dir;
    std::filesystem::create_directory(dir / "sub");
    rapporteur::test::write_file(dir / "file.txt", "text\n");
    const std::string cwd = dir.path().string();
    CHECK(complete({"rapporteur-index", "--db", ""}, cwd) == Words{"sub"}); // directories only
    CHECK(complete({"rapporteur-search", "--db", "s"}, cwd) == Words{"sub"});
    CHECK(complete({"rapporteur-index", ""}, cwd) == Words{"file.txt", "sub"}); // the inputs
    CHECK(complete({"rapporteur-index", "--dump", "f"}, cwd) == Words{"file.txt"});
    CHECK(complete({"rapporteur-index", "--delete", "f"}, cwd) == Words{"file.txt"});
    CHECK(complete({"rapporteur-search", "--topics", "f"}, cwd) == Words{"file.txt"});
    CHECK(complete({"rapporteur-search", "--shards", "f"}, cwd) == Words{"file.txt"}); // a shard map
    CHECK(complete({"rapporteur-serve", "--shards", "f"}, cwd) == Words{"file.txt"});
    CHECK(complete({"rapporteur-serve", "--db", ""}, cwd) == Words{"sub"});
    CHECK(complete({"rapporteur-eval", "-q", "f"}, cwd) == Words{"file.txt"}); // QRELS and RUN
    // A query word, or the value of an option without a known set: nothing to offer.
    CHECK(complete({"rapporteur-search", "f"}, cwd).empty());
    CHECK(complete({"rapporteur-search", "--like", "f"}, cwd).empty());
    CHECK(complete({"rapporteur-index", "--threads", ""}, cwd).empty());
}
