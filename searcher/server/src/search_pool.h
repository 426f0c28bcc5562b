/** @file search_pool.h
 *  @brief The server's search threads: a fixed pool, each thread with its own RequestHandler
 *         (and so its own database handles or shard connections), fed by a bounded queue.
 */
#ifndef RAPPORTEUR_SERVER_SEARCH_POOL_H
#define RAPPORTEUR_SERVER_SEARCH_POOL_H

#include "rapporteur/server.h"

#include "handler.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace rapporteur {

/** A fixed pool of search threads, each with its own RequestHandler, fed by a bounded queue.
 *  The handlers are made on their threads, so each Xapian::Database stays on the thread that
 *  opened it. */
class SearchPool {
  public:
    using Job = std::function<void(RequestHandler&)>;

    /** Starts options.threads threads and returns once each has opened its handles; when one
     *  could not (no database, no shard answering), stops them and rethrows its error. */
    SearchPool(const ServerOptions& options, std::chrono::steady_clock::time_point started);
    ~SearchPool();
    SearchPool(const SearchPool&) = delete;
    SearchPool& operator=(const SearchPool&) = delete;

    /// Queues `job`; false when every thread is busy and `queue` jobs already wait (503).
    bool submit(Job job);

    /// Runs the queued jobs, then joins the threads.
    void stop();

  private:
    void work(RequestHandler& handler);

    std::size_t max_queue_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    bool stopping_ = false;
    std::size_t idle_ = 0; ///< threads waiting for a job
    std::vector<std::thread> threads_;
};

} // namespace rapporteur

#endif
