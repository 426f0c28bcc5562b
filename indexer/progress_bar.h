/** @file progress_bar.h
 *  @brief rapporteur-index's progress line on a terminal: sized to its width, redrawn in place.
 */
#ifndef RAPPORTEUR_INDEXER_PROGRESS_BAR_H
#define RAPPORTEUR_INDEXER_PROGRESS_BAR_H

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace rapporteur {

/** The width of the terminal on `fd`, in columns: its window size (ioctl TIOCGWINSZ), else
 *  `$COLUMNS` when it is a whole number from 1 to 9999, else 80. */
std::size_t terminal_columns(int fd);

/// Where a run stands, as the progress line shows it.
struct Progress {
    double fraction = 0;       ///< of the input bytes, 0 to 1
    std::size_t files = 0;     ///< files done
    std::uintmax_t bytes = 0;  ///< bytes read
    std::uintmax_t total = 0;  ///< bytes of all the input files
    double passages_per_s = 0; ///< rate so far
    double eta_seconds = 0;    ///< time left at that rate
};

/** The progress line for a terminal of `columns` columns, at most `columns` - 1 characters (a
 *  full line would leave the cursor waiting to wrap): a bar of up to 40 `#`s, the percentage,
 *  files, megabytes, rate and time left. Below 12 columns of bar it drops the bar, then cuts
 *  the text. ASCII only, so characters are columns. */
std::string progress_line(const Progress& p, std::size_t columns);

/** The progress line on stderr, redrawn at most ten times a second over itself ("\r\033[K"
 *  clears what a longer line or a narrower terminal left). Only for a terminal. */
class ProgressBar {
  public:
    void update(std::size_t files, std::uintmax_t bytes, std::uintmax_t total, std::size_t passages);
    /// Clears the line, or after an interruption ends it with a newline (the "^C" stays on it).
    void finish(bool interrupted);

  private:
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_{};
    bool drawn_ = false;
};

} // namespace rapporteur

#endif
