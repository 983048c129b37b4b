#include "statecraft/core/scenario.h"

#include <cmath>
#include <set>

#include "statecraft/core/error.h"
#include "statecraft/core/number_text.h"

namespace statecraft {
namespace {

void Fail(const std::string& path, const std::string& message) {
  throw InputError("scenario: " + path + ": " + message);
}

// Checks that an estimate is finite, ordered, and within [min, max].
void CheckEstimate(const Estimate& estimate, const std::string& path, double min, double max,
                   const std::string& expected) {
  const double values[] = {estimate.Low(), estimate.central, estimate.High()};
  for (double value : values) {
    if (!std::isfinite(value)) Fail(path, "found " + NumberText(value) + ", expected " + expected);
    if (value < min || value > max) {
      Fail(path, "found " + NumberText(value) + ", expected " + expected);
    }
  }
  if (estimate.low.has_value() != estimate.high.has_value()) {
    Fail(path, "a range needs both low and high");
  }
  if (estimate.Low() > estimate.central || estimate.central > estimate.High()) {
    Fail(path, "found low " + NumberText(estimate.Low()) + ", central " +
                   NumberText(estimate.central) + ", high " + NumberText(estimate.High()) +
                   ", expected low <= central <= high");
  }
}

}  // namespace

int Scenario::ActorIndex(const std::string& actor_name) const {
  for (int i = 0; i < ActorCount(); ++i) {
    if (actors[i].name == actor_name) return i;
  }
  return -1;
}

int Scenario::IssueIndex(const std::string& issue_name) const {
  for (int i = 0; i < IssueCount(); ++i) {
    if (issues[i].name == issue_name) return i;
  }
  return -1;
}

double Scenario::Capability(int actor, int issue) const {
  const auto& stake = stakes[Slot(actor, issue)];
  if (stake && stake->capability) return stake->capability->central;
  return actors[actor].capability.central;
}

void Scenario::CheckEveryIssueHasPositions() const {
  for (int issue = 0; issue < IssueCount(); ++issue) {
    bool any = false;
    for (int actor = 0; actor < ActorCount() && !any; ++actor) any = HasStake(actor, issue);
    if (!any) {
      throw InputError("issue '" + issues[issue].name +
                       "': no actor has a position, expected at least one");
    }
  }
}

void Scenario::Validate() const {
  const double kInfinity = HUGE_VAL;
  if (actors.empty()) Fail("actors", "found no actors, expected at least one");
  if (issues.empty()) Fail("issues", "found no issues, expected at least one");
  if (stakes.size() != actors.size() * issues.size()) {
    Fail("stakes", "found " + std::to_string(stakes.size()) + " stakes, expected " +
                       std::to_string(actors.size() * issues.size()));
  }
  std::set<std::string> actor_names;
  for (std::size_t a = 0; a < actors.size(); ++a) {
    const std::string path = "actors[" + std::to_string(a) + "]";
    if (actors[a].name.empty()) Fail(path + ".name", "found an empty name, expected a name");
    if (!actor_names.insert(actors[a].name).second) {
      Fail(path + ".name", "duplicate actor name '" + actors[a].name + "'");
    }
    CheckEstimate(actors[a].capability, path + ".capability", 0.0, kInfinity,
                  "a finite capability >= 0");
  }
  std::set<std::string> issue_names;
  for (std::size_t i = 0; i < issues.size(); ++i) {
    const Issue& issue = issues[i];
    const std::string path = "issues[" + std::to_string(i) + "]";
    if (issue.name.empty()) Fail(path + ".name", "found an empty name, expected a name");
    if (!issue_names.insert(issue.name).second) {
      Fail(path + ".name", "duplicate issue name '" + issue.name + "'");
    }
    if (!std::isfinite(issue.scale_low) || !std::isfinite(issue.scale_high) ||
        !(issue.scale_low < issue.scale_high)) {
      Fail(path + ".scale", "found [" + NumberText(issue.scale_low) + ", " +
                                NumberText(issue.scale_high) +
                                "], expected finite bounds with low < high");
    }
    const std::string on_scale = "a value within the issue's scale [" +
                                 NumberText(issue.scale_low) + ", " + NumberText(issue.scale_high) +
                                 "]";
    for (std::size_t k = 0; k < issue.anchors.size(); ++k) {
      CheckEstimate(Estimate(issue.anchors[k].value), path + ".anchors[" + std::to_string(k) + "]",
                    issue.scale_low, issue.scale_high, on_scale);
    }
    if (issue.reference_point) {
      CheckEstimate(*issue.reference_point, path + ".reference_point", issue.scale_low,
                    issue.scale_high, on_scale);
    }
    if (issue.known_outcome) {
      CheckEstimate(*issue.known_outcome, path + ".known_outcome", issue.scale_low,
                    issue.scale_high, on_scale);
    }
    if (issue.decision_rule.kind == DecisionRule::Kind::kDeciders) {
      if (issue.decision_rule.deciders.empty()) {
        Fail(path + ".deciders", "found no deciders, expected at least one actor");
      }
      for (int decider : issue.decision_rule.deciders) {
        if (decider < 0 || decider >= ActorCount()) {
          Fail(path + ".deciders", "found actor index " + std::to_string(decider) +
                                       ", expected an actor of the scenario");
        }
        if (!HasStake(decider, static_cast<int>(i))) {
          Fail(path + ".deciders",
               "decider '" + actors[decider].name + "' has no position on this issue");
        }
      }
    }
    bool any_stake = false;
    for (std::size_t a = 0; a < actors.size(); ++a) {
      const auto& stake = stakes[a * issues.size() + i];
      if (!stake) continue;
      any_stake = true;
      const std::string stake_path = "stakes[" + actors[a].name + "][" + issue.name + "]";
      CheckEstimate(stake->position, stake_path + ".position", issue.scale_low, issue.scale_high,
                    on_scale);
      CheckEstimate(stake->salience, stake_path + ".salience", 0.0, 1.0,
                    "a salience in [0, 1] (or 0-100 in files)");
      if (stake->capability) {
        CheckEstimate(*stake->capability, stake_path + ".capability", 0.0, kInfinity,
                      "a finite capability >= 0");
      }
    }
    if (!any_stake) Fail(path, "issue '" + issue.name + "' has no actor with a position");
  }
  if (question) {
    if (question->text.empty()) Fail("question.text", "found an empty text, expected the question");
    if (question->target.empty()) {
      Fail("question.target", "found an empty target, expected ISSUE<=VALUE or ISSUE>=VALUE");
    }
    if (!(question->probability > 0.0 && question->probability <= 1.0)) {
      Fail("question.probability",
           "found " + NumberText(question->probability) + ", expected a probability in (0, 1]");
    }
    if (question->budget && !(std::isfinite(*question->budget) && *question->budget >= 0.0)) {
      Fail("question.budget",
           "found " + NumberText(*question->budget) + ", expected a budget >= 0");
    }
  }
}

}  // namespace statecraft
