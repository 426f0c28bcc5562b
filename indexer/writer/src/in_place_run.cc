/** @file in_place_run.cc
 *  @brief The in-place run: files prepared on worker threads, written in input order into the
 *  current generation by this thread, committed in batches, so a killed run leaves the last commit
 *  and an interrupted one commits at the file it stopped before.
 */
#include "index_run.h"

#include "rapporteur/base/phase_pause.h"
#include "removal.h"
#include "spelling_buffer.h"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace rapporteur {

void run_in_place(IndexRun& run, Xapian::WritableDatabase& db, IndexSummary& summary, const ProgressFn& progress) {
    auto& jobs = run.jobs;
    // Workers stay at most this many files ahead of the writer: prepared reports wait in memory.
    const std::size_t lookahead = 4 * run.threads;
    std::mutex mutex;
    std::condition_variable ready_cv, room_cv;
    std::vector<char> ready(jobs.size(), 0);
    std::size_t next_job = 0, written = 0;
    bool stop = false;
    std::exception_ptr failure; // the first exception of a worker, rethrown by the writer below

    auto work = [&] {
        // No exception may leave a thread (that is std::terminate), and building the analyzer
        // reads its data files: the first exception stops the run and goes to the writer.
        try {
            Analyzer analyzer(run.analysis);
            DocumentBuilder builder(analyzer, run.options.shard_count > 0);
            for (;;) {
                std::size_t i;
                {
                    std::unique_lock lock(mutex);
                    room_cv.wait(lock,
                                 [&] { return stop || next_job >= jobs.size() || next_job < written + lookahead; });
                    if (stop || next_job >= jobs.size()) return;
                    i = next_job++;
                }
                prepare_job(jobs[i], run.options, builder, run.known_hashes);
                {
                    std::lock_guard lock(mutex);
                    ready[i] = 1;
                }
                ready_cv.notify_all();
            }
        } catch (...) {
            {
                std::lock_guard lock(mutex);
                if (!failure) failure = std::current_exception();
                stop = true;
            }
            ready_cv.notify_all();
            room_cv.notify_all();
        }
    };
    std::vector<std::thread> threads;
    auto join = [&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        room_cv.notify_all();
        for (auto& t : threads) t.join();
        threads.clear();
    };

    // For the spellings of replaced passages. Built at the first one, inside the try below: a
    // run into a fresh database needs none, and a failure to build it still joins the workers.
    std::optional<Analyzer> writer_analyzer;
    SpellingBuffer spellings;
    std::uintmax_t batch_bytes = 0;
    bool in_transaction = false;
    try {
        for (unsigned t = 0; t < run.threads; ++t) threads.emplace_back(work);
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            // A file boundary: what is written so far is committed below, the rest left.
            if (interrupted(run.options)) {
                summary.interrupted = true;
                break;
            }
            {
                std::unique_lock lock(mutex);
                ready_cv.wait(lock, [&] { return ready[i] != 0 || failure; });
                if (failure) std::rethrow_exception(failure);
            }
            IndexJob& job = jobs[i];
            if (job.prepared) {
                if (!in_transaction) {
                    db.begin_transaction();
                    in_transaction = true;
                }
                if (run.records.count(job.slug)) {
                    if (!writer_analyzer) writer_analyzer.emplace(run.analysis);
                    remove_document(db, job.slug, *writer_analyzer);
                }
                for (auto& p : job.prepared->passages) db.add_document(p.document);
                spellings.add(job.prepared->spellings);
                if (spellings.full()) spellings.write_to(db);
                job.outcome.passages = job.prepared->passages.size();
                store_record(db, run, job);
                job.written = true;
                batch_bytes += job.bytes;
                job.prepared.reset();
            }
            account(summary, job);
            {
                std::lock_guard lock(mutex);
                written = i + 1;
            }
            room_cv.notify_all();
            if (in_transaction && batch_bytes >= run.options.commit_bytes) {
                spellings.write_to(db);
                pause_at_phase("commit");
                db.commit_transaction();
                pause_at_phase("committed");
                in_transaction = false;
                batch_bytes = 0;
            }
            if (progress) progress(summary, run.total_bytes);
        }
        if (!in_transaction) db.begin_transaction();
        in_transaction = true;
        write_run_metadata(db, run);
        spellings.write_to(db);
        pause_at_phase("commit");
        db.commit_transaction();
        pause_at_phase("committed");
        in_transaction = false;
    } catch (...) {
        join();
        if (in_transaction) {
            try {
                db.cancel_transaction();
            } catch (const Xapian::Error&) {
            }
        }
        throw;
    }
    join();
}

} // namespace rapporteur
