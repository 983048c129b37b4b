// `statecraft help [TOPIC|COMMAND]`: the guides built into the program (help_topics.h) and each
// command's own help, so that a user with only the program can learn the file formats.
#include <iostream>

#include "cli/common.h"
#include "cli/help_topics.h"
#include "statecraft/core/error.h"
#include "statecraft/core/spelling.h"

namespace statecraft::cli {
namespace {

void PrintTopicList(const CLI::App& app, std::ostream& out) {
  out << "usage: statecraft help TOPIC    a guide\n"
         "       statecraft help COMMAND  what a command does and its options\n\n"
         "topics:\n";
  for (const HelpTopic& topic : HelpTopics()) {
    out << "  " << topic.name << std::string(12 - std::string(topic.name).size(), ' ')
        << topic.summary << "\n";
  }
  out << "\ncommands:\n";
  for (const CLI::App* command : app.get_subcommands({})) {
    const std::string name = command->get_name();
    out << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ')
        << command->get_description() << "\n";
  }
}

}  // namespace

void AddHelpCommand(CLI::App& app) {
  auto* command = app.add_subcommand("help", "guides to the scenario format, levers and targets");
  auto topic = std::make_shared<std::string>();
  command->add_option("topic", *topic, "a topic (scenario, levers, targets) or a command");
  command->callback([&app, topic] {
    if (topic->empty()) {
      PrintTopicList(app, std::cout);
      return;
    }
    std::vector<std::string> names;
    for (const HelpTopic& entry : HelpTopics()) {
      if (*topic == entry.name) {
        std::cout << entry.text;
        return;
      }
      names.push_back(entry.name);
    }
    for (const CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == *topic) {
        std::cout << sub->help();
        return;
      }
      names.push_back(sub->get_name());
    }
    const std::string closest = ClosestName(*topic, names);
    throw InputError("help: no topic or command '" + *topic + "'" +
                     (closest.empty() ? "" : "; did you mean '" + closest + "'?") +
                     " (see `statecraft help` for the list)");
  });
}

}  // namespace statecraft::cli
