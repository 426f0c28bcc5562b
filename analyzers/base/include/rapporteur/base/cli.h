/** @file cli.h
 *  @brief What the executables share: option groups defined once, and one error ladder.
 *
 *  A main is: build its options → parse() → fill a library's options struct → call the
 *  library inside run(), which maps every error to one line on stderr and an exit status
 *  (2 for usage, 1 for runtime; 0 on success).
 */
#ifndef RAPPORTEUR_BASE_CLI_H
#define RAPPORTEUR_BASE_CLI_H

#include <boost/program_options.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace rapporteur::cli {

namespace po = boost::program_options;

/// Exit statuses of every executable.
inline constexpr int EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_USAGE = 2;

/// --help/-h and --version.
void add_help_options(po::options_description& options);

/// --db DIR, with the one help text that says where the default database lives.
void add_database_option(po::options_description& options, std::string& db);

/** --shards FILE, --shard-timeout MS and --connect-timeout MS (a sharded collection served by
 *  xapian-tcpsrv, docs/sharding.md): the map file into `map_file`, the timeouts in
 *  milliseconds into the two others, whose values on entry are the defaults shown. */
void add_shard_options(po::options_description& options, std::string& map_file, unsigned& timeout_ms,
                       unsigned& connect_timeout_ms);

/** The usage errors of those options once parsed: --db and --shards together, a timeout
 *  without --shards. Throws po::error. */
void check_shard_options(const po::variables_map& vm, const std::string& db, const std::string& map_file);

/** A numeric option with a range: `--name N` is parsed whole (no trailing text, no sign on an
 *  unsigned value, so "-1" never wraps to a huge count) into `*target`, and a value outside
 *  [min, max] is a usage error naming the option and the range. Its default, shown in --help,
 *  is `*target`'s value as written ("0.9", not 0.90000000000000002). `T` is an integer or a
 *  floating-point type. */
template <typename T>
po::typed_value<std::string>* number(const char* name, T* target, T min, T max);

/** Parse `argv` against `visible` and `hidden` options, the positional ones going to
 *  `positional_name` (none when empty). Throws po::error on a usage error. */
po::variables_map parse(int argc, char** argv, const po::options_description& visible,
                        const po::options_description& hidden = {}, const char* positional_name = nullptr);

/** Prints the help (`visible`) or the version of `program` when asked for; true when it did,
 *  and the main should exit with EXIT_OK. */
bool handled_help_or_version(const po::variables_map& vm, const po::options_description& visible,
                             std::string_view program);

/** Describes the exception in flight that run() does not know (a library's own error type,
 *  such as Xapian::Error), or nullopt. Called inside run()'s catch handler, so it may rethrow
 *  with `throw;` and catch the type it knows. */
using Describer = std::optional<std::string> (*)();

/** The error ladder: runs `body` and returns its status; a usage error (po::error,
 *  UsageError) prints "<program>: <message>" and returns EXIT_USAGE, anything else thrown
 *  (RuntimeError, std::exception, what `describe` knows) prints the same and returns
 *  EXIT_RUNTIME. Nothing escapes. */
int run(std::string_view program, const std::function<int()>& body, Describer describe = nullptr);

extern template po::typed_value<std::string>* number<int>(const char*, int*, int, int);
extern template po::typed_value<std::string>* number<unsigned>(const char*, unsigned*, unsigned, unsigned);
extern template po::typed_value<std::string>* number<long>(const char*, long*, long, long);
extern template po::typed_value<std::string>* number<unsigned long>(const char*, unsigned long*, unsigned long,
                                                                    unsigned long);
extern template po::typed_value<std::string>* number<double>(const char*, double*, double, double);

} // namespace rapporteur::cli

#endif
