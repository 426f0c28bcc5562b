/** @file process.h
 *  @brief Test support: run a command through the shell and capture its exit status and output,
 *  or start one in the background.
 */
#ifndef RAPPORTEUR_TESTS_PROCESS_H
#define RAPPORTEUR_TESTS_PROCESS_H

#include <sys/wait.h>
#include <unistd.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace rapporteur::test {

struct ProcessResult {
    int status = -1; ///< exit code, or 128+signal
    std::string out; ///< standard output
    std::string err; ///< standard error
};

/// A fresh temporary directory, removed when the object goes away.
class TempDir {
  public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "rapporteur-test-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
        path_ = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

inline std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& content) {
    std::ofstream out(p, std::ios::binary);
    out << content;
}

/// Run `command` with /bin/sh; stdout and stderr are captured separately.
inline ProcessResult run(const std::string& command) {
    TempDir dir;
    const auto out = dir / "out", err = dir / "err";
    const std::string full = "(" + command + ") >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
    int raw = std::system(full.c_str());
    ProcessResult r;
    if (raw != -1 && WIFEXITED(raw))
        r.status = WEXITSTATUS(raw);
    else if (raw != -1 && WIFSIGNALED(raw))
        r.status = 128 + WTERMSIG(raw);
    r.out = read_all(out);
    r.err = read_all(err);
    return r;
}

/** Start `command` through the shell in the background, its stderr going to the file `err`
 *  (stdout to /dev/null): its pid, or -1. The command is exec'd, so the pid is its own. */
inline pid_t spawn(const std::string& command, const std::string& err = "/dev/null") {
    const pid_t pid = fork();
    if (pid == 0) {
        const std::string full = "exec " + command + " >/dev/null 2>'" + err + "' </dev/null";
        execl("/bin/sh", "sh", "-c", full.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    return pid;
}

/// Quote a string for the shell.
inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) {
        if (c == '\'')
            q += "'\\''";
        else
            q += c;
    }
    return q + "'";
}

} // namespace rapporteur::test

#endif
