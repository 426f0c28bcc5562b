/** @file handler.cc
 *  @brief Routing, the JSON API under /api/v1/, problem objects, ETags and 304, and the page's
 *         searches (each facet counted with the other facets' selections applied).
 */
#include "handler.h"

#include "rapporteur/analyzers.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/format/schema.h"

#include "assets.h"
#include "page.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>

namespace rapporteur {

namespace {

using json = nlohmann::ordered_json;

/// A request the API refuses: its status, machine code and one-line detail.
struct ApiError {
    int status;
    std::string code, detail;
};

const char* reason(int status) {
    switch (status) {
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Internal Server Error";
    }
}

/// JSON as the CLI prints it (--format json): compact, invalid UTF-8 replaced.
std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

HttpResponse json_response(const json& j) { return {200, "application/json", dump(j) + "\n", {}}; }

/// FNV-1a, 64 bits: stable across runs and builds, so an ETag survives a restart.
std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
    return h;
}

/// The request as the cache sees it: path and parameters sorted, so their order does not matter.
std::string normalised(const RequestTarget& t) {
    auto params = t.params;
    std::sort(params.begin(), params.end());
    std::string s = t.path;
    for (const auto& [k, v] : params) s += "\n" + k + "=" + v;
    return s;
}

/// Whether If-None-Match (a list of entity tags, or *) names `etag` (weak comparison).
bool matches(const std::string& if_none_match, const std::string& etag) {
    if (if_none_match.empty()) return false;
    std::size_t i = 0;
    while (i < if_none_match.size()) {
        const std::size_t end = std::min(if_none_match.find(',', i), if_none_match.size());
        std::string tag = if_none_match.substr(i, end - i);
        tag.erase(0, tag.find_first_not_of(" \t"));
        tag.erase(tag.find_last_not_of(" \t") + 1);
        if (tag.rfind("W/", 0) == 0) tag.erase(0, 2);
        if (tag == "*" || tag == etag) return true;
        i = end + 1;
    }
    return false;
}

std::size_t number(const std::string& name, const std::string& value, std::size_t max, const std::string& code) {
    std::size_t n = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (value.empty() || ec != std::errc() || ptr != value.data() + value.size())
        throw ApiError{400, "bad_parameter", name + " must be a whole number, not '" + value + "'"};
    if (n > max) throw ApiError{400, code, fmt::format("{} is at most {}, not {}", name, max, value)};
    return n;
}

bool boolean(const std::string& name, const std::string& value) {
    if (value == "true" || value == "1" || value == "") return true;
    if (value == "false" || value == "0") return false;
    throw ApiError{400, "bad_parameter", name + " must be true or false, not '" + value + "'"};
}

/// A search as a request asks for it: the query (one of q, like, like_text) and its options.
struct SearchRequest {
    std::string q, like, like_text;
    bool text_given = false; ///< like_text was given
    std::vector<std::pair<std::string, std::string>> filters; ///< field, value, in request order
    SearchOptions options;
};

/** The parameters of a search (the API's and the page's, the same names): every CLI option
 *  that makes sense over HTTP. Throws ApiError (400) naming the parameter. */
SearchRequest parse_search(const std::vector<std::pair<std::string, std::string>>& params, const ServerOptions& so) {
    SearchRequest r;
    SearchOptions& o = r.options;
    o.limits.time_limit = so.query_time_limit;
    for (const auto& [name, value] : params) {
        if (name == "q") {
            r.q = value;
        } else if (name == "filter") {
            const std::size_t colon = value.find(':');
            if (colon == std::string::npos || colon == 0 || colon + 1 == value.size())
                throw ApiError{400, "bad_parameter", "filter wants FIELD:VALUE, not '" + value + "'"};
            const std::string field = value.substr(0, colon);
            if (!schema::find_field(field))
                throw ApiError{400, "unknown_filter_field",
                               "unknown filter field '" + field + "' (fields: " + schema::field_names() + ")"};
            const std::string v = value.substr(colon + 1);
            if (std::find(r.filters.begin(), r.filters.end(), std::pair(field, v)) == r.filters.end()) {
                r.filters.emplace_back(field, v);
                o.filters[field].push_back(v);
            }
        } else if (name == "limit") {
            o.limit = number(name, value, so.max_limit, "limit_too_large");
        } else if (name == "offset") {
            o.offset = number(name, value, o.limits.max_result_window, "offset_too_large");
        } else if (name == "lang") {
            if (!value.empty() && !Analyzer::is_known_language(value))
                throw ApiError{400, "unknown_language", Analyzer::unknown_language(value)};
            o.lang = value;
        } else if (name == "explain") {
            o.explain = boolean(name, value);
        } else if (name == "auto_correct") {
            o.auto_correct = boolean(name, value);
        } else if (name == "facets") {
            o.facets = boolean(name, value);
        } else if (name == "cross_language") {
            o.cross_language = boolean(name, value);
        } else if (name == "like") {
            r.like = value;
        } else if (name == "like_text") {
            r.like_text = value;
            r.text_given = true;
        } else if (name == "snippet_chars") {
            o.snippet_chars = number(name, value, 10000, "bad_parameter");
            if (o.snippet_chars < 10) throw ApiError{400, "bad_parameter", "snippet_chars is at least 10"};
        } else {
            throw ApiError{400, "unknown_parameter", "unknown parameter '" + name + "'"};
        }
    }
    if (!r.q.empty() + !r.like.empty() + r.text_given > 1)
        throw ApiError{400, "conflicting_query", "give one of q, like or like_text"};
    return r;
}

bool has_query(const SearchRequest& r) { return !r.q.empty() || !r.like.empty() || r.text_given || !r.filters.empty(); }

SearchResult run_search(const Searcher& searcher, const SearchRequest& r, const SearchOptions& o) {
    try {
        if (!r.like.empty()) return searcher.related(r.like, o);
        if (r.text_given) return searcher.related_text(r.like_text, o);
        return searcher.search(r.q, o);
    } catch (const UsageError& e) {
        if (!r.like.empty()) throw ApiError{404, "passage_not_found", e.what()};
        throw ApiError{400, "bad_parameter", e.what()};
    }
}

/** The result's JSON with each facet counted as a drill-down page shows it: over the matches
 *  of every other facet's selection (OR within a facet, AND across), so choosing a second
 *  value of a facet shows what it would add. Facets without a selection count as they are. */
json drill_down(const Searcher& searcher, const SearchRequest& r, const SearchResult& result) {
    json j = to_json(result);
    if (!r.options.facets) return j;
    for (const auto& [field, values] : r.options.filters) {
        const schema::Field* f = schema::find_field(field);
        if (!f || f->facet.empty() || !j["facets"].contains(f->facet)) continue;
        SearchOptions o = r.options;
        o.filters.erase(field);
        o.limit = 0;
        o.offset = 0;
        o.snippets = false;
        o.hit_details = false;
        o.suggest = false;
        const SearchResult others = run_search(searcher, r, o);
        auto it = others.facets.find(std::string(f->facet));
        json counts = json::array();
        if (it != others.facets.end()) {
            for (const auto& v : it->second) counts.push_back({{"value", v.value}, {"count", v.count}});
        }
        j["facets"][std::string(f->facet)] = counts;
    }
    return j;
}

/// Parameters from a POST body: a form, or a JSON object of parameter → value (or array).
std::vector<std::pair<std::string, std::string>> body_params(const HttpRequest& req) {
    const std::string type = req.content_type.substr(0, req.content_type.find(';'));
    auto lower = type;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    lower.erase(lower.find_last_not_of(" \t") + 1);
    if (lower == "application/x-www-form-urlencoded") {
        try {
            return parse_query_string(req.body);
        } catch (const UsageError& e) {
            throw ApiError{400, "bad_request", e.what()};
        }
    }
    if (lower != "application/json")
        throw ApiError{415, "unsupported_media_type",
                       "a search body is application/json or application/x-www-form-urlencoded, not '" + type + "'"};
    nlohmann::json body;
    try {
        body = nlohmann::json::parse(req.body);
    } catch (const nlohmann::json::exception&) {
        throw ApiError{400, "bad_request", "the body is not JSON"};
    }
    if (!body.is_object()) throw ApiError{400, "bad_request", "the body must be a JSON object of parameters"};
    std::vector<std::pair<std::string, std::string>> params;
    auto scalar = [](const std::string& key, const nlohmann::json& v) -> std::string {
        if (v.is_string()) return v.get<std::string>();
        if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
        if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
        throw ApiError{400, "bad_parameter", key + " must be a string, a whole number or a boolean"};
    };
    for (const auto& [key, value] : body.items()) {
        if (value.is_array()) {
            for (const auto& v : value) params.emplace_back(key, scalar(key, v));
        } else {
            params.emplace_back(key, scalar(key, value));
        }
    }
    return params;
}

std::string param(const RequestTarget& t, const std::string& name) {
    for (const auto& [k, v] : t.params) {
        if (k == name) return v;
    }
    return "";
}

void only(const RequestTarget& t, std::initializer_list<std::string_view> names) {
    for (const auto& [k, v] : t.params) {
        if (std::find(names.begin(), names.end(), k) == names.end())
            throw ApiError{400, "unknown_parameter", "unknown parameter '" + k + "'"};
    }
}

} // namespace

