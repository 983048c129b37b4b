// Numerical properties of every registered model over random valid scenarios (rapidcheck under
// GoogleTest). Each property is one test per model, so a new model is covered by itself.
//
//   FiniteAndOnScale   every position of every round and every outcome is finite and within its
//                      issue's scale; an actor without a stake stays absent (NaN).
//   Deterministic      the same scenario and seed give the same bits; a model that declares it
//                      ignores the seed gives the same bits for another seed.
//   CapabilityScale    multiplying every capability (actors' and stakes' own) by one positive
//                      factor leaves every outcome unchanged: capabilities are relative. For the
//                      models that claim it (kCapabilityScaleFree below, with the reason).
//   AffineScale        mapping one issue's scale, positions, reference point and anchors through
//                      x -> a x + b (a > 0) maps that issue's outcome through the same map and
//                      leaves the other issues' outcomes unchanged.
//   ActorOrder         listing the actors in another order leaves every outcome unchanged; only
//                      for the models that claim it (kOrderFree below, with the reason).
//
// Tolerance: outcomes are compared after dividing by the issue's scale width; two outcomes agree
// when they differ by at most kTolerance (1e-6) of the width. The transformations are exact in
// exact arithmetic but not in floating point (a x + b rounds), and the iterative models decide
// discrete steps (who challenges whom, which bargain wins) on those rounded numbers.
//
// The number of random scenarios per property is rapidcheck's max_success, kDefaultCases here;
// the environment variable RC_PARAMS (e.g. RC_PARAMS="max_success=500 seed=7") overrides it and
// replays a reported failure.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "statecraft/analysis/run.h"
#include "statecraft/core/error.h"
#include "statecraft/models/builtin.h"

