/** @file scoped_env.h
 *  @brief Test support: set or unset an environment variable while an object lives.
 */
#ifndef RAPPORTEUR_TESTS_SCOPED_ENV_H
#define RAPPORTEUR_TESTS_SCOPED_ENV_H

#include <cstdlib>
#include <optional>
#include <string>

namespace rapporteur::test {

/// Sets `name` to `value` (unsets it for nullopt) while it lives, and puts back what was there.
class ScopedEnv {
  public:
    ScopedEnv(std::string name, const std::optional<std::string>& value) : name_(std::move(name)) {
        if (const char* old = std::getenv(name_.c_str())) old_ = old;
        set(value);
    }
    ~ScopedEnv() { set(old_); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    void set(const std::optional<std::string>& value) {
        if (value)
            setenv(name_.c_str(), value->c_str(), 1);
        else
            unsetenv(name_.c_str());
    }
    std::string name_;
    std::optional<std::string> old_;
};

} // namespace rapporteur::test

#endif
