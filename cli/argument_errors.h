// Messages for command lines that cannot be parsed: the command that was meant when a word is
// misspelt ("did you mean 'compare'?"), the option that was meant, and a pointer to the help of
// the subcommand at fault (`statecraft runs --help`), not the top level's.
#ifndef STATECRAFT_CLI_ARGUMENT_ERRORS_H_
#define STATECRAFT_CLI_ARGUMENT_ERRORS_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace statecraft::cli {

// The one-line message for a parse error of `args` (argv without the program's name), ending
// with "(see 'statecraft SUBCOMMAND --help')".
std::string ArgumentErrorMessage(const CLI::App& app, const CLI::ParseError& error,
                                 const std::vector<std::string>& args);

}  // namespace statecraft::cli

#endif  // STATECRAFT_CLI_ARGUMENT_ERRORS_H_
