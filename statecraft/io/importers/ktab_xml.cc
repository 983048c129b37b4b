// KTAB's XML scenario format (SMPModel::xmlRead, schema doc/smpSchema.xsd), docs/models/smp.md
// §4.1, read on top of the element tree of io/xml_reader.h. Every error names the file, line and
// column.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "statecraft/core/error.h"
#include "statecraft/core/number_text.h"
#include "statecraft/io/csv.h"
#include "statecraft/io/importers/ktab.h"
#include "statecraft/io/xml_reader.h"

namespace statecraft {
namespace {

std::string Trim(const std::string& text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && (text[begin] == ' ' || text[begin] == '\t' || text[begin] == '\n' ||
                         text[begin] == '\r')) {
    ++begin;
  }
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n' ||
                         text[end - 1] == '\r')) {
    --end;
  }
  return text.substr(begin, end - begin);
}

// Reading KTAB's document structure on top of the element tree.
class KtabDocumentReader {
 public:
  explicit KtabDocumentReader(const std::string& file_name) : file_name_(file_name) {}

  [[noreturn]] void Fail(const XmlElement& at, const std::string& message) const {
    throw InputError(file_name_ + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                     ": " + message);
  }

  // Children of `parent`, each name checked against `allowed`.
  void CheckChildren(const XmlElement& parent, const std::vector<std::string>& allowed) const {
    for (const XmlElement& child : parent.children) {
      bool known = false;
      for (const std::string& name : allowed) known = known || child.name == name;
      if (!known) {
        std::string list;
        for (const std::string& name : allowed) list += (list.empty() ? "<" : ", <") + name + ">";
        Fail(child, "found <" + child.name + "> inside <" + parent.name + ">, expected " + list);
      }
    }
  }

  // The one child called `name`; nullptr when absent and optional.
  const XmlElement* Child(const XmlElement& parent, const std::string& name, bool required) const {
    const XmlElement* found = nullptr;
    for (const XmlElement& child : parent.children) {
      if (child.name != name) continue;
      if (found != nullptr) {
        Fail(child, "found a second <" + name + "> inside <" + parent.name + ">, expected one");
      }
      found = &child;
    }
    if (found == nullptr && required) {
      Fail(parent, "found <" + parent.name + "> without <" + name + ">, expected one");
    }
    return found;
  }

  std::string Text(const XmlElement& element) const {
    if (!element.children.empty()) {
      Fail(element.children[0], "found <" + element.children[0].name + "> inside <" + element.name +
                                    ">, expected text only");
    }
    return Trim(element.text);
  }

  double Number(const XmlElement& element, const std::string& what) const {
    const std::string text = Text(element);
    const std::optional<double> value = ParseNumber(text);
    if (!value) Fail(element, what + ": found '" + text + "', expected a number");
    return *value;
  }

  std::string LimitedText(const XmlElement& element, const std::string& what, std::size_t minimum,
                          std::size_t maximum) const {
    const std::string text = Text(element);
    if (text.size() < minimum || text.size() > maximum) {
      Fail(element, what + ": found '" + text + "' (" + std::to_string(text.size()) +
                        " characters), expected " + std::to_string(minimum) + " to " +
                        std::to_string(maximum) + " characters");
    }
    return text;
  }

