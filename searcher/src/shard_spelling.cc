/** @file shard_spelling.cc
 *  @brief The spelling dictionary of a sharded search, merged from every shard's export.
 */
#include "shard_spelling.h"

#include "rapporteur/base/errors.h"
#include "rapporteur/format/schema.h"

#include <charconv>
#include <cstdlib>
#include <map>
#include <string>

namespace rapporteur {

ShardSpelling::ShardSpelling(const ShardSet& shards) {
    const std::string prefix(schema::META_SPELLING);
    std::map<std::string, Xapian::termcount> words;
    for (std::size_t i = 0; i < shards.live().size(); ++i) {
        const Xapian::Database& db = shards.shard(i);
        for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
            const std::string chunk = db.get_metadata(*k);
            std::size_t at = 0;
            while (at < chunk.size()) {
                std::size_t nl = chunk.find('\n', at);
                if (nl == std::string::npos) nl = chunk.size();
                const std::string_view line(chunk.data() + at, nl - at);
                at = nl + 1;
                const auto tab = line.rfind('\t');
                Xapian::termcount freq = 0;
                if (tab == std::string_view::npos || tab == 0) continue; // damaged: skipped
                const auto [end, ec] = std::from_chars(line.data() + tab + 1, line.data() + line.size(), freq);
                if (ec != std::errc() || end != line.data() + line.size()) continue;
                words[std::string(line.substr(0, tab))] += freq;
            }
        }
    }
    if (words.empty()) return;
    std::string tmpl = (std::filesystem::temp_directory_path() / "rapporteur-spelling-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw RuntimeError("cannot create a temporary directory for the spelling dictionary");
    dir_ = tmpl;
    db_ = Xapian::WritableDatabase((dir_ / "db").string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    for (const auto& [word, freq] : words) db_->add_spelling(word, freq);
    db_->commit();
}

ShardSpelling::~ShardSpelling() {
    db_.reset();
    if (!dir_.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
}

} // namespace rapporteur
