/** @file errors.h
 *  @brief The two error types every library throws: the caller's mistake and the world's.
 *
 *  Libraries never print or exit; they throw one of these with a message that names the path
 *  or value and the cause. The executables map them to exit codes (cli.h): 2 and 1.
 */
#ifndef RAPPORTEUR_BASE_ERRORS_H
#define RAPPORTEUR_BASE_ERRORS_H

#include <stdexcept>

namespace rapporteur {

/// Thrown for a caller's mistake (bad argument, unknown name): exit status 2.
class UsageError : public std::invalid_argument {
  public:
    using std::invalid_argument::invalid_argument;
};

/// Thrown when the world is wrong (a missing data file, invalid UTF-8, an unreadable path,
/// a damaged database): exit status 1.
class RuntimeError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

} // namespace rapporteur

#endif
