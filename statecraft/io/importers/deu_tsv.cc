#include "statecraft/io/importers/deu_tsv.h"

#include <map>

#include "statecraft/core/error.h"
#include "statecraft/io/csv.h"
#include "statecraft/io/text_file.h"

namespace statecraft {
namespace {

// A value the DEU codebook marks as missing.
constexpr double kMissing = 999.0;

// Council votes under the Treaty of Nice (weights used in DEU-era qualified-majority voting).
const std::map<std::string, double> kCouncilVotes = {
    {"de", 29}, {"fr", 29}, {"it", 29}, {"uk", 29}, {"es", 27},  {"pl", 27}, {"ro", 14}, {"nl", 13},
    {"be", 12}, {"cz", 12}, {"el", 12}, {"hu", 12}, {"pt", 12},  {"at", 10}, {"bu", 10}, {"se", 10},
    {"dk", 7},  {"ie", 7},  {"lt", 7},  {"sk", 7},  {"fi", 7},   {"cr", 7},  {"cy", 4},  {"ee", 4},
    {"lv", 4},  {"lu", 4},  {"si", 4},  {"mt", 3},  {"com", 29}, {"ep", 29}};

struct Columns {
  int proposal = -1;       // prnr
  int proposal_name = -1;  // prname
  int issue = -1;          // isnr
  int reference_point = -1;
  int outcome = -1;
  std::vector<std::string> actors;  // codes, in header order
  std::vector<int> positions;
  std::vector<int> saliences;
};

Columns ReadHeader(const std::vector<CsvField>& header, const std::string& file_name) {
  Columns columns;
  std::map<std::string, int> index;
  for (std::size_t k = 0; k < header.size(); ++k) {
    if (!index.emplace(header[k].text, static_cast<int>(k)).second && !header[k].text.empty()) {
      throw InputError(file_name + ":1:" + std::to_string(header[k].column) +
                       ": found the column '" + header[k].text +
                       "' twice, expected each column once");
    }
  }
  auto require = [&](const std::string& name) {
    auto found = index.find(name);
    if (found == index.end()) {
      throw InputError(file_name + ":1: missing column '" + name +
                       "', expected a DEU header with prnr, prname, isnr, p<actor>, s<actor>, rp, "
                       "out");
    }
    return found->second;
  };
  columns.proposal = require("prnr");
  columns.proposal_name = require("prname");
  columns.issue = require("isnr");
  columns.reference_point = require("rp");
  columns.outcome = require("out");
  for (std::size_t k = 0; k < header.size(); ++k) {
    const std::string& name = header[k].text;
    if (name.size() < 2 || name[0] != 'p' || name == "prnr" || name == "prname" || name == "proc" ||
        name == "proccde") {
      continue;
    }
    const std::string code = name.substr(1);
    auto salience = index.find("s" + code);
    if (salience == index.end()) continue;
    columns.actors.push_back(code);
    columns.positions.push_back(static_cast<int>(k));
    columns.saliences.push_back(salience->second);
  }
  if (columns.actors.empty()) {
    throw InputError(file_name +
                     ":1: found no p<actor>/s<actor> column pairs, expected DEU "
                     "position and salience columns");
  }
  return columns;
}

// A numeric cell, or nullopt when empty or marked missing. Throws on anything else.
std::optional<double> Cell(const std::vector<CsvField>& fields, int column, const std::string& what,
                           const std::string& file_name, int line) {
  const CsvField& field = fields[column];
  if (field.text.empty()) return std::nullopt;
  const double value = RequireNumber(field, what, file_name, line);
  if (value == kMissing) return std::nullopt;
  return value;
}

}  // namespace

bool SniffDeuTsv(const std::string& text) {
  const auto end = text.find_first_of("\r\n");
  const std::string first = text.substr(0, end);
  // Any delimiter: a DEU header with the wrong delimiter should get the DEU reader's message.
  return first.find("prnr") != std::string::npos && first.find("isnr") != std::string::npos;
}

std::vector<Scenario> ReadDeuTsv(const std::string& text, const std::string& file_name,
                                 const ImportOptions& options) {
  if (options.capability != "equal" && options.capability != "votes") {
    throw InputError("DEU capability proxy: found '" + options.capability +
                     "', expected equal or votes");
  }
  const std::vector<std::string> lines = SplitLines(text);
  if (lines.empty()) throw InputError(file_name + ":1: found an empty file, expected DEU rows");
  if (lines[0].find('\t') == std::string::npos) {
    throw InputError(file_name +
                     ":1: found no tab in the header, expected tab-separated DEU "
                     "columns");
  }
  const std::vector<CsvField> header = SplitCsvLine(lines[0], '\t', file_name, 1);
  const Columns columns = ReadHeader(header, file_name);

  std::vector<Scenario> scenarios;
  std::map<std::string, std::size_t> scenario_of_proposal;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    const int line = static_cast<int>(k) + 1;
    if (lines[k].find_first_not_of(" \t") == std::string::npos) continue;
    const std::vector<CsvField> fields = SplitCsvLine(lines[k], '\t', file_name, line);
    if (fields.size() != header.size()) {
      throw InputError(file_name + ":" + std::to_string(line) + ": found " +
                       std::to_string(fields.size()) + " columns, expected " +
                       std::to_string(header.size()) + " as in the header");
    }
    if (fields[0].text.empty()) continue;  // not an issue (the GDP row)
    const std::string proposal = fields[columns.proposal].text;
    const std::string issue_name = fields[columns.issue].text;
    if (proposal.empty() || issue_name.empty()) {
      throw InputError(file_name + ":" + std::to_string(line) +
                       ": found an empty prnr or isnr, expected proposal and issue identifiers");
    }
    auto [found, inserted] = scenario_of_proposal.emplace(proposal, scenarios.size());
    if (inserted) {
      Scenario scenario;
      scenario.name = proposal;
      scenario.description = fields[columns.proposal_name].text;
      scenario.sources = {
          "DEU I+II+III: Thomson, Stokman, Achen & Koenig (eds.) 2006, The European Union Decides; "
          "Thomson et al. 2012; Arregui & Perarnaud 2022, doi:10.34810/data53"};
      for (const std::string& code : columns.actors) {
        double capability = 1.0;
        if (options.capability == "votes") {
          auto votes = kCouncilVotes.find(code);
          capability = votes == kCouncilVotes.end() ? 1.0 : votes->second;
        }
        scenario.actors.push_back(Actor{code, "", Estimate(capability)});
      }
      scenarios.push_back(std::move(scenario));
    }
    Scenario& scenario = scenarios[found->second];
    if (scenario.IssueIndex(issue_name) >= 0) {
      throw InputError(file_name + ":" + std::to_string(line) + ":" +
                       std::to_string(fields[columns.issue].column) + ": found issue '" +
                       issue_name + "' of proposal '" + proposal +
                       "' a second time, expected each isnr once per proposal");
    }
    Issue issue;
    issue.name = issue_name;
    issue.description = scenario.description + " (" + issue_name + ")";
    if (auto value = Cell(fields, columns.reference_point, "rp", file_name, line);
        value && *value >= 0 && *value <= 100) {
      issue.reference_point = Estimate(*value);
    }
    if (auto value = Cell(fields, columns.outcome, "out", file_name, line);
        value && *value >= 0 && *value <= 100) {
      issue.known_outcome = Estimate(*value);
    }
    std::vector<std::optional<Stake>> stakes(columns.actors.size());
    bool any = false;
    for (std::size_t a = 0; a < columns.actors.size(); ++a) {
      const auto position =
          Cell(fields, columns.positions[a], "p" + columns.actors[a], file_name, line);
      const auto salience =
          Cell(fields, columns.saliences[a], "s" + columns.actors[a], file_name, line);
      if (!position || !salience) continue;
      auto out_of_range = [&](int column, const std::string& what) {
        throw InputError(file_name + ":" + std::to_string(line) + ":" +
                         std::to_string(fields[column].column) + ": " + what + ": found " +
                         fields[column].text + ", expected a value in [0, 100] or 999");
      };
      if (*position < 0 || *position > 100) {
        out_of_range(columns.positions[a], "p" + columns.actors[a]);
      }
      if (*salience < 0 || *salience > 100) {
        out_of_range(columns.saliences[a], "s" + columns.actors[a]);
      }
      stakes[a] = Stake{Estimate(*position), Estimate(*salience / 100.0), std::nullopt, ""};
      any = true;
    }
    // An issue on which nobody has both a position and a salience carries nothing to model.
    if (!any) continue;
    // Append the issue: stakes are actor-major, so rebuild the stake table with one more column.
    const int old_issue_count = scenario.IssueCount();
    std::vector<std::optional<Stake>> grown;
    grown.reserve(scenario.actors.size() * (old_issue_count + 1));
    for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
      for (int i = 0; i < old_issue_count; ++i) {
        grown.push_back(std::move(scenario.stakes[a * old_issue_count + i]));
      }
      grown.push_back(std::move(stakes[a]));
    }
    scenario.issues.push_back(std::move(issue));
    scenario.stakes = std::move(grown);
  }
  // Drop proposals left without issues, and actors without any stake in their proposal.
  std::vector<Scenario> result;
  for (Scenario& scenario : scenarios) {
    if (scenario.issues.empty()) continue;
    Scenario trimmed;
    trimmed.name = scenario.name;
    trimmed.description = scenario.description;
    trimmed.sources = scenario.sources;
    trimmed.salience_scale = 100.0;  // DEU codes saliences on 0-100
    trimmed.issues = scenario.issues;
    std::vector<int> kept;
    for (int a = 0; a < scenario.ActorCount(); ++a) {
      bool any = false;
      for (int i = 0; i < scenario.IssueCount(); ++i) any = any || scenario.HasStake(a, i);
      if (any) kept.push_back(a);
    }
    for (int a : kept) trimmed.actors.push_back(scenario.actors[a]);
    trimmed.ResizeStakes();
    for (std::size_t k = 0; k < kept.size(); ++k) {
      for (int i = 0; i < scenario.IssueCount(); ++i) {
        if (scenario.HasStake(kept[k], i)) {
          trimmed.SetStake(static_cast<int>(k), i, scenario.StakeOf(kept[k], i));
        }
      }
    }
    try {
      trimmed.Validate();
    } catch (const InputError& error) {
      // The rows were checked with their lines above; this names the file and proposal at least.
      throw InputError(file_name + ": proposal '" + trimmed.name + "': " + error.what());
    }
    result.push_back(std::move(trimmed));
  }
  return result;
}

}  // namespace statecraft