namespace statecraft {
namespace {

constexpr double kTolerance = 1e-6;
constexpr int kDefaultCases = 200;

// The models whose outcome does not depend on the order in which actors are listed, and why.
// mean, median, weighted_median, compromise: each is a symmetric function of the multiset of
//   (position, weight) pairs; the weighted median sorts positions and breaks ties by position,
//   never by index.
// The others do not claim it, by their specifications (see docs/reliability.md):
//   eum      ties between equal offers go to the first proposer in input order (README,
//            "Ties go to the first proposer"), and the median's sums run in input order;
//   smp      KTAB's unique-position grouping is first-match in actor order and its PCE
//            resolution sums in actor order (README, "Win probabilities");
//   exchange candidates are listed, and equal gains broken, in actor input order
//   (docs/models/exchange.md §2.6).
const std::set<std::string> kOrderFree = {"mean", "median", "weighted_median", "compromise"};

// The models whose outcome does not depend on the unit of capability, and why not smp: smp keeps
// KTAB's absolute floors on capability-weighted quantities (coalition strength 1e-8, challenge
// coalitions 1e-10, bargain weights 1e-6: smp_engine.cc and smp_voting.cc). Where votes are that
// small — small capabilities or saliences, or near convergence — scaling every capability changes
// how much the floors weigh; with capabilities of 0.01 a factor of 1024 moved an outcome by 5 % of
// its scale.
const std::set<std::string> kCapabilityScaleFree = {"mean",       "median", "weighted_median",
                                                    "compromise", "eum",    "exchange"};

// The models whose outcome is a closed-form, continuous-or-sorting function of the inputs (the
// baselines): their invariances hold within rounding for any factor and affine map. The other
// models iterate discrete choices — who challenges whom (eum), which bargain wins (smp), which
// exchange is realised (exchange) — taken by comparing rounded numbers, often near ties; a
// transformation that is exact on paper but rounds differently by one ulp can flip such a choice
// and change the path. Their invariances are checked on transformations computed exactly
// (RandomScenario(true) and powers of two), which is what the models claim.
const std::set<std::string> kLinear = {"mean", "median", "weighted_median", "compromise"};

// Sets rapidcheck's default case count unless the user chose one; rapidcheck reads RC_PARAMS
// once, on the first check.
void ConfigureCases() {
  const std::string params = "max_success=" + std::to_string(kDefaultCases);
  setenv("RC_PARAMS", params.c_str(), /*overwrite=*/0);
}

// One random valid scenario: 2–12 actors, 1–4 issues with arbitrary finite scales (negative,
// tiny and wide ones), positions that often sit on shared values (the ends, the midpoint: real
// data are full of ties), saliences in [0, 1] including 0, capabilities including 0 and
// issue-specific ones, and missing stakes — every issue keeps at least two actors with a stake.
//
// Dyadic scenarios (`dyadic` true) put scale bounds on multiples of 1/8 and positions on
// multiples of 1/1024 of the width: then x -> a x + b with a a power of two and b a multiple of
// 1/8, and capabilities times a power of two, are computed exactly, so a transformed scenario is
// the exact image of the original and the invariances can be checked without the rounding noise
// that flips the iterative models' near-ties (see kLinear).
rc::Gen<Scenario> RandomScenario(bool dyadic = false) {
  return rc::gen::exec([dyadic] {
    Scenario scenario;
    scenario.name = "random";
    const int actor_count = *rc::gen::inRange(2, 13);
    const int issue_count = *rc::gen::inRange(1, 5);
    for (int a = 0; a < actor_count; ++a) {
      Actor actor;
      actor.name = "actor" + std::to_string(a);
      const int kind = *rc::gen::inRange(0, 10);
      actor.capability = kind == 0 ? 0.0 : *rc::gen::inRange(1, 100001) / 100.0;
      scenario.actors.push_back(actor);
    }
    for (int i = 0; i < issue_count; ++i) {
      Issue issue;
      issue.name = "issue" + std::to_string(i);
      const int scale_kind = *rc::gen::inRange(0, 4);
      if (scale_kind == 0) {
        issue.scale_low = 0.0;
        issue.scale_high = 100.0;
      } else if (scale_kind == 1) {
        issue.scale_low = -1.0;
        issue.scale_high = 1.0;
      } else if (dyadic) {
        issue.scale_low = *rc::gen::inRange(-10000, 10000) / 8.0;
        issue.scale_high = issue.scale_low + *rc::gen::inRange(1, 20001) / 8.0;
      } else {
        issue.scale_low = *rc::gen::inRange(-100000, 100000) / 100.0;
        const double width = *rc::gen::inRange(1, 200001) / 100.0;
        issue.scale_high = issue.scale_low + width;
      }
      scenario.issues.push_back(issue);
    }
    scenario.ResizeStakes();
    for (int i = 0; i < issue_count; ++i) {
      const Issue& issue = scenario.issues[i];
      const double width = issue.scale_high - issue.scale_low;
      // Two actors drawn at random always hold a stake; the others may not.
      const int first = *rc::gen::inRange(0, actor_count);
      const int second = (first + *rc::gen::inRange(1, actor_count)) % actor_count;
      for (int a = 0; a < actor_count; ++a) {
        const bool required = a == first || a == second;
        if (!required && *rc::gen::inRange(0, 6) == 0) continue;
        Stake stake;
        const int position_kind = *rc::gen::inRange(0, 5);
        double position = 0.0;
        if (position_kind == 0) {
          position = issue.scale_low;
        } else if (position_kind == 1) {
          position = issue.scale_high;
        } else if (position_kind == 2) {
          position = issue.scale_low + 0.5 * width;
        } else {
          position = dyadic ? issue.scale_low + width * (*rc::gen::inRange(0, 1025) / 1024.0)
                            : issue.scale_low + width * (*rc::gen::inRange(0, 1001) / 1000.0);
        }
        stake.position = std::clamp(position, issue.scale_low, issue.scale_high);
        const int salience_kind = *rc::gen::inRange(0, 8);
        stake.salience = salience_kind == 0 ? 0.0 : *rc::gen::inRange(0, 101) / 100.0;
        if (*rc::gen::inRange(0, 5) == 0) {
          stake.capability = Estimate(*rc::gen::inRange(1, 10001) / 100.0);
        }
        scenario.SetStake(a, i, stake);
      }
    }
    scenario.Validate();
    return scenario;
  });
}

std::string Describe(const Scenario& scenario) {
  std::ostringstream out;
  out.precision(17);
  for (int i = 0; i < scenario.IssueCount(); ++i) {
    out << scenario.issues[i].name << " [" << scenario.issues[i].scale_low << ", "
        << scenario.issues[i].scale_high << "]\n";
  }
  for (int a = 0; a < scenario.ActorCount(); ++a) {
    out << scenario.actors[a].name << " capability " << scenario.actors[a].capability.central;
    for (int i = 0; i < scenario.IssueCount(); ++i) {
      if (!scenario.HasStake(a, i)) {
        out << " | -";
        continue;
      }
      out << " | " << scenario.Position(a, i) << " s" << scenario.Salience(a, i);
      if (scenario.StakeOf(a, i).capability) out << " c" << scenario.Capability(a, i);
    }
    out << "\n";
  }
  return out.str();
}

// A run's result, or the InputError with which the model refused the scenario.
struct Outcome {
  bool refused = false;
  std::string refusal;
  Forecast forecast;
};

Outcome RunOn(const ModelInfo& info, const Scenario& scenario, std::uint64_t seed) {
  Outcome result;
  try {
    result.forecast = RunModel(info, scenario, {}, seed);
  } catch (const InputError& error) {
    result.refused = true;
    result.refusal = error.what();
  }
  return result;
}

bool SameBits(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (std::isnan(a[k]) != std::isnan(b[k])) return false;
    if (!std::isnan(a[k]) && a[k] != b[k]) return false;
  }
  return true;
}

// Checks that `expected` (already mapped to the second scenario's scales) and `actual` agree
// within kTolerance of each issue's scale width.
void CheckOutcomesAgree(const Scenario& scenario, const std::vector<double>& expected,
                        const std::vector<double>& actual, const std::string& what,
                        double tolerance = kTolerance) {
  RC_ASSERT(expected.size() == actual.size());
  for (int i = 0; i < scenario.IssueCount(); ++i) {
    const double width = scenario.issues[i].scale_high - scenario.issues[i].scale_low;
    const double difference = std::fabs(expected[i] - actual[i]) / width;
    if (!(difference <= tolerance)) {
      std::ostringstream message;
      message.precision(17);
      message << what << ": issue " << scenario.issues[i].name << " expected " << expected[i]
              << ", got " << actual[i] << " (" << difference << " of the scale width)";
      RC_FAIL(message.str());
    }
  }
}

class ModelProperty : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { ConfigureCases(); }
  const ModelInfo& Info() const { return BuiltinModels().Get(GetParam()); }
};

