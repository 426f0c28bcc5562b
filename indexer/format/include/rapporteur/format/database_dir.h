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

/** The generation the stub of database `path` names ("gen-3"), or "" when there is no stub or
 *  it is not one a Rapporteur database writes. Reads only; takes no lock. */
std::string read_current_generation(const std::filesystem::path& path);

/// Who may read a database the writer creates.
enum class DatabaseAccess {
    OWNER, ///< directories 0700, files 0600: the default, whatever the umask
    GROUP, ///< directories 0750, files 0640 (`rapporteur-index --group-readable`)
};

class DatabaseDir {
  public:
    /** Open (creating when missing) the database at `path` for writing; holds Xapian's write
     *  lock until destroyed. Throws RuntimeError naming the path and what is there: locked by
     *  another writer, a file (not a directory), a directory of other files or a plain Xapian
     *  database (not a Rapporteur one), or unreadable. Removes what a killed run left behind.
     *
     *  Everything written under `path` while it is open is readable by its owner only (or its
     *  group too, with DatabaseAccess::GROUP), whatever the umask: the database directory's
     *  mode is set, and the process's umask is narrowed until the DatabaseDir is destroyed
     *  (Xapian creates its files with 0666 & ~umask). Directories made above `path` keep the
     *  usual umask. */
    explicit DatabaseDir(std::filesystem::path path, DatabaseAccess access = DatabaseAccess::OWNER);
    ~DatabaseDir();
    DatabaseDir(const DatabaseDir&) = delete;
    DatabaseDir& operator=(const DatabaseDir&) = delete;

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
    struct UmaskGuard {
        explicit UmaskGuard(DatabaseAccess access);
        ~UmaskGuard();
        unsigned previous;
    };
    UmaskGuard umask_; // first: narrowed before anything is created, restored last
    std::filesystem::path path_;
    std::string current_;
    Xapian::WritableDatabase db_;
};

} // namespace rapporteur

#endif
