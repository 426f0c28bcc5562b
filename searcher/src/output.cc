/** @file output.cc
 *  @brief A result as JSON (the contract of searcher/README.md), as text for people, and as
 *         TREC run lines.
 */
#include "rapporteur/searcher.h"
#include "rapporteur/utf8.h"

#include "highlighter.h"
#include "text_util.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace rapporteur {

nlohmann::json to_json(const SearchResult& r) {
    using nlohmann::json;
    json results = json::array();
    for (const auto& h : r.hits) {
        json footnotes = json::array();
        for (const auto& f : h.footnotes) footnotes.push_back({{"n", f.n}, {"text", f.text}, {"urls", f.urls}});
        json highlights = json::array();
        for (const auto& [s, e] : h.highlights) highlights.push_back({s, e});
        json hit = {{"rank", h.rank},
                    {"id", h.id},
                    {"score", h.score},
                    {"document", h.document},
                    {"kind", kind_name(h.kind)},
                    {"lang", h.lang},
                    {"session", {{"day", h.session.day}, {"number", h.session.number}, {"title", h.session.title}}},
                    {"organisations", h.organisations},
                    {"countries", h.countries},
                    {"text", h.text},
                    {"snippet", h.snippet},
                    {"highlights", highlights},
                    {"footnotes", footnotes}};
        // Extra keys only when asked for (--explain, --like), so the contract stays exact.
        if (!h.explanation.empty()) {
            json explain = json::array();
            for (const auto& c : h.explanation)
                explain.push_back({{"query", c.label}, {"terms", c.terms}, {"weight", c.weight}});
            hit["explanation"] = explain;
        }
        if (r.related) hit["shared"] = {{"terms", h.shared_terms}, {"entities", h.shared_entities}};
        results.push_back(std::move(hit));
    }
    json facets = json::object();
    for (const auto& [name, values] : r.facets) {
        json arr = json::array();
        for (const auto& v : values) arr.push_back({{"value", v.value}, {"count", v.count}});
        facets[name] = arr;
    }
    return {{"query", r.query},   {"total", r.total}, {"offset", r.offset},  {"limit", r.limit},
            {"results", results}, {"facets", facets}, {"notices", r.notices}};
}

namespace {

std::string session_label(const Session& s) {
    if (s.number == 0) return s.title.empty() ? "Opening" : "Opening - " + s.title;
    std::string out = s.day ? fmt::format("Day {}, Session {}", s.day, s.number) : fmt::format("Session {}", s.number);
    if (!s.title.empty()) out += " - " + s.title;
    return out;
}

} // namespace

std::string format_text(const SearchResult& r, MarkStyle marks) {
    std::string out;
    const std::string open = marks == MarkStyle::ANSI ? "\033[1;31m" : marks == MarkStyle::BRACKETS ? "[" : "";
    const std::string close = marks == MarkStyle::ANSI ? "\033[0m" : marks == MarkStyle::BRACKETS ? "]" : "";
    for (const auto& n : r.notices) out += "note: " + n + "\n";
    out += fmt::format("{} passage{} match \"{}\"", r.total, r.total == 1 ? "" : "s", r.query);
    if (!r.hits.empty()) out += fmt::format(" (showing {}-{})", r.hits.front().rank, r.hits.back().rank);
    out += "\n\n";
    for (const auto& h : r.hits) {
        out += fmt::format("{}. {}  |  {}  |  {}  score {:.3f}\n", h.rank, session_label(h.session), h.document, h.id,
                           h.score);
        // Render from the text and the highlight offsets: no round trip through HTML.
        std::vector<ByteRange> bytes;
        for (const auto& [s, e] : h.highlights)
            bytes.push_back({utf8::byte_of_code_point(h.text, s), utf8::byte_of_code_point(h.text, e)});
        Highlighter highlighter(h.text, {});
        ByteRange window{utf8::byte_of_code_point(h.text, h.snippet_window.first),
                         utf8::byte_of_code_point(h.text, h.snippet_window.second)};
        if (h.snippet_window.second == 0) window = {0, h.text.size()};
        out += "   " + highlighter.render(window, bytes, open, close, false) + "\n";
        for (const auto& f : h.footnotes) {
            out += fmt::format("   [{}] {}\n", f.n, f.text);
        }
        if (!h.shared_terms.empty() || !h.shared_entities.empty()) {
            std::string shared;
            for (const auto& t : h.shared_terms) shared += (shared.empty() ? "" : ", ") + t;
            for (const auto& e : h.shared_entities) shared += (shared.empty() ? "" : ", ") + e;
            out += "   shares: " + shared + "\n";
        }
        for (const auto& c : h.explanation) {
            std::string terms;
            for (const auto& t : c.terms) terms += (terms.empty() ? "" : " ") + t;
            out += fmt::format("   {:>8.4f}  {}  [{}]\n", c.weight, c.label, terms);
        }
        out += "\n";
    }
    static const char* order[] = {"session", "organisation", "country", "lang", "document"};
    for (const char* name : order) {
        auto f = r.facets.find(name);
        if (f == r.facets.end() || f->second.empty()) continue;
        std::string line;
        for (std::size_t i = 0; i < f->second.size() && i < 10; ++i) {
            line += fmt::format("{}{} ({})", i ? ", " : "", f->second[i].value, f->second[i].count);
        }
        if (f->second.size() > 10) line += fmt::format(", … {} more", f->second.size() - 10);
        out += fmt::format("{}: {}\n", name, line);
    }
    return out;
}

std::string format_trec_run(const std::string& qid, const SearchResult& result, const std::string& tag) {
    std::string out;
    for (const auto& h : result.hits) out += fmt::format("{} Q0 {} {} {:.6f} {}\n", qid, h.id, h.rank, h.score, tag);
    return out;
}

} // namespace rapporteur
