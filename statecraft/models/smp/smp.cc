// The registered model "smp": Scenario ↔ SmpInput, parameters, and the run's output.
#include "statecraft/models/smp/smp.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "statecraft/core/error.h"
#include "statecraft/core/exact_scale.h"
#include "statecraft/models/smp/smp_outcome_cache.h"

namespace statecraft {
namespace {

// Parameter names and choices: KTAB's enum names (docs/models/smp.md §4.2) in snake case.
// Constant-initialised arrays, so registering the model from another file's static initialisation
// never sees them empty.
constexpr std::string_view kVictoryChoices[] = {"linear", "square", "quartic", "octic", "binary"};
constexpr std::string_view kPceChoices[] = {"conditional", "markov_incentive", "markov_uniform"};
constexpr std::string_view kTransitionChoices[] = {"deterministic", "stochastic"};
constexpr std::string_view kVotingChoices[] = {"binary",   "prop_bin", "prop",
                                               "prop_cbc", "cubic",    "asym_prosp"};
constexpr std::string_view kRiskAdjustmentChoices[] = {"none", "one_third", "half", "two_thirds",
                                                       "full"};
constexpr std::string_view kRiskRangeChoices[] = {"min", "mid", "max"};
constexpr std::string_view kCommitChoices[] = {"no_commit", "semi_commit", "full_commit"};
constexpr std::string_view kInterpolationChoices[] = {"s1p1", "s2p2", "s2pmax"};
constexpr std::string_view kBargainChoices[] = {"init_only_interp", "init_rcvr_interp",
                                                "pw_comp_interp"};
constexpr std::string_view kDimensionChoices[] = {"auto", "joint", "separate"};

// The index of a resolved choice (ResolveParams has already checked it is one of them).
int ChoiceIndex(const ParamValues& params, const std::string& name,
                std::span<const std::string_view> choices) {
  const std::string& value = params.GetChoice(name);
  return static_cast<int>(std::find(choices.begin(), choices.end(), value) - choices.begin());
}

ParamSpec Choice(const std::string& name, const std::string& default_value,
                 std::span<const std::string_view> choices, const std::string& description) {
  return ParamSpec{name,
                   ParamType::kChoice,
                   default_value,
                   std::vector<std::string>(choices.begin(), choices.end()),
                   0,
                   0,
                   description};
}

std::vector<ParamSpec> SmpParams() {
  return {
      Choice("victory_probability", "linear", kVictoryChoices,
             "KTAB VictoryProbModel: how coalition strengths become pairwise win probabilities"),
      Choice("pce", "conditional", kPceChoices,
             "KTAB PCEModel: probabilistic Condorcet election (one-step or Markov)"),
      Choice("state_transitions", "deterministic", kTransitionChoices,
             "KTAB StateTransitions: adopt the likeliest bargain, or draw one (uses the seed)"),
      Choice("voting_rule", "prop", kVotingChoices, "KTAB VotingRule of every collective vote"),
      Choice("risk_adjustment", "one_third", kRiskAdjustmentChoices,
             "KTAB BigRAdjust: how far an actor's estimate of another's risk attitude moves "
             "from its own toward the true one"),
      Choice("risk_range", "mid", kRiskRangeChoices,
             "KTAB BigRRange: range of inferred risk attitudes (min [0,1], mid [-1/2,1], "
             "max [-1,1])"),
      Choice("third_party_commit", "semi_commit", kCommitChoices,
             "KTAB ThirdPartyCommit: what a third party expects when it joins a contest"),
      Choice("bargain_interpolation", "s2p2", kInterpolationChoices,
             "KTAB InterVecBrgn: weights of the bargain's compromise point"),
      Choice("bargain_model", "init_only_interp", kBargainChoices,
             "KTAB BargnModel: whose perspective builds the bargain"),
      ParamSpec{"max_turns",
                ParamType::kInteger,
                "100",
                {},
                1,
                100000,
                "stop after this many turns (KTAB: 100)"},
      Choice("dimensions", "auto", kDimensionChoices,
             "joint: the issues are the dimensions of one policy space (KTAB); separate: one "
             "1-dimensional run per issue (per-issue capabilities, actors without stakes); auto: "
             "joint unless a stake is missing or overrides its actor's capability"),
      ParamSpec{"initial_bargains_risk_neutral",
                ParamType::kBoolean,
                "false",
                {},
                0,
                0,
                "KTAB --euSMP quirk: turn 0's bargain utilities use risk-neutral attitudes"},
  };
}

SmpConfig ConfigFrom(const ParamValues& params) {
  SmpConfig config;
  config.victory_model =
      static_cast<SmpVictoryModel>(ChoiceIndex(params, "victory_probability", kVictoryChoices));
  config.pce_model = static_cast<SmpPceModel>(ChoiceIndex(params, "pce", kPceChoices));
  config.state_transitions = static_cast<SmpStateTransitions>(
      ChoiceIndex(params, "state_transitions", kTransitionChoices));
  config.voting_rule =
      static_cast<SmpVotingRule>(ChoiceIndex(params, "voting_rule", kVotingChoices));
  config.risk_adjustment = static_cast<SmpRiskAdjustment>(
      ChoiceIndex(params, "risk_adjustment", kRiskAdjustmentChoices));
  config.risk_range =
      static_cast<SmpRiskRange>(ChoiceIndex(params, "risk_range", kRiskRangeChoices));
  config.third_party_commit =
      static_cast<SmpThirdPartyCommit>(ChoiceIndex(params, "third_party_commit", kCommitChoices));
  config.bargain_interpolation = static_cast<SmpBargainInterpolation>(
      ChoiceIndex(params, "bargain_interpolation", kInterpolationChoices));
  config.bargain_model =
      static_cast<SmpBargainModel>(ChoiceIndex(params, "bargain_model", kBargainChoices));
  config.max_iterations = static_cast<int>(params.GetInteger("max_turns"));
  config.initial_bargains_risk_neutral = params.GetBoolean("initial_bargains_risk_neutral");
  return config;
}

// One SMP run over a subset of the scenario: `actors` × `issues`, with how to map back.
struct Slice {
  std::vector<int> actors;
  std::vector<int> issues;
};

SmpInput MakeInput(const Scenario& scenario, const Slice& slice, bool per_issue_capability) {
  SmpInput input;
  input.actor_count = static_cast<int>(slice.actors.size());
  input.dimension_count = static_cast<int>(slice.issues.size());
  const int d = input.dimension_count;
  for (int a = 0; a < input.actor_count; ++a) {
    const int actor = slice.actors[a];
    input.capability.push_back(per_issue_capability ? scenario.Capability(actor, slice.issues[0])
                                                    : scenario.actors[actor].capability.central);
    double total = 0.0;
    for (int k = 0; k < d; ++k) {
      const int issue = slice.issues[k];
      const Issue& spec = scenario.issues[issue];
      const double position = scenario.Position(actor, issue);
      input.position.push_back(
          std::clamp(UnitPosition(position, spec.scale_low, spec.scale_high), 0.0, 1.0));
      input.salience.push_back(scenario.Salience(actor, issue));
      total += input.salience.back();
    }
    // KTAB needs Σ_k s_ik ≤ 1 (S_i is a probability in §4.7). Scenarios of our own format give
    // every issue its own salience in [0, 1]; scale them down when they sum past 1, which keeps
    // the distances of §4.3 (they depend on salience ratios only).
    if (total > 1.0) {
      for (int k = 0; k < d; ++k) input.salience[a * d + k] /= total;
    }
  }
  // Capabilities far from 1 (1e300, 1e-300) are brought into the band of exact_scale.h: their
  // unit is arbitrary, and KTAB's sums of votes would overflow, or fall under its fixed floors.
  const int capability_exponent = BandExponentOf(input.capability);
  for (double& capability : input.capability) {
    capability = ScaleByPowerOfTwo(capability, capability_exponent);
  }
  return input;
}

double ToScale(const Issue& issue, double unit) {
  // Rounding may carry low + 1 * (high - low) past high: held to the scale.
  return ScalePosition(unit, issue.scale_low, issue.scale_high);
}

Detail NameOrNull(const Scenario& scenario, const Slice& slice, int local) {
  if (local < 0) return Detail();
  return Detail(scenario.actors[slice.actors[local]].name);
}

Detail PositionDetail(const Scenario& scenario, const Slice& slice,
                      const std::vector<double>& unit) {
  Detail list = Detail::MakeList();
  for (std::size_t k = 0; k < slice.issues.size(); ++k) {
    list.Append(ToScale(scenario.issues[slice.issues[k]], unit[k]));
  }
  return list;
}

// Per-state detail: risk attitudes and win probabilities of the state, and, when the state led
// to another, each actor's challenge and the bargain it adopted.
Detail StateDetail(const Scenario& scenario, const Slice& slice, const SmpState& state,
                   const SmpState* previous) {
  // Sub-objects are filled before they are attached: Set may move earlier siblings.
  Detail win = Detail::MakeObject();
  Detail risk = Detail::MakeObject();
  for (std::size_t a = 0; a < slice.actors.size(); ++a) {
    const std::string& name = scenario.actors[slice.actors[a]].name;
    win.Set(name, state.win_probability[a]);
    risk.Set(name, state.risk[a]);
  }
  Detail detail = Detail::MakeObject();
  detail.Set("win_probability", std::move(win));
  detail.Set("risk_attitude", std::move(risk));
  if (previous == nullptr) return detail;
  Detail moves = Detail::MakeList();
  for (std::size_t a = 0; a < slice.actors.size(); ++a) {
    Detail move = Detail::MakeObject();
    const SmpChallenge& challenge = previous->challenges[a];
    move.Set("actor", scenario.actors[slice.actors[a]].name);
    move.Set("target", NameOrNull(scenario, slice, challenge.target));
    if (challenge.target >= 0) {
      move.Set("target_gain", challenge.gain);
      move.Set("target_win_probability", challenge.probability);
    }
    const SmpBargain& bargain = previous->accepted[a];
    Detail accepted = Detail::MakeObject();
    if (bargain.initiator < 0) {
      accepted.Set("kind", "status_quo");
    } else {
      accepted.Set("kind", bargain.initiator == static_cast<int>(a) ? "initiated" : "received");
      accepted.Set("initiator", NameOrNull(scenario, slice, bargain.initiator));
      accepted.Set("receiver", NameOrNull(scenario, slice, bargain.receiver));
      accepted.Set("initiator_position",
                   PositionDetail(scenario, slice, bargain.initiator_position));
      accepted.Set("receiver_position", PositionDetail(scenario, slice, bargain.receiver_position));
    }
    accepted.Set("probability", previous->accepted_probability[a]);
    move.Set("accepted", std::move(accepted));
    moves.Append(std::move(move));
  }
  detail.Set("moves", std::move(moves));
  return detail;
}

Detail RunDetail(const SmpHistory& history, int max_turns) {
  Detail detail = Detail::MakeObject();
  const int turns = static_cast<int>(history.states.size()) - 1;
  detail.Set("turns", turns);
  detail.Set("stopped_by", turns >= max_turns ? "max_turns" : "converged");
  Detail ratios = Detail::MakeList();
  for (double ratio : history.change_ratio) ratios.Append(ratio);
  detail.Set("change_ratio", std::move(ratios));
  return detail;
}

// Capability-weighted mean position (the documented "outcome" of each round), held to the
// interval of the positions, exact for any finite inputs (exact_scale.h).
double WeightedMean(const std::vector<double>& positions, const std::vector<double>& weights) {
  return ExactWeightedMean(positions, weights);
}

enum class DimensionMode { kAuto, kJoint, kSeparate };

// KTAB's model has one capability per actor and a position for every actor on every dimension;
// a scenario that needs more is run issue by issue in auto mode.
bool NeedsSeparateRuns(const Scenario& scenario) {
  for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      if (!scenario.HasStake(actor, issue)) return true;
      const auto& override_capability = scenario.StakeOf(actor, issue).capability;
      if (override_capability &&
          override_capability->central != scenario.actors[actor].capability.central) {
        return true;
      }
    }
  }
  return false;
}

