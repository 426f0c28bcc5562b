/** @file http_request.cc
 *  @brief The parser's limits and the answers to refused requests (http_request.h).
 */
#include "http_request.h"

#include <boost/asio/error.hpp>
#include <boost/beast/http/error.hpp>
#include <fmt/core.h>

#include <iterator>

namespace rapporteur {

namespace asio = boost::asio;
namespace http = boost::beast::http;

void limit_parser(RequestParser& parser, const ServerOptions& options) {
    parser.header_limit(static_cast<std::uint32_t>(options.max_header));
    parser.body_limit(options.max_body);
}

std::optional<HttpResponse> refuse_header(const BeastRequest& request, const ServerOptions& options) {
    if (request.target().size() > options.max_target)
        return problem(414, "target_too_long", fmt::format("the request target is over {} bytes", options.max_target));
    const auto fields = static_cast<std::size_t>(std::distance(request.begin(), request.end()));
    if (fields > options.max_header_fields)
        return problem(431, "header_too_large", fmt::format("over {} header fields", options.max_header_fields));
    return std::nullopt;
}

std::optional<HttpResponse> refuse_read(boost::beast::error_code ec, bool got_some, const ServerOptions& options) {
    if (ec == http::error::header_limit)
        return problem(431, "header_too_large", fmt::format("the request header is over {} bytes", options.max_header));
    if (ec == http::error::body_limit)
        return problem(413, "body_too_large", fmt::format("the request body is over {} bytes", options.max_body));
    if (ec == http::error::end_of_stream || ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::error::eof || ec == asio::error::bad_descriptor || !got_some)
        return std::nullopt;
    // A request that does not parse: answer 400 and close (Beast's own messages).
    return problem(400, "bad_request", "the request does not parse: " + ec.message());
}

HttpRequest handler_request(BeastRequest& request) {
    return {std::string(request.method_string()), std::string(request.target()),
            std::string(request[http::field::content_type]), std::string(request[http::field::if_none_match]),
            std::move(request.body())};
}

} // namespace rapporteur
