#include "statecraft/core/folds.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>

namespace statecraft {
namespace {

std::uint64_t NameKey(const std::string& name) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a
  for (unsigned char c : name) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  // splitmix64's finaliser (Steele, Lea & Flood 2014): neighbouring names land far apart.
  hash += 0x9e3779b97f4a7c15ull;
  hash = (hash ^ (hash >> 30)) * 0xbf58476d1ce4e5b9ull;
  hash = (hash ^ (hash >> 27)) * 0x94d049bb133111ebull;
  return hash ^ (hash >> 31);
}

}  // namespace

std::vector<int> AssignFolds(const std::vector<Scenario>& scenarios, int folds) {
  std::vector<std::size_t> order(scenarios.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::uint64_t> keys(scenarios.size());
  for (std::size_t s = 0; s < scenarios.size(); ++s) keys[s] = NameKey(scenarios[s].name);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return keys[a] != keys[b] ? keys[a] < keys[b] : scenarios[a].name < scenarios[b].name;
  });
  std::vector<int> fold(scenarios.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    fold[order[k]] = static_cast<int>(k % static_cast<std::size_t>(std::max(1, folds)));
  }
  return fold;
}

}  // namespace statecraft