// The runs a scenario takes: one joint run over every issue (KTAB), or one per issue.
struct RunPlan {
  bool separate = false;
  std::vector<Slice> slices;
};

RunPlan PlanRuns(const Scenario& scenario, DimensionMode mode) {
  if (scenario.ActorCount() < 1 || scenario.IssueCount() < 1) {
    throw InputError("smp: the scenario needs at least one actor and one issue");
  }
  scenario.CheckEveryIssueHasPositions();
  RunPlan plan;
  plan.separate = mode == DimensionMode::kSeparate ||
                  (mode == DimensionMode::kAuto && NeedsSeparateRuns(scenario));
  if (plan.separate) {
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      Slice slice;
      slice.issues = {issue};
      for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
        if (scenario.HasStake(actor, issue)) slice.actors.push_back(actor);
      }
      plan.slices.push_back(std::move(slice));
    }
    return plan;
  }
  Slice slice;
  for (int issue = 0; issue < scenario.IssueCount(); ++issue) slice.issues.push_back(issue);
  for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      if (!scenario.HasStake(actor, issue)) {
        throw InputError("smp: actor '" + scenario.actors[actor].name +
                         "' has no stake on issue '" + scenario.issues[issue].name +
                         "'; with dimensions=joint every actor needs a position on every "
                         "issue (use dimensions=separate or auto for one run per issue)");
      }
    }
    slice.actors.push_back(actor);
  }
  plan.slices.push_back(std::move(slice));
  return plan;
}

