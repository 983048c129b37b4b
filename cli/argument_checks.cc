#include "cli/argument_checks.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include "statecraft/app/outcome.h"
#include "statecraft/io/csv.h"

namespace statecraft::cli {
namespace {

// Values are quoted in messages cut to this many characters (a pasted file is not echoed whole).
constexpr std::size_t kQuotedLength = 40;

// "found -1" for a number, as the request layer shows a JSON number (so that `--seed -1` and
// {"seed": -1} give one message), else "found 'text'", cut.
std::string Found(const std::string& value) {
  if (ParseNumber(value)) return "found " + value;
  const std::string shown =
      value.size() > kQuotedLength ? value.substr(0, kQuotedLength) + "..." : value;
  return "found '" + shown + "'";
}

bool AllDigits(const std::string& text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The digits without leading zeros ("0" stays "0"), so that CLI11's base-0 reading of "010"
// cannot make it octal.
std::string WithoutLeadingZeros(const std::string& digits) {
  const std::size_t first = digits.find_first_not_of('0');
  return first == std::string::npos ? "0" : digits.substr(first);
}

// True when the decimal `digits` (no leading zeros) are at most `limit`.
bool AtMost(const std::string& digits, std::uint64_t limit) {
  const std::string limit_text = std::to_string(limit);
  if (digits.size() != limit_text.size()) return digits.size() < limit_text.size();
  return digits <= limit_text;
}

std::string CheckUnsigned(std::string& value) {
  constexpr std::uint64_t kLargest = std::numeric_limits<std::uint64_t>::max();
  const std::string digits = AllDigits(value) ? WithoutLeadingZeros(value) : "";
  if (digits.empty() || !AtMost(digits, kLargest)) {
    return Found(value) + ", expected a whole number from 0 to " + std::to_string(kLargest);
  }
  value = digits;
  return "";
}

std::string CheckSigned(std::string& value) {
  constexpr std::int64_t kLargest = std::numeric_limits<std::int64_t>::max();
  const bool negative = !value.empty() && value[0] == '-';
  const std::string magnitude = negative ? value.substr(1) : value;
  if (!AllDigits(magnitude)) {
    return Found(value) + ", expected a whole number in decimal digits (for example 10 or -3)";
  }
  const std::string digits = WithoutLeadingZeros(magnitude);
  // The most negative value's magnitude is one more than the largest.
  const std::uint64_t limit = static_cast<std::uint64_t>(kLargest) + (negative ? 1 : 0);
  if (!AtMost(digits, limit)) {
    return Found(value) + ", expected a whole number from " +
           std::to_string(std::numeric_limits<std::int64_t>::min()) + " to " +
           std::to_string(kLargest);
  }
  value = (negative && digits != "0" ? "-" : "") + digits;
  return "";
}

// A finite decimal number (ParseNumber: no nan, inf, hexadecimal or surrounding spaces).
std::string CheckDecimal(const std::string& value) {
  if (!ParseNumber(value)) {
    return Found(value) + ", expected a finite decimal number (for example 2.5 or 1e-3)";
  }
  return "";
}

void Install(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    if (option->get_type_size_min() == 0) continue;  // a flag takes no value
    std::string type = option->get_type_name();
    type = type.substr(0, type.find(':'));
    // The option as the request layer names its field: "--runners-up" → "runners-up", the
    // positional "file" as is. The failure is thrown as InputError rather than returned to CLI11,
    // whose message would put the option's dashes before ours; main() prints it as any input
    // error, so the message equals the API's where both can meet the value. A transform, not a
    // check: it runs before the option's own checks, and CLI11 keeps the rewritten value.
    const std::string& name = option->get_name();
    const std::string key = name.substr(name.find_first_not_of('-'));
    option->transform(CLI::Validator(
        [type, key](std::string& value) {
          const std::string failure = CheckArgument(type, value);
          if (!failure.empty()) app::FailField(key, failure);
          return std::string();
        },
        ""));
  }
  for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
    Install(*command);
  }
}

}  // namespace

std::string CheckArgument(const std::string& type, std::string& value) {
  if (value.empty()) return "found an empty value, expected a value (see --help)";
  if (type == "UINT") return CheckUnsigned(value);
  if (type == "INT") return CheckSigned(value);
  if (type == "FLOAT") return CheckDecimal(value);
  return "";
}

void RequireStrictArguments(CLI::App& app) { Install(app); }

}  // namespace statecraft::cli
