/** @file passage_ids.cc
 *  @brief PassageIds: the sort keys by docid, read from their value stream.
 */
#include "passage_ids.h"

#include "rapporteur/format/schema.h"

#include <algorithm>
#include <atomic>
#include <limits>

namespace rapporteur {

namespace {
std::atomic<std::size_t> tables_in_order{0};
}

std::size_t PassageIds::built_in_order() { return tables_in_order.load(); }

PassageIds::PassageIds(const Xapian::Database& db) {
    const Xapian::doccount count = db.get_doccount();
    docids_.reserve(count);
    ends_.reserve(count);
    bool rising = true;
    std::string_view last;
    for (auto v = db.valuestream_begin(schema::SLOT_SORT_ID); v != db.valuestream_end(schema::SLOT_SORT_ID); ++v) {
        const std::string value = *v;
        if (keys_.size() + value.size() > std::numeric_limits<std::uint32_t>::max()) {
            // Beyond what the offsets hold: no table (the matcher orders ties by the key).
            docids_.clear();
            ends_.clear();
            keys_.clear();
            return;
        }
        // Strictly rising: equal keys (two passages with one id) would leave the order to docids.
        if (!docids_.empty() && !(last < value)) rising = false;
        const std::size_t start = keys_.size();
        keys_ += value;
        docids_.push_back(v.get_docid());
        ends_.push_back(static_cast<std::uint32_t>(keys_.size()));
        last = std::string_view(keys_).substr(start); // keys_ may have moved: taken after the append
    }
    in_order_ = rising && docids_.size() == count;
    if (in_order_) ++tables_in_order;
}

std::string_view PassageIds::key(Xapian::docid did) const {
    const auto it = std::lower_bound(docids_.begin(), docids_.end(), did);
    if (it == docids_.end() || *it != did) return {};
    const auto i = static_cast<std::size_t>(it - docids_.begin());
    const std::uint32_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(keys_).substr(begin, ends_[i] - begin);
}

} // namespace rapporteur