// Writes a slice's positions on KTAB's scale (actor-major over the slice) into a round's
// positions on each issue's own scale.
void PlaceSlice(const Scenario& scenario, const Slice& slice, const std::vector<double>& unit,
                std::vector<double>& positions) {
  const int issue_count = scenario.IssueCount();
  const int d = static_cast<int>(slice.issues.size());
  for (std::size_t a = 0; a < slice.actors.size(); ++a) {
    for (int k = 0; k < d; ++k) {
      const int issue = slice.issues[k];
      positions[slice.actors[a] * issue_count + issue] =
          ToScale(scenario.issues[issue], unit[a * d + k]);
    }
  }
}

// A round's outcome: the capability-weighted mean position per issue.
std::vector<double> RoundOutcome(const Scenario& scenario, bool separate,
                                 const std::vector<double>& round_positions) {
  const int issue_count = scenario.IssueCount();
  std::vector<double> outcome(issue_count, std::numeric_limits<double>::quiet_NaN());
  std::vector<double> positions;
  std::vector<double> weights;
  for (int issue = 0; issue < issue_count; ++issue) {
    positions.clear();
    weights.clear();
    for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
      if (!scenario.HasStake(actor, issue)) continue;
      positions.push_back(round_positions[actor * issue_count + issue]);
      weights.push_back(separate ? scenario.Capability(actor, issue)
                                 : scenario.actors[actor].capability.central);
    }
    if (!positions.empty()) outcome[issue] = WeightedMean(positions, weights);
  }
  return outcome;
}

