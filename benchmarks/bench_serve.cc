/** @file bench_serve.cc
 *  @brief rapporteur-serve under load on loopback: 1, 8 and 64 concurrent clients over the
 *         benchmark query set, every answer checked equal to the library's; throughput,
 *         p50/p99 latency, and the ratio to the library's own p50 measured in the same run.
 *
 *  bench_serve SERVE_EXE DB_DIR QUERIES.tsv [--clients 1,8,64] [--requests N] [--seconds S]
 *              [--threads T]
 *      Runs every query through rapporteur::Searcher in this process and keeps each answer as
 *      the JSON rapporteur-search --format json prints, then times a round of them; then
 *      starts SERVE_EXE on a free loopback port and, for each client count, has that many
 *      keep-alive connections send /api/v1/search requests for the queries in turn (top 10,
 *      snippets and exact facets: the API's defaults) until N requests are answered (default:
 *      twice the query set) or S seconds have passed (default 120). A query whose language the
 *      analyzers do not know is asked without it, as the CLI and the API refuse such a code
 *      (counted as lang_hints_dropped). A response that is not 200
 *      or not byte for byte the library's answer is counted, and the exit status is then 1. The
 *      library is timed again after the server's runs; the ratio p50 ÷ library p50 is taken
 *      against the mean of the two library p50s.
 */
#include "bench_common.h"

#include "rapporteur/analyzers.h"
#include "rapporteur/searcher.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <mutex>
#include <thread>

