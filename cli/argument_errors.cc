#include "cli/argument_errors.h"

#include <algorithm>
#include <cctype>

#include "statecraft/core/spelling.h"

namespace statecraft::cli {
namespace {

std::vector<const CLI::App*> Subcommands(const CLI::App& command) {
  return command.get_subcommands([](const CLI::App*) { return true; });
}

const CLI::App* FindSubcommand(const CLI::App& command, const std::string& name) {
  for (const CLI::App* subcommand : Subcommands(command)) {
    if (subcommand->get_name() == name) return subcommand;
  }
  return nullptr;
}

// "statecraft runs list": the command's full name, for its help.
std::string CommandPath(const CLI::App& command) {
  std::string path = command.get_name();
  for (const CLI::App* parent = command.get_parent(); parent != nullptr;
       parent = parent->get_parent()) {
    path = parent->get_name() + " " + path;
  }
  return path;
}

std::string SeeHelp(const CLI::App& command) {
  return " (see '" + CommandPath(command) + " --help')";
}

// The long and short names of a command's options, with their dashes.
std::vector<std::string> OptionNames(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

// The option a word names: "--draws" of "--draws=5".
std::string OptionWord(const std::string& word) { return word.substr(0, word.find('=')); }

struct Walk {
  const CLI::App* command = nullptr;  // the deepest subcommand the words name
  std::string unknown_command;        // a word where a subcommand was required, if any
};

// Follows the words that name subcommands. Option values are not told apart from words here: it
// only runs once parsing has failed, to say what went wrong.
Walk WalkCommands(const CLI::App& app, const std::vector<std::string>& args) {
  Walk walk{&app, ""};
  for (const std::string& word : args) {
    if (word.empty() || word[0] == '-') continue;
    if (const CLI::App* subcommand = FindSubcommand(*walk.command, word)) {
      walk.command = subcommand;
      continue;
    }
    // A command that has subcommands but no arguments of its own: the word was meant as one of
    // them. Otherwise it is an argument, and what follows is the command's own.
    const bool takes_words =
        !walk.command
             ->get_options([](const CLI::Option* option) { return option->get_positional(); })
             .empty();
    if (!Subcommands(*walk.command).empty() && !takes_words) walk.unknown_command = word;
    break;
  }
  return walk;
}

std::string CommandList(const CLI::App& command) {
  std::string names;
  for (const CLI::App* subcommand : Subcommands(command)) {
    names += (names.empty() ? "" : ", ") + subcommand->get_name();
  }
  return names;
}

}  // namespace

std::string ArgumentErrorMessage(const CLI::App& app, const CLI::ParseError& error,
                                 const std::vector<std::string>& args) {
  const Walk walk = WalkCommands(app, args);
  const CLI::App& command = *walk.command;
  if (!walk.unknown_command.empty()) {
    std::vector<std::string> names;
    for (const CLI::App* subcommand : Subcommands(command)) names.push_back(subcommand->get_name());
    const std::string what =
        command.get_parent() == nullptr ? "command" : command.get_name() + " command";
    return "unknown " + what + " '" + walk.unknown_command + "'; " +
           DidYouMean(walk.unknown_command, names) + "commands: " + CommandList(command) +
           SeeHelp(command);
  }
  // An option the command does not have.
  const std::vector<std::string> options = OptionNames(command);
  for (const std::string& word : args) {
    if (word.size() < 2 || word[0] != '-' || word == "--") continue;
    if (std::isdigit(static_cast<unsigned char>(word[1])) || word[1] == '.') continue;  // -1.5
    const std::string name = OptionWord(word);
    if (std::find(options.begin(), options.end(), name) != options.end()) continue;
    if (name == "--help" || name == "-h") continue;
    return "unknown option '" + name + "' for '" + CommandPath(command) + "'; " +
           DidYouMean(name, options) + "options: " + CommandPath(command) + " --help";
  }
  // A command that needs one of its subcommands, and got none.
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr && !Subcommands(command).empty() &&
      command.get_require_subcommand_min() > 0) {
    return "'" + CommandPath(command) + "' needs a command: " + CommandList(command) +
           SeeHelp(command);
  }
  return std::string(error.what()) + SeeHelp(command);
}

}  // namespace statecraft::cli
