#include "statecraft/io/native_format.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "statecraft/analysis/sweep.h"
#include "statecraft/core/error.h"
#include "statecraft/core/number_text.h"
#include "statecraft/core/version.h"
#include "statecraft/io/csv.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/io/yaml_json.h"

namespace statecraft {

const std::vector<std::string> kScenarioFileKeys = {
    "format_version", "name",   "description", "sources", "question", "salience_scale",
    "actors",         "issues", "stakes",      "levers",  "plans",    "counter_levers"};

namespace {

// Reading: every number of an estimate divided by the file's salience scale. Division, not a
// product with 1 / scale, so that 70 on 0–100 reads as the double nearest 0.7, as KTAB's
// percent saliences do (70 * 0.01 is one unit in the last place above it).
Estimate Scaled(Estimate estimate, double scale) {
  estimate.central /= scale;
  if (estimate.low) *estimate.low /= scale;
  if (estimate.high) *estimate.high /= scale;
  return estimate;
}

// Writing: an estimate held on [0, 1] as written on a scale of `scale` (saliences on 0–100).
Estimate OnScale(Estimate estimate, double scale) {
  if (scale == 1.0) return estimate;
  estimate.central = ValueOnScale(estimate.central, scale);
  if (estimate.low) *estimate.low = ValueOnScale(*estimate.low, scale);
  if (estimate.high) *estimate.high = ValueOnScale(*estimate.high, scale);
  return estimate;
}

void ReadActors(const NodeReader& list, Scenario& scenario) {
  list.RequireSequence();
  if (list.Size() == 0) list.Expected("at least one actor");
  for (std::size_t k = 0; k < list.Size(); ++k) {
    const NodeReader item = list.Element(k);
    item.RequireMap({"name", "description", "capability"});
    Actor actor;
    actor.name = item.Child("name").String();
    if (actor.name.empty()) item.Child("name").Expected("a non-empty name");
    if (scenario.ActorIndex(actor.name) >= 0) {
      item.Child("name").Fail("duplicate actor name '" + actor.name + "'");
    }
    if (item.Has("description")) actor.description = item.Child("description").String();
    if (item.Has("capability")) {
      const NodeReader capability = item.Child("capability");
      actor.capability = capability.ReadEstimate();
      if (actor.capability.Low() < 0) capability.Expected("a capability >= 0");
    }
    scenario.actors.push_back(std::move(actor));
  }
}

void ReadIssues(const NodeReader& list, Scenario& scenario) {
  list.RequireSequence();
  if (list.Size() == 0) list.Expected("at least one issue");
  for (std::size_t k = 0; k < list.Size(); ++k) {
    const NodeReader item = list.Element(k);
    item.RequireMap({"name", "description", "scale", "anchors", "reference_point", "known_outcome",
                     "deciders"});
    Issue issue;
    issue.name = item.Child("name").String();
    if (issue.name.empty()) item.Child("name").Expected("a non-empty name");
    if (scenario.IssueIndex(issue.name) >= 0) {
      item.Child("name").Fail("duplicate issue name '" + issue.name + "'");
    }
    if (item.Has("description")) issue.description = item.Child("description").String();
    if (item.Has("scale")) {
      const NodeReader scale = item.Child("scale");
      if (!scale.IsSequence() || scale.Size() != 2) scale.Expected("[low, high]");
      issue.scale_low = scale.Element(0).Number();
      issue.scale_high = scale.Element(1).Number();
      if (!(issue.scale_low < issue.scale_high)) scale.Expected("[low, high] with low < high");
    }
    auto check_on_scale = [&](const NodeReader& where, const Estimate& estimate) {
      if (estimate.Low() < issue.scale_low || estimate.High() > issue.scale_high) {
        where.Expected("a value within the issue's scale [" + NumberText(issue.scale_low) + ", " +
                       NumberText(issue.scale_high) + "]");
      }
    };
    if (item.Has("anchors")) {
      const NodeReader anchors = item.Child("anchors");
      if (!anchors.IsMap()) anchors.Expected("a map of value: meaning");
      for (const auto& [key, meaning] : anchors.Entries()) {
        ScaleAnchor anchor;
        const auto value = ParseNumber(key);
        if (!value) meaning.Fail("found anchor value '" + key + "', expected a number");
        anchor.value = *value;
        anchor.meaning = meaning.String();
        check_on_scale(meaning, Estimate(anchor.value));
        issue.anchors.push_back(std::move(anchor));
      }
    }
    if (item.Has("reference_point")) {
      issue.reference_point = item.Child("reference_point").ReadEstimate();
      check_on_scale(item.Child("reference_point"), *issue.reference_point);
    }
    if (item.Has("known_outcome")) {
      issue.known_outcome = item.Child("known_outcome").ReadEstimate();
      check_on_scale(item.Child("known_outcome"), *issue.known_outcome);
    }
    if (item.Has("deciders")) {
      const NodeReader deciders = item.Child("deciders");
      deciders.RequireSequence();
      if (deciders.Size() == 0) deciders.Expected("a list of at least one actor");
      issue.decision_rule.kind = DecisionRule::Kind::kDeciders;
      for (std::size_t d = 0; d < deciders.Size(); ++d) {
        const std::string name = deciders.Element(d).String();
        const int actor = scenario.ActorIndex(name);
        if (actor < 0) deciders.Element(d).Fail("unknown actor '" + name + "'");
        issue.decision_rule.deciders.push_back(actor);
      }
    }
    scenario.issues.push_back(std::move(issue));
  }
}

void ReadStakes(const NodeReader& stakes, double salience_scale, Scenario& scenario) {
  if (!stakes.IsMap()) stakes.Expected("a map of actor: {issue: stake}");
  scenario.ResizeStakes();
  for (const auto& [actor_name, per_issue] : stakes.Entries()) {
    const int actor = scenario.ActorIndex(actor_name);
    if (actor < 0) per_issue.Fail("unknown actor '" + actor_name + "'; declare it under actors");
    if (!per_issue.IsMap()) per_issue.Expected("a map of issue: stake");
    for (const auto& [issue_name, item] : per_issue.Entries()) {
      const int issue = scenario.IssueIndex(issue_name);
      if (issue < 0) item.Fail("unknown issue '" + issue_name + "'; declare it under issues");
      const Issue& declared = scenario.issues[issue];
      item.RequireMap({"position", "salience", "capability", "source"});
      Stake stake;
      const NodeReader position = item.Child("position");
      stake.position = position.ReadEstimate();
      if (stake.position.Low() < declared.scale_low ||
          stake.position.High() > declared.scale_high) {
        position.Expected("a position within the issue's scale [" + NumberText(declared.scale_low) +
                          ", " + NumberText(declared.scale_high) + "]");
      }
      const NodeReader salience = item.Child("salience");
      stake.salience = Scaled(salience.ReadEstimate(), salience_scale);
      if (stake.salience.Low() < 0 || stake.salience.High() > 1.0 + 1e-12) {
        salience.Expected(salience_scale == 1.0
                              ? "a salience in [0, 1] (write 'salience_scale: 100' at the top of "
                                "the file for 0-100 saliences)"
                              : "a salience in [0, 100]");
      }
      stake.salience.central = std::min(stake.salience.central, 1.0);
      if (item.Has("capability")) {
        const NodeReader capability = item.Child("capability");
        stake.capability = capability.ReadEstimate();
        if (stake.capability->Low() < 0) capability.Expected("a capability >= 0");
      }
      if (item.Has("source")) stake.source = item.Child("source").String();
      scenario.SetStake(actor, issue, std::move(stake));
    }
  }
}

// question: {text, target, probability, budget}; the target is checked against the issues by the
// analyses' own parser, so that a question that reads is one `statecraft answer` can answer.
Question ReadQuestion(const NodeReader& node, const Scenario& scenario) {
  node.RequireMap({"text", "target", "probability", "budget"});
  Question question;
  const NodeReader text = node.Child("text");
  question.text = text.String();
  if (question.text.empty()) text.Expected("the question in words");
  const NodeReader target = node.Child("target");
  try {
    question.target = ParseTarget(scenario, target.String()).text;
  } catch (const InputError& error) {
    target.Fail(error.what());
  }
  if (node.Has("probability")) {
    const NodeReader probability = node.Child("probability");
    question.probability = probability.Number();
    if (!(question.probability > 0.0 && question.probability <= 1.0)) {
      probability.Expected("a probability in (0, 1]");
    }
  }
  if (node.Has("budget")) {
    const NodeReader budget = node.Child("budget");
    question.budget = budget.Number();
    if (*question.budget < 0.0) budget.Expected("a budget >= 0");
  }
  return question;
}

}  // namespace

nlohmann::ordered_json EstimateDocument(const Estimate& estimate, double scale) {
  const Estimate scaled = OnScale(estimate, scale);
  if (!scaled.low && scaled.source.empty()) return scaled.central;
  if (scaled.source.empty()) return {*scaled.low, scaled.central, *scaled.high};
  nlohmann::ordered_json object;
  if (scaled.low) object["low"] = *scaled.low;
  object["central"] = scaled.central;
  if (scaled.high) object["high"] = *scaled.high;
  object["source"] = scaled.source;
  return object;
}

Scenario ReadNativeScenario(const NodeReader& root) {
  root.RequireMap(kScenarioFileKeys);
  if (root.Has("format_version")) {
    // A file without it is version 1 (files written before the format was versioned).
    const NodeReader version = root.Child("format_version");
    const double number = version.Number();
    const std::string expected =
        kScenarioFormatVersion == 1
            ? std::string("format version 1")
            : "a format version from 1 to " + std::to_string(kScenarioFormatVersion);
    if (number != std::floor(number) || number < 1) version.Expected(expected);
    if (number > kScenarioFormatVersion) {
      version.Fail("found format version " + NumberText(number) +
                   ", which a newer statecraft wrote; expected " + expected +
                   " (upgrade statecraft to read it)");
    }
  }
  Scenario scenario;
  if (root.Has("name")) scenario.name = root.Child("name").String();
  if (root.Has("description")) scenario.description = root.Child("description").String();
  if (root.Has("sources")) {
    const NodeReader sources = root.Child("sources");
    sources.RequireSequence();
    for (std::size_t k = 0; k < sources.Size(); ++k) {
      scenario.sources.push_back(sources.Element(k).String());
    }
  }
  double salience_scale = 1.0;
  if (root.Has("salience_scale")) {
    const NodeReader scale = root.Child("salience_scale");
    salience_scale = scale.Number();
    if (salience_scale != 1.0 && salience_scale != 100.0) scale.Expected("1 or 100");
    scenario.salience_scale = salience_scale;
  }
  ReadActors(root.Child("actors"), scenario);
  ReadIssues(root.Child("issues"), scenario);
  ReadStakes(root.Child("stakes"), salience_scale, scenario);
  for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
    bool any = false;
    for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
      any = any || scenario.HasStake(actor, issue);
    }
    if (!any) {
      root.Child("stakes").Fail("no actor has a stake on issue '" + scenario.issues[issue].name +
                                "', expected at least one");
    }
    for (int decider : scenario.issues[issue].decision_rule.deciders) {
      if (!scenario.HasStake(decider, issue)) {
        root.Child("stakes").Fail("decider '" + scenario.actors[decider].name +
                                  "' has no stake on issue '" + scenario.issues[issue].name + "'");
      }
    }
  }
  if (root.Has("question")) scenario.question = ReadQuestion(root.Child("question"), scenario);
  try {
    scenario.Validate();
  } catch (const InputError& error) {
    throw InputError(root.file_name() + ": " + error.what());
  }
  return scenario;
}

