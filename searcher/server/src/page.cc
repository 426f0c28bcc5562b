/** @file page.cc
 *  @brief The search page: search box, hits with snippets, footnotes and related passages,
 *         the facet sidebar (multi-select drill-down), suggestion, pagination, empty and error
 *         states. Accessible markup (labels, landmarks, one heading order), usable at phone width.
 */
#include "page.h"

#include "rapporteur/format/schema.h"

#include "text_util.h"

#include <fmt/core.h>

#include <algorithm>

namespace rapporteur {

namespace {

using json = nlohmann::ordered_json;

std::string esc(std::string_view s) { return html_escape(s); }

/// A JSON value as text: strings as they are, numbers as written, null as "".
std::string text_of(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return "";
    return v.dump();
}

/// Percent-encoding for a query-string value: unreserved characters and ':' '/' as they are
/// (`filter=org:GRETA` stays readable), a space as '+'.
std::string url_encode(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ':' || c == '/') {
            out += static_cast<char>(c);
        } else if (c == ' ') {
            out += '+';
        } else {
            out += fmt::format("%{:02X}", c);
        }
    }
    return out;
}

/// The facet's field in the query language ("organisation" → "org"), or "" when none.
std::string field_of_facet(const std::string& facet) {
    for (const auto& f : schema::FIELDS) {
        if (f.facet == facet) return std::string(f.name);
    }
    return "";
}

