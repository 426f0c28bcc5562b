/** @file test_cross_language.cc
 *  @brief Cross-language search (searcher/src/cross_language*.cc) over a real index: the seed
 *         and short French, German, Spanish and Russian reports on its subjects
 *         (tests/data/searcher/xlang_*.txt), with the FreeDict dictionaries Debian installs.
 */
#include "fixture.h"

#include "cross_language.h"

#include "rapporteur/utf8.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace rapporteur;

namespace {

const std::filesystem::path& xlang_database() {
    static test::TempDir dir;
    static const std::filesystem::path db = [] {
        IndexerOptions options;
        options.database = dir / "xlang-db";
        const std::filesystem::path data = RAPPORTEUR_SEARCHER_DATA;
        index_paths({RAPPORTEUR_SEEDS, data / "xlang_fr.txt", data / "xlang_de.txt", data / "xlang_es.txt",
                     data / "xlang_ru.txt"},
                    options);
        return options.database;
    }();
    return db;
}

const Searcher& searcher() {
    static const Searcher s(xlang_database());
    return s;
}

SearchOptions cross(std::string lang = {}) {
    SearchOptions o;
    o.cross_language = true;
    o.dictionary_dir = "/usr/share/dictd";
    o.lang = std::move(lang);
    o.limit = 50;
    return o;
}

std::vector<std::string> langs_of(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.lang);
    return out;
}

bool has_lang(const SearchResult& r, const std::string& lang) {
    const auto l = langs_of(r);
    return std::find(l.begin(), l.end(), lang) != l.end();
}

const Hit* first_in(const SearchResult& r, const std::string& lang) {
    for (const auto& h : r.hits) {
        if (h.lang == lang) return &h;
    }
    return nullptr;
}

bool has_notice(const SearchResult& r, const std::string& needle) {
    return std::any_of(r.notices.begin(), r.notices.end(),
                       [&](const std::string& n) { return n.find(needle) != std::string::npos; });
}

/// A dictionary directory holding only the English–French pair, copied from the installed one.
struct OnlyEnglishFrench {
    test::TempDir dir;
    OnlyEnglishFrench() {
        for (const char* f : {"freedict-eng-fra.index", "freedict-eng-fra.dict.dz"})
            std::filesystem::copy_file(std::filesystem::path("/usr/share/dictd") / f, dir / f);
    }
};

} // namespace

TEST_CASE("an English query finds French and German passages with --cross-language, not without", "[xlang]") {
    SearchOptions plain;
    plain.limit = 50;
    plain.lang = "en";
    // ("victim" alone would find the French "victime" without translation: one stem.)
    const SearchResult without = searcher().search("child", plain);
    CHECK_FALSE(has_lang(without, "fr"));
    CHECK_FALSE(has_lang(without, "de"));

    const SearchResult with = searcher().search("child", cross("en"));
    const Hit* fr = first_in(with, "fr");
    const Hit* de = first_in(with, "de");
    REQUIRE(fr);
    REQUIRE(de);
    CHECK(fr->text.find("enfant") != std::string::npos);
    CHECK(de->text.find("Kind") != std::string::npos);
    // The words typed rank above their translations: English passages first.
    CHECK(with.hits.front().lang == "en");
    // The translations are listed, and their words highlighted in the passages they found.
    REQUIRE(with.translations.count("child"));
    const auto& child = with.translations.at("child");
    REQUIRE(child.count("fr"));
    CHECK(std::find(child.at("fr").begin(), child.at("fr").end(), "enfant") != child.at("fr").end());
    CHECK(has_notice(with, "translated \"child\":"));
    CHECK_FALSE(fr->highlights.empty());
    const auto json = to_json(with);
    REQUIRE(json.contains("translations"));
    CHECK(json["translations"]["child"]["fr"][0] == "enfant");
    CHECK(json["translations"]["child"]["de"][0] == "Kind");
}

TEST_CASE("without --cross-language nothing changes", "[xlang]") {
    for (const std::string q : {"child victim", "asylum", "\"child protection\" -women", "enfant", "Kinder"}) {
        INFO(q);
        SearchOptions base;
        base.limit = 50;
        SearchOptions off = base;
        off.cross_language = false;
        off.cross_language_weight = 3.0;        // ignored without the flag
        off.dictionary_dir = "/no/dictionaries"; // never read without the flag
        const auto a = searcher().search(q, base), b = searcher().search(q, off);
        CHECK(to_json(a) == to_json(b));
        CHECK_FALSE(to_json(a).contains("translations"));
        CHECK(a.translations.empty());
    }
}

TEST_CASE("a French query finds English passages with --cross-language", "[xlang]") {
    SearchOptions plain;
    plain.limit = 50;
    plain.lang = "fr";
    CHECK_FALSE(has_lang(searcher().search("enfant", plain), "en"));
    const SearchResult with = searcher().search("enfant", cross("fr"));
    const Hit* en = first_in(with, "en");
    REQUIRE(en);
    CHECK(utf8::fold(en->text).find("child") != std::string::npos);
    CHECK(with.hits.front().lang == "fr");
    // No French→German dictionary: the notice names what was left out, the search goes on.
    CHECK(has_notice(with, "no dictionary from fr into de"));
}

