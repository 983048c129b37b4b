// Importers: readers of other tools' file formats (KTAB, BDM, Decide, DEU), and the table
// through which the scenario reader finds them by name or by sniffing a file's content.
//
// An importer parses the whole text of one file. `file_name` is what error messages call the
// file; every error is an InputError of the form "FILE:LINE[:COLUMN]: what was found, what was
// expected". A format may hold several scenarios (DEU: one per proposal).
#ifndef STATECRAFT_IO_IMPORTER_H_
#define STATECRAFT_IO_IMPORTER_H_

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

}  // namespace statecraft

#endif  // STATECRAFT_IO_IMPORTER_H_
