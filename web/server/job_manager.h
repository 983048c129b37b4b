// The server's jobs: long commands (whatif, sweep, optimize, answer, report, resuming a sweep)
// run on their own thread, report progress in steps and stop at the next step when cancelled. A
// job is polled with GET /api/jobs/ID and cancelled with DELETE /api/jobs/ID.
#ifndef STATECRAFT_WEB_SERVER_JOB_MANAGER_H_
#define STATECRAFT_WEB_SERVER_JOB_MANAGER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "statecraft/app/context.h"
#include "statecraft/app/outcome.h"
#include "statecraft/io/json_output.h"

namespace statecraft::web {

struct Job {
  std::int64_t id = 0;
  std::string kind;
  std::atomic<int> steps_done{0};
  std::atomic<int> steps_total{1};
  std::atomic<bool> cancel{false};
  std::mutex mutex;                // guards status, result, error, run_id, search
  std::string status = "running";  // running, done, cancelled, failed
  // A search's progress in draws (optimize), which then replaces the steps (plans) in ToJson.
  std::optional<app::SearchProgress> search;
  Json result;
  app::Error error;
  std::int64_t run_id = 0;
  std::thread thread;
};

// What a job computes: a command run with the given context (its hooks report to the job).
using JobWork = std::function<app::Outcome<Json>(const app::Context&)>;

class JobManager {
 public:
  // Finished jobs kept for polling beyond which the oldest are forgotten.
  explicit JobManager(std::size_t max_finished_jobs) : max_finished_jobs_(max_finished_jobs) {}
  ~JobManager() { StopAll(); }
  JobManager(const JobManager&) = delete;
  JobManager& operator=(const JobManager&) = delete;

  // Starts `work` on its own thread. `context` gets hooks that report progress to the job, stop
  // it when it is cancelled, and record the run it saves to; `run_id` is that run when already
  // known (a sweep begun before its job).
  std::shared_ptr<Job> Start(const std::string& kind, app::Context context, JobWork work,
                             std::int64_t run_id = 0);
  // nullptr when there is no such job (or it was forgotten).
  std::shared_ptr<Job> Find(std::int64_t id);
  // Cancels every job and waits for their threads.
  void StopAll();

  // {"id", "kind", "status", "steps_done", "steps_total", "progress", "run_id"?, "result"? (done),
  //  "error"? and "code"? (failed)}. A search (optimize) counts its steps in draws: "steps_total"
  // is then an upper bound that falls as plans are weighed ("steps_total_is_bound": true; at the
  // end it is the draws computed), with "plans_weighed" of "plans" within the budget.
  static Json ToJson(Job& job);

 private:
  // Forgets the oldest finished jobs beyond max_finished_jobs_. Call under mutex_.
  void PruneFinished();

  std::size_t max_finished_jobs_;
  std::mutex mutex_;
  std::map<std::int64_t, std::shared_ptr<Job>> jobs_;
  std::int64_t next_id_ = 1;
};

}  // namespace statecraft::web

#endif  // STATECRAFT_WEB_SERVER_JOB_MANAGER_H_
