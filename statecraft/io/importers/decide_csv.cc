#include "statecraft/io/importers/decide_csv.h"

#include <algorithm>
#include <map>
#include <optional>

#include "statecraft/core/error.h"
#include "statecraft/core/number_text.h"
#include "statecraft/io/csv.h"
#include "statecraft/io/text_file.h"

namespace statecraft {
namespace {

// Strips blanks and one pair of surrounding quotes from the start of a line, returning the tag
// ("#A") and the offset just past it, or nullopt when the line does not start with a tag.
std::optional<std::pair<std::string, std::size_t>> LeadingTag(const std::string& line) {
  std::size_t k = 0;
  while (k < line.size() && (line[k] == ' ')) ++k;
  char quote = 0;
  if (k < line.size() && (line[k] == '\'' || line[k] == '"')) quote = line[k++];
  if (k + 1 >= line.size() || line[k] != '#') return std::nullopt;
  std::string tag = line.substr(k, 2);
  k += 2;
  if (quote != 0) {
    if (k >= line.size() || line[k] != quote) return std::nullopt;
    ++k;
  }
  return std::make_pair(tag, k);
}

bool IsKnownTag(const std::string& tag) {
  return tag == "#A" || tag == "#P" || tag == "#M" || tag == "#D" || tag == "#/" || tag == "#O" ||
         tag == "#0";
}

bool IsBlankLine(const std::string& line) {
  return std::all_of(line.begin(), line.end(), [](char c) {
    return c == ' ' || c == '\t' || c == ';' || c == ',' || c == '\r';
  });
}

std::string Where(const std::string& file_name, int line_number, int column = 0) {
  std::string where = file_name + ":" + std::to_string(line_number);
  if (column > 0) where += ":" + std::to_string(column);
  return where;
}

struct Row {
  int line_number = 0;
  std::string tag;
  std::vector<CsvField> fields;  // after the tag, trailing empty fields removed
  int end_column = 1;            // column just past the line, for "missing field" errors
};

// Drops trailing empty fields, then joins fields beyond `count` into the last one (Decide's
// reader.squash), so that free text containing the delimiter survives.
void Squash(std::vector<CsvField>& fields, std::size_t count, char delimiter) {
  while (!fields.empty() && fields.back().text.empty() && !fields.back().quoted) {
    fields.pop_back();
  }
  if (fields.size() <= count) return;
  for (std::size_t k = count; k < fields.size(); ++k) {
    fields[count - 1].text += std::string(1, delimiter) + fields[k].text;
  }
  fields.resize(count);
}

const CsvField& RequireField(const Row& row, std::size_t index, const std::string& what,
                             const std::string& file_name) {
  if (index < row.fields.size() && !row.fields[index].text.empty()) return row.fields[index];
  const int column = index < row.fields.size() ? row.fields[index].column : row.end_column;
  throw InputError(Where(file_name, row.line_number, column) + ": found no " + what + " in a " +
                   row.tag + " row, expected " + what);
}

double NumberField(const Row& row, std::size_t index, const std::string& what, char delimiter,
                   const std::string& file_name) {
  const CsvField& field = RequireField(row, index, what, file_name);
  if (auto value = ParseNumber(field.text)) return *value;
  // The R prototype's semicolon files write decimals with a comma.
  if (delimiter == ';' && field.text.find(',') != std::string::npos) {
    std::string text = field.text;
    std::replace(text.begin(), text.end(), ',', '.');
    if (auto value = ParseNumber(text)) return *value;
  }
  return RequireNumber(field, what, file_name, row.line_number);
}

struct DataRow {
  int line_number;
  int actor;
  int issue;
  double position;
  double salience;
  double power;
  int position_column;
  int salience_column;
  int power_column;
};

// Reads a Decide file in stages: rows and the delimiter, names (#O, #A, #P), scales (#M), data
// (#D), stakes. Every error names the file, line and column.
class DecideReader {
 public:
  explicit DecideReader(const std::string& file_name) : file_name_(file_name) {}

