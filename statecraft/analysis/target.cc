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

// The whole text as a finite decimal number — [+-] digits [. digits] [e [+-] digits], at least
// one digit before the exponent — or nullopt: no hexadecimal ("0x10"), "inf", "nan", spaces or
// other trailing text, which strtod alone would accept or half-read.
std::optional<double> ParseDecimal(const std::string& text) {
  std::size_t at = 0;
  auto digits = [&] {
    const std::size_t start = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    return at - start;
  };
  if (at < text.size() && (text[at] == '+' || text[at] == '-')) ++at;
  std::size_t mantissa = digits();
  if (at < text.size() && text[at] == '.') {
    ++at;
    mantissa += digits();
  }
  if (mantissa == 0) return std::nullopt;
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    ++at;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) ++at;
    if (digits() == 0) return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;
  const double value = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

Target ParseTarget(const Scenario& scenario, const std::string& text) {
  const std::string example =
      scenario.issues.empty() ? std::string("issue") : scenario.issues.front().name;
  const std::string grammar =
      "expected ISSUE<=VALUE, ISSUE>=VALUE, ISSUE<VALUE or ISSUE>VALUE "
      "(for example \"" +
      example + "<=25\")";
  const std::string what = "target \"" + text + "\": ";
  if (Trim(text).empty()) throw InputError(what + "found nothing, " + grammar);
  const auto at = text.find_first_of("<>");
  if (at == std::string::npos) throw InputError(what + "found no comparison, " + grammar);
  Target target;
  target.at_most = text[at] == '<';
  std::size_t value_start = at + 1;
  target.strict = !(value_start < text.size() && text[value_start] == '=');
  if (!target.strict) ++value_start;
  const std::string comparison = text.substr(at, value_start - at);
  const std::string issue_name = Trim(text.substr(0, at));
  const std::string value_text = Trim(text.substr(value_start));
  if (issue_name.empty()) {
    throw InputError(what + "found no issue before '" + comparison + "', " + grammar);
  }
  target.issue = scenario.IssueIndex(issue_name);
  if (target.issue < 0) {
    std::string names;
    std::vector<std::string> known;
    for (const Issue& issue : scenario.issues) {
      names += (names.empty() ? "" : ", ") + issue.name;
      known.push_back(issue.name);
    }
    throw InputError(what + "unknown issue '" + issue_name + "'; " + DidYouMean(issue_name, known) +
                     "issues: " + names);
  }
  const Issue& issue = scenario.issues[target.issue];
  const std::optional<double> value = ParseDecimal(value_text);
  if (!value) {
    throw InputError(what + "found '" + value_text + "' after '" + comparison +
                     "', expected a decimal number such as 25, -2.5 or 1e3");
  }
  if (*value < issue.scale_low || *value > issue.scale_high) {
    throw InputError(what + "found " + value_text + ", expected a value on the scale of '" +
                     issue.name + "', [" + NumberText(issue.scale_low) + ", " +
                     NumberText(issue.scale_high) + "]");
  }
  target.value = *value;
  target.text = issue_name + comparison + value_text;
  return target;
}

void CheckProbability(double probability) {
  if (!(probability > 0.0 && probability <= 1.0)) {
    throw InputError("probability: found " + NumberText(probability) +
                     ", expected a probability in (0, 1], for example 0.8");
  }
}

}  // namespace statecraft
