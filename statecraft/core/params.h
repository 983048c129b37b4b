// Typed model parameters: each model declares ParamSpecs; user input (k=v strings from the CLI,
// values from the web API or Python) is checked against them in one place, ResolveParams, which
// names the valid keys or values in its error.
#ifndef STATECRAFT_CORE_PARAMS_H_
#define STATECRAFT_CORE_PARAMS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "statecraft/core/detail.h"

namespace statecraft {

enum class ParamType { kInteger, kNumber, kBoolean, kChoice };

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::kNumber;
  std::string default_value;         // in the same text form a user would type
  std::vector<std::string> choices;  // for kChoice
  double min = -1e300;               // inclusive bounds for kInteger and kNumber
  double max = 1e300;
  std::string description;
};

// Resolved values: every declared parameter, defaults included, in declaration order.
class ParamValues {
 public:
  struct Entry {
    std::string name;
    ParamType type;
    std::string text;  // canonical text: "10", "0.5", "true", "global"
    double number;     // for kInteger, kNumber, kBoolean (0/1)
  };

  std::int64_t GetInteger(const std::string& name) const;
  double GetNumber(const std::string& name) const;
  bool GetBoolean(const std::string& name) const;
  const std::string& GetChoice(const std::string& name) const;
  const std::vector<Entry>& entries() const { return entries_; }

  // The resolved parameters as an ordered object (numbers as numbers, booleans as booleans).
  Detail ToDetail() const;

  void Add(Entry entry) { entries_.push_back(std::move(entry)); }

 private:
  const Entry& Get(const std::string& name, ParamType type) const;
  std::vector<Entry> entries_;
};

// Checks the given name=value pairs against specs and fills in defaults. `owner` names the model
// in errors ("model 'eum': unknown parameter 'round'; valid parameters: rounds, q, ...").
ParamValues ResolveParams(const std::string& owner, const std::vector<ParamSpec>& specs,
                          const std::vector<std::pair<std::string, std::string>>& given);

// "name=value" → {name, value}; throws InputError when there is no '='.
std::pair<std::string, std::string> SplitParamAssignment(const std::string& assignment);

const char* ParamTypeName(ParamType type);

}  // namespace statecraft

#endif  // STATECRAFT_CORE_PARAMS_H_
