// What each lever effect type changes (an attribute of a stake) and how (shift, scale, set), and
// the name lists of error messages: shared by the validation and the application of levers.
// Internal to levers/.
#ifndef STATECRAFT_LEVERS_EFFECT_KINDS_H_
#define STATECRAFT_LEVERS_EFFECT_KINDS_H_

#include <limits>
#include <string>
#include <vector>

#include "statecraft/levers/lever.h"

namespace statecraft::lever_internal {

// Capabilities stay finite: scaling 1e300 by 1e10 gives the largest double, not infinity.
inline constexpr double kLargestCapability = std::numeric_limits<double>::max();

enum class Attribute { kPosition, kSalience, kCapability, kNone };
enum class Operation { kShift, kScale, kSet };

inline Attribute AttributeOf(EffectType type) {
  switch (type) {
    case EffectType::kShiftPosition:
    case EffectType::kSetPosition:
      return Attribute::kPosition;
    case EffectType::kShiftSalience:
    case EffectType::kScaleSalience:
    case EffectType::kSetSalience:
      return Attribute::kSalience;
    case EffectType::kShiftCapability:
    case EffectType::kScaleCapability:
    case EffectType::kSetCapability:
      return Attribute::kCapability;
    default:
      return Attribute::kNone;
  }
}

inline Operation OperationOf(EffectType type) {
  switch (type) {
    case EffectType::kSetPosition:
    case EffectType::kSetSalience:
    case EffectType::kSetCapability:
      return Operation::kSet;
    case EffectType::kScaleSalience:
    case EffectType::kScaleCapability:
      return Operation::kScale;
    default:
      return Operation::kShift;
  }
}

inline std::string JoinNames(const std::vector<std::string>& names) {
  std::string joined;
  for (const auto& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

}  // namespace statecraft::lever_internal

#endif  // STATECRAFT_LEVERS_EFFECT_KINDS_H_
