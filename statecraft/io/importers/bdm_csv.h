// The BDM CSV format: one issue, one row per actor, header `Actor,Capability,Position,Salience`
// (any order, any case; `,` `;` or tab between fields). The Preana/decisionmechanics variant
// `Name x c s` (tab-separated) is the same table under short column names and is read too.
//
// The file says nothing about the scale, so the scale is [min position, max position]
// (widened to [p − 1, p + 1] when every actor holds the same position p). Saliences on a 0–100
// scale (any value above 1) are divided by 100. Capabilities must be positive.
#ifndef STATECRAFT_IO_IMPORTERS_BDM_CSV_H_
#define STATECRAFT_IO_IMPORTERS_BDM_CSV_H_

#include <string>
#include <vector>

#include "statecraft/io/importer.h"

namespace statecraft {

// True when the first non-blank line is a BDM header.
bool SniffBdmCsv(const std::string& text);

// One scenario named after the file's stem, with one issue of the same name.
std::vector<Scenario> ReadBdmCsv(const std::string& text, const std::string& file_name,
                                 const ImportOptions& options);

}  // namespace statecraft

#endif  // STATECRAFT_IO_IMPORTERS_BDM_CSV_H_
