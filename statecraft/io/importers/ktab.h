// Importers of KTAB's scenario files (docs/models/smp.md §4.1): the CSV format of
// `smpc --csv` (registered as format "ktab", extension .csv) and the XML format of `smpc --xml`
// (format "ktab-xml", extension .xml). Two formats rather than one sniffing both, so that
// `--from ktab` / `--from ktab-xml` say exactly which reader runs; auto-detection finds either.
//
// Both give issues on a 0–100 scale (KTAB's positions) and saliences divided by 100 (KTAB's
// percents). Everything KTAB's reader checks is checked here, plus what it misses (duplicate
// names, row counts, stray fields, empty values), with FILE:LINE[:COLUMN] in every error.
//
// The XML's <ModelParameters> have no slot in a Scenario: ReadKtabXmlDocument returns them as
// the `--param` assignments of the smp model; the importer mentions them in the scenario's
// sources. A non-identity <IdealAdjustment> cannot be carried by a Scenario either: the importer
// refuses it (naming the line), ReadKtabXmlDocument returns it as a matrix for RunSmp.
#ifndef STATECRAFT_IO_IMPORTERS_KTAB_H_
#define STATECRAFT_IO_IMPORTERS_KTAB_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "statecraft/core/scenario.h"
#include "statecraft/io/importer.h"

namespace statecraft {

bool SniffKtabCsv(const std::string& text);
std::vector<Scenario> ReadKtabCsv(const std::string& text, const std::string& file_name,
                                  const ImportOptions& options);

struct KtabXmlDocument {
  Scenario scenario;
  // The smp model's parameters from <ModelParameters>, as name=value pairs (empty when absent).
  std::vector<std::pair<std::string, std::string>> model_parameters;
  std::optional<std::uint64_t> prng_seed;  // <prngSeed>
  // Row-major actor × actor accommodation matrix; empty when it is the identity.
  std::vector<double> accommodation;
};

bool SniffKtabXml(const std::string& text);
KtabXmlDocument ReadKtabXmlDocument(const std::string& text, const std::string& file_name);
std::vector<Scenario> ReadKtabXml(const std::string& text, const std::string& file_name,
                                  const ImportOptions& options);

}  // namespace statecraft

#endif  // STATECRAFT_IO_IMPORTERS_KTAB_H_
