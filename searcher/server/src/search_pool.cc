/** @file search_pool.cc
 *  @brief The search threads and their bounded queue.
 */
#include "search_pool.h"

#include <exception>
#include <memory>

namespace rapporteur {

SearchPool::SearchPool(const ServerOptions& options, std::chrono::steady_clock::time_point started)
    : max_queue_(options.queue) {
    std::mutex m;
    std::condition_variable ready;
    std::size_t opened = 0;
    std::exception_ptr error;
    for (std::size_t i = 0; i < options.threads; ++i) {
        threads_.emplace_back([&, this] {
            std::unique_ptr<RequestHandler> handler;
            try {
                handler = std::make_unique<RequestHandler>(options, started);
            } catch (...) {
                std::lock_guard lock(m);
                if (!error) error = std::current_exception();
            }
            {
                // Notified under the lock: the constructor's locals (this condition
                // variable) are gone once it has seen the count.
                std::lock_guard lock(m);
                ++opened;
                ready.notify_all();
            }
            if (handler) work(*handler);
        });
    }
    std::unique_lock lock(m);
    ready.wait(lock, [&] { return opened == options.threads; });
    if (error) {
        lock.unlock();
        stop();
        std::rethrow_exception(error);
    }
}

SearchPool::~SearchPool() { stop(); }

bool SearchPool::submit(Job job) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ || jobs_.size() >= max_queue_ + idle_) return false;
        jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
    return true;
}

void SearchPool::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) {
        if (t.joinable()) t.join();
    }
}

void SearchPool::work(RequestHandler& handler) {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            ++idle_;
            wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
            --idle_;
            if (jobs_.empty()) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        job(handler);
    }
}

} // namespace rapporteur