class SmpModel : public Model {
 public:
  SmpModel(SmpConfig config, DimensionMode mode) : config_(config), mode_(mode) {}

  Forecast Run(const Scenario& scenario, std::uint64_t seed) const override {
    const RunPlan plan = PlanRuns(scenario, mode_);
    const bool separate = plan.separate;
    const std::vector<Slice>& slices = plan.slices;

    std::vector<SmpHistory> histories;
    std::size_t state_count = 1;
    for (const Slice& slice : slices) {
      if (slice.actors.empty()) {
        histories.emplace_back();
        continue;
      }
      histories.push_back(RunSmp(MakeInput(scenario, slice, separate), config_, seed));
      state_count = std::max(state_count, histories.back().states.size());
    }

    Forecast forecast;
    const std::vector<double> input_positions = InputPositions(scenario);
    for (std::size_t t = 0; t < state_count; ++t) {
      Round round;
      round.positions = input_positions;
      Detail per_issue = Detail::MakeList();
      for (std::size_t s = 0; s < slices.size(); ++s) {
        const Slice& slice = slices[s];
        const SmpHistory& history = histories[s];
        if (history.states.empty()) {
          per_issue.Append(Detail());
          continue;
        }
        const std::size_t last = history.states.size() - 1;
        const SmpState& state = history.states[std::min(t, last)];
        if (t > 0) PlaceSlice(scenario, slice, state.position, round.positions);
        Detail state_detail;
        if (t <= last) {
          state_detail =
              StateDetail(scenario, slice, state, t > 0 ? &history.states[t - 1] : nullptr);
        }
        if (separate) {
          per_issue.Append(std::move(state_detail));
        } else {
          round.detail = std::move(state_detail);
        }
      }
      round.outcome = RoundOutcome(scenario, separate, round.positions);
      if (separate) {
        round.detail = Detail::MakeObject();
        round.detail.Set("issues", std::move(per_issue));
      }
      forecast.rounds.push_back(std::move(round));
    }
    forecast.outcome = forecast.rounds.back().outcome;
    if (separate) {
      Detail issues = Detail::MakeList();
      for (const SmpHistory& history : histories) {
        issues.Append(history.states.empty() ? Detail()
                                             : RunDetail(history, config_.max_iterations));
      }
      forecast.detail = Detail::MakeObject();
      forecast.detail.Set("dimensions", "separate");
      forecast.detail.Set("issues", std::move(issues));
    } else {
      forecast.detail = Detail::MakeObject();
      forecast.detail.Set("dimensions", "joint");
      Detail run = RunDetail(histories[0], config_.max_iterations);
      for (auto& [key, value] : run.AsObject()) forecast.detail.Set(key, std::move(value));
    }
    return forecast;
  }

