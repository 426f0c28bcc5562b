/** @file test_serve_limits.cc
 *  @brief End-to-end tests of rapporteur-serve's HTTP layer on a free loopback port: the size
 *         limits, the deadline against slow clients, 503 when overloaded, the connection's
 *         request count, the log line, SIGTERM.
 */
#include "http_client.h"
#include "serve_fixture.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <thread>
#include <vector>

using rapporteur::test::body_json;
using rapporteur::test::get;
using rapporteur::test::HttpReply;
using rapporteur::test::request;
using rapporteur::test::problem_of;
using rapporteur::test::SeedDb;
using rapporteur::test::ServeProcess;

TEST_CASE("serve: the limits: 3 KiB target 414, 20 KiB body 413, 200 header fields 431", "[serve]") {
    SeedDb seed;
    ServeProcess server(seed.db);
    const std::uint16_t port = server.port();
    problem_of(get(port, "/api/v1/search?q=" + std::string(3 * 1024, 'a')), 414, "target_too_long");
    problem_of(request(port, "POST", "/api/v1/search", "Content-Type: application/json\r\n",
                       R"({"q": ")" + std::string(20 * 1024, 'a') + "\"}"),
               413, "body_too_large");
    std::string many;
    for (int i = 0; i < 200; ++i) many += "X-Field-" + std::to_string(i) + ": " + std::to_string(i) + "\r\n";
    problem_of(get(port, "/api/v1/health", many), 431, "header_too_large");
    problem_of(get(port, "/api/v1/health", "X-Big: " + std::string(9 * 1024, 'b') + "\r\n"), 431, "header_too_large");
    // Both a Content-Length and chunked (a request smuggling's shape) is refused; chunked bodies
    // count against the limit the same; a chunk size that is not one is refused.
    problem_of(request(port, "POST", "/api/v1/search",
                       "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n", ""),
               400, "bad_request");
    std::string chunks;
    for (int i = 0; i < 20; ++i) chunks += "400\r\n" + std::string(1024, 'a') + "\r\n";
    {
        const int fd = rapporteur::test::connect_to(port);
        rapporteur::test::send_all(fd, "POST /api/v1/search HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                       "application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n" +
                                           chunks + "0\r\n\r\n");
        problem_of(rapporteur::test::read_reply(fd), 413, "body_too_large");
        close(fd);
    }
    {
        const int fd = rapporteur::test::connect_to(port);
        rapporteur::test::send_all(fd, "POST /api/v1/search HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                       "application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                                       "-5\r\nq=abc\r\n0\r\n\r\n");
        problem_of(rapporteur::test::read_reply(fd), 400, "bad_request");
        close(fd);
    }
    {
        // Expect: 100-continue is answered before the body is sent.
        const int fd = rapporteur::test::connect_to(port);
        rapporteur::test::send_all(fd, "POST /api/v1/search HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                       "application/x-www-form-urlencoded\r\nContent-Length: 16\r\n"
                                       "Expect: 100-continue\r\n\r\n");
        CHECK(rapporteur::test::read_reply(fd).status == 100);
        rapporteur::test::send_all(fd, "q=non-punishment");
        const HttpReply r = rapporteur::test::read_reply(fd);
        CHECK(r.status == 200);
        CHECK(body_json(r)["total"] == 1);
        close(fd);
    }
    // Just under every limit is answered.
    CHECK(get(port, "/api/v1/search?q=" + std::string(1900, 'a')).status == 200);
    CHECK(request(port, "POST", "/api/v1/search", "Content-Type: application/json\r\n",
                  R"({"q": ")" + std::string(15 * 1024, 'a') + "\"}")
              .status == 200);
    // The server is still there.
    CHECK(get(port, "/api/v1/health").status == 200);
    CHECK(server.stop() == 0);
}