HttpResponse problem(int status, const std::string& code, const std::string& detail) {
    json p = {{"type", "https://rapporteur.example/problems/" + code},
              {"title", reason(status)},
              {"status", status},
              {"detail", detail},
              {"code", code}};
    return {status, "application/problem+json", dump(p) + "\n", {}};
}

std::string log_path(const std::string& target) { return target.substr(0, target.find('?')); }

RequestHandler::RequestHandler(const ServerOptions& options, std::chrono::steady_clock::time_point started)
    : options_(options), started_(started), catalog_(options) {}

HttpResponse RequestHandler::handle(const HttpRequest& req) {
    RequestTarget target;
    try {
        target = parse_request_target(req.target);
    } catch (const UsageError& e) {
        return problem(400, "bad_request", e.what());
    }
    try {
        // A lookup overtaken by two commits (Xapian::DatabaseModifiedError) runs again on the
        // latest one; over shards, one that meets a server gone (Xapian::NetworkError) runs
        // again over the shards that answer. The Searcher does the same for searches.
        for (int attempt = 0;; ++attempt) {
            try {
                catalog_.refresh();
                return route(req, target);
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt >= 3) throw;
            } catch (const Xapian::NetworkError&) {
                if (!catalog_.sharded() || attempt >= 3) throw;
                catalog_.drop_connections();
            }
        }
    } catch (const ApiError& e) {
        if (target.path == "/") return page_error(e.status, e.detail);
        return problem(e.status, e.code, e.detail);
    } catch (const UnavailableError& e) {
        HttpResponse r = problem(503, "shard_unavailable", e.what());
        r.headers.emplace_back("Retry-After", "5");
        return r;
    } catch (const NotFoundError& e) {
        if (const auto lost = catalog_.failures(); !lost.empty()) {
            // Not on the shards that answer: it may be on a lost one, so not a 404.
            std::string which;
            for (const auto& f : lost) which += (which.empty() ? "" : ", ") + std::to_string(f.shard);
            HttpResponse r = problem(503, "shard_unavailable",
                                     std::string(e.what()) + " on the shards that answer; shard " + which +
                                         (lost.size() > 1 ? " do" : " does") + " not answer");
            r.headers.emplace_back("Retry-After", "5");
            return r;
        }
        return problem(404, target.path.rfind("/api/v1/documents", 0) == 0 ? "document_not_found" : "passage_not_found",
                       e.what());
    } catch (const Xapian::Error& e) {
        return problem(500, "database_error", e.get_description());
    } catch (const std::exception& e) {
        return problem(500, "internal_error", e.what());
    }
}

