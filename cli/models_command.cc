// `statecraft models`: the registered models and their parameters.
#include <iostream>

#include "cli/common.h"
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

}  // namespace

void AddModelsCommand(CLI::App& app) {
  auto* command = app.add_subcommand("models", "list the models and their parameters");
  auto format = std::make_shared<std::string>();
  AddFormatOption(*command, *format, {"table", "json"});
  command->callback([format] {
    const app::ModelsOutput output = Unwrap(app::Models({}));
    if (*format == "json") {
      PrintJson(std::cout, app::ModelsOutputToJson(output));
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
