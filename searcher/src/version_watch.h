/** @file version_watch.h
 *  @brief Whether a commit may have come since a database was opened, by one fstat: the
 *         version file a commit replaces, held open.
 */
#ifndef RAPPORTEUR_VERSION_WATCH_H
#define RAPPORTEUR_VERSION_WATCH_H

#include <filesystem>

namespace rapporteur {

/** Xapian's `Database::reopen` reads the version file (open, read, close) to learn whether a
 *  commit came; a search that must see the latest commit pays that on every query. A glass
 *  commit writes a new version file and renames it over `iamglass`, so the file held open
 *  here loses its last link at the first commit after it was opened: `changed()` is one
 *  fstat. A watch that could not be set up says "changed" always (the caller then reopens
 *  every time, as without it). */
class VersionWatch {
  public:
    VersionWatch() = default;
    ~VersionWatch();
    VersionWatch(VersionWatch&& other) noexcept;
    VersionWatch& operator=(VersionWatch&& other) noexcept;
    VersionWatch(const VersionWatch&) = delete;
    VersionWatch& operator=(const VersionWatch&) = delete;

    /** The version file of the glass database that `path` opens: `path/iamglass`, or the
     *  current generation's (`path/gen-N/iamglass`, named by the stub); empty for anything
     *  else (another backend, a stub not ours). */
    static std::filesystem::path version_file(const std::filesystem::path& path);

    /// Watches `file` from now on (call before opening or reopening the database); an empty
    /// or unreadable path leaves no watch.
    void watch(const std::filesystem::path& file);
    /// Stops watching: changed() is true from now on.
    void clear();

    /// True when a commit may have replaced the file since watch(), or when nothing is watched.
    bool changed() const;

  private:
    int fd_ = -1;
};

} // namespace rapporteur

#endif
