// Importer for the Decide / Stokman input format (docs/models/exchange.md §3.1): delimited text
// whose rows start with a tag —
//
//   #A  actor id, full name, [comment]
//   #P  issue id, description, [comment]
//   #M  issue id, position, [meaning]       labelled scale points; min/max give the scale
//   #D  actor id, issue id, position, salience, power, [comment]
//   #/, #O, #0  comments (#O: the data set's title)
//
// Fields are separated by tabs or semicolons (the character after the first tag decides) and may
// be quoted with ' or ". Extra trailing fields are joined into the last field, as Decide does.
// Semicolon files may use a decimal comma. Blank lines and filler lines of empty fields are
// skipped.
//
// Mapping to a Scenario: each issue's scale is [min, max] of its #M positions (default [0, 100]),
// the #M meanings become the scale anchors; Decide's power is per actor-issue, so it
// becomes the stake's capability override and every actor's own capability is 1. Saliences and
// powers are accepted on 0–1 or 0–100: when any value in a column exceeds 1 the whole column is
// read as 0–100 and divided by 100 (docs/models/exchange.md §2.12 A1). An actor may lack a #D row
// for an issue.
#ifndef STATECRAFT_IO_IMPORTERS_DECIDE_CSV_H_
#define STATECRAFT_IO_IMPORTERS_DECIDE_CSV_H_

#include <string>
#include <vector>

#include "statecraft/io/importer.h"

namespace statecraft {

// True when the first non-blank row carries a Decide tag (#A, #P, #M, #D, #/, #O, #0).
bool SniffDecide(const std::string& text);

// Reads one scenario; throws InputError "FILE:LINE[:COLUMN]: found ..., expected ...".
std::vector<Scenario> ReadDecide(const std::string& text, const std::string& file_name,
                                 const ImportOptions& options);

}  // namespace statecraft

#endif  // STATECRAFT_IO_IMPORTERS_DECIDE_CSV_H_
