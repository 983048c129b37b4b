// `statecraft convert FILE [--from FORMAT] [--to yaml|json] [-o PATH]`: imports any supported
// format into the native one. A file holding several scenarios (DEU) needs -o DIRECTORY and
// gives one file per scenario. A native file keeps its levers, plans and counter-levers.
// Everything is converted before anything is written, so a bad input writes nothing.
#include <filesystem>
#include <iostream>

#include "cli/common.h"
#include "statecraft/app/scenario_commands.h"
#include "statecraft/core/error.h"
#include "statecraft/io/text_file.h"

namespace statecraft::cli {
namespace {

struct ConvertOptions {
  InputOptions input;
  std::string to;
  std::string output;
};

// A file name from a scenario name: letters, digits, '-', '_' and '.' kept, others → '_'.
std::string SafeFileName(const std::string& name) {
  std::string safe;
  for (char c : name) {
    safe +=
        (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
  }
  return safe.empty() ? "scenario" : safe;
}

}  // namespace

void AddConvertCommand(CLI::App& app) {
  auto options = std::make_shared<ConvertOptions>();
  auto* command =
      app.add_subcommand("convert", "import KTAB, BDM, Decide or DEU files into YAML or JSON");
  AddInputOptions(*command, options->input, /*file_required=*/true);
  command
      ->add_option("--to", options->to,
                   "output format: yaml|json (default: from -o's "
                   "extension, else yaml)")
      ->check(CLI::IsMember({"yaml", "json"}));
  command->add_option("-o,--output", options->output,
                      "output file (a directory when the input holds several scenarios); "
                      "default: standard output");
  command->callback([options] {
    std::string to = options->to;
    if (to.empty()) {
      to = std::filesystem::path(options->output).extension() == ".json" ? "json" : "yaml";
    }
    const app::ConvertOutput output = Unwrap(app::Convert({SourceOf(options->input), to}));
    const auto& documents = output.documents;
    if (documents.size() == 1) {
      if (options->output.empty()) {
        std::cout << documents.front().second;
      } else {
        WriteTextFileAtomically(options->output, documents.front().second);
      }
      return;
    }
    if (options->output.empty()) {
      throw InputError(options->input.file + ": holds " + std::to_string(documents.size()) +
                       " scenarios; give -o DIRECTORY to write one file per scenario");
    }
    std::error_code error;
    std::filesystem::create_directories(options->output, error);
    if (error) throw InputError(options->output + ": cannot create directory: " + error.message());
    for (const auto& [name, text] : documents) {
      WriteTextFileAtomically(options->output + "/" + SafeFileName(name) + "." + to, text);
    }
    std::cout << "wrote " << documents.size() << " scenarios to " << options->output << "\n";
  });
}

}  // namespace statecraft::cli
