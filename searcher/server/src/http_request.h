/** @file http_request.h
 *  @brief A request as the HTTP layer reads it (Boost.Beast): the parser with the server's
 *         limits, the answers to a header or a read the server refuses, and the request the
 *         handler gets. http_server.cc reads sockets with them; the fuzz target
 *         (tests/fuzz/fuzz_http_request.cc) feeds them raw bytes.
 */
#ifndef RAPPORTEUR_SERVER_HTTP_REQUEST_H
#define RAPPORTEUR_SERVER_HTTP_REQUEST_H

#include "rapporteur/server.h"

#include "handler.h"

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <optional>

namespace rapporteur {

using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;
using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

/// Sets the parser's header and body limits (bytes) from `options` (max_header, max_body).
void limit_parser(RequestParser& parser, const ServerOptions& options);

/** The answer to a request whose header is read but that the server refuses before its body:
 *  414 for a target over max_target bytes, 431 for more than max_header_fields fields; nullopt
 *  when the request may go on. */
std::optional<HttpResponse> refuse_header(const BeastRequest& request, const ServerOptions& options);

/** The answer to a read that failed with `ec`: 431 (header over max_header), 413 (body over
 *  max_body), 400 when bytes were read (`got_some`) that do not parse; nullopt when the
 *  connection just ended (end of stream, reset, aborted) or nothing was read: close it. A
 *  timeout is the caller's (it logs 408 and closes). */
std::optional<HttpResponse> refuse_read(boost::beast::error_code ec, bool got_some, const ServerOptions& options);

/// What the handler needs of a whole request; the body is moved out of `request`.
HttpRequest handler_request(BeastRequest& request);

} // namespace rapporteur

#endif
