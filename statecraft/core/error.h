// Errors raised at the edges of the library.
//
// InputError is what a user can fix: a malformed file, an unknown model, a parameter out of
// range. Its message is complete and meant to be shown as is (the CLI prints it and exits 2,
// the server answers 400, Python raises ValueError). Where the reader knows it, the error also
// carries its location as data (file, line, column, key path), so that clients can point at it
// without parsing the message. Anything else that escapes the library is an internal failure.
//
// Messages quote what was found, and what was found may be huge (a 1 MB name, a whole file read
// as one field): InputError cuts every quoted value longer than kLongestQuotedValue characters,
// and the whole message beyond kLongestMessage, keeping its beginning (the location) and its end
// (what was expected). So every message stays readable, whichever reader built it.
#ifndef STATECRAFT_CORE_ERROR_H_
#define STATECRAFT_CORE_ERROR_H_

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace statecraft {

inline constexpr std::size_t kLongestQuotedValue = 80;
inline constexpr std::size_t kLongestMessage = 1500;

// `message` with each run between two single or two double quotes longer than
// kLongestQuotedValue characters cut to its start, "..." and its length ("'aaaa...' (1048576
// characters)"), then cut in the middle when still longer than kLongestMessage. Cuts fall
// between UTF-8 characters.
std::string ShortenMessage(const std::string& message);

// Where an input error was found. Every field is optional: a file's errors have a file name and
// usually a line and column (1-based; 0 when unknown) and the key path inside the document
// ("stakes.RUS.munitions.salience"); a request's errors have the key path of the field ("draws").
struct ErrorLocation {
  std::string file;
  int line = 0;
  int column = 0;
  std::string key;

  bool empty() const { return file.empty() && line == 0 && column == 0 && key.empty(); }
};

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message) : std::runtime_error(ShortenMessage(message)) {}
  InputError(const std::string& message, ErrorLocation location)
      : std::runtime_error(ShortenMessage(message)), location_(std::move(location)) {}

  const ErrorLocation& location() const { return location_; }

 private:
  ErrorLocation location_;
};

}  // namespace statecraft

#endif  // STATECRAFT_CORE_ERROR_H_
