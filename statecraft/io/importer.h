// Importers: readers of other tools' file formats (KTAB, BDM, Decide, DEU), and the table
// through which the scenario reader finds them by name or by sniffing a file's content.
//
// An importer parses the whole text of one file. `file_name` is what error messages call the
// file; every error is an InputError of the form "FILE:LINE[:COLUMN]: what was found, what was
// expected". A format may hold several scenarios (DEU: one per proposal).
//
// Generators stand beside the importers: other tools' scenarios that are made from a seed rather
// than read from a file (KTAB's `smpc --euSMP`), so that a client can offer them without knowing
// which tool or model they come from.
#ifndef STATECRAFT_IO_IMPORTER_H_
#define STATECRAFT_IO_IMPORTER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "statecraft/core/scenario.h"

namespace statecraft {

struct ImportOptions {
  // DEU carries no capabilities: "equal" gives every actor capability 1; "votes" uses the
  // Council's qualified-majority vote weights (Commission and Parliament at the largest weight).
  std::string capability = "equal";
};

struct Importer {
  std::string format;                   // the --from name: "ktab", "bdm", "decide", "deu", ...
  std::string description;              // one line for help texts
  std::vector<std::string> extensions;  // lower case, with the dot: ".csv"
  // True when the text looks like this format (used when the extension is ambiguous).
  bool (*sniff)(const std::string& text);
  std::vector<Scenario> (*read)(const std::string& text, const std::string& file_name,
                                const ImportOptions& options);
};

// Every importer shipped with statecraft (io/importers/builtin_importers.cc).
const std::vector<Importer>& BuiltinImporters();

// A model parameter that reproduces a generated scenario's origin when that model runs it (KTAB's
// own run of its random scenario values the first turn's bargains risk-neutrally).
struct GeneratorParam {
  std::string model;
  std::string name;
  std::string value;
};

struct ScenarioGenerator {
  std::string name;                // "ktab-random"
  std::string description;         // one line for help texts
  std::uint64_t default_seed = 0;  // the seed the originating tool uses when none is given
  std::vector<GeneratorParam> params;
  Scenario (*generate)(std::uint64_t seed);
};

// Every scenario generator shipped with statecraft (io/importers/builtin_importers.cc).
const std::vector<ScenarioGenerator>& BuiltinGenerators();
// The generator called `name`; InputError naming the known generators when there is none.
const ScenarioGenerator& FindGenerator(const std::string& name);

}  // namespace statecraft

#endif  // STATECRAFT_IO_IMPORTER_H_
