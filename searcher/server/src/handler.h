/** @file handler.h
 *  @brief Requests to responses, without any network: routing, the JSON API, problem objects,
 *         ETags and the page. One RequestHandler per search thread (it owns that thread's
 *         Catalog).
 */
#ifndef RAPPORTEUR_SERVER_HANDLER_H
#define RAPPORTEUR_SERVER_HANDLER_H

#include "rapporteur/server.h"

#include "catalog.h"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace rapporteur {

/// What the handler needs of a request (the HTTP layer has checked its sizes).
struct HttpRequest {
    std::string method, target, content_type, if_none_match, body;
};

struct HttpResponse {
    int status = 200;
    std::string content_type;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers; ///< besides Content-Type and Content-Length
};

/** An RFC 9457 problem object (`application/problem+json`): type, title, status, detail and
 *  the stable machine `code`. */
HttpResponse problem(int status, const std::string& code, const std::string& detail);

/// The path of a request target for the log (no query string: it may hold what users typed).
std::string log_path(const std::string& target);

class RequestHandler {
  public:
    RequestHandler(const ServerOptions& options, std::chrono::steady_clock::time_point started);
    HttpResponse handle(const HttpRequest& request);

  private:
    HttpResponse route(const HttpRequest& request, const RequestTarget& target);
    const ServerOptions& options_;
    std::chrono::steady_clock::time_point started_;
    Catalog catalog_;
};

} // namespace rapporteur

#endif
