#include "statecraft/app/run_summary.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace statecraft::app {
namespace {

// Levers as recorded by AppliedLeversToJson ([{"lever", "magnitude", "cost"}]) → "L2=20+L5=10".
std::string LeversText(const Json& levers) {
  std::string text;
  for (const Json& lever : levers) {
    if (!lever.is_object() || !lever.contains("lever")) continue;
    std::string item = lever["lever"].get<std::string>();
    if (lever.contains("magnitude") && lever["magnitude"].is_number()) {
      char magnitude[32];
      std::snprintf(magnitude, sizeof(magnitude), "%g", lever["magnitude"].get<double>());
      item += std::string("=") + magnitude;
    }
    text += (text.empty() ? "" : "+") + item;
  }
  return text;
}

// The sweep's request as a saved sweep records it (saved_sweep.cc), or null.
const Json* SweepRequestOf(const StoredRun& run) {
  if (run.options.is_object() && run.options.contains("request") &&
      run.options["request"].is_object()) {
    return &run.options["request"];
  }
  return nullptr;
}

}  // namespace

std::string RunPlanText(const StoredRun& run) {
  const Json& plan = run.plan;
  if (run.kind == "optimize") {
    if (!plan.is_object() || !plan.contains("levers")) return "none found";
    const std::string levers = LeversText(plan["levers"]);
    return levers.empty() ? "baseline" : levers;
  }
  if (plan.is_null()) return "baseline";
  if (plan.is_object() && plan.contains("plan")) return plan["plan"].get<std::string>();
  if (plan.is_array() && !plan.empty() && plan.front().is_object() &&
      plan.front().contains("plan")) {
    std::string names;
    for (const Json& item : plan)
      names += (names.empty() ? "" : ", ") + item["plan"].get<std::string>();
    return names;
  }
  if (plan.is_array()) {
    const std::string levers = LeversText(plan);
    return levers.empty() ? "baseline" : levers;
  }
  return "-";
}

std::string RunTarget(const StoredRun& run) {
  const Json* holder = SweepRequestOf(run);
  const Json& options = holder != nullptr ? *holder : run.options;
  if (options.is_object() && options.contains("target") && options["target"].is_string()) {
    return options["target"].get<std::string>();
  }
  return "";
}

std::int64_t RunDraws(const StoredRun& run) {
  if (run.draws_planned > 0) return run.draws_planned;
  if (run.options.is_object() && run.options.contains("draws") &&
      run.options["draws"].is_number_integer()) {
    return run.options["draws"].get<std::int64_t>();
  }
  return 0;
}

std::string RunAge(const std::string& created_at, std::chrono::system_clock::time_point now) {
  std::tm utc{};
  if (created_at.size() < 19 ||
      std::sscanf(created_at.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &utc.tm_year, &utc.tm_mon,
                  &utc.tm_mday, &utc.tm_hour, &utc.tm_min, &utc.tm_sec) != 6) {
    return "-";
  }
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  const std::time_t created = timegm(&utc);
  const long long seconds =
      std::max<long long>(0, std::chrono::system_clock::to_time_t(now) - created);
  const auto count = [](long long value, const std::string& unit) {
    return std::to_string(value) + " " + unit + (value == 1 ? "" : "s");
  };
  if (seconds < 60) return std::to_string(seconds) + " s";
  if (seconds < 3600) return std::to_string(seconds / 60) + " min";
  if (seconds < 48 * 3600) return std::to_string(seconds / 3600) + " h";
  if (seconds < 14 * 86400) return count(seconds / 86400, "day");
  return count(seconds / (7 * 86400), "week");
}

std::string ByteSize(std::int64_t bytes) {
  if (bytes < 1000) return std::to_string(bytes) + " B";
  const char* units[] = {"kB", "MB", "GB", "TB"};
  double value = static_cast<double>(bytes) / 1000.0;
  int unit = 0;
  while (value >= 1000.0 && unit < 3) {
    value /= 1000.0;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof(text), "%.1f %s", value, units[unit]);
  return text;
}

}  // namespace statecraft::app
