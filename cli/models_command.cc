// `statecraft models`: the registered models and their parameters.
#include <cmath>
#include <iostream>

#include "cli/common.h"
#include "cli/result_tables.h"
#include "statecraft/app/scenario_commands.h"

namespace statecraft::cli {
namespace {

std::string DescribeParam(const ParamSpec& spec) {
  std::string text = spec.name + "=" + spec.default_value;
  if (spec.type == ParamType::kChoice) {
    std::string choices;
    for (const auto& choice : spec.choices) choices += (choices.empty() ? "" : "|") + choice;
    text += " (" + choices + ")";
  } else {
    text += std::string(" (") + ParamTypeName(spec.type) + ")";
  }
  return text;
}

// --format csv: one row per model and parameter (a model without parameters: one row with the
// parameter's fields empty); bounds only where a parameter has them.
CsvTable ModelsCsv(const app::ModelsOutput& output) {
  CsvTable table{{"model", "model_description", "method", "param", "type", "default", "choices",
                  "min", "max", "param_description"},
                 {}};
  const auto bound = [](const ParamSpec& spec, double value) {
    const bool numeric = spec.type == ParamType::kInteger || spec.type == ParamType::kNumber;
    return numeric && std::abs(value) < 1e300 ? Json(value) : Json();
  };
  for (const ModelInfo* info : output.models) {
    if (info->params.empty()) {
      table.rows.push_back({info->name, info->description, info->summary, Json(), Json(), Json(),
                            Json(), Json(), Json(), Json()});
    }
    for (const ParamSpec& spec : info->params) {
      std::string choices;
      for (const auto& choice : spec.choices) choices += (choices.empty() ? "" : "|") + choice;
      table.rows.push_back({info->name, info->description, info->summary, spec.name,
                            ParamTypeName(spec.type), spec.default_value,
                            choices.empty() ? Json() : Json(choices), bound(spec, spec.min),
                            bound(spec, spec.max), spec.description});
    }
  }
  return table;
}

}  // namespace

void AddModelsCommand(CLI::App& app) {
  auto* command = app.add_subcommand("models", "list the models and their parameters");
  auto format = std::make_shared<std::string>();
  AddFormatOption(*command, *format, {"table", "json", "csv"});
  command->callback([format] {
    const app::ModelsOutput output = Unwrap(app::Models({}));
    if (*format == "json") {
      PrintJson(std::cout, app::ModelsOutputToJson(output));
      return;
    }
    if (*format == "csv") {
      PrintCsv(std::cout, ModelsCsv(output));
      return;
    }
    for (const ModelInfo* model : output.models) {
      const ModelInfo& info = *model;
      std::cout << info.name << ": " << info.description << "\n";
      std::cout << "    method: " << info.summary << "\n";
      for (const ParamSpec& spec : info.params) {
        std::cout << "    " << DescribeParam(spec) << "  " << spec.description << "\n";
      }
    }
  });
}

}  // namespace statecraft::cli
