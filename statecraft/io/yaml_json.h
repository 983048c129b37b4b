// Conversions between YAML documents and JSON values: the server hands the built-in scenario to
// the browser as JSON, and the native format is written as YAML from a JSON document.
#ifndef STATECRAFT_IO_YAML_JSON_H_
#define STATECRAFT_IO_YAML_JSON_H_

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

namespace statecraft {

// A YAML document as JSON: plain scalars that read as numbers, booleans or null become those;
// quoted scalars stay strings. Keys keep the document's order.
nlohmann::ordered_json YamlToJson(const YAML::Node& node);

// A JSON document as a YAML node laid out for people: short lists of scalars and small maps of
// scalars (a range, an estimate with its source, a stake without ranges) inline, the rest as
// indented blocks; numbers as the shortest text that reads back as the same double.
YAML::Node JsonToYaml(const nlohmann::ordered_json& value);

}  // namespace statecraft

#endif  // STATECRAFT_IO_YAML_JSON_H_
