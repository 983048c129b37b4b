// `statecraft models`: the registered models and their parameters.
#include <iostream>

#include "cli/common.h"
#include "statecraft/models/builtin.h"

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
    const auto& models = BuiltinModels().models();
    if (*format == "json") {
      Json list = Json::array();
      for (const ModelInfo& info : models) list.push_back(ModelInfoToJson(info));
      PrintJson(std::cout, Json{{"models", list}});
      return;
    }
    for (const ModelInfo& info : models) {
      std::cout << info.name << "  " << info.summary << "\n";
      for (const ParamSpec& spec : info.params) {
        std::cout << "    " << DescribeParam(spec) << "  " << spec.description << "\n";
      }
    }
  });
}

}  // namespace statecraft::cli
