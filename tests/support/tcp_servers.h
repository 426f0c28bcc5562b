/** @file tcp_servers.h
 *  @brief Test support: free loopback ports, and servers (xapian-tcpsrv, xapian-replicate-server)
 *         run in the background in a process group of their own and killed with the children
 *         serving their connections when the guard goes.
 */
#ifndef RAPPORTEUR_TESTS_TCP_SERVERS_H
#define RAPPORTEUR_TESTS_TCP_SERVERS_H

#include "support/process.h"

#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

namespace rapporteur::test {

/// A port nothing listens on now (the kernel's pick for port 0).
inline unsigned free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    ::close(fd);
    return ntohs(addr.sin_port);
}

/// True once something accepts connections on 127.0.0.1:port (tried for up to 5 s).
inline bool listening(unsigned port) {
    for (int i = 0; i < 100; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
        ::close(fd);
        if (ok) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

/** Start `command` in the background in a process group of its own (xapian-tcpsrv serves each
 *  connection from a forked child, which must go with it): its pid, or -1. */
inline pid_t spawn_group(const std::string& command) {
    const pid_t pid = fork();
    if (pid == 0) {
        ::setpgid(0, 0);
        const std::string full = "exec " + command + " >/dev/null 2>/dev/null </dev/null";
        execl("/bin/sh", "sh", "-c", full.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    if (pid > 0) ::setpgid(pid, pid); // also here, so that a kill right after the fork finds the group
    return pid;
}

/// A server started in the background and killed, with the children serving its connections,
/// when the guard goes, even when a check fails.
class BackgroundServer {
  public:
    /// `xapian-tcpsrv` over `db` on 127.0.0.1:port (port 0: a free one).
    static std::unique_ptr<BackgroundServer> tcpsrv(const std::string& db, unsigned port = 0) {
        if (port == 0) port = free_port();
        auto s = std::make_unique<BackgroundServer>();
        s->port_ = port;
        s->pid_ = spawn_group("xapian-tcpsrv --interface 127.0.0.1 --port " + std::to_string(port) +
                                          " " + quote(db));
        REQUIRE(s->pid_ > 0);
        REQUIRE(listening(port));
        return s;
    }
    static std::unique_ptr<BackgroundServer> command(const std::string& cmd, unsigned port) {
        auto s = std::make_unique<BackgroundServer>();
        s->port_ = port;
        s->pid_ = spawn_group(cmd);
        REQUIRE(s->pid_ > 0);
        REQUIRE(listening(port));
        return s;
    }
    ~BackgroundServer() { stop(); }
    void stop() {
        if (pid_ <= 0) return;
        ::kill(-pid_, SIGKILL); // the server and the children serving its connections
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    unsigned port() const { return port_; }
    std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

  private:
    pid_t pid_ = -1;
    unsigned port_ = 0;
};

} // namespace rapporteur::test

#endif
