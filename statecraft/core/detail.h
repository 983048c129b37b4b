// Detail: a small ordered tree of values (null, bool, integer, number, string, list, object).
//
// Models attach their own output to a forecast (risk exponents, offers, exchanges, win
// probabilities) without the core knowing about JSON: the io layer turns a Detail into JSON,
// keeping the order in which keys were added so that output is stable and readable.
#ifndef STATECRAFT_CORE_DETAIL_H_
#define STATECRAFT_CORE_DETAIL_H_

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace statecraft {

class Detail {
 public:
  using List = std::vector<Detail>;
  using Object = std::vector<std::pair<std::string, Detail>>;

  Detail() = default;
  Detail(bool value) : value_(value) {}
  Detail(int value) : value_(static_cast<std::int64_t>(value)) {}
  Detail(std::int64_t value) : value_(value) {}
  Detail(std::uint64_t value) : value_(static_cast<std::int64_t>(value)) {}
  Detail(double value) : value_(value) {}
  Detail(const char* value) : value_(std::string(value)) {}
  Detail(std::string value) : value_(std::move(value)) {}
  Detail(List value) : value_(std::move(value)) {}

  static Detail MakeObject() {
    Detail detail;
    detail.value_ = Object{};
    return detail;
  }
  static Detail MakeList() { return Detail(List{}); }

  bool IsNull() const { return std::holds_alternative<std::monostate>(value_); }
  bool IsBool() const { return std::holds_alternative<bool>(value_); }
  bool IsInteger() const { return std::holds_alternative<std::int64_t>(value_); }
  bool IsNumber() const { return std::holds_alternative<double>(value_); }
  bool IsString() const { return std::holds_alternative<std::string>(value_); }
  bool IsList() const { return std::holds_alternative<List>(value_); }
  bool IsObject() const { return std::holds_alternative<Object>(value_); }

  bool AsBool() const { return std::get<bool>(value_); }
  std::int64_t AsInteger() const { return std::get<std::int64_t>(value_); }
  double AsNumber() const { return std::get<double>(value_); }
  const std::string& AsString() const { return std::get<std::string>(value_); }
  const List& AsList() const { return std::get<List>(value_); }
  List& AsList() { return std::get<List>(value_); }
  const Object& AsObject() const { return std::get<Object>(value_); }
  Object& AsObject() { return std::get<Object>(value_); }

  // Appends key → value to an object (turning a null Detail into an object first) and returns
  // the stored value, so nested objects can be filled in place.
  Detail& Set(std::string key, Detail value) {
    if (IsNull()) value_ = Object{};
    auto& object = std::get<Object>(value_);
    for (auto& [existing_key, existing_value] : object) {
      if (existing_key == key) {
        existing_value = std::move(value);
        return existing_value;
      }
    }
    object.emplace_back(std::move(key), std::move(value));
    return object.back().second;
  }

  // Returns the value stored under key, or nullptr when this is not an object or lacks it.
  const Detail* Find(const std::string& key) const {
    if (!IsObject()) return nullptr;
    for (const auto& [existing_key, existing_value] : AsObject()) {
      if (existing_key == key) return &existing_value;
    }
    return nullptr;
  }

  // Appends to a list (turning a null Detail into a list first).
  Detail& Append(Detail value) {
    if (IsNull()) value_ = List{};
    auto& list = std::get<List>(value_);
    list.push_back(std::move(value));
    return list.back();
  }

 private:
  std::variant<std::monostate, bool, std::int64_t, double, std::string, List, Object> value_;
};

}  // namespace statecraft

#endif  // STATECRAFT_CORE_DETAIL_H_
