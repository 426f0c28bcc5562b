/** @file database_dir.h
 *  @brief The on-disk layout of a Rapporteur database: a stub file naming the current generation.
 *
 *  `DB/XAPIANDB` is a Xapian stub ("glass gen-N") and `DB/gen-N/` the glass database it names,
 *  so Xapian opens `DB` directly. A large run builds a new generation beside the current one
 *  and publishes it by renaming a new stub over the old (atomic on POSIX): readers and a killed
 *  run only ever see a whole generation.
 */
#ifndef RAPPORTEUR_FORMAT_DATABASE_DIR_H
#define RAPPORTEUR_FORMAT_DATABASE_DIR_H

#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>

namespace rapporteur {

/** The database used when none is given: `$RAPPORTEUR_DB`, else
 *  `$XDG_DATA_HOME/rapporteur/db`, else `~/.local/share/rapporteur/db`. */
std::filesystem::path default_database_path();

/** The description of the Xapian::Error in flight, or nullopt when another exception is:
 *  for cli::run() (a Describer), called inside a catch handler. */
std::optional<std::string> describe_xapian_error();

class DatabaseDir {
  public:
    /** Open (creating when missing) the database at `path` for writing; holds Xapian's write
     *  lock until destroyed. Throws RuntimeError naming the path and what is there: locked by
     *  another writer, a file (not a directory), a directory of other files or a plain Xapian
     *  database (not a Rapporteur one), or unreadable. Removes what a killed run left behind. */
    explicit DatabaseDir(std::filesystem::path path);

    Xapian::WritableDatabase& writable() { return db_; }
    const std::filesystem::path& path() const { return path_; }
    /// Directory of the generation being written (the current one).
    std::filesystem::path current() const { return path_ / current_; }
    /// A fresh scratch directory inside the database, removed by the next run if left behind.
    std::filesystem::path scratch(const std::string& name) const;
    /// Name for the next generation ("gen-N+1").
    std::string next_generation() const;

    /** Make `generation` (a directory inside the database, complete and committed) the
     *  current one. The previous generation is kept for readers that still have it open; older
     *  ones are removed. The write lock moves to the new generation. */
    void publish(const std::string& generation);

  private:
    std::filesystem::path path_;
    std::string current_;
    Xapian::WritableDatabase db_;
};

} // namespace rapporteur

#endif
