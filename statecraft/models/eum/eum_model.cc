// The registered eum model: its parameters (docs/models/eum.md §4), runs over every issue of a
// scenario, and the run's output (statecraft/models/eum/README.md, "Output").
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "statecraft/core/error.h"
#include "statecraft/core/registry.h"
#include "statecraft/models/eum/eum.h"
#include "statecraft/models/eum/eum_outcome_cache.h"

namespace statecraft {
namespace {

template <typename Enum>
Enum ChoiceOf(const ParamValues& params, const std::string& name,
              const std::vector<std::pair<std::string, Enum>>& table) {
  const std::string& text = params.GetChoice(name);
  for (const auto& [choice, value] : table) {
    if (choice == text) return value;
  }
  return table.front().second;
}

EumOptions OptionsFrom(const ParamValues& params) {
  EumOptions options;
  options.probability = ChoiceOf<EumProbability>(
      params, "probability",
      {{"global", EumProbability::kGlobal}, {"pair", EumProbability::kPair}});
  options.probability_risk = ChoiceOf<EumProbabilityRisk>(
      params, "probability_risk",
      {{"voter", EumProbabilityRisk::kVoter}, {"linear", EumProbabilityRisk::kLinear}});
  options.perspective = ChoiceOf<EumPerspective>(
      params, "perspective", {{"mover", EumPerspective::kMover}, {"own", EumPerspective::kOwn}});
  options.compromise_key = ChoiceOf<EumCompromiseKey>(
      params, "compromise_key",
      {{"midpoint", EumCompromiseKey::kMidpoint}, {"least", EumCompromiseKey::kLeast}});
  options.capitulation = params.GetBoolean("capitulation");
  options.q = params.GetNumber("q");
  options.range = ChoiceOf<EumRange>(
      params, "range", {{"fixed", EumRange::kFixed}, {"dynamic", EumRange::kDynamic}});
  options.rounds = static_cast<int>(params.GetInteger("rounds"));
  options.stop = ChoiceOf<EumStop>(params, "stop",
                                   {{"fixed_rounds", EumStop::kFixedRounds},
                                    {"fixed_point", EumStop::kFixedPoint},
                                    {"cycle", EumStop::kCycle},
                                    {"average", EumStop::kAverage}});
  options.epsilon = params.GetNumber("epsilon");
  return options;
}

class EumModel : public Model {
 public:
  explicit EumModel(EumOptions options) : options_(options) {}

