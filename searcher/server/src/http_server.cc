/** @file http_server.cc
 *  @brief The HTTP layer on Boost.Beast (with http_request.cc, the request's limits, the only
 *         files that include it): the acceptor, one session per connection with its limits and
 *         deadline, the hand-over to the search pool (search_pool.h), the log line, the stop.
 *
 *  Shape of Beast's own async server examples: one I/O thread runs every socket; a request
 *  read whole (within one deadline) goes to the search pool, whose threads each own a
 *  RequestHandler (and so their own database handles); the response comes back to the I/O
 *  thread to be written (within the same deadline again).
 */
#include "rapporteur/base/errors.h"
#include "rapporteur/server.h"

#include "handler.h"
#include "http_request.h"
#include "search_pool.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/core.h>

#include <array>
#include <chrono>
#include <mutex>
#include <optional>
#include <set>

namespace rapporteur {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

std::chrono::steady_clock::duration seconds(double s) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

class Connection;

/// What the connections share: the options, the I/O context, the pool, the open connections.
struct ServerCore {
    ServerOptions options;
    Clock::time_point started = Clock::now();
    asio::io_context io{1};
    tcp::acceptor acceptor{io};
    std::unique_ptr<SearchPool> pool;
    std::function<void(const std::string&)> log;
    std::mutex sessions_mutex;
    std::set<std::shared_ptr<Connection>> sessions;
    bool stopping = false; ///< on the I/O thread only
    /// Keeps run() going while a request waits for a search thread (no socket operation then).
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> guard;

    void accept();
    /// When stopping and the last connection has closed, lets run() return.
    void finish_if_done() {
        std::lock_guard lock(sessions_mutex);
        if (stopping && sessions.empty()) guard.reset();
    }
    void close_idle();
};

class Connection : public std::enable_shared_from_this<Connection> {
  public:
    Connection(tcp::socket socket, ServerCore& server) : stream_(std::move(socket)), server_(server) {}

    void start() { read(); }

    /// On stop: a connection waiting for a request is closed; one being answered finishes.
    void close_if_idle() {
        if (!busy_) {
            beast::error_code ec;
            stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
            stream_.socket().close(ec);
        }
    }

