#include "statecraft/core/spelling.h"

#include <algorithm>
#include <cctype>

namespace statecraft {
namespace {

std::string Lower(const std::string& text) {
  std::string lower = text;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool BeginsWith(const std::string& text, const std::string& prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

int EditDistance(const std::string& a_text, const std::string& b_text) {
  const std::string a = Lower(a_text);
  const std::string b = Lower(b_text);
  const std::size_t rows = a.size() + 1;
  const std::size_t columns = b.size() + 1;
  std::vector<int> d(rows * columns, 0);
  const auto at = [&](std::size_t i, std::size_t j) -> int& { return d[i * columns + j]; };
  for (std::size_t i = 0; i < rows; ++i) at(i, 0) = static_cast<int>(i);
  for (std::size_t j = 0; j < columns; ++j) at(0, j) = static_cast<int>(j);
  for (std::size_t i = 1; i < rows; ++i) {
    for (std::size_t j = 1; j < columns; ++j) {
      const int substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(rows - 1, columns - 1);
}

std::string ClosestName(const std::string& word, const std::vector<std::string>& names) {
  // Below three letters every short name is one edit away: no guess is better than a wrong one.
  if (word.size() < 3) return "";
  const int allowed = std::max(1, static_cast<int>(word.size()) / 3);
  std::string best;
  int best_distance = allowed + 1;
  for (const std::string& name : names) {
    if (name == word) continue;
    const int distance = EditDistance(word, name);
    if (distance < best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  if (!best.empty()) return best;
  // A word cut short, or one with letters added at its end ("comp", "median2").
  for (const std::string& name : names) {
    if (BeginsWith(Lower(name), Lower(word)) ||
        (name.size() >= 3 && BeginsWith(Lower(word), Lower(name)))) {
      return name;
    }
  }
  return "";
}

std::string DidYouMean(const std::string& word, const std::vector<std::string>& names) {
  const std::string closest = ClosestName(word, names);
  return closest.empty() ? "" : "did you mean '" + closest + "'? ";
}

}  // namespace statecraft
