// Errors raised at the edges of the library.
//
// InputError is what a user can fix: a malformed file, an unknown model, a parameter out of
// range. Its message is complete and meant to be shown as is (the CLI prints it and exits 2,
// the server answers 400, Python raises ValueError). Anything else that escapes the library is
// an internal failure.
#ifndef STATECRAFT_CORE_ERROR_H_
#define STATECRAFT_CORE_ERROR_H_

#include <stdexcept>
#include <string>

namespace statecraft {

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace statecraft

#endif  // STATECRAFT_CORE_ERROR_H_
