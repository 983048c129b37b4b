// The guides `statecraft help TOPIC` prints: docs/scenario-format.md, docs/levers.md and
// docs/targets.md, built into the program so that it needs no files beside it.
#ifndef STATECRAFT_CLI_HELP_TOPICS_H_
#define STATECRAFT_CLI_HELP_TOPICS_H_

#include <string>
#include <vector>

namespace statecraft::cli {

struct HelpTopic {
  const char* name;
  const char* summary;
  const char* text;  // the guide's Markdown, which reads as plain text
};

const std::vector<HelpTopic>& HelpTopics();

}  // namespace statecraft::cli

#endif  // STATECRAFT_CLI_HELP_TOPICS_H_
