// Splitting delimited text (CSV, TSV, Decide's tab/semicolon rows) into fields, with each
// field's column so that importers can say exactly where a bad value is, and parsing numbers
// with the same care.
#ifndef STATECRAFT_IO_CSV_H_
#define STATECRAFT_IO_CSV_H_

#include <optional>
#include <string>
#include <vector>

namespace statecraft {

struct CsvField {
  std::string text;  // unquoted, surrounding spaces removed
  int column = 1;    // 1-based column of the field's first character in the line
  bool quoted = false;
};

// Splits one line at `delimiter`. Fields may be quoted with `"` or `'` (doubled quotes escape
// themselves inside "..."). Throws InputError "FILE:LINE:COLUMN: unterminated quote" when a
// quoted field does not close.
std::vector<CsvField> SplitCsvLine(const std::string& line, char delimiter,
                                   const std::string& file_name, int line_number);

// Parses a finite decimal number (no trailing characters); nullopt when the text is not one.
std::optional<double> ParseNumber(const std::string& text);

// Parses a field as a finite number or throws InputError
// "FILE:LINE:COLUMN: <what>: found 'x', expected a number".
double RequireNumber(const CsvField& field, const std::string& what, const std::string& file_name,
                     int line_number);

}  // namespace statecraft

#endif  // STATECRAFT_IO_CSV_H_
