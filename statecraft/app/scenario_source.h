// Where a request's scenario comes from, and reading it: the built-in scenario, a file (CLI,
// Python), text already in memory (Python's loads(), a saved sweep), a native document as JSON
// (the HTTP API), or a scenario a client built itself (Python's ScenarioBuilder, one scenario
// of a dataset). Every command reads its scenario through these functions, so that the same
// source gives the same scenario and the same errors in every client.
#ifndef STATECRAFT_APP_SCENARIO_SOURCE_H_
#define STATECRAFT_APP_SCENARIO_SOURCE_H_

#include <memory>
#include <string>
#include <vector>

#include "statecraft/io/json_output.h"
#include "statecraft/io/levers_format.h"
#include "statecraft/io/scenario_reader.h"

namespace statecraft::app {

struct ScenarioSource {
  enum class Kind { kBuiltin, kFile, kText, kDocument, kGiven };
  Kind kind = Kind::kBuiltin;
  std::string path;  // kFile: the file; kText: the name errors use (its extension helps detection)
  std::string text;  // kText
  ReadOptions read;  // kFile, kText: --from and --capability
  Json document;     // kDocument: a native scenario document (levers and plans included)
  std::shared_ptr<const ScenarioWithLevers> given;  // kGiven

  static ScenarioSource Builtin() { return {}; }
  static ScenarioSource File(std::string path, ReadOptions read = {});
  static ScenarioSource Text(std::string text, std::string name, ReadOptions read = {});
  static ScenarioSource Document(Json document);
  static ScenarioSource Given(ScenarioWithLevers input);
  // A built-in scenario by name (the flagship or a case of the gallery, docs/gallery.md): its
  // text, named "NAME.yaml (built in)" in messages. InputError located at "scenario", listing the
  // names, when there is none of that name.
  static ScenarioSource Named(const std::string& name);
};

// How messages name the source: the file's path, "the built-in scenario", "document.json".
std::string SourceName(const ScenarioSource& source);

// How messages about a scenario's content name it, the same whatever its source (a file, a
// document, the built-in one): "scenario 'NAME'", or "the scenario" when it has no name.
std::string ScenarioName(const Scenario& scenario);

// Every scenario the source holds (a DEU dataset holds one per proposal); levers are not read.
std::vector<Scenario> LoadScenarios(const ScenarioSource& source);

// The source's only scenario, without its levers (a file whose lever sections are wrong still
// runs); InputError when it holds several.
Scenario LoadScenario(const ScenarioSource& source);

// The source's only scenario with the levers, plans and counter-levers it declares.
ScenarioWithLevers LoadScenarioWithLevers(const ScenarioSource& source);

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_SCENARIO_SOURCE_H_