TEST_P(ModelProperty, FiniteAndOnScale) {
  const ModelInfo& info = Info();
  EXPECT_TRUE(rc::check(info.name + ": finite and on scale", [&info] {
    const Scenario scenario = *RandomScenario();
    const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1000);
    RC_LOG() << Describe(scenario);
    const Outcome run = RunOn(info, scenario, seed);
    RC_TAG(run.refused ? "refused" : "ran");
    if (run.refused) {
      RC_LOG() << run.refusal;
      RC_FAIL("a valid scenario was refused");
    }
    const Forecast& forecast = run.forecast;
    RC_ASSERT(!forecast.rounds.empty());
    const int issues = scenario.IssueCount();
    auto check_outcome = [&](const std::vector<double>& outcome) {
      RC_ASSERT(static_cast<int>(outcome.size()) == issues);
      for (int i = 0; i < issues; ++i) {
        RC_ASSERT(std::isfinite(outcome[i]));
        RC_ASSERT(outcome[i] >= scenario.issues[i].scale_low);
        RC_ASSERT(outcome[i] <= scenario.issues[i].scale_high);
      }
    };
    for (const Round& round : forecast.rounds) {
      RC_ASSERT(round.positions.size() == scenario.stakes.size());
      for (int a = 0; a < scenario.ActorCount(); ++a) {
        for (int i = 0; i < issues; ++i) {
          const double position = round.positions[a * issues + i];
          if (!scenario.HasStake(a, i)) {
            RC_ASSERT(std::isnan(position));
            continue;
          }
          RC_ASSERT(std::isfinite(position));
          RC_ASSERT(position >= scenario.issues[i].scale_low);
          RC_ASSERT(position <= scenario.issues[i].scale_high);
        }
      }
      check_outcome(round.outcome);
    }
    check_outcome(forecast.outcome);
    check_outcome(forecast.ruled_outcome);
  }));
}