  Forecast Run(const Scenario& scenario, std::uint64_t /*seed*/) const override {
    const int issue_count = scenario.IssueCount();
    std::vector<std::vector<int>> members;
    std::vector<EumIssueResult> results;
    RunIssues(scenario, members, results);
    int round_count = 0;
    for (const EumIssueResult& result : results) {
      round_count = std::max(round_count, static_cast<int>(result.rounds.size()));
    }

    Forecast forecast;
    Round initial;
    initial.positions = InputPositions(scenario);
    Detail initial_means = Detail::MakeObject();
    for (int issue = 0; issue < issue_count; ++issue) {
      initial.outcome.push_back(results[issue].initial_median);
      initial_means.Set(scenario.issues[issue].name, results[issue].initial_mean);
    }
    initial.detail.Set("mean", std::move(initial_means));
    forecast.rounds.push_back(std::move(initial));

    for (int t = 1; t <= round_count; ++t) {
      Round round;
      round.positions = forecast.rounds.back().positions;
      round.outcome = forecast.rounds.back().outcome;
      Detail means = Detail::MakeObject();
      Detail risk_exponents = Detail::MakeObject();
      Detail offers = Detail::MakeList();
      for (int issue = 0; issue < issue_count; ++issue) {
        const EumIssueResult& result = results[issue];
        const std::vector<int>& actors = members[issue];
        if (t > static_cast<int>(result.rounds.size())) {
          // This issue stopped earlier: its state is carried over unchanged.
          const double mean =
              result.rounds.empty() ? result.initial_mean : result.rounds.back().mean;
          means.Set(scenario.issues[issue].name, mean);
          risk_exponents.Set(scenario.issues[issue].name, Detail());
          continue;
        }
        const EumRoundResult& step = result.rounds[t - 1];
        for (std::size_t k = 0; k < actors.size(); ++k) {
          round.positions[actors[k] * issue_count + issue] = step.positions[k];
        }
        round.outcome[issue] = step.median;
        means.Set(scenario.issues[issue].name, step.mean);
        Detail risk = Detail::MakeObject();
        for (std::size_t k = 0; k < actors.size(); ++k) {
          risk.Set(scenario.actors[actors[k]].name, step.risk_exponents[k]);
        }
        risk_exponents.Set(scenario.issues[issue].name, std::move(risk));
        for (const EumOffer& offer : step.offers) {
          Detail item = Detail::MakeObject();
          item.Set("issue", scenario.issues[issue].name);
          item.Set("mover", scenario.actors[actors[offer.mover]].name);
          item.Set("proposer", scenario.actors[actors[offer.proposer]].name);
          item.Set("kind", EumOfferKindName(offer.kind));
          item.Set("new_position", offer.new_position);
          item.Set("eu_mover", offer.eu_mover);
          item.Set("eu_proposer", offer.eu_proposer);
          offers.Append(std::move(item));
        }
      }
      round.detail.Set("mean", std::move(means));
      round.detail.Set("risk_exponents", std::move(risk_exponents));
      round.detail.Set("offers", std::move(offers));
      forecast.rounds.push_back(std::move(round));
    }
    SetOutcomes(results, forecast);

    Detail stopping = Detail::MakeObject();
    for (int issue = 0; issue < issue_count; ++issue) {
      const EumIssueResult& result = results[issue];
      Detail item = Detail::MakeObject();
      item.Set("range", result.range);
      item.Set("rounds_run", static_cast<int>(result.rounds.size()));
      item.Set("stopped_by", result.stopped_by);
      item.Set("converged", result.converged);
      if (result.has_cycle) {
        Detail cycle = Detail::MakeObject();
        cycle.Set("period", result.cycle.period);
        cycle.Set("first_round", result.cycle.first_round);
        cycle.Set("median_min", result.cycle.median_min);
        cycle.Set("median_mean", result.cycle.median_mean);
        cycle.Set("median_max", result.cycle.median_max);
        item.Set("cycle", std::move(cycle));
      } else {
        item.Set("cycle", Detail());
      }
      if (!result.note.empty()) item.Set("note", result.note);
      stopping.Set(scenario.issues[issue].name, std::move(item));
    }
    forecast.detail.Set("stopping", std::move(stopping));
    return forecast;
  }

  // The last round of Run without the per-round detail: each issue's final positions and median
  // (an issue that stopped early keeps its last state, as Run carries it over). An issue whose
  // input was run recently (the same draw under another plan) is looked up, not rerun.
  Forecast RunOutcome(const Scenario& scenario, std::uint64_t /*seed*/) const override {
    scenario.CheckEveryIssueHasPositions();
    const int issue_count = scenario.IssueCount();
    Forecast forecast;
    Round last;
    last.positions = InputPositions(scenario);
    std::vector<int> actors;
    for (int issue = 0; issue < issue_count; ++issue) {
      const EumIssueInput input = IssueInput(scenario, issue, actors);
      EumIssueOutcome result;
      try {
        result = RunEumIssueOutcome(input, options_);
      } catch (const InputError& error) {
        throw InputError("issue '" + scenario.issues[issue].name + "': " + error.what());
      }
      if (result.moved) {
        for (std::size_t k = 0; k < actors.size(); ++k) {
          last.positions[actors[k] * issue_count + issue] = result.positions[k];
        }
        last.outcome.push_back(result.last_median);
        forecast.outcome.push_back(result.outcome);
      } else {
        last.outcome.push_back(result.initial_median);
        forecast.outcome.push_back(result.initial_median);
      }
      forecast.settlement.push_back(
          {result.settled, result.outcome_low, result.outcome_high, result.cycle_period});
    }
    forecast.rounds.push_back(std::move(last));
    return forecast;
  }

 private:
  // The forecast per issue under the stopping rule, and whether it settled.
  static void SetOutcomes(const std::vector<EumIssueResult>& results, Forecast& forecast) {
    forecast.outcome.clear();
    forecast.settlement.clear();
    for (const EumIssueResult& result : results) {
      forecast.outcome.push_back(result.rounds.empty() ? result.initial_median : result.outcome);
      forecast.settlement.push_back({result.settled, result.outcome_low, result.outcome_high,
                                     result.has_cycle ? result.cycle.period : 0});
    }
  }