  private:
    void read() {
        parser_.emplace();
        limit_parser(*parser_, server_.options);
        // One deadline for the whole request, header and body: a client sending a byte a
        // second is dropped when it passes, whatever it sends.
        stream_.expires_after(seconds(server_.options.request_timeout));
        http::async_read_header(stream_, buffer_, *parser_,
                                [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
    }

    void on_header(beast::error_code ec) {
        if (ec) return on_read_error(ec);
        busy_ = true;
        received_ = Clock::now();
        auto& req = parser_->get();
        method_ = std::string(req.method_string());
        target_ = std::string(req.target());
        if (auto refused = refuse_header(req, server_.options)) return respond(std::move(*refused), false);
        if (parser_->is_done()) return on_request();
        // A client that waits for "100 Continue" before sending its body (curl does, past 1 KiB)
        // gets it at once rather than after its own timeout.
        if (beast::iequals(req[http::field::expect], "100-continue")) {
            static const std::string go_on = "HTTP/1.1 100 Continue\r\n\r\n";
            return asio::async_write(stream_, asio::buffer(go_on),
                                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                         if (ec) return self->close();
                                         self->read_body();
                                     });
        }
        read_body();
    }

    void read_body() {
        http::async_read(stream_, buffer_, *parser_,
                         [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
    }

    void on_body(beast::error_code ec) {
        if (ec) return on_read_error(ec);
        on_request();
    }

    void on_read_error(beast::error_code ec) {
        if (ec == beast::error::timeout) {
            log("-", "-", 408);
        } else if (auto refused = refuse_read(ec, parser_ && parser_->got_some(), server_.options)) {
            return respond(std::move(*refused), false);
        }
        close();
    }

    void on_request() {
        auto& req = parser_->get();
        HttpRequest request = handler_request(req);
        keep_alive_ = req.keep_alive() && ++requests_ < server_.options.max_requests;
        if (request.method == "OPTIONS" && !server_.options.cors_origin.empty()) {
            HttpResponse r{204, "", "", {}};
            r.headers.emplace_back("Access-Control-Allow-Methods", "GET, HEAD, POST");
            r.headers.emplace_back("Access-Control-Allow-Headers", "Content-Type, If-None-Match");
            r.headers.emplace_back("Access-Control-Max-Age", "600");
            return respond(std::move(r), keep_alive_);
        }
        auto self = shared_from_this();
        auto executor = stream_.get_executor();
        const bool queued = server_.pool->submit([self, executor, request = std::move(request)](RequestHandler& h) {
            HttpResponse response = h.handle(request);
            asio::post(executor, [self, response = std::move(response)]() mutable {
                self->respond(std::move(response), self->keep_alive_);
            });
        });
        if (!queued) {
            HttpResponse r = problem(503, "overloaded", "every search thread is busy and the queue is full; try again");
            r.headers.emplace_back("Retry-After", "1");
            respond(std::move(r), keep_alive_);
        }
    }

    void respond(HttpResponse r, bool keep_alive) {
        busy_ = true;
        if (server_.stopping) keep_alive = false;
        auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(r.status), 11);
        res->set(http::field::server, "rapporteur-serve");
        if (!r.content_type.empty()) res->set(http::field::content_type, r.content_type);
        for (const auto& [k, v] : r.headers) res->set(k, v);
        res->set("X-Content-Type-Options", "nosniff");
        res->set("Referrer-Policy", "no-referrer");
        if (r.content_type.rfind("text/html", 0) == 0) {
            res->set("Content-Security-Policy",
                     "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                     "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        }
        if (r.status == 200 || r.status == 304) res->set(http::field::cache_control, "no-cache");
        if (!server_.options.cors_origin.empty()) {
            res->set(http::field::access_control_allow_origin, server_.options.cors_origin);
            res->set(http::field::vary, "Origin");
            res->set(http::field::access_control_expose_headers, "ETag, Retry-After");
        }
        const std::size_t length = r.body.size();
        if (method_ != "HEAD") res->body() = std::move(r.body);
        res->keep_alive(keep_alive);
        if (r.status == 304 || r.status == 204) {
            res->body().clear();
        } else {
            res->content_length(length);
        }
        const int status = r.status;
        stream_.expires_after(seconds(server_.options.request_timeout));
        http::async_write(stream_, *res, [self = shared_from_this(), res, status, keep_alive](beast::error_code ec, std::size_t) {
            self->log(self->method_, self->target_, status);
            self->busy_ = false;
            if (ec) return self->close();
            if (!keep_alive || self->server_.stopping) return self->linger();
            self->read();
        });
    }

    void log(const std::string& method, const std::string& target, int status) {
        if (!server_.log) return;
        const auto ms = std::chrono::duration<double, std::milli>(Clock::now() - received_).count();
        server_.log(fmt::format("{} {} {} {:.1f}ms", method, target == "-" ? target : log_path(target), status,
                                busy_ ? ms : 0.0));
    }

    /** Ends the connection after an answer without reading the rest of the request (a body
     *  over the limit): our side is shut, and what the client still sends is read and dropped
     *  for a moment, so that closing with unread data (a TCP reset) cannot destroy the answer
     *  before the client has read it. */
    void linger() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.expires_after(std::chrono::seconds(1));
        drain();
    }

    void drain() {
        stream_.async_read_some(asio::buffer(scratch_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return self->close();
            self->drain();
        });
    }

    void close() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.socket().close(ec);
        {
            std::lock_guard lock(server_.sessions_mutex);
            server_.sessions.erase(shared_from_this());
        }
        server_.finish_if_done();
    }

    beast::tcp_stream stream_;
    ServerCore& server_;
    beast::flat_buffer buffer_;
    std::array<char, 4096> scratch_; ///< what linger() reads and drops
    std::optional<http::request_parser<http::string_body>> parser_;
    std::string method_, target_;
    Clock::time_point received_ = Clock::now();
    std::size_t requests_ = 0;
    bool keep_alive_ = true;
    bool busy_ = false; ///< reading a request's body, answering it or writing the answer
};

} // namespace

struct Server::Impl : ServerCore {};

void ServerCore::accept() {
    acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
        if (ec) {
            if (ec == asio::error::operation_aborted || stopping) return;
            return accept(); // a failed accept (the peer went) is no reason to stop
        }
        std::size_t open;
        {
            std::lock_guard lock(sessions_mutex);
            open = sessions.size();
        }
        if (open >= options.max_connections) {
            // Too many connections: a short answer, written in one go, and closed.
            static const std::string busy = [] {
                const HttpResponse r = problem(503, "too_many_connections", "the server has all the connections it takes");
                return fmt::format("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: {}\r\n"
                                   "Connection: close\r\nContent-Length: {}\r\n\r\n{}",
                                   r.content_type, r.body.size(), r.body);
            }();
            auto s = std::make_shared<tcp::socket>(std::move(socket));
            asio::async_write(*s, asio::buffer(busy), [s](beast::error_code, std::size_t) {
                beast::error_code ignored;
                s->shutdown(tcp::socket::shutdown_both, ignored);
                s->close(ignored);
            });
            if (log) log("- - 503 0.0ms (too many connections)");
        } else {
            auto session = std::make_shared<Connection>(std::move(socket), *this);
            {
                std::lock_guard lock(sessions_mutex);
                sessions.insert(session);
            }
            session->start();
        }
        accept();
    });
}

void ServerCore::close_idle() {
    std::vector<std::shared_ptr<Connection>> all;
    {
        std::lock_guard lock(sessions_mutex);
        all.assign(sessions.begin(), sessions.end());
    }
    for (auto& s : all) s->close_if_idle();
}

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    const auto& o = impl_->options;
    if (o.threads == 0) throw UsageError("the server needs at least one search thread");
    beast::error_code ec;
    const auto address = asio::ip::make_address(o.host, ec);
    if (ec) throw UsageError("--listen: '" + o.host + "' is not an IP address");
    // The database first: a server that cannot search should not take the port.
    impl_->pool = std::make_unique<SearchPool>(impl_->options, impl_->started);
    const tcp::endpoint endpoint(address, o.port);
    auto& a = impl_->acceptor;
    a.open(endpoint.protocol(), ec);
    if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) a.bind(endpoint, ec);
    if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) throw RuntimeError(fmt::format("cannot listen on {}:{}: {}", o.host, o.port, ec.message()));
}

Server::~Server() = default;

std::uint16_t Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::run(const std::function<void(const std::string&)>& log) {
    impl_->log = log;
    impl_->guard.emplace(impl_->io.get_executor());
    impl_->accept();
    impl_->io.run();
    impl_->pool->stop();
}

void Server::stop() {
    asio::post(impl_->io, [this] {
        impl_->stopping = true;
        beast::error_code ec;
        impl_->acceptor.close(ec);
        impl_->close_idle();
        impl_->finish_if_done();
    });
}

} // namespace rapporteur