TEST_P(ModelProperty, Deterministic) {
  const ModelInfo& info = Info();
  EXPECT_TRUE(rc::check(info.name + ": deterministic", [&info] {
    const Scenario scenario = *RandomScenario();
    const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1000);
    RC_LOG() << Describe(scenario);
    const Outcome first = RunOn(info, scenario, seed);
    const Outcome second = RunOn(info, scenario, seed);
    RC_ASSERT(first.refused == second.refused);
    RC_ASSERT(first.refusal == second.refusal);
    if (first.refused) return;
    RC_ASSERT(first.forecast.rounds.size() == second.forecast.rounds.size());
    for (std::size_t t = 0; t < first.forecast.rounds.size(); ++t) {
      RC_ASSERT(SameBits(first.forecast.rounds[t].positions, second.forecast.rounds[t].positions));
    }
    RC_ASSERT(SameBits(first.forecast.outcome, second.forecast.outcome));
    if (!info.uses_seed) {
      const Outcome other_seed = RunOn(info, scenario, seed + 1);
      RC_ASSERT(!other_seed.refused);
      RC_ASSERT(SameBits(first.forecast.outcome, other_seed.forecast.outcome));
    }
  }));
}

// The iterative models that compute in the issue's own units rather than on a normalised scale.
// eum forms its offers (EU-weighted midpoints of positions) on the issue's scale, so an offset
// changes how many digits two nearby positions keep: on [-1, 1] two positions 2e-12 apart stay
// apart, on [-5008, -4992] they round to one, and where the model then cycles between two
// states the cycle's phase at the last round changes. Its exact case uses pure scalings (b = 0),
// under which every intermediate scales exactly. exchange and smp map each scale to 0–100 and
// [0, 1] first, so offsets are exact for them.
const std::set<std::string> kOwnUnits = {"eum"};

// Whether this case draws its transformation in exact arithmetic only (dyadic scenario, powers
// of two): always for the iterative models, half the time for the linear ones.
bool ExactArithmeticCase(const ModelInfo& info) {
  return !kLinear.count(info.name) || *rc::gen::arbitrary<bool>();
}

TEST_P(ModelProperty, CapabilityScale) {
  const ModelInfo& info = Info();
  if (!kCapabilityScaleFree.count(info.name)) {
    GTEST_SKIP() << info.name << " does not claim invariance to the capability scale (see the "
                 << "file header)";
  }
  EXPECT_TRUE(rc::check(info.name + ": invariant to scaling every capability", [&info] {
    const bool exact = ExactArithmeticCase(info);
    const Scenario scenario = *RandomScenario(exact);
    const double factor = exact ? *rc::gen::element(1.0 / 1024, 0.5, 2.0, 8.0, 1024.0)
                                : *rc::gen::element(0.001, 0.37, 3.0, 1000.0, 123456.0);
    RC_LOG() << Describe(scenario) << "factor " << factor << "\n";
    Scenario scaled = scenario;
    for (Actor& actor : scaled.actors) actor.capability.central *= factor;
    for (auto& stake : scaled.stakes) {
      if (stake && stake->capability) stake->capability->central *= factor;
    }
    const Outcome original = RunOn(info, scenario, 1);
    const Outcome transformed = RunOn(info, scaled, 1);
    RC_ASSERT(original.refused == transformed.refused);
    if (original.refused) return;
    CheckOutcomesAgree(scenario, original.forecast.outcome, transformed.forecast.outcome,
                       "capabilities scaled");
  }));
}

