#include "statecraft/analysis/distributed.h"

#include <cstdint>

namespace statecraft {
namespace {

DrawDistributor* current_distributor = nullptr;

}  // namespace

void SetDrawDistributor(DrawDistributor* distributor) { current_distributor = distributor; }

DrawDistributor* CurrentDrawDistributor() { return current_distributor; }

bool IsLeadProcess() {
  return current_distributor == nullptr || current_distributor->ProcessIndex() == 0;
}

std::pair<int, int> DrawShare(int first_draw, int draw_count, int index, int count) {
  auto start = [&](int process) {
    return static_cast<int>(static_cast<std::int64_t>(draw_count) * process / count);
  };
  return {first_draw + start(index), start(index + 1) - start(index)};
}

}  // namespace statecraft