TEST_CASE("serve: a client sending a byte a second is dropped while others are answered at once", "[serve]") {
    SeedDb seed;
    ServeProcess server(seed.db, "--request-timeout 2");
    const std::uint16_t port = server.port();
    using Clock = std::chrono::steady_clock;
    std::atomic<bool> dropped{false};
    std::atomic<int> sent{0};
    const auto started = Clock::now();
    std::thread slow([&] {
        const int fd = rapporteur::test::connect_to(port, 30);
        const std::string req = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(100, 's');
        for (char c : req) {
            if (!rapporteur::test::send_all(fd, std::string(1, c))) break;
            ++sent;
            // The peer closing shows in a non-blocking read: 0 (EOF) or an error.
            char b;
            const ssize_t n = recv(fd, &b, 1, MSG_DONTWAIT);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) break;
            if (Clock::now() - started > std::chrono::seconds(30)) break;
            std::this_thread::sleep_for(std::chrono::seconds(1));
        }
        dropped = Clock::now() - started < std::chrono::seconds(30);
        close(fd);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const auto before = Clock::now();
    const HttpReply normal = get(port, "/api/v1/search?q=non-punishment");
    const double seconds = std::chrono::duration<double>(Clock::now() - before).count();
    const bool slow_still_sending = !dropped;
    slow.join();
    CHECK(normal.status == 200);
    CHECK(slow_still_sending);
    CHECK(seconds < 1.0);
    CHECK(dropped);
    CHECK(sent < 20); // dropped at the 2 s deadline, long before its request was whole
    CHECK(server.log_shows("408"));
    CHECK(server.stop() == 0);
}

TEST_CASE("serve: 503 when every thread is busy and the queue is full, or at the connection limit", "[serve]") {
    SeedDb seed;
    {
        ServeProcess server(seed.db, "--max-connections 1");
        const int idle = rapporteur::test::connect_to(server.port());
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        const HttpReply r = get(server.port(), "/api/v1/health");
        CHECK(r.status == 503);
        CHECK(r.header("retry-after") == "1");
        CHECK(body_json(r)["code"] == "too_many_connections");
        close(idle);
    }
    ServeProcess server(seed.db, "--threads 1 --queue 0");
    // Many long requests at once on one search thread, none allowed to wait.
    std::string text;
    for (int i = 0; i < 1500; ++i) text += "trafficking victims guidance GRETA ";
    std::vector<std::future<HttpReply>> replies;
    for (int i = 0; i < 24; ++i) {
        replies.push_back(std::async(std::launch::async, [&] {
            return request(server.port(), "POST", "/api/v1/search",
                           "Content-Type: application/x-www-form-urlencoded\r\n", "like_text=" + text.substr(0, 15000));
        }));
    }
    int ok = 0, busy = 0;
    for (auto& f : replies) {
        const HttpReply r = f.get();
        if (r.status == 200) ++ok;
        if (r.status == 503) {
            ++busy;
            CHECK(r.header("retry-after") == "1");
            CHECK(body_json(r)["code"] == "overloaded");
        }
    }
    CHECK(ok + busy == 24);
    CHECK(ok >= 1);
    CHECK(busy >= 1);
    CHECK(server.stop() == 0);
}

TEST_CASE("serve: a connection is closed after --max-requests answers", "[serve]") {
    SeedDb seed;
    ServeProcess server(seed.db, "--max-requests 3");
    const int fd = rapporteur::test::connect_to(server.port(), 60);
    for (int i = 1; i <= 3; ++i) {
        INFO(i);
        REQUIRE(rapporteur::test::send_all(fd, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"));
        const HttpReply r = rapporteur::test::read_reply(fd);
        CHECK(r.status == 200);
        CHECK((r.header("connection") == "close") == (i == 3));
    }
    char b;
    CHECK(recv(fd, &b, 1, 0) <= 0);
    close(fd);
    CHECK(server.stop() == 0);
}

TEST_CASE("serve: one log line per request, and SIGTERM ends it cleanly", "[serve]") {
    SeedDb seed;
    ServeProcess server(seed.db);
    const std::uint16_t port = server.port();
    // A keep-alive connection answering two requests, then left open and idle.
    const int fd = rapporteur::test::connect_to(port, 60);
    for (int i = 0; i < 2; ++i) {
        REQUIRE(rapporteur::test::send_all(fd, "GET /api/v1/search?q=asylum HTTP/1.1\r\nHost: x\r\n\r\n"));
        CHECK(rapporteur::test::read_reply(fd).status == 200);
    }
    CHECK(get(port, "/api/v1/nothing").status == 404);
    CHECK(server.stop() == 0);
    char b;
    CHECK(recv(fd, &b, 1, 0) <= 0); // the idle connection was closed
    close(fd);
    const std::string log = server.log();
    INFO(log);
    std::size_t lines = 0;
    for (std::size_t at = 0; (at = log.find("GET /api/v1/search 200 ", at)) != std::string::npos; ++at) ++lines;
    CHECK(lines == 2);
    CHECK(log.find("GET /api/v1/nothing 404 ") != std::string::npos);
    CHECK(log.find("q=asylum") == std::string::npos); // what users type stays out of the log
    CHECK(log.find("stopped") != std::string::npos);
}

TEST_CASE("serve: SIGTERM lets a request in flight finish, then stops accepting", "[serve]") {
    SeedDb seed;
    ServeProcess server(seed.db);
    const std::uint16_t port = server.port();
    // A request whose header has arrived and whose body has not: in flight when SIGTERM comes.
    const std::string body = "q=non-punishment";
    const int fd = rapporteur::test::connect_to(port, 60);
    REQUIRE(rapporteur::test::send_all(fd, "POST /api/v1/search HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                           "application/x-www-form-urlencoded\r\nContent-Length: " +
                                               std::to_string(body.size()) + "\r\n\r\n"));
    const int idle = rapporteur::test::connect_to(port, 60);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    REQUIRE(kill(server.pid(), SIGTERM) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK_THROWS(rapporteur::test::connect_to(port)); // no longer accepting
    REQUIRE(rapporteur::test::send_all(fd, body));
    const HttpReply r = rapporteur::test::read_reply(fd);
    CHECK(r.status == 200);
    CHECK(body_json(r)["total"] == 1);
    CHECK(r.header("connection") == "close");
    char b;
    CHECK(recv(idle, &b, 1, 0) <= 0); // the idle connection was closed
    close(idle);
    close(fd);
    CHECK(server.stop() == 0);
    CHECK(server.log().find("POST /api/v1/search 200 ") != std::string::npos);
}

