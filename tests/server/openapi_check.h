/** @file openapi_check.h
 *  @brief Test support: real responses checked against searcher/server/openapi.json, with the
 *         JSON Schema keywords it uses.
 */
#ifndef RAPPORTEUR_TESTS_OPENAPI_CHECK_H
#define RAPPORTEUR_TESTS_OPENAPI_CHECK_H

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

namespace rapporteur::test {

/** A small JSON Schema check (the keywords openapi.json uses: $ref, type, required, properties,
 *  additionalProperties, items, enum, minimum, maximum): "" when `v` conforms, else where not. */
inline std::string check_schema(const nlohmann::json& api, const nlohmann::json& schema, const nlohmann::json& v, const std::string& where) {
    if (schema.contains("$ref")) {
        const std::string ref = schema["$ref"];
        const std::string prefix = "#/components/schemas/";
        REQUIRE(ref.rfind(prefix, 0) == 0);
        return check_schema(api, api["components"]["schemas"][ref.substr(prefix.size())], v, where);
    }
    if (schema.contains("type")) {
        auto is = [&](const std::string& t) {
            if (t == "object") return v.is_object();
            if (t == "array") return v.is_array();
            if (t == "string") return v.is_string();
            if (t == "integer") return v.is_number_integer();
            if (t == "number") return v.is_number();
            if (t == "boolean") return v.is_boolean();
            if (t == "null") return v.is_null();
            return false;
        };
        const nlohmann::json types = schema["type"].is_array() ? schema["type"] : nlohmann::json::array({schema["type"]});
        if (std::none_of(types.begin(), types.end(), [&](const nlohmann::json& t) { return is(t.get<std::string>()); }))
            return where + ": not " + types.dump() + ": " + v.dump().substr(0, 80);
    }
    if (schema.contains("enum") && std::find(schema["enum"].begin(), schema["enum"].end(), v) == schema["enum"].end())
        return where + ": " + v.dump() + " not in the enum";
    if (schema.contains("minimum") && v.is_number() && v.get<double>() < schema["minimum"].get<double>())
        return where + ": under the minimum";
    if (v.is_object()) {
        for (const auto& r : schema.value("required", nlohmann::json::array())) {
            if (!v.contains(r.get<std::string>())) return where + ": no " + r.get<std::string>();
        }
        const nlohmann::json props = schema.value("properties", nlohmann::json::object());
        for (const auto& [k, item] : v.items()) {
            if (props.contains(k)) {
                if (auto e = check_schema(api, props[k], item, where + "." + k); !e.empty()) return e;
            } else if (schema.contains("additionalProperties")) {
                const nlohmann::json& extra = schema["additionalProperties"];
                if (extra.is_boolean() && !extra.get<bool>()) return where + ": undocumented key " + k;
                if (extra.is_object())
                    if (auto e = check_schema(api, extra, item, where + "." + k); !e.empty()) return e;
            }
        }
    }
    if (v.is_array() && schema.contains("items")) {
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (auto e = check_schema(api, schema["items"], v[i], where + "[" + std::to_string(i) + "]"); !e.empty())
                return e;
        }
    }
    return "";
}

/// The schema of `path`'s GET (or POST) response with `status` in the API's description.
inline nlohmann::json response_schema(const nlohmann::json& api, const std::string& path, int status, const std::string& method = "get") {
    nlohmann::json response = api["paths"][path][method]["responses"][std::to_string(status)];
    if (response.contains("$ref")) response = api["components"]["responses"]["Problem"];
    const auto& content = response["content"];
    return content.contains("application/json") ? content["application/json"]["schema"]
                                                : content["application/problem+json"]["schema"];
}

} // namespace rapporteur::test

#endif
