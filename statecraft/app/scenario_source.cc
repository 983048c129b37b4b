#include "statecraft/app/scenario_source.h"

#include "statecraft/app/outcome.h"
#include "statecraft/core/error.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/text_file.h"

namespace statecraft::app {
namespace {

constexpr char kDocumentName[] = "document.json";

void CheckDocument(const Json& document) {
  if (!document.is_object()) {
    ErrorLocation location;
    location.key = "document";
    throw InputError("document: expected a scenario object", location);
  }
}

Scenario OnlyScenario(std::vector<Scenario> scenarios, const ScenarioSource& source) {
  if (scenarios.size() != 1) {
    throw InputError(SourceName(source) + ": holds " + std::to_string(scenarios.size()) +
                     " scenarios, expected one (a dataset is scored by `backtest` and split into "
                     "files by `convert`)");
  }
  return std::move(scenarios.front());
}

}  // namespace

ScenarioSource ScenarioSource::File(std::string path, ReadOptions read) {
  ScenarioSource source;
  source.kind = Kind::kFile;
  source.path = std::move(path);
  source.read = std::move(read);
  return source;
}

ScenarioSource ScenarioSource::Text(std::string text, std::string name, ReadOptions read) {
  ScenarioSource source;
  source.kind = Kind::kText;
  source.text = std::move(text);
  source.path = std::move(name);
  source.read = std::move(read);
  return source;
}

ScenarioSource ScenarioSource::Document(Json document) {
  ScenarioSource source;
  source.kind = Kind::kDocument;
  source.document = std::move(document);
  return source;
}

ScenarioSource ScenarioSource::Given(ScenarioWithLevers input) {
  ScenarioSource source;
  source.kind = Kind::kGiven;
  source.given = std::make_shared<const ScenarioWithLevers>(std::move(input));
  return source;
}

ScenarioSource ScenarioSource::Named(const std::string& name) {
  const BuiltinScenario* builtin = FindBuiltinScenario(name);
  if (builtin == nullptr) {
    FailField("scenario", "found '" + name + "', expected a built-in scenario: " +
                              BuiltinScenarioNames() + " (statecraft scenarios lists them)");
  }
  return Text(builtin->text, builtin->file_name);
}

std::string SourceName(const ScenarioSource& source) {
  switch (source.kind) {
    case ScenarioSource::Kind::kBuiltin:
      return "the built-in scenario";
    case ScenarioSource::Kind::kDocument:
      return kDocumentName;
    case ScenarioSource::Kind::kGiven:
      return source.given->scenario.name.empty() ? std::string("the scenario")
                                                 : "scenario '" + source.given->scenario.name + "'";
    default:
      return source.path;
  }
}

std::string ScenarioName(const Scenario& scenario) {
  return scenario.name.empty() ? std::string("the scenario") : "scenario '" + scenario.name + "'";
}

std::vector<Scenario> LoadScenarios(const ScenarioSource& source) {
  switch (source.kind) {
    case ScenarioSource::Kind::kBuiltin:
      return ParseScenarios(BuiltinScenarioText(), BuiltinScenarioFileName());
    case ScenarioSource::Kind::kFile:
      return ReadScenarios(source.path, source.read);
    case ScenarioSource::Kind::kText:
      return ParseScenarios(source.text, source.path, source.read);
    case ScenarioSource::Kind::kDocument:
      CheckDocument(source.document);
      return ParseScenarios(source.document.dump(1), kDocumentName);
    case ScenarioSource::Kind::kGiven:
      break;
  }
  return {source.given->scenario};
}

Scenario LoadScenario(const ScenarioSource& source) {
  return OnlyScenario(LoadScenarios(source), source);
}

ScenarioWithLevers LoadScenarioWithLevers(const ScenarioSource& source) {
  switch (source.kind) {
    case ScenarioSource::Kind::kBuiltin:
      return BuiltinScenarioWithLevers();
    case ScenarioSource::Kind::kFile:
      return ParseScenarioWithLevers(ReadTextFile(source.path), source.path, source.read);
    case ScenarioSource::Kind::kText:
      return ParseScenarioWithLevers(source.text, source.path, source.read);
    case ScenarioSource::Kind::kDocument:
      CheckDocument(source.document);
      return ParseScenarioWithLevers(source.document.dump(1), kDocumentName);
    case ScenarioSource::Kind::kGiven:
      break;
  }
  return *source.given;
}

}  // namespace statecraft::app