  Scenario Read(const std::string& text) {
    SplitRows(text);
    ReadNames();
    ReadScales();
    ReadData();
    SetStakes();
    try {
      scenario_.Validate();
    } catch (const InputError& error) {
      // The rows above check what Validate checks, with lines; this names the file at least.
      throw InputError(file_name_ + ": " + error.what());
    }
    return std::move(scenario_);
  }

 private:
  // Every non-blank row with its tag and fields; the delimiter is the character after the first
  // tag.
  void SplitRows(const std::string& text) {
    const std::vector<std::string> lines = SplitLines(text);
    line_count_ = static_cast<int>(lines.size());
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const std::string& line = lines[k];
      const int line_number = static_cast<int>(k) + 1;
      if (IsBlankLine(line)) continue;
      const auto tag = LeadingTag(line);
      if (!tag.has_value()) {
        throw InputError(Where(file_name_, line_number, 1) + ": found '" + line.substr(0, 20) +
                         "', expected a row starting with a tag #A, #P, #M, #D, #/ or #O");
      }
      if (!IsKnownTag(tag->first)) {
        throw InputError(Where(file_name_, line_number, 1) + ": found tag '" + tag->first +
                         "', expected one of #A, #P, #M, #D, #/, #O");
      }
      if (delimiter_ == 0) {
        // The character after the first tag is the delimiter (Decide sniffs it; tab or ';').
        const char next = tag->second < line.size() ? line[tag->second] : '\t';
        if (next != '\t' && next != ';') {
          throw InputError(Where(file_name_, line_number, static_cast<int>(tag->second) + 1) +
                           ": found '" + std::string(1, next) +
                           "' after the tag, expected a tab or ';' as the field delimiter");
        }
        delimiter_ = next;
      }
      if (tag->first == "#/" || tag->first == "#0") continue;
      Row row;
      row.line_number = line_number;
      row.tag = tag->first;
      row.end_column = static_cast<int>(line.size()) + 1;
      if (tag->second < line.size()) {
        if (line[tag->second] != delimiter_) {
          throw InputError(Where(file_name_, line_number, static_cast<int>(tag->second) + 1) +
                           ": found '" + std::string(1, line[tag->second]) + "' after the tag " +
                           tag->first + ", expected the delimiter");
        }
        // Split the whole line so that columns in errors count from the line's start.
        std::vector<CsvField> fields = SplitCsvLine(line, delimiter_, file_name_, line_number);
        fields.erase(fields.begin());
        row.fields = std::move(fields);
      }
      rows_.push_back(std::move(row));
    }
  }