std::string facet_label(const std::string& facet) {
    static const std::pair<const char*, const char*> labels[] = {
        {"session", "Session"}, {"organisation", "Organisation"}, {"country", "Country"},
        {"speaker", "Speaker"}, {"lang", "Language"},             {"document", "Document"}};
    for (const auto& [k, v] : labels) {
        if (facet == k) return v;
    }
    std::string out = facet;
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

std::string value_label(const std::string& facet, const std::string& value) {
    if (facet == "session") return value == "0" ? "Opening" : "Session " + value;
    return value;
}

std::string session_label(const json& s) {
    if (!s.is_object()) return "";
    const int day = s.value("day", 0), number = s.value("number", 0);
    const std::string title = s.value("title", "");
    std::string out = number == 0 ? "Opening" : day ? fmt::format("Day {}, Session {}", day, number)
                                                    : fmt::format("Session {}", number);
    if (!title.empty()) out += " – " + title;
    return out;
}

/// Only web links become links: a `javascript:` URL in a document stays text.
bool web_link(const std::string& url) { return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0; }

void render_facets(const PageState& state, const json& facets, std::string& out) {
    if (!facets.is_object() || facets.empty()) return;
    out += "<aside id=\"facets\" aria-labelledby=\"facets-heading\"><h2 id=\"facets-heading\">Refine</h2>\n";
    for (const auto& [facet, values] : facets.items()) {
        const std::string field = field_of_facet(facet);
        if (field.empty() || !values.is_array()) continue;
        std::vector<std::pair<std::string, std::size_t>> shown;
        for (const auto& v : values) shown.emplace_back(text_of(v.value("value", json())), v.value("count", 0));
        // A selected value the matches no longer have stays listed, so it can be unselected.
        for (const auto& filter : state.filters) {
            const std::string& v = filter.second; // a name of its own: clang 15 captures no structured binding
            if (filter.first == field && std::none_of(shown.begin(), shown.end(), [&](const auto& s) { return s.first == v; }))
                shown.emplace_back(v, 0);
        }
        if (shown.empty()) continue;
        const std::string id = "facet-" + facet;
        out += fmt::format("<section class=\"facet\" aria-labelledby=\"{0}\"><h3 id=\"{0}\">{1}</h3><ul>\n", esc(id),
                           esc(facet_label(facet)));
        for (const auto& [value, count] : shown) {
            PageState next = state;
            next.offset = 0;
            const auto pair = std::pair(field, value);
            auto it = std::find(next.filters.begin(), next.filters.end(), pair);
            const bool on = it != next.filters.end();
            if (on)
                next.filters.erase(it);
            else
                next.filters.push_back(pair);
            out += fmt::format(
                "<li><a href=\"{}\" class=\"facet-value{}\" data-field=\"{}\" data-value=\"{}\" aria-pressed=\"{}\">"
                "<span class=\"box\" aria-hidden=\"true\"></span><span class=\"label\">{}</span> "
                "<span class=\"count\">{}</span></a></li>\n",
                esc(page_url(next)), on ? " on" : "", esc(field), esc(value), on ? "true" : "false",
                esc(value_label(facet, value)), count);
        }
        out += "</ul></section>\n";
    }
    out += "</aside>\n";
}

void render_hit(const json& h, std::string& out) {
    const std::string id = text_of(h.value("id", json()));
    out += fmt::format("<li><article class=\"hit\" tabindex=\"-1\" aria-labelledby=\"hit-{0}\" data-id=\"{1}\">",
                       h.value("rank", 0), esc(id));
    out += fmt::format("<h3 id=\"hit-{}\">{}</h3>", h.value("rank", 0), esc(session_label(h.value("session", json()))));
    // What the index knows of the passage's document and place: the title when it has one,
    // else the document's id; then the date, page and speaker when present.
    std::vector<std::string> meta;
    const std::string title = text_of(h.value("title", json()));
    meta.push_back(fmt::format("<span class=\"document\">{}</span>", esc(title.empty() ? text_of(h["document"]) : title)));
    if (h.contains("date") && !text_of(h["date"]).empty())
        meta.push_back(fmt::format("<span class=\"date\">{}</span>", esc(text_of(h["date"]))));
    if (h.contains("page") && !text_of(h["page"]).empty())
        meta.push_back(fmt::format("<span class=\"page\">page {}</span>", esc(text_of(h["page"]))));
    if (h.contains("speaker") && !text_of(h["speaker"]).empty())
        meta.push_back(fmt::format("<span class=\"speaker\">{}</span>", esc(text_of(h["speaker"]))));
    meta.push_back(fmt::format("<code class=\"id\">{}</code>", esc(id)));
    out += "<p class=\"meta\">";
    for (std::size_t i = 0; i < meta.size(); ++i) out += (i ? " · " : "") + meta[i];
    out += "</p>";
    // The snippet is already HTML (escaped text with <mark>): the one piece inserted as is.
    out += "<p class=\"snippet\">" + text_of(h.value("snippet", json())) + "</p>";
    if (h.contains("shared") && h["shared"].is_object()) {
        std::vector<std::string> shared;
        for (const auto& k : {"terms", "entities"}) {
            for (const auto& v : h["shared"].value(k, json::array())) shared.push_back(esc(text_of(v)));
        }
        if (!shared.empty()) {
            out += "<p class=\"shared\">Shares: ";
            for (std::size_t i = 0; i < shared.size(); ++i) out += (i ? ", " : "") + shared[i];
            out += "</p>";
        }
    }
    const json footnotes = h.value("footnotes", json::array());
    if (!footnotes.empty()) {
        out += "<ol class=\"footnotes\" aria-label=\"Footnotes cited\">";
        for (const auto& f : footnotes) {
            // The footnote's text, each web link in it made a link where it is written (else
            // after it). Escaping is per character, so the escaped URL is found in the escaped text.
            std::string text = esc(text_of(f.value("text", json())));
            std::size_t from = 0;
            for (const auto& u : f.value("urls", json::array())) {
                const std::string url = text_of(u);
                if (!web_link(url)) continue;
                const std::string e = esc(url);
                const std::string link = "<a href=\"" + e + "\" rel=\"noopener noreferrer nofollow\">" + e + "</a>";
                const std::size_t at = text.find(e, from);
                if (at == std::string::npos) {
                    text += " " + link;
                    from = text.size();
                } else {
                    text.replace(at, e.size(), link);
                    from = at + link.size();
                }
            }
            out += fmt::format("<li><span class=\"n\">[{}]</span> {}</li>", f.value("n", 0), text);
        }
        out += "</ol>";
    }
    out += fmt::format("<p class=\"actions\"><a class=\"related\" href=\"{}\">Related passages</a> "
                       "<a class=\"json\" href=\"/api/v1/passages/{}\">JSON</a></p>",
                       esc(page_url(PageState{"", id, "", {}, 0, 10})), esc(url_encode(id)));
    out += "</article></li>\n";
}

void render_results(const PageState& state, const json& r, std::string& out) {
    const std::size_t total = r.value("total", 0);
    const json hits = r.value("results", json::array());
    std::string what = state.like.empty() ? "“" + esc(state.q) + "”" : "related to <code>" + esc(state.like) + "</code>";
    if (state.like.empty() && state.q.empty()) what = "the filters";
    out += fmt::format("<p class=\"summary\" role=\"status\">{} {} {}", total, total == 1 ? "passage matches" : "passages match", what);
    if (hits.size() == 1) out += fmt::format(" (showing {})", hits.front().value("rank", 0));
    if (hits.size() > 1)
        out += fmt::format(" (showing {}–{})", hits.front().value("rank", 0), hits.back().value("rank", 0));
    out += "</p>\n";
    if (!state.filters.empty()) {
        out += "<p class=\"filters\">Filtered by ";
        for (std::size_t i = 0; i < state.filters.size(); ++i) {
            PageState without = state;
            without.offset = 0;
            without.filters.erase(without.filters.begin() + static_cast<std::ptrdiff_t>(i));
            out += fmt::format("{}<a href=\"{}\" class=\"remove\" aria-label=\"Remove filter {}:{}\">{}: {} ×</a>",
                               i ? ", " : "", esc(page_url(without)), esc(state.filters[i].first),
                               esc(state.filters[i].second), esc(state.filters[i].first), esc(state.filters[i].second));
        }
        out += "</p>\n";
    }
    // The suggestion is found by the searcher, which puts it in a notice; the JSON's notices are
    // shown as they are, a "did you mean" as a link.
    for (const auto& n : r.value("notices", json::array())) {
        const std::string notice = text_of(n);
        const std::string prefix = "did you mean \"";
        if (notice.rfind(prefix, 0) == 0 && notice.size() > prefix.size() + 2) {
            PageState fixed = state;
            fixed.q = notice.substr(prefix.size(), notice.size() - prefix.size() - 2);
            fixed.offset = 0;
            out += fmt::format("<p class=\"suggestion\">Did you mean <a href=\"{}\">{}</a>?</p>\n", esc(page_url(fixed)),
                               esc(fixed.q));
        } else {
            out += "<p class=\"notice\">" + esc(notice) + "</p>\n";
        }
    }
    if (hits.empty()) {
        out += "<div class=\"empty\"><h2>No passages here</h2><p>Try fewer words, another spelling";
        if (!state.filters.empty()) out += fmt::format(", or <a href=\"{}\">remove the filters</a>", esc(page_url(PageState{state.q, state.like, state.lang, {}, 0, state.limit})));
        out += ".</p></div>\n";
        return;
    }
    out += fmt::format("<h2 class=\"visually-hidden\">Results</h2><ol class=\"hits\" start=\"{}\">\n",
                       hits.front().value("rank", 1));
    for (const auto& h : hits) render_hit(h, out);
    out += "</ol>\n";
    const std::size_t limit = std::max<std::size_t>(state.limit, 1);
    if (state.offset > 0 || state.offset + hits.size() < total) {
        out += "<nav class=\"pages\" aria-label=\"Result pages\">";
        if (state.offset > 0) {
            PageState prev = state;
            prev.offset = state.offset > limit ? state.offset - limit : 0;
            out += fmt::format("<a rel=\"prev\" href=\"{}\">← Previous</a> ", esc(page_url(prev)));
        }
        if (state.offset + hits.size() < total) {
            PageState next = state;
            next.offset = state.offset + limit;
            out += fmt::format("<a rel=\"next\" href=\"{}\">Next →</a>", esc(page_url(next)));
        }
        out += "</nav>\n";
    }
}

std::string page(const std::string& title, const PageState& state, const std::string& body) {
    std::string out;
    out += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + esc(title) + "</title>\n";
    out += "<link rel=\"stylesheet\" href=\"/assets/page.css\">\n<script src=\"/assets/search.js\" defer></script>\n"
           "</head>\n<body>\n<a class=\"skip\" href=\"#results\">Skip to results</a>\n";
    out += "<header><p class=\"brand\"><a href=\"/\">Rapporteur</a></p>\n"
           "<form id=\"search-form\" role=\"search\" action=\"/\" method=\"get\">\n"
           "<label for=\"q\">Search the meeting reports</label>\n<div class=\"box\">";
    out += "<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" list=\"completions\" "
           "value=\"" + esc(state.q) + "\" aria-describedby=\"keys\"><datalist id=\"completions\"></datalist>";
    for (const auto& [f, v] : state.filters)
        out += "<input type=\"hidden\" name=\"filter\" value=\"" + esc(f + ":" + v) + "\">";
    if (!state.lang.empty()) out += "<input type=\"hidden\" name=\"lang\" value=\"" + esc(state.lang) + "\">";
    out += "<button type=\"submit\">Search</button></div>\n"
           "<p id=\"keys\" class=\"hint\">Results update as you type; ↓ and ↑ move between results, / comes back here.</p>\n"
           "</form></header>\n";
    out += body;
    out += "</body>\n</html>\n";
    return out;
}

} // namespace