namespace {

using Clock = std::chrono::steady_clock;

std::string url_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

/// A keep-alive HTTP/1.1 connection to 127.0.0.1:port.
class Connection {
  public:
    explicit Connection(std::uint16_t port) {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        const int one = 1;
        setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        timeval tv{60, 0};
        setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
            throw std::runtime_error(std::string("connect: ") + std::strerror(errno));
    }
    ~Connection() { close(fd_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// GET `target`: the status and body (status 0 when the connection failed).
    std::pair<int, std::string> get(const std::string& target) {
        const std::string req = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        for (std::size_t sent = 0; sent < req.size();) {
            const ssize_t n = ::send(fd_, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return {0, ""};
            sent += static_cast<std::size_t>(n);
        }
        std::size_t end;
        while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
            if (!fill()) return {0, ""};
        }
        const int status = std::stoi(buffer_.substr(9, 3));
        std::string head = buffer_.substr(0, end);
        for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const std::size_t at = head.find("content-length:");
        const std::size_t length = at == std::string::npos ? 0 : std::stoul(head.substr(at + 15));
        buffer_.erase(0, end + 4);
        while (buffer_.size() < length) {
            if (!fill()) return {0, ""};
        }
        std::string body = buffer_.substr(0, length);
        buffer_.erase(0, length);
        return {status, body};
    }

  private:
    bool fill() {
        char buf[65536];
        const ssize_t n = recv(fd_, buf, sizeof buf, 0);
        if (n <= 0) return false;
        buffer_.append(buf, static_cast<std::size_t>(n));
        return true;
    }
    int fd_;
    std::string buffer_;
};

struct Job {
    std::string target, expected;
    std::string text; ///< the query as the library is given it
    rapporteur::SearchOptions options;
};

/// One timed round of every job through the library: each query's milliseconds, sorted; throws
/// when an answer is not the one recorded.
std::vector<double> library_round(const rapporteur::Searcher& searcher, const std::vector<Job>& jobs) {
    std::vector<double> ms;
    for (const auto& job : jobs) {
        const auto t0 = Clock::now();
        const auto result = searcher.search(job.text, job.options);
        const std::string json =
            rapporteur::to_json(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (json != job.expected) throw std::runtime_error("the library's answer changed: " + job.target);
    }
    std::sort(ms.begin(), ms.end());
    return ms;
}

} // namespace

int main(int argc, char** argv) {
    rapporteur::tune_allocator();
    std::vector<std::string> args(argv + 1, argv + argc);
    auto option = [&](const std::string& name, const std::string& fallback) {
        auto it = std::find(args.begin(), args.end(), name);
        if (it == args.end() || it + 1 == args.end()) return fallback;
        std::string v = *(it + 1);
        args.erase(it, it + 2);
        return v;
    };
    const std::string clients_list = option("--clients", "1,8,64");
    const std::string requests_opt = option("--requests", "0");
    const double max_seconds = std::stod(option("--seconds", "120"));
    const std::string threads = option("--threads", std::to_string(std::max(2u, std::thread::hardware_concurrency())));
    if (args.size() != 3) {
        std::cerr << "usage: bench_serve SERVE_EXE DB_DIR QUERIES.tsv [--clients 1,8,64] [--requests N] "
                     "[--seconds S] [--threads T]\n";
        return 2;
    }
    try {
        const auto queries = bench::read_queries(args[2]);
        // The library: each query's answer as the CLI prints it (a first round), then its latency
        // (a round before the server's runs, and one after: the machine's weather changes).
        const rapporteur::Searcher searcher(args[1]);
        std::vector<Job> jobs;
        std::size_t hints_dropped = 0;
        {
            for (const auto& q : queries) {
                rapporteur::SearchOptions options;
                std::string text = q.text;
                std::string target = "/api/v1/search?limit=10";
                if (auto lang = bench::take_lang_filter(text); !lang.empty()) {
                    options.filters["lang"] = {lang};
                    target += "&filter=lang:" + url_encode(lang);
                }
                // A language the analyzers do not know ("nb") is refused by the CLI (exit 2) and
                // the API (400 unknown_language) alike: such a query is asked without one.
                if (rapporteur::Analyzer::is_known_language(q.lang)) {
                    options.lang = q.lang;
                    target += "&lang=" + url_encode(q.lang);
                } else if (!q.lang.empty()) {
                    ++hints_dropped;
                }
                target += "&q=" + url_encode(text);
                const auto result = searcher.search(text, options);
                const std::string json =
                    rapporteur::to_json(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
                jobs.push_back({target, json, text, options});
            }
        }
        const std::vector<double> library_ms = library_round(searcher, jobs);
        const double library_p50_before = bench::percentile(library_ms, 0.5);

        // The server, on a free port, its log to /dev/null.
        char dir_template[] = "/tmp/bench-serve-XXXXXX";
        if (!mkdtemp(dir_template)) throw std::runtime_error("mkdtemp failed");
        const std::string port_file = std::string(dir_template) + "/port";
        const pid_t pid = fork();
        if (pid == 0) {
            freopen("/dev/null", "w", stderr);
            execl(args[0].c_str(), args[0].c_str(), "--db", args[1].c_str(), "--listen", "127.0.0.1:0", "--port-file",
                  port_file.c_str(), "--threads", threads.c_str(), "--queue", "4096", "--max-connections", "256",
                  "--max-requests", "1000000", "--query-time-limit", "0", static_cast<char*>(nullptr));
            _exit(127);
        }
        const auto started = Clock::now();
        while (!std::filesystem::exists(port_file)) {
            if (Clock::now() - started > std::chrono::seconds(60)) throw std::runtime_error("the server did not start");
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        std::ifstream pf(port_file);
        int port_number = 0;
        pf >> port_number;
        const auto port = static_cast<std::uint16_t>(port_number);

        nlohmann::json runs = nlohmann::json::array();
        std::size_t wrong_total = 0;
        std::stringstream list(clients_list);
        for (std::string item; std::getline(list, item, ',');) {
            const std::size_t clients = std::stoul(item);
            const std::size_t want = std::stoul(requests_opt) ? std::stoul(requests_opt) : 2 * jobs.size();
            std::atomic<std::size_t> next{0}, wrong{0}, failed{0};
            std::mutex m;
            std::vector<double> ms;
            const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(max_seconds));
            const auto t0 = Clock::now();
            std::vector<std::thread> pool;
            for (std::size_t c = 0; c < clients; ++c) {
                pool.emplace_back([&] {
                    Connection conn(port);
                    std::vector<double> mine;
                    for (std::size_t i; (i = next++) < want && Clock::now() < deadline;) {
                        const Job& job = jobs[i % jobs.size()];
                        const auto s = Clock::now();
                        const auto [status, body] = conn.get(job.target);
                        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
                        if (status != 200) ++failed;
                        else if (body != job.expected) ++wrong;
                        if (status == 0) break;
                    }
                    std::lock_guard lock(m);
                    ms.insert(ms.end(), mine.begin(), mine.end());
                });
            }
            for (auto& t : pool) t.join();
            const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
            std::sort(ms.begin(), ms.end());
            const double p50 = bench::percentile(ms, 0.5);
            runs.push_back({{"clients", clients},
                            {"requests", ms.size()},
                            {"cut_by_time", ms.size() < want},
                            {"seconds", seconds},
                            {"throughput_rps", ms.size() / seconds},
                            {"p50_ms", p50},
                            {"p99_ms", bench::percentile(ms, 0.99)},
                            {"p50_over_library_p50", 0.0}, // once the library is timed again, below
                            {"not_200", failed.load()},
                            {"not_equal", wrong.load()}});
            wrong_total += failed + wrong;
        }
        kill(pid, SIGTERM);
        int status = 0;
        waitpid(pid, &status, 0);
        const std::vector<double> library_after_ms = library_round(searcher, jobs);
        const double library_p50_after = bench::percentile(library_after_ms, 0.5);
        const double library_p50 = (library_p50_before + library_p50_after) / 2;
        for (auto& run : runs) run["p50_over_library_p50"] = library_p50 > 0 ? run["p50_ms"].get<double>() / library_p50 : 0.0;
        std::filesystem::remove_all(dir_template);
        const nlohmann::json out = {{"engine", "rapporteur-serve"},
                                    {"db", args[1]},
                                    {"passages", Xapian::Database(args[1]).get_doccount()},
                                    {"queries", queries.size()},
                                    {"lang_hints_dropped", hints_dropped},
                                    {"search_threads", std::stoul(threads)},
                                    {"library_p50_ms", library_p50},
                                    {"library_p50_before_ms", library_p50_before},
                                    {"library_p50_after_ms", library_p50_after},
                                    {"library_p99_ms", bench::percentile(library_ms, 0.99)},
                                    {"runs", runs},
                                    {"server_exit", WIFEXITED(status) ? WEXITSTATUS(status) : -1}};
        std::cout << out.dump(2) << "\n";
        if (wrong_total) std::cerr << "bench_serve: " << wrong_total << " responses were not the library's answer\n";
        return wrong_total ? 1 : 0;
    } catch (const std::exception& e) {
        std::cerr << "bench_serve: " << e.what() << "\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "bench_serve: " << e.get_description() << "\n";
    }
    return 1;
}
