// The gallery's cases (scenarios/*.yaml) against the published inputs they were written from.
//
// Each native file restates a published data set with words, sources, ranges, reference points
// and known outcomes. Its central values must be the published numbers exactly, so that the
// goldens of the models (tests/goldens), which read the published files, also hold for the
// gallery: every stake and capability is compared bit for bit, then every registered model is
// run on both and must give the same rounds and outcomes bit for bit.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "statecraft/analysis/run.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/scenario_reader.h"
#include "statecraft/io/text_file.h"
#include "statecraft/models/builtin.h"

namespace statecraft {
namespace {

struct Pair {
  std::string native;     // under scenarios/
  std::string published;  // under data/
};

void PrintTo(const Pair& pair, std::ostream* out) {
  *out << pair.native << " vs " << pair.published;
}

const std::vector<Pair>& Pairs() {
  static const std::vector<Pair> pairs = {
      {"ec-car-emissions.yaml", "bdm/ec_emissions_bdm1994.csv"},
      {"iran-election-2013.yaml", "gpl/eum/iran2013_election.tsv"},
      {"cop15-copenhagen-2009.yaml", "gpl/decide/cop15_copenhagen_2009_stokman.decide.csv"},
      {"cop21-paris-2015.yaml", "gpl/decide/cop21_paris_2015_stokman_thomson.decide.csv"},
      {"china-oil-reform-2014-policy.yaml", "ktab/SOE-Policy.csv"},
      {"china-oil-reform-2014-competition.yaml", "ktab/SOE-Competitive.csv"},
      {"china-oil-reform-2014-both.yaml", "ktab/SOE-Pol-Comp.csv"},
      {"city-toll-decide.yaml", "gpl/decide/decide_sample_data.toll_case.txt"},
  };
  return pairs;
}

std::string SourcePath(const std::string& relative) {
  return std::string(STATECRAFT_SOURCE_DIR) + "/" + relative;
}

Scenario ReadNative(const Pair& pair) {
  return ReadScenario(SourcePath("scenarios/" + pair.native));
}
Scenario ReadPublished(const Pair& pair) {
  return ReadScenario(SourcePath("data/" + pair.published));
}

// Equal doubles, NaN equal to NaN (absent stakes are NaN in round positions).
bool SameBits(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (std::isnan(a[k]) != std::isnan(b[k])) return false;
    if (!std::isnan(a[k]) && a[k] != b[k]) return false;
  }
  return true;
}

class GalleryCase : public testing::TestWithParam<Pair> {};

TEST_P(GalleryCase, CentralValuesAreThePublishedNumbers) {
  const Scenario native = ReadNative(GetParam());
  const Scenario published = ReadPublished(GetParam());
  ASSERT_EQ(native.ActorCount(), published.ActorCount());
  ASSERT_EQ(native.IssueCount(), published.IssueCount());
  for (int issue = 0; issue < native.IssueCount(); ++issue) {
    EXPECT_EQ(native.issues[issue].scale_low, published.issues[issue].scale_low) << issue;
    EXPECT_EQ(native.issues[issue].scale_high, published.issues[issue].scale_high) << issue;
  }
  for (int actor = 0; actor < native.ActorCount(); ++actor) {
    for (int issue = 0; issue < native.IssueCount(); ++issue) {
      const std::string where = native.actors[actor].name + " on " + native.issues[issue].name;
      ASSERT_EQ(native.HasStake(actor, issue), published.HasStake(actor, issue)) << where;
      if (!native.HasStake(actor, issue)) continue;
      EXPECT_EQ(native.Position(actor, issue), published.Position(actor, issue)) << where;
      EXPECT_EQ(native.Salience(actor, issue), published.Salience(actor, issue)) << where;
      EXPECT_EQ(native.Capability(actor, issue), published.Capability(actor, issue)) << where;
    }
  }
}

TEST_P(GalleryCase, EveryModelGivesThePublishedInputsResult) {
  const Scenario native = ReadNative(GetParam());
  const Scenario published = ReadPublished(GetParam());
  for (const ModelInfo& info : BuiltinModels().models()) {
    const Forecast on_native = RunModel(info, native, {}, 7);
    const Forecast on_published = RunModel(info, published, {}, 7);
    EXPECT_TRUE(SameBits(on_native.outcome, on_published.outcome)) << info.name;
    EXPECT_TRUE(SameBits(on_native.ruled_outcome, on_published.ruled_outcome)) << info.name;
    ASSERT_EQ(on_native.rounds.size(), on_published.rounds.size()) << info.name;
    for (std::size_t t = 0; t < on_native.rounds.size(); ++t) {
      EXPECT_TRUE(SameBits(on_native.rounds[t].positions, on_published.rounds[t].positions))
          << info.name << ", round " << t;
    }
  }
}

std::string PairName(const testing::TestParamInfo<Pair>& info) {
  std::string name = std::filesystem::path(info.param.native).stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Published, GalleryCase, testing::ValuesIn(Pairs()), PairName);

// Every case of the gallery is listed above or is the flagship, so no case escapes the check.
TEST(Gallery, EveryCaseHasItsPublishedInput) {
  for (const auto& entry : std::filesystem::directory_iterator(SourcePath("scenarios"))) {
    const std::string file = entry.path().filename().string();
    if (file == "russia-dprk-2024.yaml") continue;
    bool listed = false;
    for (const Pair& pair : Pairs()) listed = listed || pair.native == file;
    EXPECT_TRUE(listed) << file << " is not compared with the published input it restates";
  }
}

// The program carries every file under scenarios/, byte for byte, the flagship first; the three
// files of the China study are one case.
TEST(Gallery, EveryFileIsBuiltIn) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(SourcePath("scenarios"))) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    const BuiltinScenario* builtin = FindBuiltinScenario(entry.path().stem().string());
    ASSERT_NE(builtin, nullptr) << entry.path();
    EXPECT_EQ(builtin->text, ReadTextFile(entry.path().string())) << entry.path();
    EXPECT_EQ(builtin->file_name, entry.path().filename().string() + " (built in)");
  }
  EXPECT_EQ(BuiltinScenarios().size(), files);
  EXPECT_EQ(BuiltinScenarios().front().name, "russia-dprk-2024");
  EXPECT_EQ(BuiltinScenarioText(), BuiltinScenarios().front().text);
  EXPECT_EQ(FindBuiltinScenario("china-oil-reform-2014-both")->case_name, "china-oil-reform-2014");
  EXPECT_EQ(FindBuiltinScenario("cop21-paris-2015")->case_name, "cop21-paris-2015");
  EXPECT_EQ(FindBuiltinScenario("no-such-case"), nullptr);
}

}  // namespace
}  // namespace statecraft
