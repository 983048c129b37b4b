// `statecraft runs diff A B` (runs_show.h): what differs between two saved runs' inputs, and
// their outcomes side by side.
#include <ostream>

#include "cli/common.h"
#include "cli/result_tables.h"
#include "cli/runs_show.h"
#include "statecraft/app/run_summary.h"
#include "statecraft/core/number_text.h"

namespace statecraft::cli {
namespace {

std::string Text(const Json& value) {
  if (value.is_null()) return "-";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return NumberText(value.get<double>());
  return value.dump();
}

// Scalars by path ("actors/Russia/capability", "stakes/DPRK/munitions/position"): entries of an
// array of named objects are named by their "name", arrays of scalars are one value.
void Flatten(const Json& value, const std::string& path,
             std::vector<std::pair<std::string, Json>>& out) {
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      Flatten(item, path.empty() ? key : path + "/" + key, out);
    }
    return;
  }
  if (value.is_array()) {
    bool named = !value.empty();
    for (const Json& item : value) named = named && item.is_object() && item.contains("name");
    bool scalars = true;
    for (const Json& item : value) scalars = scalars && !item.is_object() && !item.is_array();
    if (!named && scalars) {
      out.emplace_back(path, value);
      return;
    }
    for (std::size_t k = 0; k < value.size(); ++k) {
      const std::string key = named ? Text(value[k]["name"]) : std::to_string(k);
      Flatten(value[k], path + "/" + key, out);
    }
    return;
  }
  out.emplace_back(path, value);
}

// Rows {path, a, b} where the two documents differ (a path only one has: null on the other side).
Json Changes(const Json& a, const Json& b, const std::string& root) {
  std::vector<std::pair<std::string, Json>> left, right;
  Flatten(a, root, left);
  Flatten(b, root, right);
  Json changes = Json::array();
  auto find = [](const std::vector<std::pair<std::string, Json>>& in, const std::string& path) {
    for (const auto& [key, value] : in) {
      if (key == path) return &value;
    }
    return static_cast<const Json*>(nullptr);
  };
  for (const auto& [path, value] : left) {
    const Json* other = find(right, path);
    if (other == nullptr || *other != value) {
      changes.push_back({{"path", path}, {"a", value}, {"b", other ? *other : Json()}});
    }
  }
  for (const auto& [path, value] : right) {
    if (find(left, path) == nullptr) {
      changes.push_back({{"path", path}, {"a", nullptr}, {"b", value}});
    }
  }
  return changes;
}

// (model, issue) → outcome: a sweep's median per model, otherwise the saved outcomes (a
// what-if's are its central values, named "PLAN/MODEL").
std::vector<std::pair<std::pair<std::string, std::string>, Json>> OutcomesOf(
    const app::RunShowOutput& shown) {
  std::vector<std::pair<std::pair<std::string, std::string>, Json>> out;
  const StoredRun& run = shown.run;
  if (run.kind == "sweep" && run.result.is_object()) {
    const Json items =
        run.result.contains("models") ? run.result["models"] : Json::array({run.result});
    for (const Json& item : items) {
      for (const auto& [issue, quantiles] : item["issues"].items()) {
        out.push_back({{Text(item["model"]) + " (median)", issue}, quantiles["median"]});
      }
    }
    return out;
  }
  for (const Json& outcome : shown.outcomes) {
    out.push_back({{Text(outcome["model"]), Text(outcome["issue"])}, outcome["outcome"]});
  }
  return out;
}

Json InputRow(const std::string& input, const Json& a, const Json& b) {
  return {{"input", input}, {"a", a}, {"b", b}, {"changed", a != b}};
}

}  // namespace

