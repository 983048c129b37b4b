// NodeReader: a YAML (or JSON) node together with its file name and key path, so that every
// check of a scenario file can say where it failed: "FILE:LINE:COLUMN: KEY.PATH: found ...,
// expected ...".
//
// yaml-cpp reads both YAML and JSON, so one reader serves both native formats.
#ifndef STATECRAFT_IO_YAML_NODE_H_
#define STATECRAFT_IO_YAML_NODE_H_

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "statecraft/core/estimate.h"

namespace statecraft {

class NodeReader {
 public:
  NodeReader(YAML::Node node, std::string file_name, std::string path)
      : node_(std::move(node)), file_name_(std::move(file_name)), path_(std::move(path)) {}

  const YAML::Node& node() const { return node_; }
  const std::string& path() const { return path_; }
  const std::string& file_name() const { return file_name_; }

  bool IsMap() const { return node_.IsMap(); }
  bool IsSequence() const { return node_.IsSequence(); }
  bool IsScalar() const { return node_.IsScalar(); }
  bool IsNull() const { return !node_.IsDefined() || node_.IsNull(); }

  // Throws InputError located at this node.
  [[noreturn]] void Fail(const std::string& message) const;
  // "found <description of this node>, expected <expected>".
  [[noreturn]] void Expected(const std::string& expected) const;

  // Requires a map whose keys are all in `allowed` and appear once; lists the allowed keys when
  // one is unknown.
  void RequireMap(const std::vector<std::string>& allowed) const;
  void RequireSequence() const;

  bool Has(const std::string& key) const;
  // The child under key; Fail()s when required and missing.
  NodeReader Child(const std::string& key) const;
  NodeReader Element(std::size_t index) const;
  std::size_t Size() const { return node_.size(); }

  std::string String() const;
  double Number() const;
  long long Integer() const;
  bool Boolean() const;
  // A number, [low, central, high], or {central, low, high, source}.
  Estimate ReadEstimate() const;

  // A short description of the node for messages: a scalar's text, "a list", "a map", "nothing".
  std::string Describe() const;

  // The children of a map, in file order, with their key text.
  std::vector<std::pair<std::string, NodeReader>> Entries() const;

 private:
  YAML::Node node_;
  std::string file_name_;
  std::string path_;
};

// Parses YAML/JSON text into a root NodeReader; syntax errors become InputErrors with the file
// name, line and column.
NodeReader ParseYamlText(const std::string& text, const std::string& file_name);

}  // namespace statecraft

#endif  // STATECRAFT_IO_YAML_NODE_H_
