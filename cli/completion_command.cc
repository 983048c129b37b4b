// `statecraft completion bash|zsh|fish`: a completion script written from the commands and options
// the program itself declares, so that it cannot fall behind them.
#include <iostream>
#include <sstream>

#include "cli/common.h"
#include "cli/help_topics.h"
#include "statecraft/app/scenario_commands.h"

namespace statecraft::cli {
namespace {

struct CommandWords {
  std::string path;  // "run", "runs list"; empty for the program itself
  const CLI::App* app = nullptr;
};

// Every command with its path, the program first.
std::vector<CommandWords> Commands(const CLI::App& program) {
  std::vector<CommandWords> commands{{"", &program}};
  for (const CLI::App* command : program.get_subcommands({})) {
    commands.push_back({command->get_name(), command});
    for (const CLI::App* sub : command->get_subcommands({})) {
      commands.push_back({command->get_name() + " " + sub->get_name(), sub});
    }
  }
  return commands;
}

std::vector<std::string> LongOptions(const CLI::App& command) {
  std::vector<std::string> options;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) options.push_back("--" + name);
  }
  return options;
}

std::string Joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

std::vector<std::string> ModelNames() {
  std::vector<std::string> names;
  for (const ModelInfo* model : Unwrap(app::Models({})).models) names.push_back(model->name);
  return names;
}

std::vector<std::string> TopicNames(const CLI::App& program) {
  std::vector<std::string> names;
  for (const HelpTopic& topic : HelpTopics()) names.push_back(topic.name);
  for (const CLI::App* command : program.get_subcommands({})) names.push_back(command->get_name());
  return names;
}

// Single quotes for a shell word.
std::string Quoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string BashScript(const CLI::App& program) {
  std::ostringstream out;
  out << "# statecraft completion for bash: eval \"$(statecraft completion bash)\"\n"
         "_statecraft() {\n"
         "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
         "  local path=\"\" word i\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    word=\"${COMP_WORDS[i]}\"\n"
         "    case \"$path/$word\" in\n";
  for (const CommandWords& command : Commands(program)) {
    for (const CLI::App* sub : command.app->get_subcommands({})) {
      const std::string next =
          command.path.empty() ? sub->get_name() : command.path + " " + sub->get_name();
      out << "      " << Quoted(command.path + "/" + sub->get_name()) << ") path=" << Quoted(next)
          << " ;;\n";
    }
  }
  out << "    esac\n"
         "  done\n"
         "  case \"$prev\" in\n"
         "    --model) COMPREPLY=($(compgen -W "
      << Quoted(Joined(ModelNames())) << " -- \"$cur\")); return ;;\n"
      << "    --format) COMPREPLY=($(compgen -W 'table json csv html' -- \"$cur\")); return ;;\n"
         "  esac\n"
         "  local words=\"\" files=0\n"
         "  case \"$path\" in\n";
  for (const CommandWords& command : Commands(program)) {
    std::vector<std::string> words;
    for (const CLI::App* sub : command.app->get_subcommands({})) words.push_back(sub->get_name());
    if (command.path == "help") words = TopicNames(program);
    if (command.path == "completion") words = {"bash", "zsh", "fish"};
    for (const std::string& option : LongOptions(*command.app)) words.push_back(option);
    // Files only where the command takes a file (a positional argument other than a name).
    bool files = false;
    for (const CLI::Option* option : command.app->get_options()) {
      files = files || option->get_positional();
    }
    if (command.path == "help" || command.path == "completion") files = false;
    out << "    " << Quoted(command.path) << ") words=" << Quoted(Joined(words))
        << " files=" << (files ? 1 : 0) << " ;;\n";
  }
  out << "  esac\n"
         "  COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
         "  [[ \"$files\" == 1 && \"$cur\" != -* ]] && COMPREPLY+=($(compgen -f -- \"$cur\"))\n"
         "}\n"
         "complete -o filenames -F _statecraft statecraft\n";
  return out.str();
}

std::string ZshScript(const CLI::App& program) {
  return "# statecraft completion for zsh: eval \"$(statecraft completion zsh)\"\n"
         "autoload -U +X bashcompinit && bashcompinit\n" +
         BashScript(program);
}

std::string FishScript(const CLI::App& program) {
  std::ostringstream out;
  out << "# statecraft completion for fish: statecraft completion fish | source\n"
         "complete -c statecraft -f\n";
  for (const CLI::App* command : program.get_subcommands({})) {
    out << "complete -c statecraft -n __fish_use_subcommand -a " << Quoted(command->get_name())
        << " -d " << Quoted(command->get_description()) << "\n";
    const std::string when = "__fish_seen_subcommand_from " + command->get_name();
    for (const CLI::App* sub : command->get_subcommands({})) {
      out << "complete -c statecraft -n " << Quoted(when) << " -a " << Quoted(sub->get_name())
          << " -d " << Quoted(sub->get_description()) << "\n";
    }
    for (const CLI::Option* option : command->get_options()) {
      for (const std::string& name : option->get_lnames()) {
        out << "complete -c statecraft -n " << Quoted(when) << " -l " << Quoted(name) << " -d "
            << Quoted(option->get_description()) << "\n";
      }
    }
  }
  out << "complete -c statecraft -n '__fish_seen_subcommand_from help' -a "
      << Quoted(Joined(TopicNames(program))) << "\n"
      << "complete -c statecraft -l model -x -a " << Quoted(Joined(ModelNames())) << "\n"
      << "complete -c statecraft -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n";
  return out.str();
}

}  // namespace

void AddCompletionCommand(CLI::App& app) {
  auto* command = app.add_subcommand("completion", "print a shell completion script");
  auto shell = std::make_shared<std::string>();
  command->add_option("shell", *shell, "the shell")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  command->callback([&app, shell] {
    if (*shell == "bash") std::cout << BashScript(app);
    if (*shell == "zsh") std::cout << ZshScript(app);
    if (*shell == "fish") std::cout << FishScript(app);
  });
}

}  // namespace statecraft::cli
