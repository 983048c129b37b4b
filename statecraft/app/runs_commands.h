// runs list|show|export|resume|delete: the runs saved in the run store (store/run_store.h).
// A run that does not exist is not_found; a run in the wrong state for the request (a report of
// a sweep still running, resuming a run that is not a sweep) is a conflict.
#ifndef STATECRAFT_APP_RUNS_COMMANDS_H_
#define STATECRAFT_APP_RUNS_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "statecraft/app/context.h"
#include "statecraft/app/outcome.h"

namespace statecraft::app {

struct RunsListRequest {
  std::int64_t limit = 20;  // 0: all
  std::string kind;         // empty: every kind; else one of kRunKinds
  std::string scenario;     // empty: every scenario; else the scenario's name
  std::string status;       // empty: every status; else "running" or "complete"
};

// The kinds of saved runs, and their statuses.
inline const std::vector<std::string> kRunKinds = {"run", "compare", "whatif", "sweep", "optimize"};
inline const std::vector<std::string> kRunStatuses = {"running", "complete"};

struct RunsListOutput {
  std::string store;            // the store's path
  std::vector<StoredRun> runs;  // newest first
  StoreSize size;               // the whole store's, whatever the filter
};

Outcome<RunsListOutput> ListRuns(const RunsListRequest& request, StoreAccess& store);
// {"store", "store_bytes", "store_runs", "runs": [RunSummaryJson]}
Json RunsListOutputToJson(const RunsListOutput& output);

// A stored run's header: {"id", "kind", "status", "scenario", "scenario_hash", "models", "seed",
// "program_version", "created_at", "finished_at" (null while running), "draws_planned",
// "draws_saved", "plan_summary", "target" (null without one), "draws" (per model and plan, 0
// without draws)}: the one JSON of a stored run, in every client (run_summary.h).
Json RunSummaryJson(const StoredRun& run);

struct RunRequestById {
  std::int64_t id = 0;
};

struct RunShowOutput {
  StoredRun run;
  Json outcomes;  // the export's outcomes: [{"model", "issue", "outcome", "unconstrained_outcome"}]
};

Outcome<RunShowOutput> ShowRun(const RunRequestById& request, StoreAccess& store);
// RunSummaryJson with "params", "plan", "options" and "result".
Json RunShowOutputToJson(const RunShowOutput& output);

// Everything about a run as one document (RunStore::Export).
Outcome<Json> ExportRun(const RunRequestById& request, StoreAccess& store);

struct ResumeRequest {
  std::int64_t id = 0;
  std::int64_t threads = 0;
};

struct ResumeOutput {
  Json result;  // the sweep's JSON, as `statecraft sweep --format json`
  int models_computed = 0;
  int models_saved = 0;
  std::int64_t draws_computed = 0;
  std::int64_t draws_reused = 0;
};

// Completes a saved sweep, computing only the draws no saved block holds; one step per model.
Outcome<ResumeOutput> ResumeRun(const ResumeRequest& request, StoreAccess& store,
                                const Context& context);
// Checks that the run exists and can be resumed (the server refuses a bad one before starting a
// job).
Outcome<bool> CheckResumable(const RunRequestById& request, StoreAccess& store);

// {"deleted": id}
Outcome<std::int64_t> DeleteRun(const RunRequestById& request, StoreAccess& store);

// runs gc: removes old runs (RunStore::CleanUp); at least one of keep and before.
struct RunsCleanUpRequest {
  std::int64_t keep = -1;  // keep the newest N runs; -1: no such rule
  std::string before;      // remove runs created before this UTC date or time; empty: no rule
  bool dry_run = false;
};

Outcome<CleanUpReport> CleanUpRuns(const RunsCleanUpRequest& request, StoreAccess& store);
// {"removed": [ids], "running_spared", "runs_left", "bytes_before", "bytes_after", "dry_run"}
Json CleanUpReportToJson(const CleanUpReport& report, bool dry_run);

// The run, complete; not_found or conflict otherwise (a report needs a complete run).
Outcome<StoredRun> CompleteRun(const RunRequestById& request, StoreAccess& store);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_RUNS_COMMANDS_H_
