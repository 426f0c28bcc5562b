/** @file test_dictd_dictionary.cc
 *  @brief The FreeDict dictionaries (searcher/translation/): dictd's base 64, dictzip chunks,
 *         index lookups, FreeDict entries, the Translator's pairs and lookups — on small dictd
 *         files written here and on the dictionaries Debian installs in /usr/share/dictd.
 */
#include "dictd_dictionary.h"
#include "dictzip_file.h"
#include "freedict_entry.h"
#include "translator.h"

#include "rapporteur/base/errors.h"

#include "support/process.h"

#include <catch2/catch.hpp>
#include <zlib.h>

#include <fstream>

using namespace rapporteur;
using rapporteur::test::TempDir;

namespace {

/// dictd's base 64 (the inverse of DictdDictionary::decode_number), written independently.
std::string encode_number(std::uint64_t n) {
    static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    do {
        out.insert(out.begin(), digits[n % 64]);
        n /= 64;
    } while (n > 0);
    return out;
}

void put16(std::string& s, std::uint32_t v) {
    s += static_cast<char>(v & 0xff);
    s += static_cast<char>((v >> 8) & 0xff);
}
void put32(std::string& s, std::uint32_t v) {
    put16(s, v & 0xffff);
    put16(s, v >> 16);
}

/// A dictzip file as dictzip(1) writes it: chunks of `chunk` bytes, each deflated up to a full flush.
std::string dictzip(const std::string& content, std::size_t chunk) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string data;
    std::vector<std::uint32_t> sizes;
    for (std::size_t at = 0; at < content.size(); at += chunk) {
        const std::size_t n = std::min(chunk, content.size() - at);
        const bool last = at + n >= content.size();
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.data() + at));
        z.avail_in = static_cast<uInt>(n);
        std::string out;
        char buffer[4096];
        do {
            z.next_out = reinterpret_cast<Bytef*>(buffer);
            z.avail_out = sizeof buffer;
            deflate(&z, last ? Z_FINISH : Z_FULL_FLUSH);
            out.append(buffer, sizeof buffer - z.avail_out);
        } while (z.avail_out == 0);
        sizes.push_back(static_cast<std::uint32_t>(out.size()));
        data += out;
    }
    deflateEnd(&z);
    std::string file = "\x1f\x8b\x08";
    file += static_cast<char>(0x04 | 0x08); // FEXTRA, FNAME
    put32(file, 0);
    file += '\x02';
    file += '\x03';
    put16(file, static_cast<std::uint32_t>(4 + 6 + 2 * sizes.size()));
    file += "RA";
    put16(file, static_cast<std::uint32_t>(6 + 2 * sizes.size()));
    put16(file, 1);
    put16(file, static_cast<std::uint32_t>(chunk));
    put16(file, static_cast<std::uint32_t>(sizes.size()));
    for (auto s : sizes) put16(file, s);
    file += "test.dict";
    file += '\0';
    file += data;
    put32(file, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(content.data()),
                                                  static_cast<uInt>(content.size()))));
    put32(file, static_cast<std::uint32_t>(content.size()));
    return file;
}

void write(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

/// A small FreeDict-like English–French dictionary: entries, and the index naming them.
struct SmallDictionary {
    std::string data, index;
    void add(const std::string& headword, const std::string& entry) {
        index += headword + "\t" + encode_number(data.size()) + "\t" + encode_number(entry.size()) + "\n";
        data += entry;
    }
};

SmallDictionary small_dictionary() {
    SmallDictionary d;
    d.add("00databaseshort", "00-database-short\n     English-French test dictionary\n");
    d.add("child", "child /tʃaild/\nenfant\n");
    d.add("labour", "labour /leibər/\n1. travail <masc>\n2. accoucher\n");
    d.add("Traffic", "Traffic /træfik/ <n>\ncirculation [transp.], trafic\n see: {traffic jam}\n");
    d.add("victim", "victim /viktaim/\nvictime\n");
    d.add("victim", "victim /viktaim/\nproie <fem>; victime\n         Note: second entry\n");
    d.add("human trafficking", "human trafficking /hjuːmən/\ntraite des êtres humains\n");
    d.add("policy", "policy /pɔlisi/\npolitique\n");
    d.add("Ärzte", "Ärzte\ndoctors\n");
    d.add("Straße", "Straße\nstreet\n");
    d.add("ребёнок", "ребёнок\nchild\n");
    return d;
}

} // namespace

