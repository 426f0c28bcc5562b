/** @file progress_bar.cc
 *  @brief rapporteur-index's progress line on a terminal: sized to its width, redrawn in place.
 */
#include "progress_bar.h"

#include <fmt/core.h>

#include <sys/ioctl.h>
#include <unistd.h>
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace rapporteur {

std::size_t terminal_columns(int fd) {
    struct winsize ws {};
    if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    if (const char* env = std::getenv("COLUMNS")) {
        std::size_t n = 0;
        const char* end = env + std::strlen(env);
        const auto [ptr, ec] = std::from_chars(env, end, n);
        if (ec == std::errc() && ptr == end && n >= 1 && n <= 9999) return n;
    }
    return 80;
}

std::string progress_line(const Progress& p, std::size_t columns) {
    const std::size_t room = columns > 1 ? columns - 1 : 0;
    const int eta = static_cast<int>(std::max(0.0, p.eta_seconds));
    const std::string text = fmt::format(" {:3.0f}%  {} file{}  {:.1f}/{:.1f} MB  {:.0f} passages/s  ETA {}:{:02d}",
                                         p.fraction * 100, p.files, p.files == 1 ? "" : "s", double(p.bytes) / 1e6,
                                         double(p.total) / 1e6, p.passages_per_s, eta / 60, eta % 60);
    constexpr std::size_t MIN_BAR = 12, MAX_BAR = 40; // the bar's inside, without its brackets
    if (room < text.size() + MIN_BAR + 2) {
        const std::string figures = text.substr(text.find_first_not_of(' '));
        return figures.substr(0, room);
    }
    const std::size_t width = std::min(MAX_BAR, room - text.size() - 2);
    const auto filled = static_cast<std::size_t>(std::clamp(p.fraction, 0.0, 1.0) * double(width));
    return "[" + std::string(filled, '#') + std::string(width - filled, ' ') + "]" + text;
}

void ProgressBar::update(std::size_t files, std::uintmax_t bytes, std::uintmax_t total, std::size_t passages) {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100) && bytes < total) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    Progress p;
    p.fraction = total ? std::min(1.0, double(bytes) / double(total)) : 1.0;
    p.files = files;
    p.bytes = bytes;
    p.total = total;
    p.passages_per_s = elapsed > 0 ? double(passages) / elapsed : 0;
    p.eta_seconds = p.fraction > 0 ? elapsed * (1 - p.fraction) / p.fraction : 0;
    fmt::print(stderr, "\r\033[K{}", progress_line(p, terminal_columns(STDERR_FILENO)));
    std::fflush(stderr);
    drawn_ = true;
}

void ProgressBar::finish(bool interrupted) {
    if (drawn_) std::fputs(interrupted ? "\n" : "\r\033[K", stderr);
}

} // namespace rapporteur
