#include "statecraft/store/packed.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "statecraft/analysis/run.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/scenario_reader.h"
#include "statecraft/models/builtin.h"

namespace statecraft {
namespace {

// Every kind of value, at the edges of each MessagePack size class.
Json EveryKindOfValue() {
  Json document = Json::object();
  document["null"] = nullptr;
  document["booleans"] = {true, false};
  Json integers = Json::array();
  for (std::int64_t value :
       {std::int64_t{0}, std::int64_t{-1}, std::int64_t{-32}, std::int64_t{-33}, std::int64_t{-128},
        std::int64_t{-129}, std::int64_t{-32768}, std::int64_t{-32769}, std::int64_t{INT32_MIN},
        std::int64_t{INT32_MIN} - 1, std::numeric_limits<std::int64_t>::min(), std::int64_t{127},
        std::int64_t{128}, std::int64_t{65536}, std::numeric_limits<std::int64_t>::max()}) {
    integers.push_back(value);
  }
  document["integers"] = integers;
  Json unsigned_values = Json::array();
  for (std::uint64_t value :
       {std::uint64_t{127}, std::uint64_t{128}, std::uint64_t{255}, std::uint64_t{256},
        std::uint64_t{65535}, std::uint64_t{65536}, std::uint64_t{4294967295u},
        std::uint64_t{4294967296u}, std::numeric_limits<std::uint64_t>::max()}) {
    unsigned_values.push_back(value);
  }
  document["unsigned"] = unsigned_values;
  Json floats = Json::array();
  for (double value : {0.0, -0.0, 1.0, 0.1, 100.0, -2.5, 1e-310, 3.4028234663852886e38, 3.5e38,
                       -1e308, 2.1907216494845363, std::numeric_limits<double>::denorm_min()}) {
    floats.push_back(value);
  }
  document["floats"] = floats;
  document["strings"] = {"",
                         "short",
                         std::string(31, 'a'),
                         std::string(32, 'b'),
                         std::string(255, 'c'),
                         std::string(256, 'd'),
                         std::string(70000, 'e'),
                         "Côte d'Ivoire — 北京",
                         std::string("nul\0inside", 10)};
  Json wide_array = Json::array();
  for (int k = 0; k < 70000; ++k) wide_array.push_back(k % 3 == 0 ? Json(k) : Json(k * 0.5));
  document["wide array"] = wide_array;
  Json wide_object = Json::object();
  for (int k = 0; k < 20; ++k) wide_object["key" + std::to_string(k)] = k;
  document["wide object"] = wide_object;
  document["empty"] = {Json::array(), Json::object()};
  // Keys keep their order (the store's JSON is ordered).
  document["zebra"] = 1;
  document["apple"] = 2;
  return document;
}

TEST(PackedTest, JsonComesBackTheSameBitForBit) {
  const Json document = EveryKindOfValue();
  const Json back = UnpackJson(PackJson(document));
  EXPECT_EQ(back, document);
  EXPECT_EQ(back.dump(), document.dump());
  // Every double bit for bit, the sign of zero included.
  const Json& floats = back["floats"];
  for (std::size_t k = 0; k < floats.size(); ++k) {
    const double expected = document["floats"][k].get<double>();
    const double actual = floats[k].get<double>();
    EXPECT_EQ(std::signbit(actual), std::signbit(expected)) << k;
    EXPECT_EQ(actual, expected) << k;
  }
  // The same document as nlohmann's own MessagePack reads it.
  EXPECT_EQ(Json::from_msgpack(Decompress(PackJson(document))),
            Json::from_msgpack(Json::to_msgpack(document)));
}

TEST(PackedTest, AModelsPrintedJsonComesBackTheSame) {
  const Scenario scenario =
      ParseScenarios(BuiltinScenarioText(), BuiltinScenarioFileName()).front();
  for (const char* model : {"exchange", "smp", "eum"}) {
    const Forecast forecast = RunModel(BuiltinModels().Get(model), scenario, {}, 0);
    const Json result = ForecastToJson(scenario, forecast);
    const std::string packed = PackJson(result);
    EXPECT_LT(packed.size(), result.dump().size()) << model;
    EXPECT_EQ(UnpackJson(packed).dump(), result.dump()) << model;
  }
}

TEST(PackedTest, NumbersComeBackBitForBit) {
  const std::vector<double> values = {0.0, -0.0,   std::nan(""),
                                      1.5, -1e300, std::numeric_limits<double>::infinity()};
  const std::vector<double> back = DecodeDoubles(Decompress(Compress(EncodeDoubles(values))), 6);
  ASSERT_EQ(back.size(), values.size());
  for (std::size_t k = 0; k < values.size(); ++k) {
    EXPECT_EQ(std::memcmp(&back[k], &values[k], sizeof(double)), 0) << k;
  }
  EXPECT_EQ(DecodeIntegers(EncodeIntegers({0, -1, 7}), 3), (std::vector<int>{0, -1, 7}));
}

TEST(PackedTest, DamagedBytesAreReportedNotRead) {
  const std::string packed = PackJson(EveryKindOfValue());
  EXPECT_THROW(UnpackJson(""), std::runtime_error);
  EXPECT_THROW(UnpackJson("not compressed at all"), std::runtime_error);
  EXPECT_THROW(UnpackJson(packed.substr(0, packed.size() / 2)), std::runtime_error);
  std::string flipped = packed;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5a);
  EXPECT_THROW(UnpackJson(flipped), std::runtime_error);
  // Compressed bytes that are not MessagePack.
  EXPECT_THROW(UnpackJson(Compress("\xc1\xc1")), std::runtime_error);
  EXPECT_THROW(DecodeDoubles(std::string(12, '\0'), 2), std::runtime_error);
}

}  // namespace
}  // namespace statecraft
