#include "statecraft/io/scenario_reader.h"

#include <algorithm>
#include <cctype>

#include "statecraft/core/error.h"
#include "statecraft/io/native_format.h"
#include "statecraft/io/text_file.h"

namespace statecraft {
namespace {

std::string LowerExtension(const std::string& file_name) {
  const auto slash = file_name.find_last_of('/');
  const auto dot = file_name.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string extension = file_name.substr(dot);
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

const Importer* FindImporter(const std::string& format) {
  for (const Importer& importer : BuiltinImporters()) {
    if (importer.format == format) return &importer;
  }
  return nullptr;
}

std::string JoinFormats() {
  std::string joined;
  for (const auto& format : KnownFormats()) joined += (joined.empty() ? "" : ", ") + format;
  return joined;
}

}  // namespace

std::vector<std::string> KnownFormats() {
  std::vector<std::string> formats = {"yaml", "json"};
  for (const Importer& importer : BuiltinImporters()) formats.push_back(importer.format);
  return formats;
}

std::string DetectFormat(const std::string& text, const std::string& file_name) {
  const std::string extension = LowerExtension(file_name);
  if (extension == ".yaml" || extension == ".yml") return "yaml";
  if (extension == ".json") return "json";
  // Importers whose content matches, preferring those that claim the extension.
  for (const Importer& importer : BuiltinImporters()) {
    const bool claims = std::find(importer.extensions.begin(), importer.extensions.end(),
                                  extension) != importer.extensions.end();
    if (claims && importer.sniff(text)) return importer.format;
  }
  for (const Importer& importer : BuiltinImporters()) {
    if (importer.sniff(text)) return importer.format;
  }
  // A file whose extension belongs to importers but whose content matches none of them: say
  // which formats were tried rather than let the YAML reader complain about a CSV line.
  std::vector<std::string> claimants;
  for (const Importer& importer : BuiltinImporters()) {
    if (std::find(importer.extensions.begin(), importer.extensions.end(), extension) !=
        importer.extensions.end()) {
      claimants.push_back(importer.format + " (" + importer.description + ")");
    }
  }
  if (!claimants.empty()) {
    const std::string first_line =
        text.substr(0, std::min(text.find_first_of("\r\n"), std::size_t{60}));
    std::string expected;
    for (const auto& claimant : claimants) expected += (expected.empty() ? "" : "; ") + claimant;
    throw InputError(file_name + ":1: found '" + first_line + "', a " + extension +
                     " file in none of the known formats; expected " + expected +
                     " (or force a format with --from)");
  }
  // Content that starts like JSON or YAML mapping.
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '{') return "json";
  return "yaml";
}

std::vector<Scenario> ParseScenarios(const std::string& raw_text, const std::string& file_name,
                                     const ReadOptions& options) {
  const std::string text = CheckText(raw_text, file_name);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw InputError(file_name + ":1:1: found an empty file, expected a scenario");
  }
  const std::string format =
      options.format == "auto" ? DetectFormat(text, file_name) : options.format;
  if (format == "yaml" || format == "json") {
    return {ParseNativeScenario(text, file_name)};
  }
  const Importer* importer = FindImporter(format);
  if (importer == nullptr) {
    throw InputError("unknown format '" + format + "'; known formats: " + JoinFormats());
  }
  std::vector<Scenario> scenarios;
  try {
    scenarios = importer->read(text, file_name, options.import);
  } catch (const InputError& error) {
    // Importers locate what they check by line; a check they leave to Scenario::Validate names
    // the file at least.
    const std::string message = error.what();
    if (message.rfind(file_name, 0) == 0) throw;
    throw InputError(file_name + ": " + message);
  }
  if (scenarios.empty()) {
    throw InputError(file_name + ": found no scenario in this " + format + " file");
  }
  return scenarios;
}

std::vector<Scenario> ReadScenarios(const std::string& path, const ReadOptions& options) {
  return ParseScenarios(ReadTextFile(path), path, options);
}

Scenario ReadScenario(const std::string& path, const ReadOptions& options) {
  std::vector<Scenario> scenarios = ReadScenarios(path, options);
  if (scenarios.size() != 1) {
    throw InputError(path + ": holds " + std::to_string(scenarios.size()) +
                     " scenarios, expected one (use `statecraft convert` to split it, or "
                     "`statecraft backtest` for a dataset)");
  }
  return std::move(scenarios.front());
}

}  // namespace statecraft
