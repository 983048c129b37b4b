// The grammar every command-line value must follow, installed on every option of every command
// at once (main.cc), so that no option, present or future, takes a value CLI11 would read
// loosely: CLI11 reads integers with strtoull/strtoll in base 0, so "-1" wraps to 2^64 − 1 for an
// unsigned option, "0x10" and "010" (octal 8) are accepted and overflow saturates; it reads
// floating-point values with strtold, so "nan" and "inf" pass; and an empty value silently stands
// for the option's default ("--db ''" meant the default store).
//
//   UINT    decimal digits only, at most 18446744073709551615
//   INT     an optional '-' and decimal digits, within the 64-bit range
//   FLOAT   a finite decimal number (1.5, -2, 3e-4); no nan, inf or hexadecimal
//   any     not empty
//
// A value that breaks it ends the command with exit 2 and one line naming the option (as the
// request layer names the field: "seed: found -1, expected ..."), the value found and what was
// expected. Leading zeros are read as decimal ("007" is 7). The ranges that
// depend on an option's meaning (--draws from 1 to 1,000,000, --port up to 65535) are checked
// where the value is used, with the limits every client shares (statecraft/app/checks.h).
#ifndef STATECRAFT_CLI_ARGUMENT_CHECKS_H_
#define STATECRAFT_CLI_ARGUMENT_CHECKS_H_

#include <CLI/CLI.hpp>
#include <string>

namespace statecraft::cli {

// Installs the grammar on every option that takes a value, in `app` and all its subcommands.
// Call once, after every command is registered.
void RequireStrictArguments(CLI::App& app);

// The check of one value against its CLI11 type ("UINT", "INT", "FLOAT", anything else is text):
// "" when it holds, else "found VALUE, expected ..." (a value that is not a number quoted). May
// rewrite the value ("007" → "7").
std::string CheckArgument(const std::string& type, std::string& value);

}  // namespace statecraft::cli

#endif  // STATECRAFT_CLI_ARGUMENT_CHECKS_H_
