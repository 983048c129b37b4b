#include "statecraft/app/json_requests.h"

#include <limits>

#include "statecraft/io/calibration_format.h"

namespace statecraft::app {
namespace {

std::string Shown(const Json& value) {
  // Messages quote what the client sent; long values are cut so the message stays one line.
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

// A body's fields, each read once with its type checked.
class Fields {
 public:
  Fields(const Json& body, std::initializer_list<const char*> known) : body_(body) {
    if (!body.is_object()) {
      FailField("request", "found " + Shown(body) + ", expected a JSON object");
    }
    for (const auto& [key, value] : body.items()) {
      bool found = false;
      for (const char* name : known) found = found || key == name;
      if (!found) {
        std::string names;
        for (const char* name : known) names += std::string(names.empty() ? "" : ", ") + name;
        FailField(key, "unknown key, expected one of " + names);
      }
    }
  }

  const Json* Get(const char* key) const {
    const auto found = body_.find(key);
    return found == body_.end() || found->is_null() ? nullptr : &*found;
  }

  std::string String(const char* key, const std::string& fallback = "") const {
    const Json* value = Get(key);
    if (value == nullptr) return fallback;
    if (!value->is_string()) FailField(key, "found " + Shown(*value) + ", expected a string");
    return value->get<std::string>();
  }

  double Number(const char* key, double fallback) const {
    const Json* value = Get(key);
    if (value == nullptr) return fallback;
    if (!value->is_number()) FailField(key, "found " + Shown(*value) + ", expected a number");
    return value->get<double>();
  }

  std::optional<double> OptionalNumber(const char* key) const {
    if (Get(key) == nullptr) return std::nullopt;
    return Number(key, 0.0);
  }

  std::int64_t Integer(const char* key, std::int64_t fallback) const {
    const Json* value = Get(key);
    if (value == nullptr) return fallback;
    if (!value->is_number_integer()) {
      FailField(key, "found " + Shown(*value) + ", expected an integer");
    }
    if (value->is_number_unsigned() &&
        value->get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return std::numeric_limits<std::int64_t>::max();
    }
    return value->get<std::int64_t>();
  }

  bool Boolean(const char* key, bool fallback) const {
    const Json* value = Get(key);
    if (value == nullptr) return fallback;
    if (!value->is_boolean()) FailField(key, "found " + Shown(*value) + ", expected true or false");
    return value->get<bool>();
  }

  // A calibration document (statecraft calibrate's output), or null when absent.
  std::shared_ptr<const Calibration> CalibrationDocument(const char* key) const {
    const Json* value = Get(key);
    if (value == nullptr) return nullptr;
    if (!value->is_object()) {
      FailField(key, "found " + Shown(*value) +
                         ", expected a calibration document (written by statecraft calibrate)");
    }
    return std::make_shared<const Calibration>(ParseCalibration(value->dump(), key));
  }

  std::uint64_t Seed(const char* key) const {
    const Json* value = Get(key);
    if (value == nullptr) return 0;
    if (!value->is_number_unsigned()) {
      FailField(key, "found " + Shown(*value) +
                         ", expected a whole number from 0 to 18446744073709551615");
    }
    return value->get<std::uint64_t>();
  }

  std::vector<std::string> Strings(const char* key) const {
    std::vector<std::string> out;
    const Json* value = Get(key);
    if (value == nullptr) return out;
    if (!value->is_array()) FailField(key, "found " + Shown(*value) + ", expected a list");
    for (std::size_t k = 0; k < value->size(); ++k) {
      const Json& item = (*value)[k];
      if (!item.is_string()) {
        FailField(std::string(key) + "[" + std::to_string(k) + "]",
                  "found " + Shown(item) + ", expected a string");
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  ScenarioSource Source() const {
    const Json* document = Get("document");
    if (document == nullptr) return ScenarioSource::Builtin();
    if (!document->is_object()) {
      FailField("document", "found " + Shown(*document) + ", expected a scenario object");
    }
    return ScenarioSource::Document(*document);
  }

  Uncertainty ReadUncertainty(std::int64_t default_draws) const {
    Uncertainty uncertainty;
    uncertainty.draws = Integer("draws", default_draws);
    uncertainty.seed = Seed("seed");
    uncertainty.threads = Integer("threads", 0);
    uncertainty.distribution = String("distribution", "triangular");
    uncertainty.model_error = Boolean("model_error", true);
    uncertainty.calibration = CalibrationDocument("calibration");
    return uncertainty;
  }

 private:
  const Json& body_;
};

ModelSpec ModelOf(const std::string& key, const Json& spec, const Json* params) {
  ModelSpec model;
  if (spec.is_string()) {
    model = ParseModelSpec(spec.get<std::string>());
  } else if (spec.is_object()) {
    for (const auto& [name, value] : spec.items()) {
      if (name != "name" && name != "params") {
        FailField(key + "." + name, "unknown key, expected one of name, params");
      }
    }
    const auto name = spec.find("name");
    if (name == spec.end() || !name->is_string()) {
      FailField(key + ".name", "expected the model's name");
    }
    model.name = name->get<std::string>();
    const auto found = spec.find("params");
    params = found == spec.end() || found->is_null() ? nullptr : &*found;
  } else {
    FailField(key, "found " + Shown(spec) + ", expected a model name or {\"name\", \"params\"}");
  }
  if (params != nullptr) {
    if (!params->is_object()) {
      FailField("params", "found " + Shown(*params) + ", expected an object of NAME: VALUE");
    }
    for (const auto& [name, value] : params->items()) {
      model.params.emplace_back(name, ParamValueText("params." + name, value));
    }
  }
  return model;
}

// "models": [...], or one "model" (with "params"); `fallback` when neither is given.
std::vector<ModelSpec> ModelsOf(const Fields& fields, std::vector<ModelSpec> fallback) {
  if (const Json* list = fields.Get("models")) {
    if (fields.Get("model") != nullptr) {
      FailField("model", "give \"model\" or \"models\", not both");
    }
    if (!list->is_array() || list->empty()) {
      FailField("models", "found " + Shown(*list) + ", expected a non-empty list of models");
    }
    std::vector<ModelSpec> models;
    for (std::size_t k = 0; k < list->size(); ++k) {
      models.push_back(ModelOf("models[" + std::to_string(k) + "]", (*list)[k], nullptr));
    }
    return models;
  }
  if (const Json* model = fields.Get("model"))
    return {ModelOf("model", *model, fields.Get("params"))};
  if (fields.Get("params") != nullptr) {
    if (fallback.size() != 1) FailField("params", "give the model the parameters are for");
    return {ModelOf("model", Json(fallback.front().name), fields.Get("params"))};
  }
  return fallback;
}

}  // namespace

std::string ParamValueText(const std::string& key, const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return value.dump();
  FailField(key, "found " + Shown(value) + ", expected a number, a string or true/false");
}

bool DecodeSave(const Json& body, bool fallback) {
  const auto found = body.is_object() ? body.find("save") : body.end();
  if (!body.is_object() || found == body.end() || found->is_null()) return fallback;
  if (!found->is_boolean())
    FailField("save", "found " + Shown(*found) + ", expected true or false");
  return found->get<bool>();
}

ValidateRequest DecodeValidateRequest(const Json& body) {
  const Fields fields(body, {"document"});
  return ValidateRequest{fields.Source()};
}

RunRequest DecodeRunRequest(const Json& body) {
  const Fields fields(body, {"document", "model", "params", "seed", "plan", "save"});
  RunRequest request;
  request.scenario = fields.Source();
  request.model = ModelsOf(fields, {request.model}).front();
  request.seed = fields.Seed("seed");
  request.plan = fields.String("plan");
  return request;
}

CompareRequest DecodeCompareRequest(const Json& body) {
  const Fields fields(body, {"document", "models", "model", "params", "seed", "plan", "save"});
  CompareRequest request;
  request.scenario = fields.Source();
  request.models = ModelsOf(fields, {});
  request.seed = fields.Seed("seed");
  request.plan = fields.String("plan");
  return request;
}

WhatifRequest DecodeWhatifRequest(const Json& body) {
  const Fields fields(
      body, {"document", "plans", "models", "model", "params", "target", "counter", "draws", "seed",
             "threads", "distribution", "model_error", "calibration", "save"});
  WhatifRequest request;
  request.scenario = fields.Source();
  if (fields.Get("plans") != nullptr) request.plans = fields.Strings("plans");
  request.models = ModelsOf(fields, {});
  request.target = fields.String("target");
  request.counter = fields.String("counter");
  request.uncertainty = fields.ReadUncertainty(request.uncertainty.draws);
  return request;
}

SweepRequest DecodeSweepRequest(const Json& body) {
  const Fields fields(
      body, {"document", "model", "models", "params", "plan", "target", "drivers", "draws", "seed",
             "threads", "distribution", "model_error", "calibration", "save"});
  SweepRequest request;
  request.scenario = fields.Source();
  request.models = ModelsOf(fields, request.models);
  request.plan = fields.String("plan");
  request.target = fields.String("target");
  request.drivers = fields.Integer("drivers", request.drivers);
  request.uncertainty = fields.ReadUncertainty(request.uncertainty.draws);
  return request;
}

OptimizeRequest DecodeOptimizeRequest(const Json& body) {
  const Fields fields(body, {"document", "target", "probability", "budget", "models", "model",
                             "params", "runners_up", "draws", "seed", "threads", "distribution",
                             "model_error", "calibration", "save", "exhaustive"});
  OptimizeRequest request;
  request.scenario = fields.Source();
  request.target = fields.String("target");
  request.probability = fields.Number("probability", request.probability);
  request.budget = fields.OptionalNumber("budget");
  request.models = ModelsOf(fields, request.models);
  request.runners_up = fields.Integer("runners_up", request.runners_up);
  request.uncertainty = fields.ReadUncertainty(request.uncertainty.draws);
  request.exhaustive = fields.Boolean("exhaustive", request.exhaustive);
  return request;
}

AnswerRequest DecodeAnswerRequest(const Json& body) {
  const Fields fields(body, {"document", "models", "model", "params", "draws", "optimize_draws",
                             "seed", "threads", "distribution", "model_error", "calibration"});
  AnswerRequest request;
  request.scenario = fields.Source();
  request.models = ModelsOf(fields, {});
  request.uncertainty = fields.ReadUncertainty(request.uncertainty.draws);
  request.optimize_draws = fields.Integer("optimize_draws", request.optimize_draws);
  return request;
}

BacktestRequest DecodeBacktestRequest(const Json& body) {
  const Fields fields(body, {"document", "models", "model_error", "calibration"});
  BacktestRequest request;
  request.scenarios = {fields.Source()};
  for (const std::string& spec : fields.Strings("models")) {
    request.models.push_back(ParseBacktestModel(spec));
  }
  request.min_actors = 1;
  request.both_rules = true;
  request.model_error = fields.Boolean("model_error", true);
  request.calibration = fields.CalibrationDocument("calibration");
  return request;
}

GalleryBacktestRequest DecodeGalleryBacktestRequest(const Json& body) {
  const Fields fields(body, {"models", "model_error", "calibration"});
  GalleryBacktestRequest request;
  for (const std::string& spec : fields.Strings("models")) {
    request.models.push_back(ParseBacktestModel(spec));
  }
  request.model_error = fields.Boolean("model_error", true);
  request.calibration = fields.CalibrationDocument("calibration");
  return request;
}

ReportDataRequest DecodeReportDataRequest(const Json& body) {
  const Fields fields(body, {"document", "model", "draws", "seed", "threads", "model_error",
                             "calibration", "answer_models", "answer_draws", "optimize_draws"});
  ReportDataRequest request;
  request.scenario = fields.Source();
  request.model = fields.String("model", request.model);
  request.draws = fields.Integer("draws", request.draws);
  if (const Json* list = fields.Get("answer_models")) {
    if (!list->is_array() || list->empty()) {
      FailField("answer_models", "found " + Shown(*list) + ", expected a non-empty list of models");
    }
    for (std::size_t k = 0; k < list->size(); ++k) {
      request.answer_models.push_back(
          ModelOf("answer_models[" + std::to_string(k) + "]", (*list)[k], nullptr));
    }
  }
  if (fields.Get("answer_draws") != nullptr) {
    request.answer_draws = fields.Integer("answer_draws", 0);
  }
  if (fields.Get("optimize_draws") != nullptr) {
    request.optimize_draws = fields.Integer("optimize_draws", 0);
  }
  request.seed = fields.Seed("seed");
  request.threads = fields.Integer("threads", request.threads);
  request.model_error = fields.Boolean("model_error", true);
  request.calibration = fields.CalibrationDocument("calibration");
  return request;
}

ConvertRequest DecodeConvertRequest(const Json& body) {
  const Fields fields(body, {"text", "file_name", "from", "capability"});
  if (fields.Get("text") == nullptr) FailField("text", "missing, expected the file's text");
  ReadOptions read;
  read.format = fields.String("from", "auto");
  read.import.capability = fields.String("capability", "equal");
  ConvertRequest request;
  request.scenario = ScenarioSource::Text(fields.String("text"),
                                          fields.String("file_name", "scenario.yaml"), read);
  request.to = "json";
  return request;
}

}  // namespace statecraft::app
