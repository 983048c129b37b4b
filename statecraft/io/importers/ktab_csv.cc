// KTAB's CSV scenario format (SMPModel::csvRead), docs/models/smp.md §4.1.
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "statecraft/core/error.h"
#include "statecraft/core/number_text.h"
#include "statecraft/io/csv.h"
#include "statecraft/io/importers/ktab.h"
#include "statecraft/io/text_file.h"

namespace statecraft {
namespace {

// KTAB's limits (SMPModel::csvRead and KBase::Model).
constexpr int kMinActors = 3;
constexpr std::size_t kMaxActorName = 25;
constexpr std::size_t kMaxActorDescription = 256;
constexpr std::size_t kMaxScenarioText = 512;
constexpr std::size_t kMaxDimensionName = 256;
constexpr double kMaxCapability = 1e8;

[[noreturn]] void Fail(const std::string& file_name, int line, int column,
                       const std::string& message) {
  std::string where = file_name + ":" + std::to_string(line);
  if (column > 0) where += ":" + std::to_string(column);
  throw InputError(where + ": " + message);
}

int RequireCount(const CsvField& field, const std::string& what, const std::string& file_name,
                 int line, int minimum) {
  const std::optional<double> value = ParseNumber(field.text);
  if (!value || *value != std::floor(*value) || *value < minimum || *value > 1e6) {
    Fail(file_name, line, field.column,
         what + ": found '" + field.text +
             "', expected a whole number >= " + std::to_string(minimum));
  }
  return static_cast<int>(*value);
}

void CheckLength(const CsvField& field, const std::string& what, std::size_t minimum,
                 std::size_t maximum, const std::string& file_name, int line) {
  if (field.text.size() < minimum || field.text.size() > maximum) {
    Fail(file_name, line, field.column,
         what + ": found '" + field.text + "' (" + std::to_string(field.text.size()) +
             " characters), expected " + std::to_string(minimum) + " to " +
             std::to_string(maximum) + " characters");
  }
}

// Fields past the expected ones may only be empty (KTAB's files end rows with a comma).
void CheckNoExtraFields(const std::vector<CsvField>& fields, std::size_t expected,
                        const std::string& file_name, int line) {
  for (std::size_t f = expected; f < fields.size(); ++f) {
    if (!fields[f].text.empty()) {
      Fail(file_name, line, fields[f].column,
           "found an extra field '" + fields[f].text + "', expected at most " +
               std::to_string(expected) + " fields");
    }
  }
}

bool IsBlank(const std::string& line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != ',') return false;
  }
  return true;
}

}  // namespace

bool SniffKtabCsv(const std::string& text) {
  const std::vector<std::string> lines = SplitLines(text.substr(0, 4096));
  if (lines.size() < 2) return false;
  try {
    const auto first = SplitCsvLine(lines[0], ',', "", 1);
    const auto second = SplitCsvLine(lines[1], ',', "", 2);
    if (first.size() < 4 || second.size() < 5) return false;
    if (!ParseNumber(first[2].text) || !ParseNumber(first[3].text)) return false;
    std::string head = second[0].text;
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return head == "actor";
  } catch (const InputError&) {
    return false;
  }
}

