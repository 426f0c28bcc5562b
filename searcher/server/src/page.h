/** @file page.h
 *  @brief The search page at /, rendered on the server from the API's JSON (so fields and
 *         facets the JSON gains appear without changing the page).
 */
#ifndef RAPPORTEUR_SERVER_PAGE_H
#define RAPPORTEUR_SERVER_PAGE_H

#include "handler.h"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace rapporteur {

/// The page's whole state, as its URL holds it (the API's parameter names).
struct PageState {
    std::string q, like, lang;
    std::vector<std::pair<std::string, std::string>> filters; ///< field, value, in URL order
    std::size_t offset = 0, limit = 10;
};

/** The page for `state`: the search box, and with `result` (the search's JSON, facets counted
 *  for drill-down) the hits, the facet sidebar, the suggestion and pagination. Every text from
 *  the index is HTML-escaped once; the snippets' own `<mark>` markup is the only HTML taken
 *  from it. */
std::string render_page(const PageState& state, const nlohmann::ordered_json* result);

/// The page with an error message instead of results (a bad parameter, an unknown passage).
HttpResponse page_error(int status, const std::string& message);

/// The URL of the page for `state` (`/?q=…&filter=org:GRETA&offset=10`).
std::string page_url(const PageState& state);

} // namespace rapporteur

#endif
