/** @file report_json.cc
 *  @brief The document model as JSON, for `rapporteur-index --dump`.
 */
#include "rapporteur/readers.h"

#include <nlohmann/json.hpp>

namespace rapporteur {

nlohmann::json to_json(const Report& r) {
    using nlohmann::json;
    json sessions = json::array();
    for (const auto& s : r.sessions) {
        sessions.push_back({{"day", s.day}, {"number", s.number}, {"title", s.title}, {"inferred", s.inferred}});
    }
    json passages = json::array();
    for (const auto& p : r.passages) {
        json refs = json::array();
        for (const auto& f : p.footnotes) refs.push_back({{"n", f.n}, {"offset", f.offset}});
        json j = {{"id", p.id},
                  {"kind", kind_name(p.kind)},
                  {"text", p.text},
                  {"session", p.session},
                  {"footnotes", refs},
                  {"urls", p.urls},
                  {"organisations", p.organisations},
                  {"countries", p.countries},
                  {"lang", p.lang},
                  {"speaker", p.speaker},
                  {"heading", p.heading}};
        if (p.page > 0) {
            j["page"] = p.page;
            j["last_page"] = p.last_page;
        }
        if (p.kind == PassageKind::FOOTNOTE) {
            j["n"] = p.footnote_number;
            j["cited_by"] = p.cited_by;
        }
        passages.push_back(std::move(j));
    }
    json acronyms = json::array();
    for (const auto& a : r.acronyms) acronyms.push_back({{"acronym", a.acronym}, {"expansion", a.expansion}});
    return {{"path", r.path},       {"slug", r.slug},      {"title", r.title}, {"organisers", r.organisers},
            {"dates", r.dates},     {"venue", r.venue},    {"lang", r.lang},   {"sessions", sessions},
            {"passages", passages}, {"acronyms", acronyms}};
}

} // namespace rapporteur