  // #O (the title), #A (actors) and #P (issues).
  void ReadNames() {
    // The file's stem names the scenario unless a #O row gives a title.
    std::string stem = file_name_;
    if (const auto slash = stem.find_last_of("/\\"); slash != std::string::npos) {
      stem = stem.substr(slash + 1);
    }
    if (const auto dot = stem.find('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
    scenario_.name = stem;
    scenario_.sources.push_back(file_name_);

    for (Row& row : rows_) {
      if (row.tag == "#O") {
        Squash(row.fields, 1, delimiter_);
        if (!row.fields.empty() && scenario_.description.empty()) {
          scenario_.description = row.fields[0].text;
        }
      } else if (row.tag == "#A" || row.tag == "#P") {
        Squash(row.fields, 3, delimiter_);
        const bool is_actor = row.tag == "#A";
        const std::string what = is_actor ? "actor id" : "issue id";
        const std::string id = RequireField(row, 0, what, file_name_).text;
        auto& index = is_actor ? actor_index_ : issue_index_;
        auto& first_line = is_actor ? actor_line_ : issue_line_;
        if (index.count(id) != 0) {
          throw InputError(Where(file_name_, row.line_number, row.fields[0].column) + ": found " +
                           (is_actor ? "actor" : "issue") + " '" + id + "' again (first on line " +
                           std::to_string(first_line[id]) + "), expected a new id");
        }
        std::string description = row.fields.size() > 1 ? row.fields[1].text : "";
        if (description == id) description.clear();
        if (row.fields.size() > 2 && !row.fields[2].text.empty() && row.fields[2].text != id) {
          description += (description.empty() ? "" : " — ") + row.fields[2].text;
        }
        first_line[id] = row.line_number;
        if (is_actor) {
          index[id] = scenario_.ActorCount();
          Actor actor;
          actor.name = id;
          actor.description = description;
          actor.capability = Estimate(1.0);
          scenario_.actors.push_back(std::move(actor));
        } else {
          index[id] = scenario_.IssueCount();
          Issue issue;
          issue.name = id;
          issue.description = description;
          scenario_.issues.push_back(std::move(issue));
        }
      }
    }
    // Rows that are missing are reported at the end of the file, where the reader looked last.
    const int last_line = std::max(1, line_count_);
    if (scenario_.actors.empty()) {
      throw InputError(Where(file_name_, last_line) +
                       ": reached the end of the file without an #A row, expected at least one "
                       "actor");
    }
    if (scenario_.issues.empty()) {
      throw InputError(Where(file_name_, last_line) +
                       ": reached the end of the file without a #P row, expected at least one "
                       "issue");
    }
  }

  int FindIssue(const Row& row, std::size_t field) const {
    const CsvField& id_field = RequireField(row, field, "issue id", file_name_);
    const auto found = issue_index_.find(id_field.text);
    if (found == issue_index_.end()) {
      throw InputError(Where(file_name_, row.line_number, id_field.column) + ": found issue '" +
                       id_field.text + "', expected an issue declared in a #P row");
    }
    return found->second;
  }

  // #M: labelled points of each issue's scale; their range is the scale.
  void ReadScales() {
    std::vector<std::vector<ScaleAnchor>> anchors(scenario_.issues.size());
    std::vector<int> first_anchor_line(scenario_.issues.size(), 0);
    for (Row& row : rows_) {
      if (row.tag != "#M") continue;
      Squash(row.fields, 3, delimiter_);
      const int issue = FindIssue(row, 0);
      const double value = NumberField(row, 1, "scale position", delimiter_, file_name_);
      anchors[issue].push_back({value, row.fields.size() > 2 ? row.fields[2].text : ""});
      if (first_anchor_line[issue] == 0) first_anchor_line[issue] = row.line_number;
    }
    for (std::size_t i = 0; i < scenario_.issues.size(); ++i) {
      Issue& issue = scenario_.issues[i];
      if (!anchors[i].empty()) {
        double low = anchors[i][0].value;
        double high = low;
        for (const ScaleAnchor& anchor : anchors[i]) {
          low = std::min(low, anchor.value);
          high = std::max(high, anchor.value);
        }
        if (!(low < high)) {
          throw InputError(Where(file_name_, first_anchor_line[i]) + ": issue '" + issue.name +
                           "': found #M rows spanning [" + NumberText(low) + ", " +
                           NumberText(high) + "], expected at least two different scale positions");
        }
        issue.scale_low = low;
        issue.scale_high = high;
        for (const ScaleAnchor& anchor : anchors[i]) {
          if (!anchor.meaning.empty()) issue.anchors.push_back(anchor);
        }
      }
    }
  }

  // #D: each actor's position, salience and power on an issue, checked against the scale.
  void ReadData() {
    for (Row& row : rows_) {
      if (row.tag == "#D") {
        Squash(row.fields, 6, delimiter_);
        const CsvField& actor_field = RequireField(row, 0, "actor id", file_name_);
        const auto actor = actor_index_.find(actor_field.text);
        if (actor == actor_index_.end()) {
          throw InputError(Where(file_name_, row.line_number, actor_field.column) +
                           ": found actor '" + actor_field.text +
                           "', expected an actor declared in an #A row");
        }
        DataRow entry;
        entry.line_number = row.line_number;
        entry.actor = actor->second;
        entry.issue = FindIssue(row, 1);
        entry.position = NumberField(row, 2, "position", delimiter_, file_name_);
        entry.salience = NumberField(row, 3, "salience", delimiter_, file_name_);
        entry.power = NumberField(row, 4, "power", delimiter_, file_name_);
        entry.position_column = row.fields[2].column;
        entry.salience_column = row.fields[3].column;
        entry.power_column = row.fields[4].column;
        const Issue& issue = scenario_.issues[entry.issue];
        if (entry.position < issue.scale_low || entry.position > issue.scale_high) {
          throw InputError(Where(file_name_, row.line_number, entry.position_column) +
                           ": found position " + NumberText(entry.position) + ", expected a " +
                           "position within issue '" + issue.name + "''s scale [" +
                           NumberText(issue.scale_low) + ", " + NumberText(issue.scale_high) +
                           "] (the #M rows' range)");
        }
        if (entry.salience < 0.0 || entry.salience > 100.0) {
          throw InputError(Where(file_name_, row.line_number, entry.salience_column) +
                           ": found salience " + NumberText(entry.salience) +
                           ", expected a salience in [0, 1] or [0, 100]");
        }
        if (entry.power < 0.0) {
          throw InputError(Where(file_name_, row.line_number, entry.power_column) +
                           ": found power " + NumberText(entry.power) + ", expected a power >= 0");
        }
        max_salience_ = std::max(max_salience_, entry.salience);
        max_power_ = std::max(max_power_, entry.power);
        data_.push_back(entry);
      }
    }
  }

  // One stake per #D row; saliences and powers on 0–100 become fractions.
  void SetStakes() {
    // Saliences (and powers) on 0–100 are read as percentages (docs/models/exchange.md §2.12 A1).
    const double salience_divisor = max_salience_ > 1.0 ? 100.0 : 1.0;
    const double power_divisor = max_power_ > 1.0 ? 100.0 : 1.0;
    scenario_.salience_scale = salience_divisor;
    scenario_.ResizeStakes();
    std::map<std::pair<int, int>, int> data_line;
    for (const DataRow& entry : data_) {
      const Issue& issue = scenario_.issues[entry.issue];
      const auto key = std::make_pair(entry.actor, entry.issue);
      if (const auto seen = data_line.find(key); seen != data_line.end()) {
        throw InputError(Where(file_name_, entry.line_number, 1) + ": found a second #D row for " +
                         "actor '" + scenario_.actors[entry.actor].name + "' on issue '" +
                         issue.name + "' (first on line " + std::to_string(seen->second) +
                         "), expected one row per actor and issue");
      }
      data_line[key] = entry.line_number;
      Stake stake;
      stake.position = Estimate(entry.position);
      stake.salience = Estimate(entry.salience / salience_divisor);
      stake.capability = Estimate(entry.power / power_divisor);
      scenario_.SetStake(entry.actor, entry.issue, std::move(stake));
    }
    for (int i = 0; i < scenario_.IssueCount(); ++i) {
      bool any = false;
      for (int a = 0; a < scenario_.ActorCount() && !any; ++a) any = scenario_.HasStake(a, i);
      if (!any) {
        throw InputError(Where(file_name_, issue_line_[scenario_.issues[i].name]) + ": issue '" +
                         scenario_.issues[i].name +
                         "' has no #D row, expected at least one actor position");
      }
    }
  }

  const std::string& file_name_;
  char delimiter_ = 0;
  int line_count_ = 0;
  std::vector<Row> rows_;
  Scenario scenario_;
  std::map<std::string, int> actor_index_;
  std::map<std::string, int> issue_index_;
  std::map<std::string, int> actor_line_;
  std::map<std::string, int> issue_line_;
  std::vector<DataRow> data_;
  double max_salience_ = 0.0;
  double max_power_ = 0.0;
};

}  // namespace

bool SniffDecide(const std::string& text) {
  for (const std::string& line : SplitLines(text)) {
    if (IsBlankLine(line)) continue;
    const auto tag = LeadingTag(line);
    return tag.has_value() && IsKnownTag(tag->first) && tag->second < line.size() &&
           (line[tag->second] == '\t' || line[tag->second] == ';');
  }
  return false;
}

std::vector<Scenario> ReadDecide(const std::string& text, const std::string& file_name,
                                 const ImportOptions& /*options*/) {
  return {DecideReader(file_name).Read(text)};
}

}  // namespace statecraft