  // Issue `issue`'s input: the actors with a stake, in scenario order (listed in `actors`).
  static EumIssueInput IssueInput(const Scenario& scenario, int issue, std::vector<int>& actors) {
    EumIssueInput input;
    actors.clear();
    for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
      if (!scenario.HasStake(actor, issue)) continue;
      actors.push_back(actor);
      input.position.push_back(scenario.Position(actor, issue));
      input.capability.push_back(scenario.Capability(actor, issue));
      input.salience.push_back(scenario.Salience(actor, issue));
    }
    return input;
  }

  // Runs every issue on its own: `members` lists each issue's actors (those with a stake).
  void RunIssues(const Scenario& scenario, std::vector<std::vector<int>>& members,
                 std::vector<EumIssueResult>& results) const {
    scenario.CheckEveryIssueHasPositions();
    const int issue_count = scenario.IssueCount();
    members.assign(issue_count, {});
    results.assign(issue_count, {});
    for (int issue = 0; issue < issue_count; ++issue) {
      const EumIssueInput input = IssueInput(scenario, issue, members[issue]);
      try {
        results[issue] = RunEumIssue(input, options_);
      } catch (const InputError& error) {
        throw InputError("issue '" + scenario.issues[issue].name + "': " + error.what());
      }
    }
  }

  EumOptions options_;
};

ParamSpec Choice(std::string name, std::string default_value, std::vector<std::string> choices,
                 std::string description) {
  return ParamSpec{
      std::move(name),       ParamType::kChoice, std::move(default_value), std::move(choices), 0, 0,
      std::move(description)};
}

}  // namespace

void RegisterEumModel(ModelRegistry& registry) {
  registry.Add(ModelInfo{
      "eum",
      "Bueno de Mesquita's expected utility model (Scholz et al. 2011 reconstruction), per issue",
      "each round every actor weighs challenging, compromising with or giving in to every other; "
      "the forecast is where the weighted median settles",
      {
          Choice("probability", "global", {"global", "pair"},
                 "P(i beats j): one normaliser over all pairs (Scholz code) or per pair (eq. 31)"),
          Choice("probability_risk", "voter", {"voter", "linear"},
                 "votes use each voter's risk exponent (Scholz code) or plain distances"),
          Choice("perspective", "mover", {"mover", "own"},
                 "risk exponent for the rival's EU: the mover's (Scholz code) or the rival's own "
                 "(eq. 25b)"),
          Choice("compromise_key", "midpoint", {"midpoint", "least"},
                 "among compromises pick the lowest EU-weighted midpoint (Scholz code) or the "
                 "least movement"),
          ParamSpec{"capitulation",
                    ParamType::kBoolean,
                    "true",
                    {},
                    0,
                    0,
                    "whether the compel/capitulate octant moves the mover (false: jmckib code)"},
          ParamSpec{"q",
                    ParamType::kNumber,
                    "1",
                    {},
                    0.0,
                    1.0,
                    "status-quo probability Q (1.0 in Scholz's replication)"},
          Choice("range", "fixed", {"fixed", "dynamic"},
                 "issue range R: fixed from the initial positions or recomputed every round"),
          ParamSpec{"rounds",
                    ParamType::kInteger,
                    "100",
                    {},
                    1,
                    100000,
                    "rounds to run (stop=fixed_rounds), the cap (fixed_point, cycle) or the "
                    "averaging horizon (average)"},
          Choice("stop", "average", {"average", "fixed_rounds", "fixed_point", "cycle"},
                 "forecast the median's long-run mean (over its cycle, else over `rounds` "
                 "rounds; stable to +-1 round), or stop after `rounds` (the reference: "
                 "rounds=10), at a fixed point (max move <= epsilon x range), or when a state "
                 "recurs"),
          ParamSpec{"epsilon",
                    ParamType::kNumber,
                    "1e-09",
                    {},
                    0.0,
                    1.0,
                    "fixed-point tolerance as a fraction of the issue's range"},
      },
      false,
      [](const ParamValues& params) { return std::make_unique<EumModel>(OptionsFrom(params)); }});
}

}  // namespace statecraft
