// `statecraft runs list|show|export|resume|delete|gc`: the runs saved in the run store.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/common.h"
#include "cli/progress.h"
#include "cli/result_tables.h"
#include "cli/runs_show.h"
#include "cli/store_options.h"
#include "statecraft/app/run_summary.h"
#include "statecraft/app/runs_commands.h"
#include "statecraft/core/error.h"

namespace statecraft::cli {
namespace {

std::string JoinModels(const Json& models) {
  std::string text;
  for (const Json& model : models) text += (text.empty() ? "" : ",") + model.get<std::string>();
  return text;
}

// At most `width` characters, ending in "..." when cut (`runs show` and --format json give the
// whole text).
std::string Shortened(const std::string& text, std::size_t width) {
  if (text.size() <= width) return text;
  std::size_t cut = width - 3;
  // Not inside a UTF-8 character.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

void PrintRunList(const app::RunsListOutput& output, bool filtered) {
  std::cout << "store: " << output.store << " (" << app::ByteSize(output.size.bytes) << ", "
            << output.size.runs << (output.size.runs == 1 ? " run" : " runs")
            << "; `statecraft runs gc` removes old ones)\n\n";
  if (output.runs.empty()) {
    std::cout << (filtered ? "no run matches these filters\n" : "no saved run yet\n");
    return;
  }
  const auto now = std::chrono::system_clock::now();
  std::vector<std::vector<std::string>> rows = {
      {"id", "kind", "status", "models", "plan", "target", "draws", "scenario", "age"}};
  for (const StoredRun& run : output.runs) {
    const std::int64_t draws = app::RunDraws(run);
    const std::string target = app::RunTarget(run);
    const std::string models = run.models.size() > 3 ? std::to_string(run.models.size()) + " models"
                                                     : JoinModels(run.models);
    rows.push_back({std::to_string(run.id), run.kind, run.status, models,
                    Shortened(app::RunPlanText(run), 28), target.empty() ? "-" : target,
                    draws > 0 ? std::to_string(draws) : "-", Shortened(run.scenario_name, 32),
                    app::RunAge(run.created_at, now)});
  }
  PrintTable(std::cout, rows);
}

// The runs, whole (no cut), one row each; the store's size is in --format json and the table.
void PrintRunListCsv(const app::RunsListOutput& output) {
  CsvTable table{{"id", "kind", "status", "models", "plan", "target", "draws", "scenario",
                  "scenario_sha256", "created_at"},
                 {}};
  for (const StoredRun& run : output.runs) {
    const std::string target = app::RunTarget(run);
    table.rows.push_back({run.id, run.kind, run.status, JoinModels(run.models),
                          app::RunPlanText(run), target.empty() ? Json() : Json(target),
                          app::RunDraws(run), run.scenario_name, run.scenario_hash,
                          run.created_at});
  }
  PrintCsv(std::cout, table);
}

}  // namespace

void AddRunsCommand(CLI::App& app) {
  auto* command = app.add_subcommand(
      "runs", "list, show, diff, export, resume, delete or clean up (gc) saved runs");
  command->require_subcommand(1);
  auto store_options = std::make_shared<StoreOptions>();
  auto format = std::make_shared<std::string>();
  auto limit = std::make_shared<std::int64_t>(20);
  auto id = std::make_shared<std::int64_t>(0);
  auto output = std::make_shared<std::string>();

  auto* list =
      command->add_subcommand("list", "the saved runs, newest first, and the store's size");
  AddStoreOptions(*list, *store_options, false);
  list->add_option("-n,--limit", *limit, "how many runs to list (0: all)")->default_val(20);
  auto filter = std::make_shared<app::RunsListRequest>();
  list->add_option("--kind", filter->kind,
                   "only runs of this kind: run|compare|whatif|sweep|optimize");
  list->add_option("--scenario", filter->scenario, "only runs of the scenario of this name");
  list->add_option("--status", filter->status, "only runs in this status: running|complete");
  AddFormatOption(*list, *format, {"table", "json", "csv"});
  list->callback([=] {
    app::RunsListRequest request = *filter;
    request.limit = *limit;
    const auto listed = Unwrap(app::ListRuns(request, *StoreOf(*store_options)));
    if (*format == "json") {
      PrintJson(std::cout, app::RunsListOutputToJson(listed));
    } else if (*format == "csv") {
      PrintRunListCsv(listed);
    } else {
      PrintRunList(listed,
                   !request.kind.empty() || !request.scenario.empty() || !request.status.empty());
    }
  });

  auto* show = command->add_subcommand(
      "show", "one run: its inputs, and its results in the tables of the command that made it");
  AddStoreOptions(*show, *store_options, false);
  show->add_option("id", *id, "run id (see `statecraft runs list`)")->required();
  AddFormatOption(*show, *format, {"table", "json", "csv"});
  auto explain = std::make_shared<bool>(false);
  AddExplainOption(*show, *explain);
  show->callback([=] {
    const app::RunShowOutput shown = Unwrap(app::ShowRun({*id}, *StoreOf(*store_options)));
    if (*format == "json") {
      PrintJson(std::cout, app::RunShowOutputToJson(shown));
    } else {
      PrintShownRun(std::cout, shown, *format, *explain);
    }
  });

  auto other = std::make_shared<std::int64_t>(0);
  auto* diff = command->add_subcommand(
      "diff", "two runs side by side: what differs in their inputs, and their outcomes (B-A)");
  AddStoreOptions(*diff, *store_options, false);
  diff->add_option("a", *id, "the first run's id (A)")->required();
  diff->add_option("b", *other, "the second run's id (B)")->required();
  AddFormatOption(*diff, *format, {"table", "json", "csv"});
  diff->callback([=] {
    const auto store = StoreOf(*store_options);
    const app::RunShowOutput a = Unwrap(app::ShowRun({*id}, *store));
    const app::RunShowOutput b = Unwrap(app::ShowRun({*other}, *store));
    PrintRunsDiff(std::cout, RunsDiffJson(a, b), *format);
  });

  auto* export_command =
      command->add_subcommand("export", "everything about a run as one JSON document");
  AddStoreOptions(*export_command, *store_options, false);
  export_command->add_option("id", *id, "run id")->required();
  export_command->add_option("-o,--output", *output, "write to this file instead of stdout");
  export_command->callback([=] {
    const Json exported = Unwrap(app::ExportRun({*id}, *StoreOf(*store_options)));
    if (output->empty()) {
      PrintJson(std::cout, exported);
      return;
    }
    std::ofstream file(*output);
    if (!file) throw InputError(*output + ": cannot write this file");
    PrintJson(file, exported);
  });

  auto output_options = std::make_shared<OutputOptions>();
  auto threads = std::make_shared<std::int64_t>(0);
  auto* resume = command->add_subcommand(
      "resume", "complete an interrupted sweep; its saved draws are not computed again");
  AddStoreOptions(*resume, *store_options, false);
  resume->add_option("id", *id, "run id of a sweep whose status is running")->required();
  resume->add_option("--threads", *threads, "threads (0: every core)")->default_val(0);
  AddFormatOption(*resume, *format, {"table", "json"});
  AddProgressOptions(*resume, *output_options);
  resume->callback([=] {
    ProgressLine progress("resume", "draws", *output_options);
    const app::ResumeOutput resumed = Unwrap(app::ResumeRun(
        {*id, *threads}, *StoreOf(*store_options), ProgressContext(nullptr, progress)));
    progress.Finish();
    std::ostringstream counts;
    counts << "run " << *id << " complete: " << resumed.models_computed << " model(s) computed, "
           << resumed.models_saved << " already saved (not computed again); draws_computed "
           << resumed.draws_computed << ", draws_reused " << resumed.draws_reused << "\n";
    if (*format == "json") {
      // Standard output holds the sweep's JSON alone; what was computed goes to standard error.
      PrintJson(std::cout, resumed.result);
      if (!output_options->quiet) std::cerr << counts.str();
      return;
    }
    std::cout << counts.str();
  });

  auto* remove = command->add_subcommand("delete", "delete a run");
  AddStoreOptions(*remove, *store_options, false);
  remove->add_option("id", *id, "run id")->required();
  remove->callback([=] {
    Unwrap(app::DeleteRun({*id}, *StoreOf(*store_options)));
    std::cout << "deleted run " << *id << "\n";
  });

  AddRunsCleanUpCommand(*command);
}

}  // namespace statecraft::cli
