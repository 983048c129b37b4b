#include "statecraft/io/importers/bdm_csv.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "statecraft/core/error.h"
#include "statecraft/io/csv.h"
#include "statecraft/io/text_file.h"

namespace statecraft {
namespace {

enum Column { kActor, kCapability, kPosition, kSalience, kColumnCount };

constexpr const char* kExpectedHeader =
    "the header Actor,Capability,Position,Salience (or Name x c s)";

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string DropByteOrderMark(const std::string& text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) return text.substr(3);
  return text;
}

bool IsBlank(const std::string& line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}

char DelimiterOf(const std::string& header) {
  if (header.find('\t') != std::string::npos) return '\t';
  if (header.find(';') != std::string::npos) return ';';
  return ',';
}

int ColumnOf(const std::string& name) {
  const std::string lower = Lower(name);
  if (lower == "actor" || lower == "name") return kActor;
  if (lower == "capability" || lower == "c") return kCapability;
  if (lower == "position" || lower == "x") return kPosition;
  if (lower == "salience" || lower == "s") return kSalience;
  return -1;
}

// Maps header fields to columns; false unless the four columns each appear exactly once.
bool ParseHeader(const std::vector<CsvField>& fields, int (&index)[kColumnCount]) {
  std::fill(std::begin(index), std::end(index), -1);
  if (fields.size() != kColumnCount) return false;
  for (std::size_t k = 0; k < fields.size(); ++k) {
    const int column = ColumnOf(fields[k].text);
    if (column < 0 || index[column] >= 0) return false;
    index[column] = static_cast<int>(k);
  }
  return true;
}

std::string Stem(const std::string& file_name) {
  std::string stem = file_name;
  const std::size_t slash = stem.find_last_of("/\\");
  if (slash != std::string::npos) stem = stem.substr(slash + 1);
  const std::size_t dot = stem.find_last_of('.');
  if (dot != std::string::npos && dot > 0) stem = stem.substr(0, dot);
  return stem.empty() ? "bdm" : stem;
}

std::string Where(const std::string& file_name, int line, int column) {
  return file_name + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

std::string Describe(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

struct Row {
  std::string actor;
  double capability;
  double position;
  double salience;
  int line;
};

}  // namespace

bool SniffBdmCsv(const std::string& text) {
  for (const std::string& line : SplitLines(DropByteOrderMark(text))) {
    if (IsBlank(line)) continue;
    try {
      int index[kColumnCount];
      return ParseHeader(SplitCsvLine(line, DelimiterOf(line), "", 1), index);
    } catch (const InputError&) {
      return false;
    }
  }
  return false;
}

std::vector<Scenario> ReadBdmCsv(const std::string& text, const std::string& file_name,
                                 const ImportOptions& /*options*/) {
  const std::vector<std::string> lines = SplitLines(DropByteOrderMark(text));
  std::size_t k = 0;
  while (k < lines.size() && IsBlank(lines[k])) ++k;
  if (k == lines.size()) {
    throw InputError(file_name + ":1: found an empty file, expected " + kExpectedHeader);
  }
  const int header_line = static_cast<int>(k) + 1;
  const char delimiter = DelimiterOf(lines[k]);
  int index[kColumnCount];
  if (!ParseHeader(SplitCsvLine(lines[k], delimiter, file_name, header_line), index)) {
    throw InputError(file_name + ":" + std::to_string(header_line) + ": found '" + lines[k] +
                     "', expected " + kExpectedHeader);
  }

  std::vector<Row> rows;
  std::set<std::string> names;
  for (++k; k < lines.size(); ++k) {
    if (IsBlank(lines[k])) continue;
    const int line = static_cast<int>(k) + 1;
    const std::vector<CsvField> fields = SplitCsvLine(lines[k], delimiter, file_name, line);
    if (fields.size() != kColumnCount) {
      throw InputError(file_name + ":" + std::to_string(line) + ": found " +
                       std::to_string(fields.size()) + " fields, expected 4 (" +
                       "actor, capability, position, salience)");
    }
    Row row;
    row.line = line;
    const CsvField& actor = fields[index[kActor]];
    if (actor.text.empty()) {
      throw InputError(Where(file_name, line, actor.column) +
                       "found an empty actor name, expected a name");
    }
    if (!names.insert(actor.text).second) {
      throw InputError(Where(file_name, line, actor.column) + "found actor '" + actor.text +
                       "' a second time, expected each actor once");
    }
    row.actor = actor.text;
    const CsvField& capability = fields[index[kCapability]];
    row.capability = RequireNumber(capability, "capability", file_name, line);
    if (!(row.capability > 0.0)) {
      throw InputError(Where(file_name, line, capability.column) + "capability: found '" +
                       capability.text + "', expected a capability > 0");
    }
    row.position = RequireNumber(fields[index[kPosition]], "position", file_name, line);
    const CsvField& salience = fields[index[kSalience]];
    row.salience = RequireNumber(salience, "salience", file_name, line);
    if (row.salience < 0.0 || row.salience > 100.0) {
      throw InputError(Where(file_name, line, salience.column) + "salience: found '" +
                       salience.text + "', expected a salience in [0, 1] or [0, 100]");
    }
    rows.push_back(std::move(row));
  }
  if (rows.empty()) {
    throw InputError(file_name + ":" + std::to_string(header_line) +
                     ": found no actor rows after the header, expected at least one actor");
  }

  // Saliences over 1 mean a 0–100 file (docs/models/eum.md §3.1: implementations divide by 100).
  const bool percent =
      std::any_of(rows.begin(), rows.end(), [](const Row& row) { return row.salience > 1.0; });
  double low = rows.front().position;
  double high = rows.front().position;
  for (const Row& row : rows) {
    low = std::min(low, row.position);
    high = std::max(high, row.position);
  }
  if (!(low < high)) {
    low -= 1.0;
    high += 1.0;
  }

  Scenario scenario;
  scenario.name = Stem(file_name);
  scenario.salience_scale = percent ? 100.0 : 1.0;
  scenario.description = "Imported from the BDM CSV file " + file_name +
                         "; issue scale taken from the positions [" + Describe(low) + ", " +
                         Describe(high) + "]";
  scenario.sources.push_back(file_name);
  Issue issue;
  issue.name = scenario.name;
  issue.scale_low = low;
  issue.scale_high = high;
  scenario.issues.push_back(std::move(issue));
  for (const Row& row : rows) {
    Actor actor;
    actor.name = row.actor;
    actor.capability = Estimate(row.capability);
    scenario.actors.push_back(std::move(actor));
  }
  scenario.ResizeStakes();
  for (std::size_t a = 0; a < rows.size(); ++a) {
    Stake stake;
    stake.position = Estimate(rows[a].position);
    stake.salience = Estimate(percent ? rows[a].salience / 100.0 : rows[a].salience);
    scenario.SetStake(static_cast<int>(a), 0, std::move(stake));
  }
  scenario.Validate();
  std::vector<Scenario> scenarios;
  scenarios.push_back(std::move(scenario));
  return scenarios;
}

}  // namespace statecraft
