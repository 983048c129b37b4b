// `statecraft runs show ID` and `statecraft runs diff A B`: a saved run with the tables of the
// command that made it (result_tables.h), and two saved runs side by side, inputs and outcomes.
#ifndef STATECRAFT_CLI_RUNS_SHOW_H_
#define STATECRAFT_CLI_RUNS_SHOW_H_

#include <iosfwd>
#include <string>

#include "statecraft/app/runs_commands.h"

namespace statecraft::cli {

// --format table: the header (parameters as key=value), then the command's tables (`explain`:
// each column's meaning under them, as PrintDocument); csv: the command's main table.
void PrintShownRun(std::ostream& out, const app::RunShowOutput& shown, const std::string& format,
                   bool explain = false);

// The difference of run `b` from run `a`: {"a", "b" (RunSummaryJson), "inputs": [{"input", "a",
// "b", "changed"}], "scenario_changes": [{"path", "a", "b"}], "outcomes": [{"model", "issue",
// "a", "b", "difference"}]}. An outcome is the ruled outcome of a model (a what-if's central
// value per plan and model, a sweep's median); a side without it holds null.
Json RunsDiffJson(const app::RunShowOutput& a, const app::RunShowOutput& b);

// --format table|json|csv (csv: the outcomes).
void PrintRunsDiff(std::ostream& out, const Json& diff, const std::string& format);

}  // namespace statecraft::cli

#endif  // STATECRAFT_CLI_RUNS_SHOW_H_
