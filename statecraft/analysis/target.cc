#include "statecraft/analysis/target.h"

#include <cmath>
#include <cstdlib>
#include <optional>

#include "statecraft/core/error.h"
#include "statecraft/core/number_text.h"
#include "statecraft/core/spelling.h"

namespace statecraft {
namespace {

std::string Trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  const auto end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

// The whole text as a finite number, or nullopt.
std::optional<double> ParseWholeNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

Target ParseTarget(const Scenario& scenario, const std::string& text) {
  const std::string expected =
      "expected ISSUE<=VALUE or ISSUE>=VALUE (for example \"" +
      (scenario.issues.empty() ? std::string("issue") : scenario.issues.front().name) + "<=25\")";
  const auto at = text.find_first_of("<>");
  if (at == std::string::npos) {
    throw InputError("target \"" + text + "\": no comparison found, " + expected);
  }
  Target target;
  target.at_most = text[at] == '<';
  std::size_t value_start = at + 1;
  if (value_start < text.size() && text[value_start] == '=') ++value_start;
  const std::string issue_name = Trim(text.substr(0, at));
  const std::string value_text = Trim(text.substr(value_start));
  if (issue_name.empty()) throw InputError("target \"" + text + "\": no issue named, " + expected);
  target.issue = scenario.IssueIndex(issue_name);
  if (target.issue < 0) {
    std::string names;
    std::vector<std::string> known;
    for (const Issue& issue : scenario.issues) {
      names += (names.empty() ? "" : ", ") + issue.name;
      known.push_back(issue.name);
    }
    throw InputError("target \"" + text + "\": unknown issue '" + issue_name + "'; " +
                     DidYouMean(issue_name, known) + "issues: " + names);
  }
  const std::optional<double> value = ParseWholeNumber(value_text);
  if (!value) {
    throw InputError("target \"" + text + "\": found '" + value_text + "' after the comparison, " +
                     expected);
  }
  target.value = *value;
  target.text = issue_name + (target.at_most ? "<=" : ">=") + value_text;
  return target;
}

void CheckProbability(double probability) {
  if (!(probability > 0.0 && probability <= 1.0)) {
    throw InputError("probability: found " + NumberText(probability) +
                     ", expected a probability in (0, 1], for example 0.8");
  }
}

}  // namespace statecraft
