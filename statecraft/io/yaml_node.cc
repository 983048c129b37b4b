#include "statecraft/io/yaml_node.h"

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "statecraft/core/error.h"
#include "statecraft/io/csv.h"

namespace statecraft {
namespace {

std::string Location(const std::string& file_name, const YAML::Mark& mark) {
  if (mark.is_null()) return file_name;
  return file_name + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

std::string JoinKeys(const std::vector<std::string>& keys) {
  std::string joined;
  for (const auto& key : keys) joined += (joined.empty() ? "" : ", ") + key;
  return joined;
}

// A first pass over the text's parse events, before any node is built: refuses a second document
// (yaml-cpp would silently drop it) and aliases that repeat so much that the document they stand
// for grows past a bound (2,000 aliases of a 1 MB string are 2 GB once read). The expanded size
// counts every scalar's bytes, and for an alias the expanded size of what its anchor names.
class DocumentCheck : public YAML::EventHandler {
 public:
  DocumentCheck(const std::string& file_name, std::size_t limit)
      : file_name_(file_name), limit_(limit) {}

  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { Add(1, anchor, mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto found = sizes_.find(anchor);
    Add(found == sizes_.end() ? 1 : found->second, 0, mark);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                const std::string& value) override {
    Add(value.size() + 1, anchor, mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open_.push_back({anchor, 1, mark});
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open_.push_back({anchor, 1, mark});
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Open {
    YAML::anchor_t anchor;
    std::size_t size;
    YAML::Mark mark;
  };

  void Add(std::size_t size, YAML::anchor_t anchor, const YAML::Mark& mark) {
    size = std::min(size, limit_ + 1);
    if (anchor != 0) sizes_[anchor] = size;
    if (!open_.empty()) open_.back().size = std::min(open_.back().size + size, limit_ + 1);
    expanded_ = std::min(expanded_ + size, limit_ + 1);
    if (expanded_ > limit_) {
      throw InputError(Location(file_name_, mark) + ": aliases (*name) make the document " +
                       std::to_string(limit_ / (1024 * 1024)) +
                       " MB and more once expanded; expected a file whose aliases repeat less "
                       "(write the values out)");
    }
  }

  void Close() {
    const Open closed = open_.back();
    open_.pop_back();
    if (closed.anchor != 0) sizes_[closed.anchor] = closed.size;
    if (!open_.empty()) open_.back().size = std::min(open_.back().size + closed.size, limit_ + 1);
  }

  const std::string& file_name_;
  std::size_t limit_;
  std::size_t expanded_ = 0;
  std::vector<Open> open_;
  std::map<YAML::anchor_t, std::size_t> sizes_;
};

// What the aliases of a file may add to it.
constexpr std::size_t kAliasExpansionLimit = std::size_t{16} * 1024 * 1024;

// Counts the documents of the stream, refusing a second one and oversized alias expansion.
void CheckDocuments(const std::string& text, const std::string& file_name) {
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  DocumentCheck check(file_name, text.size() + kAliasExpansionLimit);
  if (!parser.HandleNextDocument(check)) return;
  struct SecondDocument : YAML::EventHandler {
    YAML::Mark start = YAML::Mark::null_mark();
    void OnDocumentStart(const YAML::Mark& mark) override {
      start = mark;
      throw std::logic_error("second document");
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
  } second;
  bool found = false;
  try {
    found = parser.HandleNextDocument(second);
  } catch (const std::logic_error&) {
    found = true;
  }
  if (found) {
    throw InputError(Location(file_name, second.start) +
                     ": found a second YAML document, expected one scenario per file (remove "
                     "the '---' or '...' line, or split the file)");
  }
}

}  // namespace

void NodeReader::Fail(const std::string& message) const {
  const YAML::Mark mark = node_.IsDefined() ? node_.Mark() : YAML::Mark::null_mark();
  ErrorLocation location;
  location.file = file_name_;
  if (!mark.is_null()) {
    location.line = mark.line + 1;
    location.column = mark.column + 1;
  }
  location.key = path_;
  throw InputError(
      Location(file_name_, mark) + ": " + (path_.empty() ? "" : path_ + ": ") + message,
      std::move(location));
}

void NodeReader::Expected(const std::string& expected) const {
  Fail("found " + Describe() + ", expected " + expected);
}

std::string NodeReader::Describe() const {
  if (!node_.IsDefined() || node_.IsNull()) return "nothing";
  if (node_.IsScalar()) {
    // Long text (say, a whole CSV file read as YAML) is cut so that the message stays one line.
    const std::string& text = node_.Scalar();
    std::string shown = text.substr(0, std::min(text.find_first_of("\t\r\n"), std::size_t{40}));
    return "'" + shown + (shown.size() < text.size() ? "...'" : "'");
  }
  if (node_.IsSequence()) {
    if (node_.size() == 0) return "an empty list";
    // A short list of scalars is shown as written: [90, 50, 60].
    std::string shown = "[";
    for (std::size_t k = 0; k < node_.size(); ++k) {
      if (!node_[k].IsScalar() || k >= 6)
        return "a list of " + std::to_string(node_.size()) + " items";
      shown += (k ? ", " : "") + node_[k].Scalar();
    }
    return shown + "]";
  }
  if (node_.IsMap()) return "a map";
  return "an unknown node";
}

void NodeReader::RequireMap(const std::vector<std::string>& allowed) const {
  if (!node_.IsMap()) Expected("a map with keys " + JoinKeys(allowed));
  std::set<std::string> seen;
  for (const auto& entry : node_) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    NodeReader key_reader(entry.first, file_name_, path_);
    if (!entry.first.IsScalar()) key_reader.Expected("a key");
    bool known = false;
    for (const auto& name : allowed) known = known || name == key;
    if (!known) {
      key_reader.Fail("unknown key '" + key + "', expected one of " + JoinKeys(allowed));
    }
    if (!seen.insert(key).second) key_reader.Fail("duplicate key '" + key + "'");
  }
}

void NodeReader::RequireSequence() const {
  if (!node_.IsSequence()) Expected("a list");
}

bool NodeReader::Has(const std::string& key) const {
  return node_.IsMap() && node_[key].IsDefined() && !node_[key].IsNull();
}

NodeReader NodeReader::Child(const std::string& key) const {
  const std::string child_path = path_.empty() ? key : path_ + "." + key;
  if (!Has(key)) Fail("missing key '" + key + "'");
  return NodeReader(node_[key], file_name_, child_path);
}

NodeReader NodeReader::Element(std::size_t index) const {
  return NodeReader(node_[index], file_name_, path_ + "[" + std::to_string(index) + "]");
}

std::vector<std::pair<std::string, NodeReader>> NodeReader::Entries() const {
  std::vector<std::pair<std::string, NodeReader>> entries;
  std::set<std::string> seen;
  for (const auto& entry : node_) {
    NodeReader key_reader(entry.first, file_name_, path_);
    if (!entry.first.IsScalar()) key_reader.Expected("a key");
    const std::string key = entry.first.Scalar();
    if (!seen.insert(key).second) key_reader.Fail("duplicate key '" + key + "'");
    entries.emplace_back(
        key, NodeReader(entry.second, file_name_, path_.empty() ? key : path_ + "." + key));
  }
  return entries;
}

std::string NodeReader::String() const {
  if (!node_.IsScalar()) Expected("a text");
  return node_.Scalar();
}

double NodeReader::Number() const {
  if (!node_.IsScalar()) Expected("a number");
  const auto value = ParseNumber(node_.Scalar());
  if (!value) Expected("a finite number");
  return *value;
}

long long NodeReader::Integer() const {
  const double value = Number();
  if (value != static_cast<double>(static_cast<long long>(value))) Expected("an integer");
  return static_cast<long long>(value);
}

bool NodeReader::Boolean() const {
  if (node_.IsScalar()) {
    const std::string& text = node_.Scalar();
    if (text == "true" || text == "yes" || text == "on") return true;
    if (text == "false" || text == "no" || text == "off") return false;
  }
  Expected("true or false");
}

Estimate NodeReader::ReadEstimate() const {
  if (node_.IsScalar()) return Estimate(Number());
  if (node_.IsSequence()) {
    if (node_.size() != 3) {
      Fail("found a list of " + std::to_string(node_.size()) +
           " numbers, expected [low, central, high]");
    }
    Estimate estimate(Element(0).Number(), Element(1).Number(), Element(2).Number());
    if (!(estimate.Low() <= estimate.central && estimate.central <= estimate.High())) {
      Expected("[low, central, high] with low <= central <= high");
    }
    return estimate;
  }
  if (node_.IsMap()) {
    RequireMap({"low", "central", "high", "source"});
    Estimate estimate(Child("central").Number());
    if (Has("low") != Has("high")) Fail("a range needs both 'low' and 'high'");
    if (Has("low")) {
      estimate.low = Child("low").Number();
      estimate.high = Child("high").Number();
      if (!(*estimate.low <= estimate.central && estimate.central <= *estimate.high)) {
        Fail("found low " + Child("low").String() + ", central " + Child("central").String() +
             ", high " + Child("high").String() + ", expected low <= central <= high");
      }
    }
    if (Has("source")) estimate.source = Child("source").String();
    return estimate;
  }
  Expected("a number, [low, central, high] or {central, low, high, source}");
}

NodeReader ParseYamlText(const std::string& text, const std::string& file_name) {
  try {
    CheckDocuments(text, file_name);
    return NodeReader(YAML::Load(text), file_name, "");
  } catch (const YAML::Exception& error) {
    ErrorLocation location;
    location.file = file_name;
    if (!error.mark.is_null()) {
      location.line = error.mark.line + 1;
      location.column = error.mark.column + 1;
    }
    throw InputError(Location(file_name, error.mark) + ": syntax error: " + error.msg,
                     std::move(location));
  }
}

}  // namespace statecraft
