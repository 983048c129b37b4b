// Errors as values at the request layer's edge (docs/architecture.md, "Errors").
//
// Every command of the request layer returns an Outcome: its typed result, or one Error with a
// code, a message and a location. The clients map the code and never parse the message:
//
//   code        CLI exit   HTTP   Python
//   bad_input   2          400    statecraft.InputError (a ValueError)
//   not_found   2          404    statecraft.NotFoundError (a LookupError)
//   conflict    2          409    statecraft.ConflictError (a RuntimeError)
//   internal    1          500    RuntimeError
//   cancelled   1          -      (server jobs only: the job's status is "cancelled")
//
// The message is the same text in every client (the CLI prints it after "statecraft: error: ",
// the API answers {"error": message, ...}, Python raises it).
#ifndef STATECRAFT_APP_OUTCOME_H_
#define STATECRAFT_APP_OUTCOME_H_

#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

#include "statecraft/core/error.h"

namespace statecraft::app {

enum class ErrorCode { kBadInput, kNotFound, kConflict, kInternal, kCancelled };

// "bad_input", "not_found", "conflict", "internal", "cancelled".
const char* ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  ErrorLocation location;
};

// What the layer's commands throw for the codes InputError does not carry; Guard turns it into
// an Error.
class RequestError : public std::runtime_error {
 public:
  RequestError(ErrorCode code, const std::string& message, ErrorLocation location = {})
      : std::runtime_error(message), code_(code), location_(std::move(location)) {}
  ErrorCode code() const { return code_; }
  const ErrorLocation& location() const { return location_; }

 private:
  ErrorCode code_;
  ErrorLocation location_;
};

// A request field that is wrong: InputError located at the field's key path, with the message
// "KEY: TEXT" (for example "draws: found 0, expected an integer from 1 to 1000000").
[[noreturn]] void FailField(const std::string& key, const std::string& text);

// The Error for the exception being handled (call inside a catch block): RequestError keeps its
// code, InputError is bad_input, anything else internal.
Error CurrentError();

template <typename T>
class Outcome {
 public:
  Outcome(T value) : value_(std::move(value)) {}      // NOLINT: a result converts implicitly
  Outcome(Error error) : value_(std::move(error)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(value_); }
  const T& value() const& { return std::get<T>(value_); }
  T&& value() && { return std::get<T>(std::move(value_)); }
  const Error& error() const { return std::get<Error>(value_); }

 private:
  std::variant<T, Error> value_;
};

// Runs `work` and returns its result, or the Error of what it threw.
template <typename Work>
auto Guard(Work&& work) -> Outcome<decltype(work())> {
  try {
    return Outcome<decltype(work())>(work());
  } catch (...) {
    return Outcome<decltype(work())>(CurrentError());
  }
}

}  // namespace statecraft::app

#endif  // STATECRAFT_APP_OUTCOME_H_