  KtabXmlDocument Read(const XmlElement& root) const {
    if (root.name != "Scenario") {
      Fail(root, "found the root element <" + root.name + ">, expected <Scenario>");
    }
    CheckChildren(root, {"name", "desc", "prngSeed", "ModelParameters", "Dimensions", "Actors",
                         "IdealAdjustment"});
    KtabXmlDocument document;
    Scenario& scenario = document.scenario;
    scenario.name = LimitedText(*Child(root, "name", true), "scenario name", 1, 512);
    if (const XmlElement* desc = Child(root, "desc", false)) {
      scenario.description = LimitedText(*desc, "scenario description", 0, 512);
    }
    scenario.sources.push_back("KTAB XML " + file_name_);
    // KTAB requires <prngSeed>; it only matters for stochastic runs, so it is optional here.
    if (const XmlElement* seed = Child(root, "prngSeed", false)) {
      const std::string text = Text(*seed);
      std::uint64_t value = 0;
      bool valid = !text.empty() && text.size() <= 20;
      for (char c : text) {
        if (c < '0' || c > '9') {
          valid = false;
          break;
        }
        const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
        if (value > (UINT64_MAX - digit) / 10) {
          valid = false;
          break;
        }
        value = value * 10 + digit;
      }
      if (!valid) {
        Fail(*seed, "prngSeed: found '" + text + "', expected a whole number below 2^64");
      }
      document.prng_seed = value;
      scenario.sources.push_back("KTAB prngSeed " + text + " (pass it as --seed)");
    }
    if (const XmlElement* parameters = Child(root, "ModelParameters", false)) {
      ReadParameters(*parameters, document);
    }

    const XmlElement& dimensions = *Child(root, "Dimensions", true);
    CheckChildren(dimensions, {"dName"});
    std::set<std::string> dimension_names;
    for (const XmlElement& dimension : dimensions.children) {
      Issue issue;
      issue.name = LimitedText(dimension, "dimension name", 1, 256);
      if (!dimension_names.insert(issue.name).second) {
        Fail(dimension, "found the dimension name '" + issue.name + "' twice, expected unique");
      }
      issue.scale_low = 0.0;
      issue.scale_high = 100.0;
      scenario.issues.push_back(std::move(issue));
    }
    if (scenario.issues.empty()) Fail(dimensions, "found no <dName>, expected at least one");
    const int d = scenario.IssueCount();

    const XmlElement& actors = *Child(root, "Actors", true);
    CheckChildren(actors, {"Actor"});
    if (actors.children.size() < 3) {
      Fail(actors, "found " + std::to_string(actors.children.size()) +
                       " <Actor> elements, expected at least 3");
    }
    std::vector<std::vector<double>> positions;
    std::vector<std::vector<double>> saliences;
    std::map<std::string, int> actor_index;
    for (const XmlElement& actor : actors.children) {
      CheckChildren(actor, {"name", "description", "capability", "Position", "Salience"});
      Actor entry;
      entry.name = LimitedText(*Child(actor, "name", true), "actor name", 1, 25);
      if (!actor_index.emplace(entry.name, static_cast<int>(actor_index.size())).second) {
        Fail(*Child(actor, "name", true),
             "found the actor name '" + entry.name + "' twice, expected unique names");
      }
      if (const XmlElement* description = Child(actor, "description", false)) {
        entry.description = LimitedText(*description, "actor description", 0, 256);
      }
      const XmlElement& capability = *Child(actor, "capability", true);
      const double value = Number(capability, "capability");
      if (!(value > 0.0) || value > 1e8) {
        Fail(capability,
             "capability: found " + Text(capability) + ", expected a number > 0 and <= 1e8");
      }
      entry.capability = Estimate(value);
      positions.push_back(ReadVector(*Child(actor, "Position", true), "dCoord", "position", d));
      saliences.push_back(ReadVector(*Child(actor, "Salience", true), "dSal", "salience", d));
      double total = 0.0;
      for (double salience : saliences.back()) total += salience;
      if (total > 100.0 + 1e-9) {
        Fail(*Child(actor, "Salience", true),
             "saliences sum to " + NumberText(total) +
                 ", expected at most 100 (percent over all dimensions)");
      }
      scenario.actors.push_back(std::move(entry));
    }
    scenario.ResizeStakes();
    for (int a = 0; a < scenario.ActorCount(); ++a) {
      for (int k = 0; k < d; ++k) {
        scenario.SetStake(
            a, k,
            Stake{Estimate(positions[a][k]), Estimate(saliences[a][k] / 100.0), std::nullopt, ""});
      }
    }

    // KTAB requires <IdealAdjustment> (its shipped dummyData_3Dim.xml fails for lack of it);
    // without one, ideals follow positions (the identity), as with KTAB's CSV input.
    if (const XmlElement* adjustment = Child(root, "IdealAdjustment", false)) {
      ReadAdjustment(*adjustment, actor_index, document);
    }
    scenario.Validate();
    return document;
  }

 private:
  std::vector<double> ReadVector(const XmlElement& parent, const std::string& child_name,
                                 const std::string& what, int d) const {
    CheckChildren(parent, {child_name});
    if (static_cast<int>(parent.children.size()) != d) {
      Fail(parent, "found " + std::to_string(parent.children.size()) + " <" + child_name +
                       "> in <" + parent.name + ">, expected " + std::to_string(d) +
                       ", one per <dName>");
    }
    std::vector<double> values;
    for (const XmlElement& element : parent.children) {
      const double value = Number(element, what);
      if (value < 0.0 || value > 100.0) {
        Fail(element, what + ": found " + Text(element) + ", expected a number in [0, 100]");
      }
      values.push_back(value);
    }
    return values;
  }