  // Run's last round without the turns before it and without any detail: each slice's last
  // positions (a slice that stopped early keeps its last state, as Run carries it over).
  // A slice whose exact input was run recently is looked up (smp_outcome_cache.h).
  Forecast RunOutcome(const Scenario& scenario, std::uint64_t seed) const override {
    const RunPlan plan = PlanRuns(scenario, mode_);
    Round last;
    last.positions = InputPositions(scenario);
    for (const Slice& slice : plan.slices) {
      if (slice.actors.empty()) continue;
      const SmpFinalState final_state =
          RunSmpOutcomeRemembered(MakeInput(scenario, slice, plan.separate), config_, seed);
      PlaceSlice(scenario, slice, final_state.position, last.positions);
    }
    last.outcome = RoundOutcome(scenario, plan.separate, last.positions);
    Forecast forecast;
    forecast.outcome = last.outcome;
    forecast.rounds.push_back(std::move(last));
    return forecast;
  }

 private:
  SmpConfig config_;
  DimensionMode mode_;
};

}  // namespace

void RegisterSmpModel(ModelRegistry& registry) {
  registry.Add(ModelInfo{
      "smp",
      "KTAB's spatial model of politics: challenges, bargains and probabilistic Condorcet votes",
      "actors challenge each other and bargain, and coalitions vote on the bargains, turn by turn "
      "until nothing changes",
      SmpParams(), true, [](const ParamValues& params) -> std::unique_ptr<Model> {
        return std::make_unique<SmpModel>(
            ConfigFrom(params),
            static_cast<DimensionMode>(ChoiceIndex(params, "dimensions", kDimensionChoices)));
      }});
}

}  // namespace statecraft
