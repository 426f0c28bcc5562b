/** @file http_client.h
 *  @brief Test support: a blocking HTTP/1.1 client on raw sockets (so a test can send what no
 *         client library would: huge targets, slow bytes), and a rapporteur-serve process on a
 *         free loopback port.
 */
#ifndef RAPPORTEUR_TESTS_HTTP_CLIENT_H
#define RAPPORTEUR_TESTS_HTTP_CLIENT_H

#include "support/process.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>

namespace rapporteur::test {

struct HttpReply {
    int status = 0;                             ///< 0: the connection closed without an answer
    std::map<std::string, std::string> headers; ///< names in lower case
    std::string body;
    std::string header(const std::string& name) const {
        auto it = headers.find(name);
        return it == headers.end() ? "" : it->second;
    }
};

/// A connected socket to 127.0.0.1:port; reads time out after `timeout_s` seconds.
inline int connect_to(std::uint16_t port, int timeout_s = 60) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket failed");
    timeval tv{timeout_s, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        throw std::runtime_error(std::string("connect failed: ") + std::strerror(errno));
    }
    return fd;
}

/// Writes all of `data`; false when the peer has gone.
inline bool send_all(int fd, const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

/// Reads one response (Content-Length bodies, or to the end when there is none).
inline HttpReply read_reply(int fd, bool head = false) {
    std::string data;
    char buf[16384];
    std::size_t header_end;
    while ((header_end = data.find("\r\n\r\n")) == std::string::npos) {
        const ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0) return {};
        data.append(buf, static_cast<std::size_t>(n));
    }
    HttpReply r;
    const std::string head_text = data.substr(0, header_end);
    r.status = std::stoi(head_text.substr(9, 3));
    std::size_t pos = head_text.find("\r\n");
    while (pos != std::string::npos && pos < head_text.size()) {
        const std::size_t next = head_text.find("\r\n", pos + 2);
        const std::string line = head_text.substr(pos + 2, (next == std::string::npos ? head_text.size() : next) - pos - 2);
        const std::size_t colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
            r.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
        }
        pos = next;
    }
    r.body = data.substr(header_end + 4);
    const bool has_length = r.headers.count("content-length");
    const std::size_t length = has_length ? std::stoul(r.headers["content-length"]) : 0;
    if (head || r.status < 200 || r.status == 304 || r.status == 204) return r;
    while (has_length ? r.body.size() < length : true) {
        const ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        r.body.append(buf, static_cast<std::size_t>(n));
    }
    return r;
}

/// One request on a connection of its own ("Connection: close").
inline HttpReply request(std::uint16_t port, const std::string& method, const std::string& target,
                         const std::string& headers = "", const std::string& body = "") {
    const int fd = connect_to(port);
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers;
    if (!body.empty() || method == "POST") req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    req += "\r\n" + body;
    send_all(fd, req);
    HttpReply r = read_reply(fd, method == "HEAD");
    close(fd);
    return r;
}

inline HttpReply get(std::uint16_t port, const std::string& target, const std::string& headers = "") {
    return request(port, "GET", target, headers);
}

/// A shard map file, for ServeProcess to serve its shards (--shards) instead of a database.
struct ShardMapFile {
    std::filesystem::path path;
};

/** rapporteur-serve (the installed one) on a free loopback port over `db` (or the shards of a
 *  map), stopped by SIGTERM when the object goes; its stderr (the log) in a file. */
class ServeProcess {
  public:
    explicit ServeProcess(const std::filesystem::path& db, const std::string& args = "") {
        start("--db " + quote(db.string()) + " " + args);
    }
    explicit ServeProcess(const ShardMapFile& map, const std::string& args = "") {
        start("--shards " + quote(map.path.string()) + " " + args);
    }
    ~ServeProcess() {
        if (pid_ > 0) stop();
    }
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    std::uint16_t port() const { return port_; }
    pid_t pid() const { return pid_; }
    std::string log() const { return read_all(log_); }
    /// Whether the log comes to hold `text` within `timeout`: a line is written after the
    /// answer it logs, so a client can see the answer (or the close) before the line is there.
    bool log_shows(const std::string& text, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (log().find(text) == std::string::npos) {
            if (std::chrono::steady_clock::now() > deadline) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return true;
    }

    /// SIGTERM, then the exit status (128+signal when killed; -1 when it did not end in 60 s).
    int stop() {
        kill(pid_, SIGTERM);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        int status = 0;
        while (waitpid(pid_, &status, WNOHANG) != pid_) {
            if (std::chrono::steady_clock::now() > deadline) {
                kill(pid_, SIGKILL);
                waitpid(pid_, &status, 0);
                pid_ = -1;
                return -1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

  private:
    void start(const std::string& args) {
        const auto port_file = dir_ / "port";
        log_ = dir_ / "log";
        pid_ = spawn(std::string(RAPPORTEUR_E2E_BIN) + "/rapporteur-serve " + args +
                         " --listen 127.0.0.1:0 --port-file " + quote(port_file.string()),
                     log_.string());
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (!std::filesystem::exists(port_file)) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                throw std::runtime_error("rapporteur-serve exited: " + read_all(log_));
            }
            if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("rapporteur-serve did not start");
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        port_ = static_cast<std::uint16_t>(std::stoi(read_all(port_file)));
    }

    TempDir dir_;
    std::filesystem::path log_;
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
};

} // namespace rapporteur::test

#endif