Scenario ParseNativeScenario(const std::string& text, const std::string& file_name) {
  const NodeReader root = ParseYamlText(text, file_name);
  if (root.IsNull()) {
    throw InputError(file_name + ":1:1: found an empty document, expected a scenario");
  }
  Scenario scenario = ReadNativeScenario(root);
  // The levers, plans and counter-levers a file declares are read and checked as well, whatever
  // the command: a file that `statecraft validate` accepts is accepted by every command.
  ReadLeverSections(root, scenario);
  return scenario;
}

nlohmann::ordered_json ScenarioDocument(const Scenario& scenario) {
  nlohmann::ordered_json root;
  if (!scenario.name.empty()) root["name"] = scenario.name;
  if (!scenario.description.empty()) root["description"] = scenario.description;
  if (!scenario.sources.empty()) root["sources"] = scenario.sources;
  if (scenario.question) {
    nlohmann::ordered_json question;
    question["text"] = scenario.question->text;
    question["target"] = scenario.question->target;
    question["probability"] = scenario.question->probability;
    if (scenario.question->budget) question["budget"] = *scenario.question->budget;
    root["question"] = question;
  }
  root["salience_scale"] = 100;
  root["actors"] = nlohmann::ordered_json::array();
  for (const Actor& actor : scenario.actors) {
    nlohmann::ordered_json item;
    item["name"] = actor.name;
    if (!actor.description.empty()) item["description"] = actor.description;
    item["capability"] = EstimateDocument(actor.capability);
    root["actors"].push_back(item);
  }
  root["issues"] = nlohmann::ordered_json::array();
  for (const Issue& issue : scenario.issues) {
    nlohmann::ordered_json item;
    item["name"] = issue.name;
    if (!issue.description.empty()) item["description"] = issue.description;
    item["scale"] = {issue.scale_low, issue.scale_high};
    for (const auto& anchor : issue.anchors)
      item["anchors"][NumberText(anchor.value)] = anchor.meaning;
    if (issue.reference_point) item["reference_point"] = EstimateDocument(*issue.reference_point);
    if (issue.known_outcome) item["known_outcome"] = EstimateDocument(*issue.known_outcome);
    if (issue.decision_rule.kind == DecisionRule::Kind::kDeciders) {
      item["deciders"] = nlohmann::ordered_json::array();
      for (int decider : issue.decision_rule.deciders) {
        item["deciders"].push_back(scenario.actors[decider].name);
      }
    }
    root["issues"].push_back(item);
  }
  nlohmann::ordered_json stakes = nlohmann::ordered_json::object();
  for (int actor = 0; actor < scenario.ActorCount(); ++actor) {
    nlohmann::ordered_json per_issue = nlohmann::ordered_json::object();
    for (int issue = 0; issue < scenario.IssueCount(); ++issue) {
      if (!scenario.HasStake(actor, issue)) continue;
      const Stake& stake = scenario.StakeOf(actor, issue);
      nlohmann::ordered_json item;
      item["position"] = EstimateDocument(stake.position);
      item["salience"] = EstimateDocument(stake.salience, 100.0);
      if (stake.capability) item["capability"] = EstimateDocument(*stake.capability);
      if (!stake.source.empty()) item["source"] = stake.source;
      per_issue[scenario.issues[issue].name] = item;
    }
    if (!per_issue.empty()) stakes[scenario.actors[actor].name] = per_issue;
  }
  root["stakes"] = stakes;
  return root;
}

namespace {

// The document with `format_version` as its first key.
nlohmann::ordered_json Versioned(const nlohmann::ordered_json& document) {
  nlohmann::ordered_json versioned;
  versioned["format_version"] = kScenarioFormatVersion;
  for (const auto& [key, value] : document.items()) {
    if (key != "format_version") versioned[key] = value;
  }
  return versioned;
}

}  // namespace

std::string DocumentYaml(const nlohmann::ordered_json& document) {
  YAML::Emitter out;
  out << JsonToYaml(Versioned(document));
  return std::string(out.c_str()) + "\n";
}

std::string DocumentJson(const nlohmann::ordered_json& document) {
  return Versioned(document).dump(2) + "\n";
}

std::string CanonicalScenarioJson(const Scenario& scenario) {
  return ScenarioDocument(scenario).dump(2) + "\n";
}

std::string WriteScenarioYaml(const Scenario& scenario) {
  return DocumentYaml(ScenarioDocument(scenario));
}

std::string WriteScenarioJson(const Scenario& scenario) {
  return DocumentJson(ScenarioDocument(scenario));
}

}  // namespace statecraft