TEST_CASE("dictd base 64 numbers decode most significant digit first", "[dictd]") {
    const std::vector<std::pair<std::string, std::uint64_t>> golden = {
        {"A", 0}, {"B", 1}, {"/", 63}, {"BA", 64}, {"LOB", 11 * 4096 + 14 * 64 + 1}, {"c/", 28 * 64 + 63}};
    for (const auto& [digits, value] : golden) {
        INFO(digits);
        CHECK(DictdDictionary::decode_number(digits) == value);
    }
    for (std::uint64_t n : {0ull, 1ull, 63ull, 64ull, 4095ull, 123456789ull}) CHECK(DictdDictionary::decode_number(encode_number(n)) == n);
    CHECK_FALSE(DictdDictionary::decode_number("").has_value());
    CHECK_FALSE(DictdDictionary::decode_number("A-B").has_value());
}

TEST_CASE("a dictzip file is read by range across its chunks, like a plain gzip file", "[dictd]") {
    TempDir dir;
    std::string content;
    for (int i = 0; i < 200; ++i) content += "line " + std::to_string(i) + " of the dictionary data\n";
    write(dir / "a.dict.dz", dictzip(content, 100));
    DictzipFile dz(dir / "a.dict.dz");
    CHECK(dz.random_access());
    // Ranges inside one chunk, across several, at the end and past it.
    for (const auto& [offset, length] : std::vector<std::pair<std::size_t, std::size_t>>{
             {0, 10}, {95, 10}, {150, 1000}, {content.size() - 5, 5}, {content.size() - 5, 100}, {0, content.size()}}) {
        INFO(offset << "+" << length);
        CHECK(dz.read(offset, length) == content.substr(offset, length));
    }
    CHECK(dz.read(content.size() + 10, 5).empty());

    // gzip without the chunk table: read whole.
    gzFile gz = gzopen((dir / "b.dict.dz").c_str(), "wb");
    REQUIRE(gz);
    gzwrite(gz, content.data(), static_cast<unsigned>(content.size()));
    gzclose(gz);
    DictzipFile plain(dir / "b.dict.dz");
    CHECK_FALSE(plain.random_access());
    CHECK(plain.read(1234, 50) == content.substr(1234, 50));

    write(dir / "c.dict.dz", "not gzip at all");
    CHECK_THROWS_WITH(DictzipFile(dir / "c.dict.dz"), Catch::Contains("c.dict.dz: not a gzip file"));
    CHECK_THROWS_WITH(DictzipFile(dir / "missing.dict.dz"), Catch::Contains("missing.dict.dz: cannot open"));
}

TEST_CASE("a dictd index is looked up by folded headword, every entry of it in order", "[dictd]") {
    TempDir dir;
    const SmallDictionary d = small_dictionary();
    write(dir / "t.index", d.index);
    write(dir / "t.dict.dz", dictzip(d.data, 64)); // entries straddle chunks
    DictdDictionary dict(dir / "t.index", dir / "t.dict.dz");
    CHECK(dict.size() == 11);
    CHECK(dict.lookup("child") == std::vector<std::string>{"child /tʃaild/\nenfant\n"});
    CHECK(dict.lookup("CHILD") == dict.lookup("child"));
    CHECK(dict.lookup("traffic").size() == 1); // the index writes "Traffic"
    const auto victim = dict.lookup("victim");
    REQUIRE(victim.size() == 2);
    CHECK(victim[1].find("proie") != std::string::npos);
    CHECK(dict.lookup("human trafficking").size() == 1);
    CHECK(dict.lookup("victi").empty());
    CHECK(dict.lookup("ÄRZTE").size() == 1); // Latin-1 folded without ICU
    CHECK(dict.lookup("strasse").size() == 1); // "Straße": ß → ss, as utf8::fold does
    CHECK(dict.lookup("РЕБЁНОК").size() == 1); // Cyrillic: ICU's folding
    CHECK(dict.lookup("").empty());

    write(dir / "bad.index", "child\tB\tC\nlabour\tBC\nvictim\tA\tB\n");
    CHECK_THROWS_WITH(DictdDictionary(dir / "bad.index", dir / "t.dict.dz"), Catch::Contains("bad.index:2: not an index line"));
    write(dir / "bad64.index", "child\tB-\tC\n");
    CHECK_THROWS_WITH(DictdDictionary(dir / "bad64.index", dir / "t.dict.dz"), Catch::Contains("bad64.index:1: bad base-64"));
}

