#include "statecraft/io/importers/bdm_csv.h"

#include <gtest/gtest.h>

#include "statecraft/core/error.h"

namespace statecraft {
namespace {

TEST(BdmCsv, ReadsTheEcHeader) {
  const auto scenarios = ReadBdmCsv("Actor,Capability,Position,Salience\nA,0.5,4,0.8\nB,1,10,0.2\n",
                                    "ec.csv", ImportOptions{});
  ASSERT_EQ(scenarios.size(), 1u);
  EXPECT_EQ(scenarios[0].ActorCount(), 2);
}

}  // namespace
}  // namespace statecraft
