// Scenario: the actors, the issues they contest, and every actor's stake in every issue.
//
// A scenario is a plain value: importers and levers build or copy one, then call Validate(),
// which checks every invariant the models rely on (unique names, positions on the issue's scale,
// saliences in [0, 1], positive capabilities, ranges ordered). Models read central values
// through the accessors; uncertainty analyses replace central values by draws.
//
// Conventions:
// - salience is in [0, 1] (file formats may use 0–100; readers convert);
// - capability is relative (any positive scale); a stake may override its actor's capability
//   for one issue (issue-specific leverage);
// - an actor may have no stake on an issue (DEU, Decide data); models leave it out of that
//   issue, and its position there is reported as absent.
#ifndef STATECRAFT_CORE_SCENARIO_H_
#define STATECRAFT_CORE_SCENARIO_H_

#include <optional>
#include <string>
#include <vector>

#include "statecraft/core/estimate.h"

namespace statecraft {

struct ScaleAnchor {
  double value = 0.0;
  std::string meaning;
};

// Who decides an issue. kCollective: the model's outcome stands. kDeciders: only the named actors
// decide jointly (a bilateral sale is decided by buyer and seller), so the outcome is held to the
// interval spanned by the deciders' positions.
struct DecisionRule {
  enum class Kind { kCollective, kDeciders };
  Kind kind = Kind::kCollective;
  std::vector<int> deciders;  // actor indices, for kDeciders
};

struct Actor {
  std::string name;
  std::string description;
  Estimate capability = Estimate(1.0);
};

struct Issue {
  std::string name;
  std::string description;
  double scale_low = 0.0;
  double scale_high = 100.0;
  std::vector<ScaleAnchor> anchors;
  std::optional<Estimate> reference_point;  // the status quo
  std::optional<Estimate> known_outcome;    // for backtests
  DecisionRule decision_rule;
};

struct Stake {
  Estimate position;
  Estimate salience;
  std::optional<Estimate> capability;  // overrides the actor's capability on this issue
  std::string source;                  // the basis of the stake's numbers, as the analyst gave it
};

// The question a scenario asks, which `statecraft answer` answers (docs/scenario-format.md):
// can a plan of the declared levers bring an issue's outcome past a threshold with at least a
// required probability, against the opponent's best counter-levers (`counter_levers`), within a
// budget? The target is kept as text (ISSUE<=VALUE or ISSUE>=VALUE); readers check it against
// the issues with the analyses' target parser.
struct Question {
  std::string text;              // the question in words, as the analyst asks it
  std::string target;            // "munitions<=25"
  double probability = 0.8;      // the required probability, in (0, 1]
  std::optional<double> budget;  // the most a plan may cost (cost points); none: no limit
};

struct Scenario {
  std::string name;
  std::string description;
  std::vector<std::string> sources;
  std::optional<Question> question;
  // The scale the scenario's source wrote saliences on (1 or 100). Saliences are held on [0, 1];
  // reports show them times this, as the analyst wrote them.
  double salience_scale = 1.0;
  std::vector<Actor> actors;
  std::vector<Issue> issues;
  // Actor-major: stakes[actor * issues.size() + issue]; empty when the actor has no stake.
  std::vector<std::optional<Stake>> stakes;

  int ActorCount() const { return static_cast<int>(actors.size()); }
  int IssueCount() const { return static_cast<int>(issues.size()); }

  // Index of the actor or issue with this name, or -1.
  int ActorIndex(const std::string& actor_name) const;
  int IssueIndex(const std::string& issue_name) const;

  bool HasStake(int actor, int issue) const { return stakes[Slot(actor, issue)].has_value(); }
  const Stake& StakeOf(int actor, int issue) const { return *stakes[Slot(actor, issue)]; }
  Stake& MutableStake(int actor, int issue) { return *stakes[Slot(actor, issue)]; }
  void SetStake(int actor, int issue, Stake stake) {
    stakes[Slot(actor, issue)] = std::move(stake);
  }

  // Central values. Position and Salience require HasStake(actor, issue).
  double Position(int actor, int issue) const { return StakeOf(actor, issue).position.central; }
  double Salience(int actor, int issue) const { return StakeOf(actor, issue).salience.central; }
  // The stake's own capability when it has one, else the actor's.
  double Capability(int actor, int issue) const;

  // Makes room for actors.size() × issues.size() stakes, all absent.
  void ResizeStakes() { stakes.assign(actors.size() * issues.size(), std::nullopt); }

  // Throws InputError naming the first issue on which no actor has a position. Validate() checks
  // this too, but levers (remove_actor) may take every such actor out afterwards: models call it
  // before they run, so that such a scenario is an input error rather than a crash.
  void CheckEveryIssueHasPositions() const;

  // Throws InputError naming the offending element by key path (e.g. "issues[2].scale") when an
  // invariant does not hold. Readers check the same things earlier, with file positions.
  void Validate() const;

 private:
  std::size_t Slot(int actor, int issue) const {
    return static_cast<std::size_t>(actor) * issues.size() + static_cast<std::size_t>(issue);
  }
};

}  // namespace statecraft

#endif  // STATECRAFT_CORE_SCENARIO_H_
