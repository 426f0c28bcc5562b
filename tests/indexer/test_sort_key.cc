/** @file test_sort_key.cc
 *  @brief The passage sort key read back as the id (codecs::decode_sort_key): every id it
 *         returns is the one encoded, and the keys it cannot read are refused, not misread;
 *         and sort_key_order, the writer's order of passages and files.
 */
#include "rapporteur/format/codecs.h"

#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <vector>

using rapporteur::codecs::decode_sort_key;
using rapporteur::codecs::encode_sort_key;

TEST_CASE("passage ids come back from their sort keys", "[indexer][schema]") {
    // Ids as the writer makes them (slug/number), and others with digits anywhere.
    const std::vector<std::string> ids = {"osce-2019-report/12",     "en-0001/7",  "doc/p10", "a", "7",
                                          "2021-05-03 minutes/0001", "x/0",        "x/-3",    "é/12",
                                          "report 2 (rev. 4)/101",   "0/0/0/0",    "-/-"};
    for (const auto& id : ids) {
        std::string back = "stale";
        CHECK(decode_sort_key(encode_sort_key(id), back));
        CHECK(back == id);
    }
}

TEST_CASE("a sort key is read as its id or refused, for every length of digit run", "[indexer][schema]") {
    // A run of 48 to 57 digits has a length byte that is itself a digit: the key is ambiguous
    // to a left-to-right reading, so the decoder may refuse it, but never returns another id.
    std::size_t refused = 0;
    for (std::size_t n = 1; n <= 300; ++n) {
        for (const char* head : {"", "-", "/", "a", "doc/p"}) {
            const std::string id = head + std::string(n, '3') + (n % 2 ? "/x" : "");
            std::string back;
            if (decode_sort_key(encode_sort_key(id), back)) {
                CHECK(back == id);
            } else {
                ++refused;
                CHECK(((n >= 48 && n <= 57) || n > 255));
            }
        }
    }
    CHECK(refused > 0); // the ambiguous runs exist, and are caught
}

TEST_CASE("keys no id encodes to are refused", "[indexer][schema]") {
    std::string id;
    CHECK_FALSE(decode_sort_key("", id));
    CHECK_FALSE(decode_sort_key(std::string("\x03" "12", 3), id));      // a run cut short
    CHECK_FALSE(decode_sort_key(std::string("\x00" "1", 2), id));       // a run of length 0
    CHECK_FALSE(decode_sort_key(std::string("p\x01" "1\x01" "2", 5), id)); // two runs with nothing between
    CHECK_FALSE(decode_sort_key("12", id));                             // a digit where a length belongs
}

TEST_CASE("sort_key_order is the sort keys' order, equal keys in their given order", "[indexer][schema]") {
    using rapporteur::codecs::sort_key_order;
    const std::vector<std::string> ids = {"doc/p10", "doc/p9", "doc/fn2", "", "doc/p9", "doc/fn10", "Doc/p1", "doc/"};
    const auto order = sort_key_order(ids);
    REQUIRE(order.size() == ids.size());
    // A permutation, in key order, ties by position.
    std::vector<bool> seen(ids.size(), false);
    for (auto i : order) {
        REQUIRE(i < ids.size());
        CHECK_FALSE(seen[i]);
        seen[i] = true;
    }
    for (std::size_t k = 1; k < order.size(); ++k) {
        const auto a = encode_sort_key(ids[order[k - 1]]);
        const auto b = encode_sort_key(ids[order[k]]);
        CHECK(a <= b);
        if (a == b) CHECK(order[k - 1] < order[k]);
    }
    // What the writer relies on: footnotes before paragraphs, numbers as numbers, and a file's
    // "<slug>/" before each of its passages.
    const std::vector<std::size_t> expected = {3, 6, 7, 2, 5, 1, 4, 0};
    CHECK(order == expected);
    CHECK(sort_key_order({}).empty());
}