// Maps every number of issue `issue` that lives on its scale through x -> slope x + offset.
Scenario MapIssue(const Scenario& scenario, int issue, double slope, double offset) {
  Scenario mapped = scenario;
  auto map = [&](double x) { return slope * x + offset; };
  auto map_estimate = [&](Estimate& estimate) {
    estimate.central = map(estimate.central);
    if (estimate.low) estimate.low = map(*estimate.low);
    if (estimate.high) estimate.high = map(*estimate.high);
  };
  Issue& target = mapped.issues[issue];
  target.scale_low = map(target.scale_low);
  target.scale_high = map(target.scale_high);
  for (ScaleAnchor& anchor : target.anchors) anchor.value = map(anchor.value);
  if (target.reference_point) map_estimate(*target.reference_point);
  if (target.known_outcome) map_estimate(*target.known_outcome);
  for (int a = 0; a < mapped.ActorCount(); ++a) {
    if (!mapped.HasStake(a, issue)) continue;
    Stake& stake = mapped.MutableStake(a, issue);
    // Rounding may push an end position a hair past a mapped end; the scale ends are mapped with
    // the same rounding, so clamp onto them.
    map_estimate(stake.position);
    stake.position.central =
        std::clamp(stake.position.central, target.scale_low, target.scale_high);
  }
  return mapped;
}

TEST_P(ModelProperty, AffineScale) {
  const ModelInfo& info = Info();
  EXPECT_TRUE(rc::check(info.name + ": equivariant under an affine rescaling", [&info] {
    const bool exact = ExactArithmeticCase(info);
    const Scenario scenario = *RandomScenario(exact);
    const int issue = *rc::gen::inRange(0, scenario.IssueCount());
    const double slope = exact ? *rc::gen::element(1.0 / 128, 0.5, 2.0, 8.0, 1024.0)
                               : *rc::gen::element(0.01, 0.5, 2.0, 7.25, 1000.0);
    const double offset = exact && kOwnUnits.count(info.name)
                              ? 0.0
                              : *rc::gen::element(-5000.0, -1.5, 0.0, 3.0, 250.0);
    RC_LOG() << Describe(scenario) << "issue " << issue << ": x -> " << slope << " x + " << offset
             << "\n";
    const Scenario mapped = MapIssue(scenario, issue, slope, offset);
    mapped.Validate();
    const Outcome original = RunOn(info, scenario, 1);
    const Outcome transformed = RunOn(info, mapped, 1);
    RC_ASSERT(original.refused == transformed.refused);
    if (original.refused) return;
    std::vector<double> expected = original.forecast.outcome;
    expected[issue] = slope * expected[issue] + offset;
    CheckOutcomesAgree(mapped, expected, transformed.forecast.outcome, "issue rescaled");
  }));
}

TEST_P(ModelProperty, ActorOrder) {
  const ModelInfo& info = Info();
  if (!kOrderFree.count(info.name)) {
    GTEST_SKIP() << info.name << " does not claim invariance to actor order (see the file header)";
  }
  EXPECT_TRUE(rc::check(info.name + ": invariant to actor order", [&info] {
    const Scenario scenario = *RandomScenario();
    std::vector<int> order(scenario.ActorCount());
    std::iota(order.begin(), order.end(), 0);
    order = *rc::gen::exec([&order] {
      std::vector<int> shuffled = order;
      for (std::size_t k = shuffled.size(); k > 1; --k) {
        std::swap(shuffled[k - 1], shuffled[*rc::gen::inRange<std::size_t>(0, k)]);
      }
      return shuffled;
    });
    Scenario permuted = scenario;
    for (int a = 0; a < scenario.ActorCount(); ++a) {
      permuted.actors[a] = scenario.actors[order[a]];
      for (int i = 0; i < scenario.IssueCount(); ++i) {
        permuted.stakes[a * scenario.IssueCount() + i] =
            scenario.stakes[order[a] * scenario.IssueCount() + i];
      }
    }
    RC_LOG() << Describe(scenario);
    const Outcome original = RunOn(info, scenario, 1);
    const Outcome transformed = RunOn(info, permuted, 1);
    RC_ASSERT(original.refused == transformed.refused);
    if (original.refused) return;
    CheckOutcomesAgree(scenario, original.forecast.outcome, transformed.forecast.outcome,
                       "actors reordered");
  }));
}

