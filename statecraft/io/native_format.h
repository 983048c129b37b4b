// The native scenario format (YAML, or the same schema as JSON), documented in
// docs/scenario-format.md: reading with located errors, and writing back.
#ifndef STATECRAFT_IO_NATIVE_FORMAT_H_
#define STATECRAFT_IO_NATIVE_FORMAT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "statecraft/core/scenario.h"
#include "statecraft/io/yaml_node.h"

namespace statecraft {

// Top-level keys of a scenario file. Sections beyond the scenario itself (levers, plans,
// counter-levers) are read by their own readers from the same root.
extern const std::vector<std::string> kScenarioFileKeys;

// Reads the scenario part of a parsed file; validates it completely.
Scenario ReadNativeScenario(const NodeReader& root);

// Parses YAML or JSON text into a validated scenario; the file's levers, plans and counter-levers
// are checked too (levers_format.h reads them for the commands that use them).
Scenario ParseNativeScenario(const std::string& text, const std::string& file_name);

// An estimate as the native format writes it: a number, [low, central, high], or a map with its
// source; `scale` 100 writes a value held on [0, 1] on 0–100 (saliences), reading back exactly.
nlohmann::ordered_json EstimateDocument(const Estimate& estimate, double scale = 1.0);

// The native document of a scenario, as the JSON tree both writers emit (lever sections are
// added by levers_writer.h).
nlohmann::ordered_json ScenarioDocument(const Scenario& scenario);
// A native document as the text of a file: YAML (short lists and small maps inline) or JSON
// (indented), with `format_version` (core/version.h) as its first key.
std::string DocumentYaml(const nlohmann::ordered_json& document);
std::string DocumentJson(const nlohmann::ordered_json& document);

// Writes a scenario in the native format. Saliences are written on the 0–100 scale analysts
// use, with `salience_scale: 100`, so a round trip is exact up to that division.
std::string WriteScenarioYaml(const Scenario& scenario);
std::string WriteScenarioJson(const Scenario& scenario);

// The text by which a run store names a scenario (its SHA-256) and keeps it: the native document
// as indented JSON, without `format_version`, so that the same scenario keeps the same name in
// stores written before the format was versioned. It reads back as format version 1.
std::string CanonicalScenarioJson(const Scenario& scenario);

}  // namespace statecraft

#endif  // STATECRAFT_IO_NATIVE_FORMAT_H_