  void ReadParameters(const XmlElement& parameters, KtabXmlDocument& document) const {
    struct Switch {
      const char* element;
      const char* parameter;
      std::vector<std::pair<std::string, std::string>> values;  // KTAB spelling → our choice
    };
    // KTAB's reader spellings (§4.2), plus the schema's "Proportional" and "No", which KTAB's
    // reader rejects although its own schema declares them.
    const std::vector<Switch> switches = {
        {"VictoryProbModel",
         "victory_probability",
         {{"Linear", "linear"},
          {"Square", "square"},
          {"Quartic", "quartic"},
          {"Octic", "octic"},
          {"Binary", "binary"}}},
        {"PCEModel",
         "pce",
         {{"Conditional", "conditional"},
          {"MarkovIncentive", "markov_incentive"},
          {"MarkovUniform", "markov_uniform"}}},
        {"StateTransitions",
         "state_transitions",
         {{"Deterministic", "deterministic"}, {"Stochastic", "stochastic"}}},
        {"VotingRule",
         "voting_rule",
         {{"Binary", "binary"},
          {"PropBin", "prop_bin"},
          {"Prop", "prop"},
          {"Proportional", "prop"},
          {"PropCbc", "prop_cbc"},
          {"Cubic", "cubic"},
          {"ASymProsp", "asym_prosp"}}},
        {"BigRAdjust",
         "risk_adjustment",
         {{"None", "none"},
          {"No", "none"},
          {"OneThird", "one_third"},
          {"Half", "half"},
          {"TwoThirds", "two_thirds"},
          {"Full", "full"}}},
        {"BigRRange", "risk_range", {{"Min", "min"}, {"Mid", "mid"}, {"Max", "max"}}},
        {"ThirdPartyCommit",
         "third_party_commit",
         {{"NoCommit", "no_commit"}, {"SemiCommit", "semi_commit"}, {"FullCommit", "full_commit"}}},
        {"InterVecBrgn",
         "bargain_interpolation",
         {{"S1P1", "s1p1"}, {"S2P2", "s2p2"}, {"S2PMax", "s2pmax"}}},
        {"BargnModel",
         "bargain_model",
         {{"InitOnlyInterp", "init_only_interp"},
          {"InitRcvrInterp", "init_rcvr_interp"},
          {"PWCompInterp", "pw_comp_interp"}}},
    };
    std::vector<std::string> names;
    for (const Switch& entry : switches) names.push_back(entry.element);
    CheckChildren(parameters, names);
    std::string summary;
    for (const Switch& entry : switches) {
      const XmlElement* element = Child(parameters, entry.element, false);
      if (element == nullptr) continue;
      const std::string value = Text(*element);
      std::string choice;
      std::string expected;
      for (const auto& [spelling, name] : entry.values) {
        if (value == spelling) choice = name;
        expected += (expected.empty() ? "" : ", ") + spelling;
      }
      if (choice.empty()) {
        Fail(*element,
             std::string(entry.element) + ": found '" + value + "', expected one of " + expected);
      }
      document.model_parameters.emplace_back(entry.parameter, choice);
      summary += (summary.empty() ? "" : " ") + std::string(entry.parameter) + "=" + choice;
    }
    if (!summary.empty()) {
      document.scenario.sources.push_back(
          "KTAB ModelParameters (give them to the smp model as --param): " + summary);
    }
  }

  void ReadAdjustment(const XmlElement& adjustment, const std::map<std::string, int>& actor_index,
                      KtabXmlDocument& document) const {
    CheckChildren(adjustment, {"iaPair"});
    const int n = static_cast<int>(actor_index.size());
    std::vector<double> matrix(static_cast<std::size_t>(n) * n, 0.0);
    for (int i = 0; i < n; ++i) matrix[i * n + i] = 1.0;
    const auto actor_of = [&](const XmlElement& element) {
      const std::string name = Text(element);
      const auto found = actor_index.find(name);
      if (found == actor_index.end()) {
        Fail(element, element.name + ": found '" + name + "', expected the name of an actor");
      }
      return found->second;
    };
    bool identity = true;
    for (const XmlElement& pair : adjustment.children) {
      CheckChildren(pair, {"adjustingIdeal", "referencePos", "adjust"});
      const int adjusting = actor_of(*Child(pair, "adjustingIdeal", true));
      const int reference = actor_of(*Child(pair, "referencePos", true));
      const double value = Number(*Child(pair, "adjust", true), "adjust");
      matrix[adjusting * n + reference] = value;
      identity = identity && value == (adjusting == reference ? 1.0 : 0.0);
    }
    if (!identity) document.accommodation = std::move(matrix);
  }

  const std::string& file_name_;
};

}  // namespace

bool SniffKtabXml(const std::string& text) {
  const std::string head = text.substr(0, 4096);
  return head.find("<Scenario") != std::string::npos &&
         (head.find("<Actors") != std::string::npos ||
          head.find("<Dimensions") != std::string::npos ||
          head.find("<prngSeed") != std::string::npos);
}

KtabXmlDocument ReadKtabXmlDocument(const std::string& text, const std::string& file_name) {
  const XmlElement root = ReadXmlDocument(text, file_name);
  return KtabDocumentReader(file_name).Read(root);
}

std::vector<Scenario> ReadKtabXml(const std::string& text, const std::string& file_name,
                                  const ImportOptions& /*options*/) {
  KtabXmlDocument document = ReadKtabXmlDocument(text, file_name);
  if (!document.accommodation.empty()) {
    // A Scenario has no slot for KTAB's accommodation matrix; running without it would give
    // numbers KTAB does not, so refuse instead of dropping it silently.
    const XmlElement root = ReadXmlDocument(text, file_name);
    for (const XmlElement& child : root.children) {
      if (child.name != "IdealAdjustment") continue;
      throw InputError(file_name + ":" + std::to_string(child.line) + ":" +
                       std::to_string(child.column) +
                       ": found an <IdealAdjustment> other than the identity (lagging ideals), "
                       "expected each actor to adjust only to its own position with adjust 1: a "
                       "scenario cannot carry KTAB's accommodation matrix (the C++ API RunSmp "
                       "with ReadKtabXmlDocument can)");
    }
  }
  return {std::move(document.scenario)};
}

}  // namespace statecraft
