// A saved run in a few words, for lists of runs (`statecraft runs list`, GET /api/runs): which
// plan, target and draws it had, read from what each kind of run records, and how old it is.
#ifndef STATECRAFT_APP_RUN_SUMMARY_H_
#define STATECRAFT_APP_RUN_SUMMARY_H_

#include <chrono>
#include <cstdint>
#include <string>

#include "statecraft/store/run_store.h"

namespace statecraft::app {

// "baseline" (no lever), a plan's name, levers as "L2=20+L5=10", the plans of a what-if joined
// by ", ", or "none found" for an optimisation that found no plan.
std::string RunPlanText(const StoredRun& run);
// The target event ("munitions<=25"), or empty when the run had none.
std::string RunTarget(const StoredRun& run);
// Draws per model and plan, or 0 for runs without draws (run, compare).
std::int64_t RunDraws(const StoredRun& run);

// "40 s", "5 min", "3 h", "2 days", "6 weeks" since `created_at` (UTC, ISO 8601); "-" when it
// cannot be read.
std::string RunAge(const std::string& created_at, std::chrono::system_clock::time_point now);

// "812 B", "4.2 kB", "87.0 MB" (powers of 1000).
std::string ByteSize(std::int64_t bytes);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_RUN_SUMMARY_H_