std::string page_url(const PageState& state) {
    std::string q;
    auto add = [&](const char* name, const std::string& value) {
        q += (q.empty() ? "?" : "&") + std::string(name) + "=" + url_encode(value);
    };
    if (!state.q.empty()) add("q", state.q);
    if (!state.like.empty()) add("like", state.like);
    for (const auto& [f, v] : state.filters) add("filter", f + ":" + v);
    if (!state.lang.empty()) add("lang", state.lang);
    if (state.offset) add("offset", std::to_string(state.offset));
    if (state.limit != 10) add("limit", std::to_string(state.limit));
    return "/" + q;
}

std::string render_page(const PageState& state, const json* result) {
    std::string body = "<div id=\"app\" class=\"layout\">\n<main id=\"results\" tabindex=\"-1\">\n";
    std::string facets;
    if (!result) {
        body += "<div class=\"empty\"><h2>Search the meeting reports</h2><p>Type a topic, such as "
                "<a href=\"/?q=non-punishment\">non-punishment</a> or "
                "<a href=\"/?q=labour+inspections\">labour inspections</a>; then refine by session, "
                "organisation, country, language or document.</p></div>\n";
    } else {
        render_results(state, *result, body);
        render_facets(state, result->value("facets", json::object()), facets);
    }
    body += "</main>\n" + facets + "</div>\n";
    std::string title = "Rapporteur";
    if (!state.q.empty()) title = state.q + " – Rapporteur";
    if (!state.like.empty()) title = "Related to " + state.like + " – Rapporteur";
    return page(title, state, body);
}

HttpResponse page_error(int status, const std::string& message) {
    const std::string body = "<div id=\"app\" class=\"layout\">\n<main id=\"results\" tabindex=\"-1\">\n"
                             "<div class=\"error\" role=\"alert\"><h2>This search cannot run</h2><p>" +
                             esc(message) + "</p><p><a href=\"/\">Start again</a></p></div>\n</main>\n</div>\n";
    return {status, "text/html; charset=utf-8", page("Error – Rapporteur", PageState{}, body), {}};
}

} // namespace rapporteur