TEST_CASE("a FreeDict entry gives its translations without labels, numbers, notes or repeats", "[dictd]") {
    const std::vector<std::pair<std::string, std::vector<std::string>>> golden = {
        {"child /tʃaild/\nenfant\n", {"enfant"}},
        {"labour /leibər/\n1. travail <masc>\n2. accoucher\n", {"travail", "accoucher"}},
        {"trafficking /tɹˈafɪkɪŋ/\nillegales Handeln <neut>, illegaler Handel <masc> [jur.]\n         Note: mit etw.\n"
         "      \"trafficking of children\"  - Kinderhandel\n see: {child trafficking}\n",
         {"illegales Handeln", "illegaler Handel"}},
        {"victim /v/\nproie <fem>; victime\nvictime\n", {"proie", "victime"}},
        {"enfant /ɑ̃fɑ̃/ <n, masc>\n1. bairn, child, infant\n", {"bairn", "child", "infant"}},
        {"first /fˈɜːst/\nErster <masc>, der/die Erste <masc, fem>\nerste, 1. <num>\n", {"Erster", "der die Erste", "erste"}},
        {"headword only\n", {}},
        {"", {}},
    };
    for (const auto& [entry, expected] : golden) {
        INFO(entry);
        CHECK(parse_freedict_entry(entry) == expected);
    }
}

TEST_CASE("the Translator finds the pairs of a directory and translates with them", "[dictd]") {
    TempDir dir;
    const SmallDictionary d = small_dictionary();
    write(dir / "freedict-eng-fra.index", d.index);
    write(dir / "freedict-eng-fra.dict.dz", dictzip(d.data, 64));
    write(dir / "freedict-eng-deu.index", d.index); // no data beside it: not a pair
    write(dir / "other-file.index", d.index);
    Translator translator(dir.path());
    REQUIRE(translator.pairs().size() == 1);
    CHECK(translator.pairs()[0].from == "en");
    CHECK(translator.pairs()[0].to == "fr");
    CHECK(translator.has_pair("en", "fr"));
    CHECK_FALSE(translator.has_pair("en", "de"));
    CHECK(translator.load_times().empty()); // nothing read before the first translation

    CHECK(translator.translate("Child", "en", "fr") == std::vector<std::string>{"enfant"});
    CHECK(translator.load_times().size() == 1);
    CHECK(translator.translate("children", "en", "fr") == std::vector<std::string>{"enfant"}); // irregular plural
    CHECK(translator.translate("victims", "en", "fr") == std::vector<std::string>{"victime", "proie"});
    CHECK(translator.translate("victims", "en", "fr", 1) == std::vector<std::string>{"victime"});
    CHECK(translator.translate("policies", "en", "fr") == std::vector<std::string>{"politique"});
    CHECK(translator.translate("human trafficking", "en", "fr") == std::vector<std::string>{"traite des êtres humains"});
    CHECK(translator.translate("nothing", "en", "fr").empty());
    CHECK(translator.translate("child", "en", "de").empty());
    CHECK(translator.load_times().size() == 1); // loaded once

    CHECK(Translator(dir / "no-such-dir").pairs().empty());
    CHECK(Translator::iso639_1("fra") == "fr");
    CHECK(Translator::iso639_1("xyz") == "xyz");
}

TEST_CASE("the Translator reads the FreeDict dictionaries Debian installs", "[dictd]") {
    // scripts/setup.sh installs dict-freedict-eng-{fra,deu,spa,rus,ita,por,nld} and their reverses.
    Translator translator("/usr/share/dictd");
    for (const char* to : {"fr", "de", "es", "ru", "it", "pt", "nl"}) {
        INFO(to);
        CHECK(translator.has_pair("en", to));
    }
    for (const char* from : {"fr", "de", "es", "it", "pt", "nl"}) {
        INFO(from);
        CHECK(translator.has_pair(from, "en"));
    }
    auto contains = [](const std::vector<std::string>& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    };
    CHECK(contains(translator.translate("victim", "en", "fr"), "victime"));
    CHECK(contains(translator.translate("child", "en", "de"), "Kind"));
    CHECK(contains(translator.translate("asylum", "en", "es"), "asilo"));
    CHECK(contains(translator.translate("child", "en", "ru"), "ребёнок"));
    CHECK(contains(translator.translate("enfant", "fr", "en"), "child"));
    CHECK(contains(translator.translate("Opfer", "de", "en", 10), "victim"));
    // A whole installed index reads (every line has its three fields).
    DictdDictionary fra("/usr/share/dictd/freedict-eng-fra.index", "/usr/share/dictd/freedict-eng-fra.dict.dz");
    CHECK(fra.size() > 5000);
}
