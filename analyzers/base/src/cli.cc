/** @file cli.cc
 *  @brief Option groups shared by the executables, and the one error ladder.
 */
#include "rapporteur/base/cli.h"
#include "rapporteur/base/errors.h"

#include <fmt/core.h>

#include <charconv>
#include <iostream>
#include <new>
#include <type_traits>

namespace rapporteur::cli {

void add_help_options(po::options_description& options) {
    options.add_options()("help,h", "show this help and exit")("version", "show the version and exit");
}

void add_database_option(po::options_description& options, std::string& db) {
    options.add_options()("db", po::value(&db)->value_name("DIR"),
                          // Line breaks keep each path whole in a narrow --help column and man page.
                          "database directory, by default $RAPPORTEUR_DB,\nelse $XDG_DATA_HOME/rapporteur/db,\n"
                          "else ~/.local/share/rapporteur/db");
}

void add_shard_options(po::options_description& options, std::string& map_file, unsigned& timeout_ms,
                       unsigned& connect_timeout_ms) {
    // clang-format off
    options.add_options()
        ("shards", po::value(&map_file)->value_name("FILE"), "search the shards named in FILE (one line a shard: host:port[, replica...]) "
                                       "served by xapian-tcpsrv, instead of --db")
        ("shard-timeout", number("shard-timeout", &timeout_ms, 0u, 600000u)->value_name("MS"),
         "with --shards: a server not answering a request within MS milliseconds is lost (0: wait for ever)")
        ("connect-timeout", number("connect-timeout", &connect_timeout_ms, 0u, 600000u)->value_name("MS"),
         "with --shards: connecting to a server may take MS milliseconds");
    // clang-format on
}

void check_shard_options(const po::variables_map& vm, const std::string& db, const std::string& map_file) {
    if (!map_file.empty() && !db.empty()) throw po::error("give one of --db or --shards");
    auto given = [&](const char* name) { return vm.count(name) && !vm[name].defaulted(); };
    if (map_file.empty() && (given("shard-timeout") || given("connect-timeout")))
        throw po::error("--shard-timeout and --connect-timeout apply to --shards only");
}

po::variables_map parse(int argc, char** argv, const po::options_description& visible,
                        const po::options_description& hidden, const char* positional_name) {
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    if (positional_name) positional.add(positional_name, -1);
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    return vm;
}

bool handled_help_or_version(const po::variables_map& vm, const po::options_description& visible,
                             std::string_view program) {
    if (vm.count("help")) {
        std::cout << visible << "\n";
        return true;
    }
    if (vm.count("version")) {
        fmt::print("{} {}\n", program, RAPPORTEUR_VERSION);
        return true;
    }
    return false;
}

template <typename T>
po::typed_value<std::string>* number(const char* name, T* target, T min, T max) {
    auto* value = po::value<std::string>();
    value->default_value(fmt::format("{}", *target));
    value->notifier([name, target, min, max](const std::string& text) {
        const char* kind = std::is_integral_v<T> ? "an integer" : "a number";
        const std::string range = fmt::format("{} from {} to {}", kind, min, max);
        T parsed{};
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, parsed);
        const bool whole = ec == std::errc() && ptr == end && !text.empty();
        if (!whole || !(parsed >= min && parsed <= max)) { // NaN is in no range
            throw po::error(fmt::format("--{} must be {}, not '{}'", name, range, text));
        }
        *target = parsed;
    });
    return value;
}

template po::typed_value<std::string>* number<int>(const char*, int*, int, int);
template po::typed_value<std::string>* number<unsigned>(const char*, unsigned*, unsigned, unsigned);
template po::typed_value<std::string>* number<long>(const char*, long*, long, long);
template po::typed_value<std::string>* number<unsigned long>(const char*, unsigned long*, unsigned long, unsigned long);
template po::typed_value<std::string>* number<double>(const char*, double*, double, double);

int run(std::string_view program, const std::function<int()>& body, Describer describe) {
    auto fail = [&](std::string_view message, int status) {
        fmt::print(stderr, "{}: {}\n", program, message);
        return status;
    };
    try {
        return body();
    } catch (const po::error& e) {
        return fail(std::string(e.what()) + " (try " + std::string(program) + " --help)", EXIT_USAGE);
    } catch (const UsageError& e) {
        return fail(e.what(), EXIT_USAGE);
    } catch (const RuntimeError& e) {
        return fail(e.what(), EXIT_RUNTIME);
    } catch (const std::bad_alloc&) {
        return fail("out of memory", EXIT_RUNTIME);
    } catch (const std::exception& e) {
        return fail(e.what(), EXIT_RUNTIME);
    } catch (...) {
        std::optional<std::string> what;
        if (describe) {
            try {
                what = describe();
            } catch (...) {
            }
        }
        return fail(what ? *what : "unexpected error", EXIT_RUNTIME);
    }
}

} // namespace rapporteur::cli
