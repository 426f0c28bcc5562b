/** @file shard_spelling.cc
 *  @brief The spelling dictionary of a sharded search, merged from every shard's export, built
 *         once into the cache directory and opened from there.
 */
#include "shard_spelling.h"

#include "rapporteur/base/errors.h"
#include "rapporteur/format/chunked_metadata.h"
#include "rapporteur/format/schema.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>
#include <string>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace rapporteur {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t KEPT = 4; ///< cached dictionaries kept, the most recently used

using Words = std::map<std::string, Xapian::termcount>;

Words merged_words(const ShardSet& shards) {
    Words words;
    for (std::size_t i = 0; i < shards.live().size(); ++i) {
        format::read_chunked_lines(shards.shard(i), schema::META_SPELLING, [&](std::string_view line) {
            const auto tab = line.rfind('\t');
            Xapian::termcount freq = 0;
            if (tab == std::string_view::npos || tab == 0) return; // damaged: skipped
            const auto [end, ec] = std::from_chars(line.data() + tab + 1, line.data() + line.size(), freq);
            if (ec != std::errc() || end != line.data() + line.size()) return;
            words[std::string(line.substr(0, tab))] += freq;
        });
    }
    return words;
}

/// The LineFingerprint of the merged words and frequencies ("word\tfreq" lines): for shards
/// exported before the fingerprint was (all of the chunks read).
std::string fingerprint(const Words& words) {
    format::LineFingerprint f;
    for (const auto& [word, freq] : words) f.add(word + '\t' + std::to_string(freq));
    return f.str();
}

/// The LineFingerprint of the shards' own fingerprints (schema::META_SPELLING_FINGERPRINT, one
/// read each, in shard order), "x" first; empty when a shard has none. `words` is set to the
/// total of the shards' line counts.
std::string exported_fingerprint(const ShardSet& shards, std::size_t& words) {
    format::LineFingerprint f;
    words = 0;
    for (std::size_t i = 0; i < shards.live().size(); ++i) {
        const std::string own = shards.shard(i).get_metadata(std::string(schema::META_SPELLING_FINGERPRINT));
        const auto dash = own.rfind('-');
        std::size_t lines = 0;
        if (dash == std::string::npos) return {};
        const auto [end, ec] = std::from_chars(own.data() + dash + 1, own.data() + own.size(), lines);
        if (ec != std::errc() || end != own.data() + own.size()) return {};
        words += lines;
        f.add(own);
    }
    return "x" + f.str();
}

void build(const fs::path& dir, const Words& words) {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
    for (const auto& [word, freq] : words) db.add_spelling(word, freq);
    db.commit();
    db.close();
}

/// Removes all but the KEPT most recently used dictionaries (and scratch copies of dead builds).
void prune(const fs::path& root) {
    std::error_code ec;
    std::vector<std::pair<fs::file_time_type, fs::path>> kept;
    for (const auto& e : fs::directory_iterator(root, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("spelling-", 0) != 0) continue;
        kept.emplace_back(fs::last_write_time(e.path(), ec), e.path());
    }
    std::sort(kept.begin(), kept.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    for (std::size_t i = KEPT; i < kept.size(); ++i) fs::remove_all(kept[i].second, ec);
}

} // namespace

fs::path ShardSpelling::cache_root() {
    if (const char* env = std::getenv("RAPPORTEUR_CACHE_DIR"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "rapporteur";
    const char* home = std::getenv("HOME");
    if (home && *home) return fs::path(home) / ".cache" / "rapporteur";
    return {};
}

ShardSpelling::ShardSpelling(const ShardSet& shards) {
    // The cached copy is named by the shards' fingerprints where they export one, so that
    // opening it reads no chunk; the words are read only to build it.
    std::optional<Words> words;
    std::size_t count = 0;
    std::string name = exported_fingerprint(shards, count);
    if (name.empty()) {
        words = merged_words(shards);
        count = words->size();
        name = fingerprint(*words);
    }
    if (count == 0) return;
    auto merged = [&]() -> const Words& {
        if (!words) words = merged_words(shards);
        return *words;
    };
    const fs::path root = cache_root();
    std::error_code ec;
    bool cached = !root.empty();
    if (cached) {
        fs::create_directories(root, ec);
        fs::permissions(root, fs::perms::owner_all, fs::perm_options::replace, ec);
        cached = fs::is_directory(root) && ::access(root.c_str(), W_OK) == 0;
    }
    if (cached) {
        const fs::path final = root / ("spelling-" + name);
        try {
            db_ = Xapian::Database(final.string(), Xapian::DB_BACKEND_GLASS);
            location_ = final;
            fs::last_write_time(final, fs::file_time_type::clock::now(), ec); // used now
            return;
        } catch (const Xapian::Error&) {
            // Not built yet (or damaged: built again below).
        }
        std::string tmpl = (root / "build-XXXXXX").string();
        if (::mkdtemp(tmpl.data())) {
            const fs::path scratch = tmpl;
            try {
                build(scratch / "db", merged());
                fs::remove_all(final, ec); // a damaged copy
                fs::rename(scratch / "db", final, ec); // another searcher may have won: its copy is as good
                fs::remove_all(scratch, ec);
                db_ = Xapian::Database(final.string(), Xapian::DB_BACKEND_GLASS);
                location_ = final;
                prune(root);
                return;
            } catch (const Xapian::Error&) {
                fs::remove_all(scratch, ec); // a full disk: the private copy below
            }
        }
    }
    std::string tmpl = (fs::temp_directory_path() / "rapporteur-spelling-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw RuntimeError("cannot create a temporary directory for the spelling dictionary");
    temporary_ = tmpl;
    build(temporary_ / "db", merged());
    db_ = Xapian::Database((temporary_ / "db").string(), Xapian::DB_BACKEND_GLASS);
    location_ = temporary_ / "db";
}

ShardSpelling::~ShardSpelling() {
    db_.reset();
    if (!temporary_.empty()) {
        std::error_code ec;
        fs::remove_all(temporary_, ec);
    }
}

} // namespace rapporteur