HttpResponse RequestHandler::route(const HttpRequest& req, const RequestTarget& t) {
    const std::string& path = t.path;
    const bool get = req.method == "GET" || req.method == "HEAD";
    auto allow = [&](const char* methods) {
        HttpResponse r = problem(405, "method_not_allowed", req.method + " is not allowed on " + path);
        r.headers.emplace_back("Allow", methods);
        return r;
    };
    // Static text (the script, the style sheet, the API's description): the same for a build.
    if (const Asset* asset = find_asset(path)) {
        if (!get) return allow("GET, HEAD");
        const std::string etag = fmt::format("\"{:016x}\"", fnv1a(asset->body));
        if (matches(req.if_none_match, etag)) return {304, "", "", {{"ETag", etag}}};
        return {200, std::string(asset->content_type), std::string(asset->body), {{"ETag", etag}}};
    }
    const bool api = path.rfind("/api/v1/", 0) == 0;
    const bool search = path == "/api/v1/search";
    if (path != "/" && !api) throw ApiError{404, "not_found", "nothing at " + path};
    if (!get && !(search && req.method == "POST")) return allow(search ? "GET, HEAD, POST" : "GET, HEAD");
    if (path == "/api/v1/health") {
        only(t, {});
        const auto up = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
        json health = catalog_.health();
        health["uptime_seconds"] = static_cast<std::uint64_t>(up);
        return json_response(health);
    }
    // Everything else depends on the database's content and the request alone.
    // The version too: another build may render the same request otherwise.
    const std::string etag = fmt::format(
        "\"{:016x}\"", fnv1a(std::string(RAPPORTEUR_VERSION) + "\n" + catalog_.version() + "\n" + normalised(t)));
    const bool cacheable = get;
    if (cacheable && matches(req.if_none_match, etag)) return {304, "", "", {{"ETag", etag}}};
    HttpResponse r;
    if (path == "/" || search) {
        auto params = req.method == "POST" ? body_params(req) : t.params;
        const SearchRequest s = parse_search(params, options_);
        if (path == "/") {
            PageState state{s.q, s.like, s.options.lang, s.filters, s.options.offset, s.options.limit};
            if (!has_query(s)) {
                r = {200, "text/html; charset=utf-8", render_page(state, nullptr), {}};
            } else {
                const SearchResult result = run_search(catalog_.searcher(), s, s.options);
                const json j = drill_down(catalog_.searcher(), s, result);
                r = {200, "text/html; charset=utf-8", render_page(state, &j), {}};
            }
        } else {
            if (!has_query(s)) throw ApiError{400, "missing_query", "give q, like, like_text or a filter"};
            r = json_response(to_json(run_search(catalog_.searcher(), s, s.options)));
        }
    } else if (path.rfind("/api/v1/passages/", 0) == 0) {
        only(t, {});
        r = json_response(catalog_.passage(path.substr(17)));
    } else if (path == "/api/v1/documents") {
        only(t, {});
        r = json_response(catalog_.documents());
    } else if (path.rfind("/api/v1/documents/", 0) == 0) {
        only(t, {});
        r = json_response(catalog_.document(path.substr(18)));
    } else if (path == "/api/v1/suggest") {
        only(t, {"q"});
        r = json_response(catalog_.suggest(param(t, "q")));
    } else {
        throw ApiError{404, "not_found", "nothing at " + path};
    }
    if (cacheable) r.headers.emplace_back("ETag", etag);
    return r;
}

} // namespace rapporteur
