#include "statecraft/models/exchange/exchange.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "statecraft/analysis/run.h"
#include "statecraft/core/error.h"
#include "statecraft/io/importers/decide_csv.h"
#include "statecraft/io/text_file.h"

namespace statecraft {
namespace {

constexpr double kTolerance = 1e-9;

std::string GoldenPath(const std::string& name) {
  return std::string(STATECRAFT_SOURCE_DIR) + "/tests/goldens/exchange/" + name;
}

Scenario LoadDecide(const std::string& name) {
  const std::string path = GoldenPath(name);
  return ReadDecide(ReadTextFile(path), path, ImportOptions{}).front();
}

nlohmann::json LoadJson(const std::string& name) {
  std::ifstream in(GoldenPath(name));
  return nlohmann::json::parse(in);
}

ExchangeOptions DecideOptions(int rounds) {
  ExchangeOptions options;
  options.rounds = rounds;
  options.decide_compat = true;
  return options;
}

std::string Number(double value) {
  std::ostringstream out;
  out.precision(17);
  out << value;
  return out.str();
}

// Compares every round of a run with the expected JSON (spec §2.15 goldens): outcome, voting
// and preference positions, and the realised exchanges in order. Stops at the first round that
// differs, naming it, so that a failure points at the first divergence.
void ExpectMatchesGolden(const std::string& input, const std::string& golden) {
  const Scenario scenario = LoadDecide(input);
  const nlohmann::json expected = LoadJson(golden);
  const int rounds = static_cast<int>(expected["rounds"].size()) - 1;
  const Forecast forecast = RunExchange(scenario, DecideOptions(rounds), 0);
  ASSERT_EQ(static_cast<int>(forecast.rounds.size()), rounds + 1);
  for (int t = 0; t <= rounds; ++t) {
    const nlohmann::json& round = expected["rounds"][t];
    const Round& actual = forecast.rounds[t];
    int failures = 0;
    for (int d = 0; d < scenario.IssueCount(); ++d) {
      const std::string& issue = scenario.issues[d].name;
      const double want = round["outcome"][issue].get<double>();
      if (std::abs(actual.outcome[d] - want) > kTolerance) {
        ADD_FAILURE() << golden << " round " << t << " outcome " << issue << ": got "
                      << Number(actual.outcome[d]) << ", expected " << Number(want);
        ++failures;
      }
    }
    for (int a = 0; a < scenario.ActorCount(); ++a) {
      const std::string& actor = scenario.actors[a].name;
      for (int d = 0; d < scenario.IssueCount(); ++d) {
        const std::string& issue = scenario.issues[d].name;
        const double got = actual.positions[a * scenario.IssueCount() + d];
        if (!round["positions"].contains(actor) || !round["positions"][actor].contains(issue)) {
          EXPECT_TRUE(std::isnan(got)) << golden << " round " << t << " " << actor << "/" << issue;
          continue;
        }
        const double want = round["positions"][actor][issue].get<double>();
        if (std::abs(got - want) > kTolerance) {
          ADD_FAILURE() << golden << " round " << t << " vote " << actor << "/" << issue << ": got "
                        << Number(got) << ", expected " << Number(want);
          ++failures;
        }
        // Preference positions: listed in the detail where they differ from the votes.
        double preference = got;
        if (t > 0) {
          const Detail* listed = actual.detail.Find("preference_positions")->Find(actor);
          if (listed != nullptr && listed->Find(issue) != nullptr) {
            preference = listed->Find(issue)->AsNumber();
          }
        }
        const double want_preference = round["preference_positions"][actor][issue].get<double>();
        if (std::abs(preference - want_preference) > kTolerance) {
          ADD_FAILURE() << golden << " round " << t << " preference " << actor << "/" << issue
                        << ": got " << Number(preference) << ", expected "
                        << Number(want_preference);
          ++failures;
        }
      }
    }
    if (t > 0) {
      const Detail::List& exchanges = actual.detail.Find("exchanges")->AsList();
      const nlohmann::json& want = round["exchanges"];
      const std::size_t common = std::min(exchanges.size(), want.size());
      if (exchanges.size() != want.size()) {
        ADD_FAILURE() << golden << " round " << t << ": " << exchanges.size()
                      << " exchanges, expected " << want.size();
        ++failures;
      }
      for (std::size_t e = 0; e < common && failures == 0; ++e) {
        const Detail& got = exchanges[e];
        const nlohmann::json& w = want[e];
        const bool same =
            got.Find("i")->AsString() == w["I"].get<std::string>() &&
            got.Find("j")->AsString() == w["J"].get<std::string>() &&
            got.Find("i_supply")->AsString() == w["I_supply"].get<std::string>() &&
            got.Find("j_supply")->AsString() == w["J_supply"].get<std::string>() &&
            std::abs(got.Find("gain")->AsNumber() - w["gain"].get<double>()) <= kTolerance &&
            std::abs(got.Find("i_from")->AsNumber() - w["I_x"].get<double>()) <= kTolerance &&
            std::abs(got.Find("i_to")->AsNumber() - w["I_y"].get<double>()) <= kTolerance &&
            std::abs(got.Find("j_from")->AsNumber() - w["J_x"].get<double>()) <= kTolerance &&
            std::abs(got.Find("j_to")->AsNumber() - w["J_y"].get<double>()) <= kTolerance;
        if (!same) {
          ADD_FAILURE() << golden << " round " << t << " exchange " << e + 1 << ": got "
                        << got.Find("i")->AsString() << "/" << got.Find("i_supply")->AsString()
                        << " " << Number(got.Find("i_from")->AsNumber()) << "->"
                        << Number(got.Find("i_to")->AsNumber()) << " with "
                        << got.Find("j")->AsString() << "/" << got.Find("j_supply")->AsString()
                        << " " << Number(got.Find("j_from")->AsNumber()) << "->"
                        << Number(got.Find("j_to")->AsNumber()) << " gain "
                        << Number(got.Find("gain")->AsNumber()) << ", expected " << w.dump();
          ++failures;
        }
      }
    }
    if (failures > 0) return;
  }
}

TEST(ExchangeGolden, TwoActorTestVector) {
  ExpectMatchesGolden("testvec_two_actor.decide.txt", "testvec_two_actor.json");
}

TEST(ExchangeGolden, ThreeActorClampTestVector) {
  ExpectMatchesGolden("testvec_three_actor_clamp.decide.txt", "testvec_three_actor_clamp.json");
}

TEST(ExchangeGolden, RoadTollSample) {
  ExpectMatchesGolden("decide_sample_data.toll_case.txt", "toll.json");
}

TEST(ExchangeGolden, Copenhagen) {
  ExpectMatchesGolden("cop15_copenhagen_2009_stokman.decide.csv", "copenhagen.json");
}

TEST(ExchangeGolden, Cop21) {
  ExpectMatchesGolden("cop21_paris_2015_stokman_thomson.decide.csv", "cop21.json");
}

}  // namespace
}  // namespace statecraft
