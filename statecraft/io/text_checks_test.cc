// The checks every text input goes through before a reader sees it: UTF-8 with line and column,
// one YAML document per file, and a bound on what aliases expand to.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <string>

#include "statecraft/core/error.h"
#include "statecraft/io/scenario_reader.h"
#include "statecraft/io/text_file.h"
#include "statecraft/io/yaml_node.h"

namespace statecraft {
namespace {

std::string ErrorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

std::string Utf8Error(const std::string& text) {
  return ErrorOf([&] { CheckUtf8(text, "f.txt"); });
}

TEST(TextChecksTest, WellFormedUtf8Passes) {
  EXPECT_EQ(Utf8Error("plain\nFran\xc3\xa7ois \xe2\x82\xac \xf0\x9f\x8c\x8d \xef\xbf\xbf"), "");
}

TEST(TextChecksTest, EveryKindOfMalformedUtf8IsLocatedInCharacters) {
  // Line 2, after "é" (one character, two bytes) and "x": column 3.
  EXPECT_EQ(Utf8Error("first\n\xc3\xa9x\xff"),
            "f.txt:2:3: found the byte 0xFF, which is not UTF-8; expected UTF-8 text (save the "
            "file as UTF-8)");
  EXPECT_NE(Utf8Error("\xe9t\xe9").find("f.txt:1:1: found the byte 0xE9"), std::string::npos);
  EXPECT_NE(Utf8Error("a\x80"), "");             // a continuation byte alone
  EXPECT_NE(Utf8Error("\xc0\xaf"), "");          // an overlong '/'
  EXPECT_NE(Utf8Error("\xe0\x80\xaf"), "");      // an overlong three-byte form
  EXPECT_NE(Utf8Error("\xed\xa0\x80"), "");      // a UTF-16 surrogate
  EXPECT_NE(Utf8Error("\xf4\x90\x80\x80"), "");  // above U+10FFFF
  EXPECT_NE(Utf8Error("\xf5\x80\x80\x80"), "");  // no such lead byte
  EXPECT_NE(Utf8Error("end \xe2\x82"), "");      // cut short at the end
  EXPECT_NE(Utf8Error("\xe2\x82 next"), "");     // cut short before ASCII
}

TEST(TextChecksTest, EveryReaderGetsTheCheck) {
  const std::string message = ErrorOf([] { ParseScenarios("name: caf\xe9\n", "s.yaml"); });
  EXPECT_EQ(message.rfind("s.yaml:1:10: found the byte 0xE9", 0), 0u) << message;
  const std::string csv =
      ErrorOf([] { ParseScenarios("#A\tA\tA\xe9\n#P\tp\tp\n#D\tA\tp\t1\t1\t1\n", "d.txt"); });
  EXPECT_EQ(csv.rfind("d.txt:1:7: found the byte 0xE9", 0), 0u) << csv;
}

TEST(TextChecksTest, ASecondYamlDocumentIsRefused) {
  EXPECT_EQ(ErrorOf([] { ParseYamlText("a: 1\n---\nb: 2\n", "s.yaml"); }),
            "s.yaml:2:1: found a second YAML document, expected one scenario per file (remove "
            "the '---' or '...' line, or split the file)");
  EXPECT_NE(ErrorOf([] { ParseYamlText("a: 1\n...\n---\n", "s.yaml"); }), "");
  // One document, with or without its markers, is fine.
  EXPECT_EQ(ErrorOf([] { ParseYamlText("---\na: 1\n...\n", "s.yaml"); }), "");
  EXPECT_EQ(ErrorOf([] { ParseYamlText("a: &x [1, 2]\nb: *x\n", "s.yaml"); }), "");
}

long PeakKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST(TextChecksTest, AliasExpansionIsBoundedBeforeAnythingIsBuilt) {
  // 2,000 aliases of a 1 MB string: 2 GB once expanded, refused at the 17th alias.
  const std::string text = "name: &big \"" + std::string(1 << 20, 'x') + "\"\nrepeats: [" + [] {
    std::string aliases;
    for (int k = 0; k < 2000; ++k) aliases += (k ? ", " : "") + std::string("*big");
    return aliases;
  }() + "]\n";
  const long before = PeakKilobytes();
  const std::string message = ErrorOf([&] { ParseScenarios(text, "big.yaml"); });
  EXPECT_NE(message.find("big.yaml:2:"), std::string::npos) << message;
  EXPECT_NE(message.find("aliases (*name) make the document"), std::string::npos) << message;
  EXPECT_LT(PeakKilobytes() - before, 200 * 1024);  // far below the 2 GB of the expansion
}

}  // namespace
}  // namespace statecraft
