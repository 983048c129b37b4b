#include "statecraft/app/runs_commands.h"

#include <algorithm>

#include "statecraft/app/checks.h"
#include "statecraft/app/draw_progress.h"
#include "statecraft/app/run_summary.h"
#include "statecraft/app/saved_sweep.h"

namespace statecraft::app {
namespace {

void CheckId(std::int64_t id) {
  if (id < 1) FailField("id", "found " + std::to_string(id) + ", expected a positive integer");
}

StoredRun RequireRun(RunStore& store, std::int64_t id) {
  CheckId(id);
  std::optional<StoredRun> run = store.Get(id);
  if (!run) {
    throw RequestError(ErrorCode::kNotFound, "run store " + store.path() + ": no run " +
                                                 std::to_string(id) +
                                                 " (see `statecraft runs list`)");
  }
  return std::move(*run);
}

}  // namespace

Json RunSummaryJson(const StoredRun& run) {
  const std::string target = RunTarget(run);
  return Json{{"id", run.id},
              {"kind", run.kind},
              {"status", run.status},
              {"scenario", run.scenario_name},
              {"scenario_hash", run.scenario_hash},
              {"models", run.models},
              {"seed", run.seed},
              {"program_version", run.program_version},
              {"created_at", run.created_at},
              {"finished_at", run.finished_at.empty() ? Json(nullptr) : Json(run.finished_at)},
              {"draws_planned", run.draws_planned},
              {"draws_saved", run.draws_saved},
              {"plan_summary", RunPlanText(run)},
              {"target", target.empty() ? Json(nullptr) : Json(target)},
              {"draws", RunDraws(run)}};
}

Outcome<RunsListOutput> ListRuns(const RunsListRequest& request, StoreAccess& store) {
  return Guard([&] {
    if (request.limit < 0) {
      FailField("limit", "found " + std::to_string(request.limit) + ", expected 0 (all) or more");
    }
    if (!request.kind.empty()) CheckChoice("kind", request.kind, kRunKinds);
    if (!request.status.empty()) CheckChoice("status", request.status, kRunStatuses);
    const std::shared_ptr<RunStore> opened_store = store.Open(StoreMode::kRead);
    RunStore& opened = *opened_store;
    const RunFilter filter{request.kind, request.scenario, request.status};
    return RunsListOutput{opened.path(), opened.List(filter, static_cast<int>(request.limit)),
                          opened.Size()};
  });
}

Json RunsListOutputToJson(const RunsListOutput& output) {
  Json items = Json::array();
  for (const StoredRun& run : output.runs) items.push_back(RunSummaryJson(run));
  return Json{{"store", output.store},
              {"store_bytes", output.size.bytes},
              {"store_runs", output.size.runs},
              {"runs", items}};
}

Outcome<CleanUpReport> CleanUpRuns(const RunsCleanUpRequest& request, StoreAccess& store) {
  return Guard([&] {
    if (request.keep < -1) {
      FailField("keep", "found " + std::to_string(request.keep) + ", expected 0 or more");
    }
    if (request.keep < 0 && request.before.empty()) {
      FailField("keep", "missing, expected keep (the newest runs to keep) or before (a date)");
    }
    return store.Open(StoreMode::kChange)->CleanUp({request.keep, request.before, request.dry_run});
  });
}

Json CleanUpReportToJson(const CleanUpReport& report, bool dry_run) {
  return Json{{"removed", report.removed},         {"running_spared", report.running_spared},
              {"runs_left", report.runs_left},     {"bytes_before", report.bytes_before},
              {"bytes_after", report.bytes_after}, {"dry_run", dry_run}};
}

Outcome<RunShowOutput> ShowRun(const RunRequestById& request, StoreAccess& store) {
  return Guard([&] {
    const std::shared_ptr<RunStore> opened_store = store.Open(StoreMode::kRead);
    RunStore& opened = *opened_store;
    RunShowOutput output{RequireRun(opened, request.id), Json::array()};
    output.outcomes = opened.Export(request.id)["outcomes"];
    return output;
  });
}

Json RunShowOutputToJson(const RunShowOutput& output) {
  Json out = RunSummaryJson(output.run);
  out["params"] = output.run.params;
  out["plan"] = output.run.plan;
  out["options"] = output.run.options;
  out["result"] = output.run.result;
  return out;
}

Outcome<Json> ExportRun(const RunRequestById& request, StoreAccess& store) {
  return Guard([&] {
    const std::shared_ptr<RunStore> opened_store = store.Open(StoreMode::kRead);
    RunStore& opened = *opened_store;
    RequireRun(opened, request.id);
    return opened.Export(request.id);
  });
}

Outcome<bool> CheckResumable(const RunRequestById& request, StoreAccess& store) {
  return Guard([&] {
    const StoredRun run = RequireRun(*store.Open(StoreMode::kChange), request.id);
    if (run.kind != "sweep" || !run.options.contains("request")) {
      throw RequestError(ErrorCode::kConflict, "run " + std::to_string(run.id) + " is a " +
                                                   run.kind + ", not a resumable sweep");
    }
    return true;
  });
}

Outcome<ResumeOutput> ResumeRun(const ResumeRequest& request, StoreAccess& store,
                                const Context& context) {
  return Guard([&] {
    CheckRange("threads", request.threads, 0, kMaxThreads);
    const std::shared_ptr<RunStore> opened_store = store.Open(StoreMode::kChange);
    RunStore& opened = *opened_store;
    const StoredRun run = RequireRun(opened, request.id);
    SweepContinuation continuation;
    continuation.threads = static_cast<int>(request.threads);
    // Draws in all, of which the saved blocks hold some already.
    DrawProgress progress(context, static_cast<std::int64_t>(run.models.size()) *
                                       std::max<std::int64_t>(run.draws_planned, 0));
    progress.Add(run.draws_saved);
    continuation.draws_done = progress.Hook();
    continuation.cancelled = context.cancelled;
    const std::optional<Json> result = ContinueSavedSweep(opened, request.id, continuation);
    if (!result) throw RequestError(ErrorCode::kCancelled, "cancelled");
    return ResumeOutput{*result, continuation.models_computed, continuation.models_saved,
                        continuation.draws_computed, continuation.draws_reused};
  });
}

Outcome<std::int64_t> DeleteRun(const RunRequestById& request, StoreAccess& store) {
  return Guard([&] {
    CheckId(request.id);
    const std::shared_ptr<RunStore> opened_store = store.Open(StoreMode::kChange);
    RunStore& opened = *opened_store;
    if (!opened.Delete(request.id)) RequireRun(opened, request.id);
    return request.id;
  });
}

Outcome<StoredRun> CompleteRun(const RunRequestById& request, StoreAccess& store) {
  return Guard([&] {
    StoredRun run = RequireRun(*store.Open(StoreMode::kRead), request.id);
    if (run.status != "complete") {
      throw RequestError(ErrorCode::kConflict,
                         "run " + std::to_string(run.id) + " is not complete (status " +
                             run.status + "; a sweep is completed by `statecraft runs resume " +
                             std::to_string(run.id) + "`)");
    }
    return run;
  });
}

}  // namespace statecraft::app
