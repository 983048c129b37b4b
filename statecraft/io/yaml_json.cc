#include "statecraft/io/yaml_json.h"

#include <optional>
#include <string>

#include "statecraft/core/number_text.h"
#include "statecraft/io/csv.h"

namespace statecraft {
namespace {

bool IsScalar(const nlohmann::ordered_json& value) {
  return !value.is_array() && !value.is_object();
}

bool FitsOnOneLine(const nlohmann::ordered_json& value) {
  constexpr std::size_t kInlineWidth = 72;
  for (const auto& element : value) {
    if (!IsScalar(element)) return false;
  }
  return value.dump().size() <= kInlineWidth;
}

}  // namespace

nlohmann::ordered_json YamlToJson(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const YAML::Node& item : node) list.push_back(YamlToJson(item));
      return list;
    }
    case YAML::NodeType::Map: {
      nlohmann::ordered_json object = nlohmann::ordered_json::object();
      for (const auto& entry : node) object[entry.first.Scalar()] = YamlToJson(entry.second);
      return object;
    }
    case YAML::NodeType::Scalar: {
      const std::string& text = node.Scalar();
      if (node.Tag() == "!") return text;
      if (text == "true") return true;
      if (text == "false") return false;
      if (text == "null" || text == "~") return nullptr;
      if (const std::optional<double> number = ParseNumber(text)) return *number;
      return text;
    }
    default:
      return nullptr;
  }
}

YAML::Node JsonToYaml(const nlohmann::ordered_json& value) {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::object: {
      YAML::Node map(YAML::NodeType::Map);
      for (const auto& [key, element] : value.items()) map[key] = JsonToYaml(element);
      if (!value.empty() && FitsOnOneLine(value)) map.SetStyle(YAML::EmitterStyle::Flow);
      return map;
    }
    case nlohmann::ordered_json::value_t::array: {
      YAML::Node list(YAML::NodeType::Sequence);
      for (const auto& element : value) list.push_back(JsonToYaml(element));
      if (value.empty() || FitsOnOneLine(value)) list.SetStyle(YAML::EmitterStyle::Flow);
      return list;
    }
    case nlohmann::ordered_json::value_t::string:
      return YAML::Node(value.get<std::string>());
    case nlohmann::ordered_json::value_t::boolean:
      return YAML::Node(value.get<bool>());
    case nlohmann::ordered_json::value_t::null:
      return YAML::Node(YAML::NodeType::Null);
    default:
      return YAML::Node(NumberText(value.get<double>()));
  }
}

}  // namespace statecraft