// Extreme numbers (exact_scale.h): every capability, or one issue's scale and positions, times
// 2^k with k up to ±1000 — capabilities of 1e300 or 1e-300, scales of ±1e300 — still gives finite
// outcomes on the scale, the same as the original ones (capabilities: for the models that claim
// it) or the original ones times 2^k (scales: every model), within kTolerance of the width. The
// scenarios are dyadic, so the transformation is exact.
TEST_P(ModelProperty, ExtremeCapabilities) {
  const ModelInfo& info = Info();
  EXPECT_TRUE(rc::check(info.name + ": capabilities times 2^k, |k| up to 1000", [&info] {
    const Scenario scenario = *RandomScenario(true);
    const int exponent = *rc::gen::element(-1000, -600, -300, 300, 600, 1000);
    RC_LOG() << Describe(scenario) << "capabilities times 2^" << exponent << "\n";
    Scenario scaled = scenario;
    for (Actor& actor : scaled.actors) {
      actor.capability.central = std::ldexp(actor.capability.central, exponent);
    }
    for (auto& stake : scaled.stakes) {
      if (stake && stake->capability) {
        stake->capability->central = std::ldexp(stake->capability->central, exponent);
      }
    }
    const Outcome transformed = RunOn(info, scaled, 1);
    RC_ASSERT(!transformed.refused);
    for (int i = 0; i < scenario.IssueCount(); ++i) {
      const double outcome = transformed.forecast.outcome[i];
      RC_ASSERT(std::isfinite(outcome));
      RC_ASSERT(outcome >= scenario.issues[i].scale_low);
      RC_ASSERT(outcome <= scenario.issues[i].scale_high);
    }
    if (!kCapabilityScaleFree.count(info.name)) return;
    const Outcome original = RunOn(info, scenario, 1);
    CheckOutcomesAgree(scenario, original.forecast.outcome, transformed.forecast.outcome,
                       "capabilities times 2^" + std::to_string(exponent));
  }));
}

TEST_P(ModelProperty, ExtremeScales) {
  const ModelInfo& info = Info();
  EXPECT_TRUE(rc::check(info.name + ": one issue's scale times 2^k, |k| up to 1000", [&info] {
    const Scenario scenario = *RandomScenario(true);
    const int issue = *rc::gen::inRange(0, scenario.IssueCount());
    // 2^1010 · 1250 (the largest dyadic scale bound) is below the largest double, 1.8e308.
    const int exponent = *rc::gen::element(-1000, -600, -300, 300, 600, 1010);
    const double slope = std::ldexp(1.0, exponent);
    RC_LOG() << Describe(scenario) << "issue " << issue << " times 2^" << exponent << "\n";
    const Scenario mapped = MapIssue(scenario, issue, slope, 0.0);
    mapped.Validate();
    const Outcome original = RunOn(info, scenario, 1);
    const Outcome transformed = RunOn(info, mapped, 1);
    RC_ASSERT(!original.refused);
    RC_ASSERT(!transformed.refused);
    std::vector<double> expected = original.forecast.outcome;
    expected[issue] *= slope;
    for (int i = 0; i < mapped.IssueCount(); ++i) {
      RC_ASSERT(std::isfinite(transformed.forecast.outcome[i]));
    }
    CheckOutcomesAgree(mapped, expected, transformed.forecast.outcome,
                       "issue times 2^" + std::to_string(exponent));
  }));
}

std::vector<std::string> ModelNames() {
  std::vector<std::string> names;
  for (const ModelInfo& info : BuiltinModels().models()) names.push_back(info.name);
  return names;
}

INSTANTIATE_TEST_SUITE_P(EveryModel, ModelProperty, testing::ValuesIn(ModelNames()),
                         [](const testing::TestParamInfo<std::string>& param) {
                           return param.param;
                         });

}  // namespace
}  // namespace statecraft
