#include "statecraft/core/params.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "statecraft/core/error.h"
#include "statecraft/core/number_text.h"
#include "statecraft/core/spelling.h"

namespace statecraft {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string joined;
  for (const auto& item : items) {
    if (!joined.empty()) joined += ", ";
    joined += item;
  }
  return joined;
}

ParamValues::Entry ParseValue(const std::string& owner, const ParamSpec& spec,
                              const std::string& text) {
  const std::string where = owner + ": parameter '" + spec.name + "'";
  ParamValues::Entry entry{spec.name, spec.type, text, 0.0};
  switch (spec.type) {
    case ParamType::kBoolean: {
      if (text == "true" || text == "on" || text == "yes" || text == "1") {
        entry.text = "true";
        entry.number = 1;
      } else if (text == "false" || text == "off" || text == "no" || text == "0") {
        entry.text = "false";
        entry.number = 0;
      } else {
        throw InputError(where + ": found '" + text + "', expected true or false (on/off)");
      }
      return entry;
    }
    case ParamType::kChoice: {
      for (const auto& choice : spec.choices) {
        if (choice == text) return entry;
      }
      throw InputError(where + ": found '" + text + "', expected one of " + Join(spec.choices));
    }
    case ParamType::kInteger:
    case ParamType::kNumber: {
      const bool integer = spec.type == ParamType::kInteger;
      const char* begin = text.c_str();
      char* end = nullptr;
      errno = 0;
      double value = 0;
      if (integer) {
        long long parsed = std::strtoll(begin, &end, 10);
        value = static_cast<double>(parsed);
      } else {
        value = std::strtod(begin, &end);
      }
      if (text.empty() || end != begin + text.size() || errno == ERANGE || !std::isfinite(value)) {
        throw InputError(where + ": found '" + text + "', expected " +
                         (integer ? "an integer" : "a finite number"));
      }
      if (value < spec.min || value > spec.max) {
        throw InputError(where + ": found " + text + ", expected a value in [" +
                         NumberText(spec.min) + ", " + NumberText(spec.max) + "]");
      }
      entry.number = value;
      entry.text = integer ? std::to_string(static_cast<long long>(value)) : NumberText(value);
      return entry;
    }
  }
  return entry;
}

}  // namespace

const char* ParamTypeName(ParamType type) {
  switch (type) {
    case ParamType::kInteger:
      return "integer";
    case ParamType::kNumber:
      return "number";
    case ParamType::kBoolean:
      return "boolean";
    case ParamType::kChoice:
      return "choice";
  }
  return "unknown";
}

const ParamValues::Entry& ParamValues::Get(const std::string& name, ParamType type) const {
  for (const auto& entry : entries_) {
    if (entry.name == name) {
      if (entry.type != type) {
        throw std::logic_error("parameter '" + name + "' read as " + ParamTypeName(type) +
                               " but declared " + ParamTypeName(entry.type));
      }
      return entry;
    }
  }
  throw std::logic_error("parameter '" + name + "' was not declared");
}

std::int64_t ParamValues::GetInteger(const std::string& name) const {
  return static_cast<std::int64_t>(Get(name, ParamType::kInteger).number);
}
double ParamValues::GetNumber(const std::string& name) const {
  return Get(name, ParamType::kNumber).number;
}
bool ParamValues::GetBoolean(const std::string& name) const {
  return Get(name, ParamType::kBoolean).number != 0;
}
const std::string& ParamValues::GetChoice(const std::string& name) const {
  return Get(name, ParamType::kChoice).text;
}

Detail ParamValues::ToDetail() const {
  Detail object = Detail::MakeObject();
  for (const auto& entry : entries_) {
    switch (entry.type) {
      case ParamType::kInteger:
        object.Set(entry.name, static_cast<std::int64_t>(entry.number));
        break;
      case ParamType::kNumber:
        object.Set(entry.name, entry.number);
        break;
      case ParamType::kBoolean:
        object.Set(entry.name, entry.number != 0);
        break;
      case ParamType::kChoice:
        object.Set(entry.name, entry.text);
        break;
    }
  }
  return object;
}

ParamValues ResolveParams(const std::string& owner, const std::vector<ParamSpec>& specs,
                          const std::vector<std::pair<std::string, std::string>>& given) {
  std::vector<std::string> names;
  for (const auto& spec : specs) names.push_back(spec.name);
  for (std::size_t k = 0; k < given.size(); ++k) {
    bool known = false;
    for (const auto& spec : specs) known = known || spec.name == given[k].first;
    if (!known) {
      throw InputError(owner + ": unknown parameter '" + given[k].first + "'; " +
                       DidYouMean(given[k].first, names) +
                       (names.empty() ? std::string("this model takes no parameters")
                                      : "valid parameters: " + Join(names)));
    }
    for (std::size_t j = 0; j < k; ++j) {
      if (given[j].first == given[k].first) {
        throw InputError(owner + ": parameter '" + given[k].first + "' given twice");
      }
    }
  }
  ParamValues values;
  for (const auto& spec : specs) {
    std::string text = spec.default_value;
    for (const auto& [name, value] : given) {
      if (name == spec.name) text = value;
    }
    values.Add(ParseValue(owner, spec, text));
  }
  return values;
}

std::pair<std::string, std::string> SplitParamAssignment(const std::string& assignment) {
  const auto equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0) {
    throw InputError("--param: found '" + assignment + "', expected NAME=VALUE");
  }
  return {assignment.substr(0, equals), assignment.substr(equals + 1)};
}

}  // namespace statecraft