TEST_CASE("a query's language is guessed when not given, and what it excludes stays excluded", "[xlang]") {
    SearchOptions o = cross();
    const SearchResult r = searcher().search("refugee woman", o);
    REQUIRE(first_in(r, "fr"));
    CHECK(first_in(r, "fr")->text.find("femme réfugiée") != std::string::npos);
    // `-asylum` excludes the passages of asylum, whichever language they are in.
    const SearchResult excluded = searcher().search("victim -asylum", cross("en"));
    CHECK(has_lang(excluded, "de")); // "Opfer" outside the asylum passage
    for (const auto& h : excluded.hits) {
        INFO(h.id);
        CHECK(h.text.find("asile") == std::string::npos);
        CHECK(h.text.find("Asyl") == std::string::npos);
    }
}

TEST_CASE("a missing dictionary pair is a notice, not an error", "[xlang]") {
    OnlyEnglishFrench only;
    SearchOptions o = cross("en");
    o.dictionary_dir = only.dir.path().string();
    const SearchResult r = searcher().search("child", o);
    CHECK(has_lang(r, "fr"));
    CHECK_FALSE(has_lang(r, "de"));
    const auto missing = std::find_if(r.notices.begin(), r.notices.end(), [](const std::string& n) {
        return n.rfind("no dictionary from en into de, es, ", 0) == 0;
    });
    REQUIRE(missing != r.notices.end());
    CHECK(missing->find("ru is installed in " + only.dir.path().string()) != std::string::npos);
    const std::string into = missing->substr(0, missing->find(" is installed"));
    CHECK(into.find(" fr,") == std::string::npos);
    CHECK(into.find(", fr") == std::string::npos);

    test::TempDir empty;
    o.dictionary_dir = empty.path().string();
    const SearchResult none = searcher().search("child", o);
    CHECK(has_notice(none, "no FreeDict dictionary is installed in " + empty.path().string()));
    SearchOptions plain;
    plain.lang = "en";
    plain.limit = 50;
    CHECK(to_json(none)["results"] == to_json(searcher().search("child", plain))["results"]);

    // A damaged dictionary: a notice too.
    test::TempDir damaged;
    std::ofstream(damaged / "freedict-eng-fra.index") << "child\tB\n";
    std::filesystem::copy_file("/usr/share/dictd/freedict-eng-fra.dict.dz", damaged / "freedict-eng-fra.dict.dz");
    o.dictionary_dir = damaged.path().string();
    const SearchResult bad = searcher().search("child", o);
    CHECK(has_notice(bad, "a dictionary could not be read"));
    CHECK(has_notice(bad, "freedict-eng-fra.index:1"));
}

TEST_CASE("related passages across languages (like, cross-language): the same subject in the other languages", "[xlang]") {
    const std::string seed_children = [] {
        Xapian::Database db(xlang_database().string());
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            auto stored = read_stored_passage(db.get_document(*it));
            if (stored.text.find("online sexual exploitation of children") != std::string::npos) return stored.id;
        }
        return std::string();
    }();
    REQUIRE_FALSE(seed_children.empty());
    SearchOptions o = cross();
    const SearchResult r = searcher().related(seed_children, o);
    REQUIRE(r.related);
    REQUIRE_FALSE(r.hits.empty());
    for (const auto& h : r.hits) {
        INFO(h.id);
        CHECK(h.lang != "en");
        CHECK_FALSE(h.shared_translations.empty()); // each names the translated words relating it
    }
    auto with_text = [&](const std::string& lang, const std::string& needle) -> const Hit* {
        for (const auto& h : r.hits) {
            if (h.lang == lang && h.text.find(needle) != std::string::npos) return &h;
        }
        return nullptr;
    };
    // The French and German passages on children exploited online, each linked by its word.
    const Hit* fr = with_text("fr", "chaque enfant exploité en ligne");
    const Hit* de = with_text("de", "Jedes Kind");
    REQUIRE(fr);
    REQUIRE(de);
    auto translates = [](const Hit& h, const std::string& word) {
        return std::any_of(h.shared_translations.begin(), h.shared_translations.end(),
                           [&](const auto& p) { return p.second == word; });
    };
    CHECK(translates(*fr, "enfant"));
    CHECK(translates(*de, "Kind"));
    // JSON and text name them.
    const auto json = to_json(r);
    CHECK(json["results"][0]["shared"].contains("translations"));
    CHECK(format_text(r, MarkStyle::NONE).find("translates: ") != std::string::npos);
    // Without the flag, --like stays in the passage's own language here (the others share no word).
    SearchOptions plain;
    plain.limit = 50;
    const SearchResult same = searcher().related(seed_children, plain);
    CHECK_FALSE(has_lang(same, "fr"));
}
