#include "web/server/job_manager.h"

#include <vector>

namespace statecraft::web {

std::shared_ptr<Job> JobManager::Start(const std::string& kind, app::Context context, JobWork work,
                                       std::int64_t run_id) {
  auto job = std::make_shared<Job>();
  job->kind = kind;
  job->run_id = run_id;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    PruneFinished();
    job->id = next_id_++;
    jobs_[job->id] = job;
  }
  Job* raw = job.get();
  context.progress = [raw](int done, int total) {
    raw->steps_total = std::max(total, 1);
    raw->steps_done = done;
  };
  context.search_progress = [raw](const app::SearchProgress& progress) {
    std::lock_guard<std::mutex> lock(raw->mutex);
    raw->search = progress;
  };
  context.cancelled = [raw] { return raw->cancel.load(); };
  context.run_started = [raw](std::int64_t id) {
    std::lock_guard<std::mutex> lock(raw->mutex);
    raw->run_id = id;
  };
  // Held while the thread is stored, so that no one sees the job finished (and joins its thread)
  // before job->thread is set.
  std::lock_guard<std::mutex> started(job->mutex);
  job->thread = std::thread([job, context = std::move(context), work = std::move(work)] {
    app::Outcome<Json> outcome = app::Error{};
    try {
      outcome = work(context);
    } catch (...) {
      outcome = app::CurrentError();
    }
    std::lock_guard<std::mutex> lock(job->mutex);
    if (outcome.ok()) {
      job->status = "done";
      job->result = outcome.value();
      job->steps_done = job->steps_total.load();
      return;
    }
    job->status = outcome.error().code == app::ErrorCode::kCancelled ? "cancelled" : "failed";
    job->error = outcome.error();
  });
  return job;
}

std::shared_ptr<Job> JobManager::Find(std::int64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = jobs_.find(id);
  return found == jobs_.end() ? nullptr : found->second;
}

void JobManager::StopAll() {
  std::map<std::int64_t, std::shared_ptr<Job>> all;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    all.swap(jobs_);  // nothing else joins these threads from now on
  }
  for (auto& [id, job] : all) job->cancel = true;
  for (auto& [id, job] : all) {
    if (job->thread.joinable()) job->thread.join();
  }
}

void JobManager::PruneFinished() {
  std::vector<std::int64_t> finished;  // oldest first: the map orders ids
  for (const auto& [id, job] : jobs_) {
    std::lock_guard<std::mutex> lock(job->mutex);
    if (job->status != "running") finished.push_back(id);
  }
  // A finished job's thread has only its exit left, so joining it is immediate.
  for (std::size_t k = 0; k + max_finished_jobs_ < finished.size(); ++k) {
    const auto found = jobs_.find(finished[k]);
    if (found->second->thread.joinable()) found->second->thread.join();
    jobs_.erase(found);
  }
}

Json JobManager::ToJson(Job& job) {
  std::lock_guard<std::mutex> lock(job.mutex);
  const int total = job.steps_total.load();
  Json out{{"id", job.id},
           {"kind", job.kind},
           {"status", job.status},
           {"steps_done", job.steps_done.load()},
           {"steps_total", total},
           {"progress", total > 0 ? static_cast<double>(job.steps_done) / total : 1.0}};
  if (job.search) {
    const app::SearchProgress& search = *job.search;
    out["steps_done"] = search.draws_done;
    out["steps_total"] = search.draws_at_most;
    out["steps_total_is_bound"] = true;
    out["progress"] = search.draws_at_most > 0 ? static_cast<double>(search.draws_done) /
                                                     static_cast<double>(search.draws_at_most)
                                               : 0.0;
    if (job.status == "done") out["progress"] = 1.0;
    out["plans_weighed"] = search.plans_weighed;
    out["plans"] = search.plans;
  }
  if (job.run_id > 0) out["run_id"] = job.run_id;
  if (job.status == "done") out["result"] = job.result;
  if (job.status == "failed") {
    out["error"] = job.error.message;
    out["code"] = app::ErrorCodeName(job.error.code);
  }
  return out;
}

}  // namespace statecraft::web
