/** @file passage_data.cc
 *  @brief The document data the indexer stores for a passage (JSON), read back.
 */
#include "passage_data.h"

#include "rapporteur/analyzers.h"

#include <nlohmann/json.hpp>

namespace rapporteur {

namespace {
template <typename T>
T get_or(const nlohmann::json& j, const char* key, T fallback) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    return it->get<T>();
}
} // namespace

PassageData PassageData::parse(const std::string& data, bool details) {
    PassageData p;
    try {
        const auto j = nlohmann::json::parse(data);
        p.hit.id = get_or<std::string>(j, "id", "");
        p.hit.text = get_or<std::string>(j, "text", "");
        if (auto o = j.find("offsets"); o != j.end() && o->is_array()) {
            p.offsets.reserve(o->size());
            for (const auto& v : *o) p.offsets.push_back(v.get<std::uint32_t>());
        }
        if (!details) return p;
        p.hit.document = get_or<std::string>(j, "document", "");
        p.hit.kind = get_or<std::string>(j, "kind", "");
        p.hit.lang = get_or<std::string>(j, "lang", "");
        if (auto s = j.find("session"); s != j.end() && s->is_object()) {
            p.hit.session = {get_or<int>(*s, "day", 0), get_or<int>(*s, "number", 0), get_or<std::string>(*s, "title", "")};
        }
        p.hit.organisations = get_or<std::vector<std::string>>(j, "organisations", {});
        p.hit.countries = get_or<std::vector<std::string>>(j, "countries", {});
        if (auto f = j.find("footnotes"); f != j.end() && f->is_array()) {
            for (const auto& fn : *f) {
                p.hit.footnotes.push_back({get_or<int>(fn, "n", 0), get_or<std::string>(fn, "text", ""),
                                           get_or<std::vector<std::string>>(fn, "urls", {})});
            }
        }
    } catch (const nlohmann::json::exception& e) {
        throw RuntimeError(std::string("passage data is not the indexer's JSON: ") + e.what());
    }
    return p;
}

} // namespace rapporteur
