/** @file slugs.h
 *  @brief Which slug (document id) each input file gets, and giving a parsed report its slug.
 */
#ifndef RAPPORTEUR_INDEXER_SLUGS_H
#define RAPPORTEUR_INDEXER_SLUGS_H

#include "rapporteur/model/report.h"

#include <map>
#include <string>
#include <string_view>

namespace rapporteur {

/// Which file has which slug: the database's records and this run's files, both ways.
struct SlugOwners {
    std::map<std::string, std::string> path_of; ///< slug → canonical path
    std::map<std::string, std::string> slug_of; ///< canonical path → slug
    void add(const std::string& slug, const std::string& canonical) {
        path_of[slug] = canonical;
        slug_of[canonical] = slug;
    }
};

/** A document id a person can read, from a file's path relative to the folder indexed: each
 *  folder and the file name (without its extension) as slug_of makes them, joined by '/'
 *  ("2020-11/Nov 16.md" → "2020-11/nov-16"). */
std::string path_slug(std::string_view name);

/** The slug of the file known as `name` (its path below its input root) and read from
 *  `canonical`, recorded in `owners`. It is path_slug(name), at most 96 bytes, unless
 *  another file owns that slug: then one made distinct by the path, so that both stay. The same
 *  file (by its canonical path) gets the same slug in every run, however it is named. */
std::string choose_slug(std::string_view name, const std::string& canonical, SlugOwners& owners);

/// Gives the report the slug `slug`, and every passage id (and citation) the same document part.
void rename_report(Report& report, const std::string& slug);

} // namespace rapporteur

#endif
