// How commands open the run store (StoreAccess): only saving creates a store; reading a store
// that does not exist finds no run and leaves nothing on disk; a damaged store is a
// DamagedStoreError that names it and says what to do.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "statecraft/core/error.h"
#include "statecraft/io/builtin_scenario.h"
#include "statecraft/io/scenario_reader.h"
#include "statecraft/store/run_store.h"

namespace statecraft {
namespace {

class StoreAccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("statecraft_store_access_test_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::filesystem::path folder_;
};

TEST_F(StoreAccessTest, ReadingAStoreThatDoesNotExistCreatesNothing) {
  const std::string path = (folder_ / "new" / "folder" / "runs.sqlite").string();
  {
    RunStore store(path, StoreMode::kRead);
    EXPECT_EQ(store.path(), path);
    EXPECT_TRUE(store.List().empty());
    EXPECT_FALSE(store.Get(1).has_value());
    EXPECT_THROW(store.Export(1), InputError);
  }
  EXPECT_FALSE(std::filesystem::exists(folder_ / "new"));
  try {
    RunStore store(path, StoreMode::kChange);
    FAIL() << "a store to change must exist";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()),
              path + ": no run store there (a command that saves runs creates it)");
  }
  EXPECT_FALSE(std::filesystem::exists(folder_ / "new"));
}

TEST_F(StoreAccessTest, AFileThatIsNotAStoreIsDamaged) {
  const std::string path = (folder_ / "runs.sqlite").string();
  std::ofstream(path) << std::string(8192, 'x');
  for (StoreMode mode : {StoreMode::kSave, StoreMode::kRead, StoreMode::kChange}) {
    try {
      RunStore store(path, mode);
      FAIL() << "opened a file that is not a store";
    } catch (const DamagedStoreError& error) {
      const std::string message = error.what();
      EXPECT_NE(message.find(path + ": the run store is damaged (file is not a database)"),
                std::string::npos)
          << message;
      EXPECT_NE(message.find(".recover"), std::string::npos) << message;
    }
  }
}

}  // namespace
}  // namespace statecraft
