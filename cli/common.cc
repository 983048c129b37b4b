#include "cli/common.h"

#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "statecraft/io/csv.h"

namespace statecraft::cli {

void AddInputOptions(CLI::App& command, InputOptions& options, bool file_required) {
  auto* file = command.add_option(
      "file", options.file,
      file_required ? "scenario or dataset file"
                    : "scenario file (default: the built-in Russia-DPRK scenario)");
  if (file_required) {
    file->required();
  } else {
    command
        .add_option("--scenario", options.scenario,
                    "a built-in scenario by name instead of FILE (statecraft scenarios lists them)")
        ->excludes(file);
  }
  std::string formats;
  for (const auto& format : KnownFormats()) formats += (formats.empty() ? "" : "|") + format;
  command.add_option("--from", options.from, "input format: auto|" + formats)->default_val("auto");
  command
      .add_option("--capability", options.capability,
                  "capability proxy for datasets without one (DEU): equal|votes")
      ->default_val("equal");
}

app::ScenarioSource SourceOf(const InputOptions& options) {
  if (!options.scenario.empty()) return app::ScenarioSource::Named(options.scenario);
  if (options.file.empty()) return app::ScenarioSource::Builtin();
  ReadOptions read;
  read.format = options.from;
  read.import.capability = options.capability;
  return app::ScenarioSource::File(options.file, read);
}

int ExitStatus(app::ErrorCode code) {
  switch (code) {
    case app::ErrorCode::kBadInput:
    case app::ErrorCode::kNotFound:
    case app::ErrorCode::kConflict:
      return 2;
    default:
      return 1;
  }
}

void AddFormatOption(CLI::App& command, std::string& format,
                     const std::vector<std::string>& allowed) {
  std::string names;
  for (const auto& name : allowed) names += (names.empty() ? "" : "|") + name;
  command.add_option("--format", format, "output format: " + names)
      ->default_val(allowed.front())
      ->check(CLI::IsMember(allowed));
}

void PrintJson(std::ostream& out, const Json& json) { out << json.dump(2) << "\n"; }

std::string FormatNumber(double value, int digits) {
  if (std::isnan(value)) return "-";
  std::ostringstream out;
  // Beyond 1e15 fixed notation prints digits that mean nothing (and 1e308 has 309 of them).
  if (std::abs(value) >= 1e15) {
    out << std::setprecision(6) << value;
  } else {
    out << std::fixed << std::setprecision(digits) << value;
  }
  return out.str();
}

std::string SettlementMark(const Forecast& forecast, int issue) {
  if (issue >= static_cast<int>(forecast.settlement.size()) || forecast.settlement[issue].settled) {
    return "";
  }
  const Settlement& settlement = forecast.settlement[issue];
  return std::string(settlement.period > 0 ? " (cycles " : " (moves ") +
         FormatNumber(settlement.low) + "-" + FormatNumber(settlement.high) + ")";
}

std::string FormatOutcome(const Forecast& forecast, int issue, double value) {
  return FormatNumber(value) + SettlementMark(forecast, issue);
}

std::string SettlementNote(const std::vector<const Forecast*>& forecasts) {
  std::string models;
  for (const Forecast* forecast : forecasts) {
    for (const Settlement& settlement : forecast->settlement) {
      if (settlement.settled) continue;
      models += (models.empty() ? "" : ", ") + forecast->model;
      break;
    }
  }
  if (models.empty()) return "";
  return "not settled (" + models +
         "): where an outcome reads \"x (cycles a-b)\" the model's rounds keep moving it between a "
         "and b (\"moves\": no state recurred); x is the model's forecast under its stopping rule.";
}

void PrintTable(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const bool numeric = r > 0 && c > 0 && (ParseNumber(row[c]).has_value() || row[c] == "-");
      const std::string padding(widths[c] - row[c].size(), ' ');
      if (c > 0) line += "  ";
      line += numeric ? padding + row[c] : row[c] + padding;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
}

std::vector<ModelSpec> ModelSpecs(const std::vector<std::string>& specs) {
  std::vector<ModelSpec> models;
  for (const std::string& spec : specs) models.push_back(ParseModelSpec(spec));
  return models;
}

}  // namespace statecraft::cli
