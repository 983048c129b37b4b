// Reading scenarios from any supported file format: the native YAML/JSON format and the
// importers (KTAB, BDM, Decide, DEU). The format is forced by name or detected from the file's
// extension and content.
#ifndef STATECRAFT_IO_SCENARIO_READER_H_
#define STATECRAFT_IO_SCENARIO_READER_H_

#include <string>
#include <vector>

#include "statecraft/core/scenario.h"
#include "statecraft/io/importer.h"

namespace statecraft {

struct ReadOptions {
  std::string format = "auto";  // "auto", "yaml", "json", or an importer's format name
  ImportOptions import;
};

// Every scenario the file holds (DEU holds one per proposal). Throws InputError.
std::vector<Scenario> ReadScenarios(const std::string& path, const ReadOptions& options = {});

// The file's only scenario; an InputError when it holds several or none.
Scenario ReadScenario(const std::string& path, const ReadOptions& options = {});

// Same, from text already in memory; `file_name` names it in errors and its extension helps
// detection.
std::vector<Scenario> ParseScenarios(const std::string& text, const std::string& file_name,
                                     const ReadOptions& options = {});

// The names accepted by --from, for help texts: "yaml, json, ktab, ...".
std::vector<std::string> KnownFormats();

// The format the reader would use for this file ("yaml", "json", or an importer name).
std::string DetectFormat(const std::string& text, const std::string& file_name);

}  // namespace statecraft

#endif  // STATECRAFT_IO_SCENARIO_READER_H_
