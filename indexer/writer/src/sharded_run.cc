/** @file sharded_run.cc
 *  @brief The sharded run: scratch shards built in parallel, compacted with the current
 *  generation into a new one, which is published only when it is complete.
 */
#include "index_run.h"

#include "rapporteur/base/phase_pause.h"
#include "rapporteur/format/schema.h"

#include "removal.h"
#include "spelling_buffer.h"

#include <algorithm>
#include <cassert>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace rapporteur {

namespace fs = std::filesystem;

namespace {

/** Where each shard's slice of the jobs starts: `threads` + 1 bounds from 0 to jobs.size().
 *  Contiguous slices balanced by bytes keep document ids in write order after compaction. */
std::vector<std::size_t> shard_bounds(const IndexRun& run) {
    const auto& jobs = run.jobs;
    std::vector<std::size_t> bounds{0};
    std::uintmax_t acc = 0;
    std::size_t shard = 1;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        std::error_code ec;
        auto size = fs::file_size(jobs[i].input.path, ec);
        acc += ec ? 0 : size;
        if (shard < run.threads && acc >= run.total_bytes * shard / run.threads) {
            bounds.push_back(i + 1);
            ++shard;
        }
    }
    while (bounds.size() <= run.threads) bounds.push_back(jobs.size());
    bounds.back() = jobs.size();
    // One slice per shard thread, in write order: shard k writes jobs [bounds[k], bounds[k + 1]).
    assert(bounds.size() == run.threads + 1u && std::is_sorted(bounds.begin(), bounds.end()));
    return bounds;
}

} // namespace

void run_sharded(IndexRun& run, DatabaseDir& dir, IndexSummary& summary, const ProgressFn& progress) {
    auto& jobs = run.jobs;
    const std::vector<std::size_t> bounds = shard_bounds(run);
    std::vector<fs::path> shard_paths;
    for (unsigned k = 0; k < run.threads; ++k) shard_paths.push_back(dir.scratch("shard-" + std::to_string(k)));

    std::mutex mutex;
    std::condition_variable done_cv;
    std::vector<std::size_t> finished;
    std::vector<std::string> shard_errors(run.threads);
    auto work = [&](unsigned k) {
        try {
            // A scratch shard is thrown away when the run fails, and compaction writes the
            // generation that is published: its commits need no fdatasync (about 340 calls of
            // 12 ms each, cores idle, on the 100MB benchmark tier).
            Xapian::WritableDatabase shard(shard_paths[k].string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
            Analyzer analyzer(run.analysis);
            DocumentBuilder builder(analyzer, run.options.shard_count > 0);
            SpellingBuffer spellings;
            for (std::size_t i = bounds[k]; i < bounds[k + 1] && !interrupted(run.options); ++i) {
                IndexJob& job = jobs[i];
                prepare_job(job, run.options, builder, run.known_hashes);
                if (job.prepared) {
                    for (auto& p : job.prepared->passages) shard.add_document(p.document);
                    spellings.add(job.prepared->spellings);
                    if (spellings.full()) {
                        spellings.write_to(shard);
                        shard.commit();
                    }
                    job.outcome.passages = job.prepared->passages.size();
                    job.written = true;
                    job.prepared.reset();
                }
                std::lock_guard lock(mutex);
                finished.push_back(i);
                done_cv.notify_all();
            }
            spellings.write_to(shard);
            shard.commit();
        } catch (const std::exception& e) {
            shard_errors[k] = e.what();
        } catch (const Xapian::Error& e) {
            shard_errors[k] = e.get_description();
        } catch (...) {
            // Nothing may leave the thread (that is std::terminate), whatever it is.
            shard_errors[k] = "unknown exception";
        }
        std::lock_guard lock(mutex);
        finished.push_back(SIZE_MAX); // this shard is done
        done_cv.notify_all();
    };
    auto cleanup = [&] {
        std::error_code ec;
        for (const auto& p : shard_paths) fs::remove_all(p, ec);
    };
    std::vector<std::thread> threads;
    try {
        for (unsigned k = 0; k < run.threads; ++k) threads.emplace_back(work, k);
    } catch (...) {
        // No thread for a shard: the started ones finish their slices, and the run fails.
        for (auto& t : threads) t.join();
        cleanup();
        throw;
    }
    unsigned shards_done = 0;
    std::size_t jobs_done = 0;
    while (shards_done < run.threads) {
        std::vector<std::size_t> batch;
        {
            std::unique_lock lock(mutex);
            done_cv.wait(lock, [&] { return !finished.empty(); });
            batch.swap(finished);
        }
        for (auto i : batch) {
            if (i == SIZE_MAX) {
                ++shards_done;
                continue;
            }
            account(summary, jobs[i]);
            ++jobs_done;
        }
        if (progress) progress(summary, run.total_bytes);
    }
    for (auto& t : threads) t.join();
    for (const auto& e : shard_errors) {
        if (!e.empty()) {
            cleanup();
            throw RuntimeError(dir.path().string() +
                               ": writing a shard failed, the database keeps its last commit: " + e);
        }
    }
    // Interrupted, the shards hold whole files, each a prefix of its slice: publish them.
    summary.interrupted = jobs_done < jobs.size();
    if (std::none_of(jobs.begin(), jobs.end(), [](const IndexJob& j) { return j.written; })) {
        cleanup();
        return;
    }

    const std::string generation = dir.next_generation();
    const fs::path target = dir.path() / generation;
    // Compaction renumbers each source by a constant shift, in order: the shards' passages
    // (document ids 1..last in each, fresh databases) end up last, after the old generation's.
    Xapian::docid shard_span = 0;
    {
        std::error_code ec;
        fs::remove_all(target, ec);
        Xapian::Database sources(dir.current().string());
        for (const auto& p : shard_paths) {
            Xapian::Database shard(p.string());
            shard_span += shard.get_lastdocid();
            sources.add_database(shard);
        }
        pause_at_phase("compact");
        sources.compact(target.string(), Xapian::Compactor::STANDARD, schema::BLOCK_SIZE);
    }
    cleanup();
    {
        Xapian::WritableDatabase out(target.string(), Xapian::DB_OPEN);
        // The shards' passages are the generation's last shard_span document ids (see above).
        assert(shard_span <= out.get_lastdocid());
        const Xapian::docid old_last = out.get_lastdocid() - shard_span;
        Analyzer analyzer(run.analysis);
        for (auto& job : jobs) {
            if (!job.written) continue;
            if (run.records.count(job.slug)) remove_document(out, job.slug, analyzer, old_last);
            store_record(out, run, job);
        }
        write_run_metadata(out, run);
        out.commit();
    }
    dir.publish(generation);
}

} // namespace rapporteur
