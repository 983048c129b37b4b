// Errors raised at the edges of the library.
//
// InputError is what a user can fix: a malformed file, an unknown model, a parameter out of
// range. Its message is complete and meant to be shown as is (the CLI prints it and exits 2,
// the server answers 400, Python raises ValueError). Anything else that escapes the library is
// an internal failure.
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

namespace statecraft {

inline constexpr std::size_t kLongestQuotedValue = 80;
inline constexpr std::size_t kLongestMessage = 1500;

// `message` with each run between two single or two double quotes longer than
// kLongestQuotedValue characters cut to its start, "..." and its length ("'aaaa...' (1048576
// characters)"), then cut in the middle when still longer than kLongestMessage. Cuts fall
// between UTF-8 characters.
std::string ShortenMessage(const std::string& message);

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message) : std::runtime_error(ShortenMessage(message)) {}
};

}  // namespace statecraft

#endif  // STATECRAFT_CORE_ERROR_H_
