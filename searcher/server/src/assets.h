/** @file assets.h
 *  @brief The files the server sends as they are: the page's script and style sheet, and the
 *         API's OpenAPI 3.1 description.
 */
#ifndef RAPPORTEUR_SERVER_ASSETS_H
#define RAPPORTEUR_SERVER_ASSETS_H

#include <string_view>

namespace rapporteur {

struct Asset {
    std::string_view path, content_type, body;
};

/// The asset served at `path` (`/assets/search.js`, `/api/v1/openapi.json`), or nullptr.
const Asset* find_asset(std::string_view path);

} // namespace rapporteur

#endif
