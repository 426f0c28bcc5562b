/** @file json_same.h
 *  @brief One JSON answer against another, field by field: what the sharded tests compare a
 *         sharded answer with one database's by.
 */
#ifndef RAPPORTEUR_TEST_JSON_SAME_H
#define RAPPORTEUR_TEST_JSON_SAME_H

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace rapporteur::test {

/// Every field equal, the same keys in the same order, numbers within 1e-9 (scores); `path`
/// names the field in a failure.
inline void require_same(const nlohmann::json& a, const nlohmann::json& b, const std::string& path) {
    INFO(path);
    if (a.is_number_float() || b.is_number_float()) {
        REQUIRE(a.is_number());
        REQUIRE(b.is_number());
        REQUIRE(std::abs(a.get<double>() - b.get<double>()) <= 1e-9);
    } else if (a.is_object()) {
        REQUIRE(b.is_object());
        std::vector<std::string> ka, kb;
        for (auto it = a.begin(); it != a.end(); ++it) ka.push_back(it.key());
        for (auto it = b.begin(); it != b.end(); ++it) kb.push_back(it.key());
        REQUIRE(ka == kb);
        for (const auto& k : ka) require_same(a[k], b[k], path + "." + k);
    } else if (a.is_array()) {
        REQUIRE(b.is_array());
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) require_same(a[i], b[i], path + "[" + std::to_string(i) + "]");
    } else {
        REQUIRE(a == b);
    }
}

} // namespace rapporteur::test

#endif
