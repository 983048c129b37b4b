// The conformance suite: every registered model on every scenario shipped under scenarios/ and
// tests/scenarios/. Each run must finish, be deterministic (twice the same bits), keep every
// position and outcome finite and on its issue's scale, report round 0 as the input, and —
// for models that declare they ignore the seed — not depend on the seed. A model may refuse a
// test scenario it cannot define a result for, but only with an InputError, and every model
// must run every case shipped under scenarios/ (the flagship and the gallery).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "statecraft/analysis/run.h"
#include "statecraft/core/error.h"
#include "statecraft/io/scenario_reader.h"
#include "statecraft/models/builtin.h"

namespace statecraft {
namespace {

struct Case {
  std::string model;
  std::string scenario_path;
};

// Shown by GoogleTest in place of the raw bytes of a Case.
void PrintTo(const Case& test_case, std::ostream* out) {
  *out << test_case.model << " on " << test_case.scenario_path;
}

std::vector<Case> AllCases() {
  std::vector<std::string> paths;
  for (const char* folder : {"/scenarios", "/tests/scenarios"}) {
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(STATECRAFT_SOURCE_DIR) + folder)) {
      const auto extension = entry.path().extension();
      if (extension == ".yaml" || extension == ".json") paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Case> cases;
  for (const ModelInfo& info : BuiltinModels().models()) {
    for (const auto& path : paths) cases.push_back({info.name, path});
  }
  return cases;
}

class Conformance : public testing::TestWithParam<Case> {};

bool SameBits(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (std::isnan(a[k]) != std::isnan(b[k])) return false;
    if (!std::isnan(a[k]) && a[k] != b[k]) return false;
  }
  return true;
}

TEST_P(Conformance, DeterministicFiniteAndOnScale) {
  const Case& test_case = GetParam();
  const Scenario scenario = ReadScenario(test_case.scenario_path);
  const ModelInfo& info = BuiltinModels().Get(test_case.model);
  Forecast first;
  try {
    first = RunModel(info, scenario, {}, 7);
  } catch (const InputError& error) {
    const bool shipped = test_case.scenario_path.find("/tests/scenarios/") == std::string::npos;
    EXPECT_FALSE(shipped) << "every model must run every case under scenarios/: " << error.what();
    GTEST_SKIP() << "refused with a clear error: " << error.what();
  }
  const Forecast second = RunModel(info, scenario, {}, 7);
  ASSERT_FALSE(first.rounds.empty());
  ASSERT_EQ(first.rounds.size(), second.rounds.size());
  EXPECT_TRUE(SameBits(first.outcome, second.outcome));
  EXPECT_TRUE(SameBits(first.ruled_outcome, second.ruled_outcome));
  for (std::size_t t = 0; t < first.rounds.size(); ++t) {
    EXPECT_TRUE(SameBits(first.rounds[t].positions, second.rounds[t].positions)) << "round " << t;
  }
  EXPECT_TRUE(SameBits(first.rounds[0].positions, InputPositions(scenario)));

  const int issue_count = scenario.IssueCount();
  ASSERT_EQ(static_cast<int>(first.outcome.size()), issue_count);
  for (int issue = 0; issue < issue_count; ++issue) {
    const Issue& declared = scenario.issues[issue];
    const double tolerance = 1e-9 * (declared.scale_high - declared.scale_low);
    for (double value : {first.outcome[issue], first.ruled_outcome[issue]}) {
      ASSERT_TRUE(std::isfinite(value)) << declared.name;
      EXPECT_GE(value, declared.scale_low - tolerance) << declared.name;
      EXPECT_LE(value, declared.scale_high + tolerance) << declared.name;
    }
    for (const Round& round : first.rounds) {
      ASSERT_EQ(static_cast<int>(round.outcome.size()), issue_count);
      for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
        const double position = round.positions[actor * issue_count + issue];
        if (!scenario.HasStake(actor, issue)) {
          EXPECT_TRUE(std::isnan(position)) << "absent stake reported as a position";
          continue;
        }
        ASSERT_TRUE(std::isfinite(position));
        EXPECT_GE(position, declared.scale_low - tolerance);
        EXPECT_LE(position, declared.scale_high + tolerance);
      }
    }
  }
  if (!info.uses_seed) {
    const Forecast other_seed = RunModel(info, scenario, {}, 12345);
    EXPECT_TRUE(SameBits(first.outcome, other_seed.outcome)) << "depends on the seed";
  }
}

std::string CaseName(const testing::TestParamInfo<Case>& info) {
  std::string name =
      info.param.model + "_" + std::filesystem::path(info.param.scenario_path).stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(AllModels, Conformance, testing::ValuesIn(AllCases()), CaseName);

}  // namespace
}  // namespace statecraft