std::vector<Scenario> ReadKtabCsv(const std::string& text, const std::string& file_name,
                                  const ImportOptions& /*options*/) {
  const std::vector<std::string> lines = SplitLines(text);
  std::size_t last = lines.size();
  while (last > 0 && IsBlank(lines[last - 1])) --last;
  if (last == 0) Fail(file_name, 1, 0, "found an empty file, expected a KTAB CSV scenario");

  // Line 1: scenario name, description, number of actors, number of dimensions.
  const auto first = SplitCsvLine(lines[0], ',', file_name, 1);
  if (first.size() < 4) {
    Fail(file_name, 1, 0,
         "found " + std::to_string(first.size()) +
             " fields, expected 'scenario name, description, number of actors, number of "
             "dimensions'");
  }
  Scenario scenario;
  CheckLength(first[0], "scenario name", 1, kMaxScenarioText, file_name, 1);
  CheckLength(first[1], "scenario description", 0, kMaxScenarioText, file_name, 1);
  scenario.name = first[0].text;
  scenario.description = first[1].text;
  scenario.sources.push_back("KTAB CSV " + file_name);
  const int actor_count = RequireCount(first[2], "number of actors", file_name, 1, kMinActors);
  const int dimension_count = RequireCount(first[3], "number of dimensions", file_name, 1, 1);
  const std::size_t row_fields = 3 + 2 * static_cast<std::size_t>(dimension_count);

  // Line 2: header; the position columns name the dimensions.
  if (last < 2) Fail(file_name, 2, 0, "found no header line, expected 'Actor, Description, ...'");
  const auto header = SplitCsvLine(lines[1], ',', file_name, 2);
  if (header.size() < row_fields) {
    Fail(file_name, 2, 0,
         "found " + std::to_string(header.size()) + " header fields, expected " +
             std::to_string(row_fields) +
             " (actor, description, capability, then position and "
             "salience for each of " +
             std::to_string(dimension_count) + " dimensions)");
  }
  CheckNoExtraFields(header, row_fields, file_name, 2);
  std::set<std::string> dimension_names;
  for (int k = 0; k < dimension_count; ++k) {
    const CsvField& field = header[3 + 2 * k];
    CheckLength(field, "dimension name", 1, kMaxDimensionName, file_name, 2);
    if (!dimension_names.insert(field.text).second) {
      Fail(file_name, 2, field.column,
           "found the dimension name '" + field.text + "' twice, expected unique names");
    }
    Issue issue;
    issue.name = field.text;
    issue.scale_low = 0.0;
    issue.scale_high = 100.0;
    scenario.issues.push_back(std::move(issue));
  }

  const int rows = static_cast<int>(last) - 2;
  if (rows != actor_count) {
    Fail(file_name, rows < actor_count ? static_cast<int>(last) : 3 + actor_count, 0,
         "found " + std::to_string(rows) + " actor rows, expected " + std::to_string(actor_count) +
             " as line 1 declares");
  }
  std::set<std::string> actor_names;
  std::vector<std::vector<double>> positions;
  std::vector<std::vector<double>> saliences;
  for (int a = 0; a < actor_count; ++a) {
    const int line = 3 + a;
    const auto fields = SplitCsvLine(lines[line - 1], ',', file_name, line);
    if (fields.size() < row_fields) {
      Fail(file_name, line, 0,
           "found " + std::to_string(fields.size()) + " fields, expected " +
               std::to_string(row_fields));
    }
    CheckNoExtraFields(fields, row_fields, file_name, line);
    CheckLength(fields[0], "actor name", 1, kMaxActorName, file_name, line);
    CheckLength(fields[1], "actor description", 0, kMaxActorDescription, file_name, line);
    if (!actor_names.insert(fields[0].text).second) {
      Fail(file_name, line, fields[0].column,
           "found the actor name '" + fields[0].text + "' twice, expected unique names");
    }
    const double capability = RequireNumber(fields[2], "capability", file_name, line);
    // KTAB's reader accepts 0, then its first vote throws "non-positive voting weight".
    if (!(capability > 0.0) || capability > kMaxCapability) {
      Fail(file_name, line, fields[2].column,
           "capability: found " + fields[2].text + ", expected a number > 0 and <= 1e8");
    }
    std::vector<double> position(dimension_count);
    std::vector<double> salience(dimension_count);
    double total = 0.0;
    for (int k = 0; k < dimension_count; ++k) {
      const CsvField& position_field = fields[3 + 2 * k];
      const CsvField& salience_field = fields[4 + 2 * k];
      position[k] = RequireNumber(position_field, "position", file_name, line);
      if (position[k] < 0.0 || position[k] > 100.0) {
        Fail(file_name, line, position_field.column,
             "position: found " + position_field.text + ", expected a number in [0, 100]");
      }
      salience[k] = RequireNumber(salience_field, "salience", file_name, line);
      if (salience[k] < 0.0 || salience[k] > 100.0) {
        Fail(file_name, line, salience_field.column,
             "salience: found " + salience_field.text + ", expected a percent in [0, 100]");
      }
      total += salience[k];
    }
    if (total > 100.0 + 1e-9) {
      Fail(file_name, line, 0,
           "saliences sum to " + NumberText(total) +
               ", expected at most 100 (percent over all dimensions)");
    }
    scenario.actors.push_back({fields[0].text, fields[1].text, Estimate(capability)});
    positions.push_back(std::move(position));
    saliences.push_back(std::move(salience));
  }
  scenario.salience_scale = 100.0;  // KTAB files give saliences as percentages
  scenario.ResizeStakes();
  for (int a = 0; a < actor_count; ++a) {
    for (int k = 0; k < dimension_count; ++k) {
      scenario.SetStake(
          a, k,
          Stake{Estimate(positions[a][k]), Estimate(saliences[a][k] / 100.0), std::nullopt, ""});
    }
  }
  scenario.Validate();
  return {std::move(scenario)};
}

}  // namespace statecraft
