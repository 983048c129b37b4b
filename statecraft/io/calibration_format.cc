#include "statecraft/io/calibration_format.h"

#include <algorithm>
#include <cmath>

#include "statecraft/core/error.h"
#include "statecraft/io/text_file.h"

namespace statecraft {
namespace {

constexpr const char* kFormat = "statecraft calibration 1";

const Json& Require(const Json& object, const std::string& key, const std::string& where,
                    const std::string& file_name, const std::string& expected) {
  if (!object.is_object() || !object.contains(key)) {
    throw InputError(file_name + ": " + where + ": missing key '" + key + "', expected " +
                     expected);
  }
  return object.at(key);
}

double RequireNumber(const Json& value, const std::string& where, const std::string& file_name) {
  if (!value.is_number() || !std::isfinite(value.get<double>())) {
    throw InputError(file_name + ": " + where + ": found " + value.dump() +
                     ", expected a finite number");
  }
  return value.get<double>();
}

}  // namespace

Json CalibrationToJson(const Calibration& calibration) {
  Json out;
  out["format"] = kFormat;
  out["source"] = calibration.source;
  out["error_model"] =
      "outcome = clamp(forecast + range * (scale_intercept + scale_slope * spread) * z, scale "
      "low, scale high); z drawn from standardized_residuals; spread = the capability x salience "
      "weighted standard deviation of the positions / range (docs/calibration.md)";
  out["scenarios"] = calibration.scenarios;
  Json models = Json::object();
  for (const auto& [label, error] : calibration.models) {
    models[label] = {{"scale_intercept", error->scale_intercept},
                     {"scale_slope", error->scale_slope},
                     {"standardized_residuals", error->standardized}};
  }
  out["models"] = models;
  return out;
}

std::string WriteCalibrationJson(const Calibration& calibration) {
  return CalibrationToJson(calibration).dump(1) + "\n";
}

Calibration ParseCalibration(const std::string& text, const std::string& file_name) {
  Json root;
  try {
    root = Json::parse(CheckText(text, file_name));
  } catch (const Json::parse_error& error) {
    throw InputError(file_name + ": not JSON (" + error.what() +
                     "); expected a calibration written by `statecraft calibrate`");
  }
  const std::string document = "a calibration written by `statecraft calibrate`";
  const Json& format = Require(root, "format", "top level", file_name, document);
  if (format != kFormat) {
    throw InputError(file_name + ": format: found " + format.dump() + ", expected \"" + kFormat +
                     "\"");
  }
  Calibration calibration;
  calibration.name = file_name;
  const Json& source = Require(root, "source", "top level", file_name, "a description");
  if (!source.is_string()) {
    throw InputError(file_name + ": source: found " + source.dump() + ", expected a string");
  }
  calibration.source = source.get<std::string>();
  const Json& scenarios = Require(root, "scenarios", "top level", file_name, "a list of names");
  if (!scenarios.is_array()) {
    throw InputError(file_name + ": scenarios: found " + scenarios.dump() +
                     ", expected a list of scenario names");
  }
  for (std::size_t k = 0; k < scenarios.size(); ++k) {
    if (!scenarios[k].is_string()) {
      throw InputError(file_name + ": scenarios[" + std::to_string(k) + "]: found " +
                       scenarios[k].dump() + ", expected a scenario name");
    }
    calibration.scenarios.push_back(scenarios[k].get<std::string>());
  }
  const Json& models = Require(root, "models", "top level", file_name, "an object of models");
  if (!models.is_object() || models.empty()) {
    throw InputError(file_name + ": models: found " + models.dump().substr(0, 40) +
                     ", expected an object with one entry per model");
  }
  for (const auto& [label, entry] : models.items()) {
    const std::string where = "models." + label;
    const std::string expected = "scale_intercept, scale_slope and standardized_residuals";
    ModelError error;
    error.scale_intercept =
        RequireNumber(Require(entry, "scale_intercept", where, file_name, expected),
                      where + ".scale_intercept", file_name);
    error.scale_slope = RequireNumber(Require(entry, "scale_slope", where, file_name, expected),
                                      where + ".scale_slope", file_name);
    if (!(error.scale_intercept > 0.0) || error.scale_slope < 0.0) {
      throw InputError(file_name + ": " + where + ": found scale_intercept " +
                       std::to_string(error.scale_intercept) + " and scale_slope " +
                       std::to_string(error.scale_slope) +
                       ", expected a positive intercept and a slope of at least 0");
    }
    const Json& residuals = Require(entry, "standardized_residuals", where, file_name, expected);
    if (!residuals.is_array() || residuals.empty()) {
      throw InputError(file_name + ": " + where + ".standardized_residuals: found " +
                       residuals.dump().substr(0, 40) + ", expected a non-empty list of numbers");
    }
    for (std::size_t k = 0; k < residuals.size(); ++k) {
      error.standardized.push_back(RequireNumber(
          residuals[k], where + ".standardized_residuals[" + std::to_string(k) + "]", file_name));
    }
    if (!std::is_sorted(error.standardized.begin(), error.standardized.end())) {
      throw InputError(file_name + ": " + where +
                       ".standardized_residuals: found them out of order, expected them "
                       "ascending");
    }
    calibration.models[label] = std::make_shared<const ModelError>(std::move(error));
  }
  return calibration;
}

Calibration ReadCalibration(const std::string& path) {
  return ParseCalibration(ReadTextFile(path), path);
}

}  // namespace statecraft
