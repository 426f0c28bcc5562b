/** @file topics.cc
 *  @brief Topics of a batch run: TSV `qid<TAB>query` or TREC `<top>` blocks.
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/base/lines.h"
#include "rapporteur/searcher.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace rapporteur {

namespace {

/// Topics read so far, and the line each qid was first read on.
struct TopicList {
    std::string_view path;
    std::vector<Topic> topics;
    std::map<std::string, std::size_t> first_lines;

    /// Adds `topic`, read on `line`; a qid given twice is an error (rapporteur-eval and
    /// trec_eval would refuse the run, or score one topic twice).
    void add(Topic topic, std::size_t line) {
        const auto [first, fresh] = first_lines.emplace(topic.qid, line);
        if (!fresh) {
            throw RuntimeError(std::string(path) + ":" + std::to_string(line) + ": topic '" + topic.qid +
                               "' again (first on line " + std::to_string(first->second) + ")");
        }
        topics.push_back(std::move(topic));
    }
};

/// The text after `<tag>` up to the next tag ('<'), or "" when the tag is absent.
std::string field_after(std::string_view block, std::string_view tag, bool& found) {
    auto at = block.find(tag);
    found = at != std::string_view::npos;
    if (!found) return {};
    auto start = at + tag.size();
    auto end = block.find('<', start);
    return std::string(
        lines::trim(block.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
}

std::vector<Topic> parse_trec(std::string_view content, std::string_view path) {
    TopicList topics{path, {}, {}};
    std::size_t at = 0, line = 1, counted = 0; // the line of byte `counted`
    while ((at = content.find("<top>", at)) != std::string_view::npos) {
        line += static_cast<std::size_t>(std::count(content.begin() + counted, content.begin() + at, '\n'));
        counted = at;
        auto end = content.find("</top>", at);
        if (end == std::string_view::npos) {
            throw RuntimeError(std::string(path) + ":" + std::to_string(line) + ": <top> without </top>");
        }
        std::string_view block = content.substr(at, end - at);
        bool has_num = false, has_title = false;
        std::string num = field_after(block, "<num>", has_num);
        std::string title = field_after(block, "<title>", has_title);
        if (num.rfind("Number:", 0) == 0) num = std::string(lines::trim(std::string_view(num).substr(7)));
        if (!has_num || num.empty() || !has_title || title.empty()) {
            throw RuntimeError(std::string(path) + ":" + std::to_string(line) + ": topic without " +
                               (!has_num || num.empty() ? "<num>" : "<title>"));
        }
        if (title.rfind("Topic:", 0) == 0) title = std::string(lines::trim(std::string_view(title).substr(6)));
        topics.add({num, title, {}}, line); // TREC topics give no language
        at = end + 6;
    }
    return std::move(topics.topics);
}

} // namespace

std::vector<Topic> parse_topics(std::string_view content, std::string_view path) {
    if (content.find("<top>") != std::string_view::npos) return parse_trec(content, path);
    TopicList topics{path, {}, {}};
    lines::for_each(content, [&](std::string_view line, std::size_t number) {
        if (lines::trim(line).empty() || line.front() == '#') return;
        const auto cols = lines::split(line, '\t');
        const std::string_view qid = cols.front();
        // The query is all after the first tab: it may hold tabs itself.
        std::string_view query = cols.size() < 2 ? std::string_view() : line.substr(qid.size() + 1);
        if (cols.size() < 2 || lines::trim(qid).empty() || lines::trim(query).empty()) {
            throw RuntimeError(std::string(path) + ":" + std::to_string(number) +
                               ": expected 'qid<TAB>query' (or TREC <top> topics)");
        }
        std::string lang;
        // An optional last column names the query's language (ISO 639-1, as --lang).
        if (cols.size() > 2) {
            const std::string_view code = lines::trim(cols.back());
            const std::string_view head = query.substr(0, query.size() - cols.back().size() - 1);
            const bool is_code = (code.size() == 2 || code.size() == 3) &&
                                 std::all_of(code.begin(), code.end(),
                                             [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
            if (is_code && !lines::trim(head).empty()) {
                for (char c : code) lang += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                // Letters that name no language the analyzers know are words of the query.
                if (Analyzer::is_known_language(lang)) {
                    query = head;
                } else {
                    lang.clear();
                }
            }
        }
        topics.add({std::string(lines::trim(qid)), std::string(lines::trim(query)), lang}, number);
    });
    return std::move(topics.topics);
}

void search_topics(const Searcher& searcher, const std::function<Searcher()>& open_another,
                   const std::vector<Topic>& topics, const SearchOptions& options, unsigned threads,
                   const std::function<void(std::size_t, const SearchResult&)>& emit) {
    const auto run_one = [&](const Searcher& s, std::size_t i) {
        SearchOptions topic_options = options;
        if (!topics[i].lang.empty()) topic_options.lang = topics[i].lang;
        return s.search(topics[i].query, topic_options);
    };
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, topics.size()));
    if (threads <= 1) {
        for (std::size_t i = 0; i < topics.size(); ++i) emit(i, run_one(searcher, i));
        return;
    }
    // Each slot is filled once by the thread that took its topic, and emptied by the caller.
    struct Slot {
        std::optional<SearchResult> result;
        std::exception_ptr error;
        bool done() const { return result.has_value() || error != nullptr; }
    };
    std::vector<Slot> slots(topics.size());
    std::mutex mutex;
    std::condition_variable filled;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    // The other searchers are opened first, here: one that cannot be opened stops the run
    // before it starts.
    std::vector<Searcher> others;
    others.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) others.push_back(open_another());
    const auto work = [&](const Searcher* own) {
        for (std::size_t i; !stop && (i = next++) < topics.size();) {
            Slot slot;
            try {
                slot.result.emplace(run_one(*own, i));
            } catch (...) {
                slot.error = std::current_exception();
            }
            const bool failed = slot.error != nullptr;
            {
                const std::lock_guard<std::mutex> lock(mutex);
                slots[i] = std::move(slot);
            }
            filled.notify_one();
            if (failed) break;
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads);
    pool.emplace_back(work, &searcher);
    for (const Searcher& other : others) pool.emplace_back(work, &other);
    std::exception_ptr error;
    for (std::size_t i = 0; i < topics.size() && !error; ++i) {
        Slot slot;
        {
            std::unique_lock<std::mutex> lock(mutex);
            filled.wait(lock, [&] { return slots[i].done(); });
            slot = std::move(slots[i]);
        }
        if (slot.error) {
            error = slot.error;
            break;
        }
        try {
            emit(i, *slot.result);
        } catch (...) {
            error = std::current_exception();
        }
    }
    stop = true;
    for (auto& t : pool) t.join();
    if (error) std::rethrow_exception(error);
}

} // namespace rapporteur
