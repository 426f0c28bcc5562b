/** @file slugs.cc
 *  @brief Slugs unique per file and stable across runs, within Xapian's term length.
 */
#include "slugs.h"

#include "rapporteur/readers.h"
#include "rapporteur/utf8.h"

#include "file_reader.h"

#include <cassert>

namespace rapporteur {

namespace {

/// Xapian refuses keys and terms over 245 bytes: long slugs keep a readable head and a hash.
std::string bounded_slug(std::string slug, std::string_view distinguishing) {
    constexpr std::size_t MAX_SLUG = 96;
    if (slug.size() <= MAX_SLUG && distinguishing.empty()) return slug;
    std::string bounded = std::string(utf8::prefix(slug, MAX_SLUG - 17)) + "-" +
                          content_hash(std::string(slug) + std::string(distinguishing)).substr(0, 16);
    // The document term (prefix + slug) and the record key must stay far below Xapian's limit.
    assert(bounded.size() <= MAX_SLUG);
    return bounded;
}

/// A folder's part of a slug: as slug_of, but a dot does not start an extension ("v1.2").
std::string folder_slug(std::string_view folder) { return slug_of(std::string(folder) + ".d"); }

} // namespace

std::string path_slug(std::string_view name) {
    std::string slug;
    std::size_t start = 0;
    while (start < name.size()) {
        std::size_t slash = name.find('/', start);
        if (slash == std::string_view::npos) break;
        std::string_view part = name.substr(start, slash - start);
        start = slash + 1;
        if (part.empty() || part == ".") continue;
        slug += folder_slug(part) + "/";
    }
    return slug + slug_of(name.substr(start));
}

std::string choose_slug(std::string_view name, const std::string& canonical, SlugOwners& owners) {
    // A file the database knows keeps its id, however it is named this time (by itself, or
    // below a folder given): the id is stable and the file is never indexed twice.
    if (auto known = owners.slug_of.find(canonical); known != owners.slug_of.end()) return known->second;
    std::string slug = bounded_slug(path_slug(name), {});
    if (auto owner = owners.path_of.find(slug); owner != owners.path_of.end() && owner->second != canonical) {
        slug = bounded_slug(slug, canonical); // same name, another file: keep both
    }
    owners.add(slug, canonical);
    return slug;
}

void rename_report(Report& report, const std::string& slug) {
    if (report.slug == slug) return;
    const std::string old_prefix = report.slug + "/";
    for (auto& p : report.passages) {
        if (p.id.rfind(old_prefix, 0) == 0) p.id = slug + "/" + p.id.substr(old_prefix.size());
        for (auto& c : p.cited_by) {
            if (c.rfind(old_prefix, 0) == 0) c = slug + "/" + c.substr(old_prefix.size());
        }
    }
    report.slug = slug;
}

} // namespace rapporteur