Json RunsDiffJson(const app::RunShowOutput& a, const app::RunShowOutput& b) {
  const StoredRun& left = a.run;
  const StoredRun& right = b.run;
  Json inputs = Json::array();
  inputs.push_back(InputRow("kind", left.kind, right.kind));
  inputs.push_back(InputRow("status", left.status, right.status));
  inputs.push_back(InputRow("scenario", left.scenario_name, right.scenario_name));
  inputs.push_back(InputRow("scenario sha256", left.scenario_hash, right.scenario_hash));
  inputs.push_back(InputRow("models", left.models, right.models));
  inputs.push_back(InputRow("plan", app::RunPlanText(left), app::RunPlanText(right)));
  const std::string target_a = app::RunTarget(left), target_b = app::RunTarget(right);
  inputs.push_back(InputRow("target", target_a.empty() ? Json() : Json(target_a),
                            target_b.empty() ? Json() : Json(target_b)));
  inputs.push_back(InputRow("draws", app::RunDraws(left), app::RunDraws(right)));
  inputs.push_back(InputRow("seed", left.seed, right.seed));
  inputs.push_back(InputRow("program", left.program_version, right.program_version));
  for (const Json& change : Changes(left.params, right.params, "params")) {
    inputs.push_back(InputRow(change["path"], change["a"], change["b"]));
  }
  for (const Json& change : Changes(left.options, right.options, "options")) {
    inputs.push_back(InputRow(change["path"], change["a"], change["b"]));
  }
  Json scenario_changes = Json::array();
  if (left.scenario_hash != right.scenario_hash) {
    scenario_changes =
        Changes(Json::parse(left.scenario_json), Json::parse(right.scenario_json), "");
  }
  const auto outcomes_a = OutcomesOf(a);
  const auto outcomes_b = OutcomesOf(b);
  Json outcomes = Json::array();
  auto add = [&](const std::pair<std::string, std::string>& key, const Json& value_a,
                 const Json& value_b) {
    const Json difference = value_a.is_number() && value_b.is_number()
                                ? Json(value_b.get<double>() - value_a.get<double>())
                                : Json();
    outcomes.push_back({{"model", key.first},
                        {"issue", key.second},
                        {"a", value_a},
                        {"b", value_b},
                        {"difference", difference}});
  };
  for (const auto& [key, value] : outcomes_a) {
    Json other;
    for (const auto& [key_b, value_b] : outcomes_b) {
      if (key_b == key) other = value_b;
    }
    add(key, value, other);
  }
  for (const auto& [key, value] : outcomes_b) {
    bool seen = false;
    for (const auto& [key_a, value_a] : outcomes_a) seen = seen || key_a == key;
    if (!seen) add(key, Json(), value);
  }
  return {{"a", app::RunSummaryJson(left)},
          {"b", app::RunSummaryJson(right)},
          {"inputs", inputs},
          {"scenario_changes", scenario_changes},
          {"outcomes", outcomes}};
}

void PrintRunsDiff(std::ostream& out, const Json& diff, const std::string& format) {
  if (format == "json") {
    PrintJson(out, diff);
    return;
  }
  CsvTable outcomes{{"model", "issue", "A", "B", "B-A"}, {}};
  for (const Json& row : diff["outcomes"]) {
    outcomes.rows.push_back({row["model"], row["issue"], row["a"], row["b"], row["difference"]});
  }
  if (format == "csv") {
    PrintCsv(out, outcomes);
    return;
  }
  const std::string a = "run " + Text(diff["a"]["id"]);
  const std::string b = "run " + Text(diff["b"]["id"]);
  out << "A: " << a << " (" << Text(diff["a"]["kind"]) << "), B: " << b << " ("
      << Text(diff["b"]["kind"]) << ")\n\ninputs\n";
  TextTable inputs = {{"input", "A", "B", "changed"}};
  // Long values are cut in the table (--format json gives them whole): a scenario's name, its hash.
  auto cell = [](const Json& value) {
    std::string text = value.is_array() ? "" : Text(value);
    if (value.is_array()) {
      for (const Json& item : value) text += (text.empty() ? "" : ",") + Text(item);
    }
    if (text.size() <= 40) return text;
    std::size_t cut = 37;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    return text.substr(0, cut) + "...";
  };
  for (const Json& row : diff["inputs"]) {
    inputs.push_back({Text(row["input"]), cell(row["a"]), cell(row["b"]),
                      row["changed"].get<bool>() ? "*" : ""});
  }
  PrintTable(out, inputs);
  if (!diff["scenario_changes"].empty()) {
    out << "\nscenario values that differ\n";
    TextTable changes = {{"value", "A", "B"}};
    for (const Json& row : diff["scenario_changes"]) {
      changes.push_back({Text(row["path"]), Text(row["a"]), Text(row["b"])});
    }
    PrintTable(out, changes);
  }
  out << "\noutcomes (after decision rules; \"-\": the run has none)\n";
  if (outcomes.rows.empty()) {
    out << "neither run saved outcomes per issue\n";
    return;
  }
  TextTable rows = {outcomes.header};
  for (const auto& row : outcomes.rows) {
    rows.push_back({Text(row[0]), Text(row[1]), FormatNumber(NumberOf(row[2])),
                    FormatNumber(NumberOf(row[3])), FormatNumber(NumberOf(row[4]))});
  }
  PrintTable(out, rows);
}

}  // namespace statecraft::cli
