// `statecraft runs gc --keep N | --before DATE [--dry-run]`: removes old runs from the run store
// in one transaction and compacts it, so that the store stays within the size its user wants.
#include <iostream>
#include <memory>

#include "cli/common.h"
#include "cli/store_options.h"
#include "statecraft/app/run_summary.h"
#include "statecraft/app/runs_commands.h"
#include "statecraft/core/error.h"

namespace statecraft::cli {
namespace {

// "1-12, 15, 18-19": ascending ids as ranges.
std::string IdRanges(const std::vector<std::int64_t>& ids) {
  std::string text;
  for (std::size_t k = 0; k < ids.size();) {
    std::size_t end = k;
    while (end + 1 < ids.size() && ids[end + 1] == ids[end] + 1) ++end;
    text += (text.empty() ? "" : ", ") + std::to_string(ids[k]) +
            (end > k ? "-" + std::to_string(ids[end]) : "");
    k = end + 1;
  }
  return text;
}

std::string Runs(std::int64_t count) {
  return std::to_string(count) + (count == 1 ? " run" : " runs");
}

void PrintCleanUp(const std::string& store, const CleanUpReport& report, bool dry_run) {
  const std::int64_t removed = static_cast<std::int64_t>(report.removed.size());
  if (removed == 0) {
    std::cout << "no run to remove; " << Runs(report.runs_left) << " kept\n";
  } else if (dry_run) {
    std::cout << "would remove " << Runs(removed) << " (" << IdRanges(report.removed)
              << ") and keep " << Runs(report.runs_left - removed)
              << "; nothing removed (--dry-run)\n";
  } else {
    std::cout << "removed " << Runs(removed) << " (" << IdRanges(report.removed) << "); "
              << Runs(report.runs_left) << " kept\n";
  }
  if (report.running_spared > 0) {
    std::cout << Runs(report.running_spared)
              << " still running spared (`statecraft runs resume ID` completes one, `statecraft "
                 "runs delete ID` removes it)\n";
  }
  std::cout << "store: " << store << ", " << app::ByteSize(report.bytes_before);
  if (!dry_run && removed > 0) std::cout << " -> " << app::ByteSize(report.bytes_after);
  std::cout << "\n";
}

}  // namespace

void AddRunsCleanUpCommand(CLI::App& runs) {
  auto store_options = std::make_shared<StoreOptions>();
  auto request = std::make_shared<app::RunsCleanUpRequest>();
  auto format = std::make_shared<std::string>();
  auto* command = runs.add_subcommand(
      "gc",
      "remove old runs: keep the newest N, or remove those created before a date (one "
      "transaction; the store is compacted after); running runs are never removed");
  AddStoreOptions(*command, *store_options, false);
  command->add_option("--keep", request->keep, "keep the newest N runs, remove the others");
  command->add_option("--before", request->before,
                      "remove the runs created before this UTC date or time (2026-11-30, "
                      "2026-11-30T12:00); with --keep, a run goes only when both say so");
  command->add_flag("--dry-run", request->dry_run, "only say what would be removed");
  AddFormatOption(*command, *format, {"table", "json"});
  command->callback([=, command = command] {
    if (command->count("--keep") > 0 && request->keep < 0) {
      throw InputError("--keep: found " + std::to_string(request->keep) +
                       ", expected 0 or more (the newest runs to keep)");
    }
    if (command->count("--keep") == 0 && request->before.empty()) {
      throw InputError(
          "runs gc: expected --keep N or --before DATE (see 'statecraft runs gc --help')");
    }
    const auto store = StoreOf(*store_options);
    const CleanUpReport report = Unwrap(app::CleanUpRuns(*request, *store));
    if (*format == "json") {
      PrintJson(std::cout, app::CleanUpReportToJson(report, request->dry_run));
    } else {
      PrintCleanUp(store->path(), report, request->dry_run);
    }
  });
}

}  // namespace statecraft::cli
