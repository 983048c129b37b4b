#include "statecraft/io/csv.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "statecraft/core/error.h"

namespace statecraft {
namespace {

std::string Trim(const std::string& text, std::size_t* leading = nullptr) {
  std::size_t begin = 0;
  while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
  std::size_t end = text.size();
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  if (leading) *leading = begin;
  return text.substr(begin, end - begin);
}

}  // namespace

std::vector<CsvField> SplitCsvLine(const std::string& line, char delimiter,
                                   const std::string& file_name, int line_number) {
  std::vector<CsvField> fields;
  std::size_t position = 0;
  while (true) {
    CsvField field;
    // Skip leading blanks (not the delimiter itself, which may be a tab).
    std::size_t start = position;
    while (start < line.size() && line[start] != delimiter &&
           (line[start] == ' ' || line[start] == '\t')) {
      ++start;
    }
    field.column = static_cast<int>(start) + 1;
    if (start < line.size() && (line[start] == '"' || line[start] == '\'')) {
      const char quote = line[start];
      field.quoted = true;
      std::size_t k = start + 1;
      bool closed = false;
      while (k < line.size()) {
        if (line[k] == quote) {
          if (quote == '"' && k + 1 < line.size() && line[k + 1] == '"') {
            field.text += '"';
            k += 2;
            continue;
          }
          closed = true;
          ++k;
          break;
        }
        field.text += line[k++];
      }
      if (!closed) {
        throw InputError(
            file_name + ":" + std::to_string(line_number) + ":" + std::to_string(field.column) +
            ": found an unterminated quoted field, expected a closing " + std::string(1, quote));
      }
      // Anything between the closing quote and the delimiter must be blank.
      while (k < line.size() && line[k] != delimiter) {
        if (line[k] != ' ' && line[k] != '\t') {
          throw InputError(file_name + ":" + std::to_string(line_number) + ":" +
                           std::to_string(k + 1) + ": found '" + std::string(1, line[k]) +
                           "' after a quoted field, expected the delimiter");
        }
        ++k;
      }
      position = k;
    } else {
      std::size_t k = start;
      while (k < line.size() && line[k] != delimiter) ++k;
      field.text = Trim(line.substr(start, k - start));
      position = k;
    }
    fields.push_back(std::move(field));
    if (position >= line.size()) break;
    ++position;  // past the delimiter
  }
  return fields;
}

std::optional<double> ParseNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(begin, &end);
  if (end != begin + text.size() || errno == ERANGE || !std::isfinite(value)) return std::nullopt;
  // strtod accepts "inf", "nan" and hex floats; only plain decimals are numbers here.
  for (char c : text) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' ||
          c == 'e' || c == 'E')) {
      return std::nullopt;
    }
  }
  return value;
}

double RequireNumber(const CsvField& field, const std::string& what, const std::string& file_name,
                     int line_number) {
  if (auto value = ParseNumber(field.text)) return *value;
  throw InputError(file_name + ":" + std::to_string(line_number) + ":" +
                   std::to_string(field.column) + ": " + what + ": found '" + field.text +
                   "', expected a number");
}

}  // namespace statecraft
