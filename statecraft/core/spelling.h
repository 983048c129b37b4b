// "Did you mean": the known name closest to a misspelt one, for error messages on names a user
// types (commands, options, models, parameters, plans, levers, issues).
#ifndef STATECRAFT_CORE_SPELLING_H_
#define STATECRAFT_CORE_SPELLING_H_

#include <string>
#include <vector>

namespace statecraft {

// Edits (insertions, deletions, substitutions and swaps of two neighbouring letters) between two
// words, ignoring case: the optimal string alignment distance.
int EditDistance(const std::string& a, const std::string& b);

// The name in `names` closest to `word`, when it is close enough to be what was meant: `word` has
// three letters or more, and a third of them or fewer (at least one) differ, or it begins the name
// or the name begins it. Empty otherwise.
std::string ClosestName(const std::string& word, const std::vector<std::string>& names);

// "did you mean 'NAME'? " for the closest name, or empty: to put after an "unknown ..." message.
std::string DidYouMean(const std::string& word, const std::vector<std::string>& names);

}  // namespace statecraft

#endif  // STATECRAFT_CORE_SPELLING_H_
