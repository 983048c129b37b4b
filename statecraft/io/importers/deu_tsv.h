// The DEU dataset (Decision-making in the European Union I+II+III; Thomson et al. 2006, 2012;
// Arregui & Perarnaud 2022) as distributed in tab-separated form: one row per controversial
// issue with positions p<actor> and saliences s<actor> (0–100) of the Commission, Parliament and
// member states, the reference point `rp` and the actual outcome `out`.
//
// Each legislative proposal (column `prnr`) becomes one scenario with its issues. An actor takes
// part in an issue when it has both a position and a salience there (empty or 999 = missing).
// Rows whose first column is empty are not issues (the distributed file's second row holds GDP
// figures) and are skipped. DEU has no capabilities: ImportOptions::capability chooses "equal"
// (all 1) or "votes" (Council votes under the Nice Treaty weights; the Commission and Parliament
// get the largest weight, 29).
#ifndef STATECRAFT_IO_IMPORTERS_DEU_TSV_H_
#define STATECRAFT_IO_IMPORTERS_DEU_TSV_H_

#include <string>
#include <vector>

#include "statecraft/io/importer.h"

namespace statecraft {

bool SniffDeuTsv(const std::string& text);
std::vector<Scenario> ReadDeuTsv(const std::string& text, const std::string& file_name,
                                 const ImportOptions& options);

}  // namespace statecraft

#endif  // STATECRAFT_IO_IMPORTERS_DEU_TSV_H_
