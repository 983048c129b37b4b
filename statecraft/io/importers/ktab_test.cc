// Tests of the KTAB importers (statecraft/io/importers/ktab_csv.cc, ktab_xml.cc).
#include "statecraft/io/importers/ktab.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "statecraft/core/error.h"
#include "statecraft/io/importer.h"
#include "statecraft/io/scenario_reader.h"
#include "statecraft/io/text_file.h"
#include "statecraft/models/smp/smp.h"

namespace statecraft {
namespace {

const std::string kInputs = std::string(STATECRAFT_SOURCE_DIR) + "/data/ktab/";
const std::string kParams =
    std::string(STATECRAFT_SOURCE_DIR) + "/tests/goldens/smp/expected/params/";

// The message of the InputError that `read` throws, or "" when it throws none.
template <typename Function>
std::string ErrorOf(Function read) {
  try {
    read();
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

std::string CsvError(const std::string& text) {
  return ErrorOf([&] { ReadKtabCsv(text, "bad.csv", ImportOptions{}); });
}

std::string XmlError(const std::string& text) {
  return ErrorOf([&] { ReadKtabXml(text, "bad.xml", ImportOptions{}); });
}

TEST(KtabCsv, ReadsDummyData3Dim) {
  const std::string path = kInputs + "dummyData_3Dim.csv";
  const Scenario scenario = ReadKtabCsv(ReadTextFile(path), path, ImportOptions{})[0];
  EXPECT_EQ(scenario.name, "DummyData_3Dim");
  EXPECT_EQ(scenario.description, "Dummy scenario to test reading format");
  ASSERT_EQ(scenario.ActorCount(), 7);
  ASSERT_EQ(scenario.IssueCount(), 3);
  EXPECT_EQ(scenario.issues[1].name, "Pstn2");
  EXPECT_EQ(scenario.issues[0].scale_low, 0.0);
  EXPECT_EQ(scenario.issues[0].scale_high, 100.0);
  EXPECT_EQ(scenario.actors[0].name, "SActor-00");
  EXPECT_EQ(scenario.actors[0].description, "Random Spatial Actor");
  EXPECT_DOUBLE_EQ(scenario.actors[0].capability.central, 102.543);
  EXPECT_DOUBLE_EQ(scenario.Position(0, 0), 75.79);
  EXPECT_DOUBLE_EQ(scenario.Salience(0, 0), 49.53 / 100.0);
  EXPECT_DOUBLE_EQ(scenario.Position(6, 2), 90.36);
}

TEST(KtabCsv, ReadsEveryShippedInputAndIsDetected) {
  for (const char* name : {"dummyData_3Dim", "dummyData_3Dim-no-final-comma", "SOE-Pol-Comp",
                           "SOE-Policy", "SOE-Competitive", "dummyData_6Dim", "dummyData-a040",
                           "dummyData-a080", "dummyData-a160"}) {
    const std::string path = kInputs + name + ".csv";
    const std::string text = ReadTextFile(path);
    EXPECT_TRUE(SniffKtabCsv(text)) << name;
    EXPECT_EQ(DetectFormat(text, path), "ktab") << name;
    EXPECT_NO_THROW(ReadKtabCsv(text, path, ImportOptions{})) << name;
  }
  const Scenario policy =
      ReadScenario(kInputs + "SOE-Policy.csv", ReadOptions{});  // through the generic reader
  EXPECT_EQ(policy.ActorCount(), 26);
  EXPECT_EQ(policy.issues[0].name, "Policy Position");
}

TEST(KtabCsv, BadInputsNameLineAndColumn) {
  const std::string header = "S,desc,3,1\nActor,Description,Power,P,S\n";
  EXPECT_EQ(CsvError(header + "a,,1,50,50\nb,,1,50,50\n"),
            "bad.csv:4: found 2 actor rows, expected 3 as line 1 declares");
  EXPECT_EQ(CsvError(header + "a,,1,50,50\nb,,1,50,50\nc,,1,50,50\nd,,1,50,50\n"),
            "bad.csv:6: found 4 actor rows, expected 3 as line 1 declares");
  EXPECT_EQ(CsvError(header + "a,,1,50,50\nb,,1,150,50\nc,,1,50,50\n"),
            "bad.csv:4:6: position: found 150, expected a number in [0, 100]");
  EXPECT_EQ(CsvError(header + "a,,1,50,50\nb,,0,50,50\nc,,1,50,50\n"),
            "bad.csv:4:4: capability: found 0, expected a number > 0 and <= 1e8");
  EXPECT_EQ(CsvError(header + "a,,1,50,50\nb,,x,50,50\nc,,1,50,50\n"),
            "bad.csv:4:4: capability: found 'x', expected a number");
  EXPECT_EQ(CsvError(header + "a,,1,50,50\na,,1,50,50\nc,,1,50,50\n"),
            "bad.csv:4:1: found the actor name 'a' twice, expected unique names");
  EXPECT_EQ(CsvError(header + "a,,1,50,50\nb,,1,50\nc,,1,50,50\n"),
            "bad.csv:4: found 4 fields, expected 5");
  EXPECT_EQ(CsvError(header + "a,,1,50,50\nb,,1,50,50,7\nc,,1,50,50\n"),
            "bad.csv:4:12: found an extra field '7', expected at most 5 fields");
  EXPECT_EQ(CsvError(header + "a,,1,50,50\nb,,1,50,-1\nc,,1,50,50\n"),
            "bad.csv:4:9: salience: found -1, expected a percent in [0, 100]");
  EXPECT_EQ(CsvError("S,desc,3,2\nActor,Description,Power,P,S,Q,T\na,,1,50,50,50,60\n"
                     "b,,1,50,50,50,40\nc,,1,50,50,50,50\n"),
            "bad.csv:3: saliences sum to 110, expected at most 100 (percent over all "
            "dimensions)");
  EXPECT_EQ(CsvError(header + "an-actor-name-that-is-much-too-long,,1,50,50\nb,,1,50,50\n"
                              "c,,1,50,50\n"),
            "bad.csv:3:1: actor name: found 'an-actor-name-that-is-much-too-long' (35 "
            "characters), expected 1 to 25 characters");
  EXPECT_EQ(CsvError("S,desc,2,1\nActor,Description,Power,P,S\na,,1,50,50\nb,,1,50,50\n"),
            "bad.csv:1:8: number of actors: found '2', expected a whole number >= 3");
  EXPECT_EQ(CsvError("S,desc,3,0\n"),
            "bad.csv:1:10: number of dimensions: found '0', expected a whole number >= 1");
  EXPECT_EQ(CsvError("S,desc,3.5,1\n"),
            "bad.csv:1:8: number of actors: found '3.5', expected a whole number >= 3");
  EXPECT_EQ(CsvError("S,desc,3\n"),
            "bad.csv:1: found 3 fields, expected 'scenario name, description, number of actors, "
            "number of dimensions'");
  EXPECT_EQ(CsvError("S,desc,3,2\nActor,Description,Power,P,S\n"),
            "bad.csv:2: found 5 header fields, expected 7 (actor, description, capability, then "
            "position and salience for each of 2 dimensions)");
  EXPECT_EQ(CsvError("S,desc,3,2\nActor,Description,Power,P,S,P,S\n"),
            "bad.csv:2:29: found the dimension name 'P' twice, expected unique names");
  EXPECT_EQ(CsvError(""), "bad.csv:1: found an empty file, expected a KTAB CSV scenario");
}

TEST(KtabXml, ShippedDummyDataEqualsTheCsv) {
  const std::string xml_path = kInputs + "dummyData_3Dim.xml";
  const std::string csv_path = kInputs + "dummyData_3Dim.csv";
  const std::string text = ReadTextFile(xml_path);
  EXPECT_TRUE(SniffKtabXml(text));
  EXPECT_FALSE(SniffKtabCsv(text));
  EXPECT_EQ(DetectFormat(text, xml_path), "ktab-xml");
  const KtabXmlDocument document = ReadKtabXmlDocument(text, xml_path);
  const Scenario csv = ReadKtabCsv(ReadTextFile(csv_path), csv_path, ImportOptions{})[0];
  const Scenario& xml = document.scenario;
  ASSERT_EQ(xml.ActorCount(), csv.ActorCount());
  ASSERT_EQ(xml.IssueCount(), csv.IssueCount());
  for (int a = 0; a < xml.ActorCount(); ++a) {
    EXPECT_EQ(xml.actors[a].name, csv.actors[a].name);
    EXPECT_DOUBLE_EQ(xml.actors[a].capability.central, csv.actors[a].capability.central);
    for (int k = 0; k < xml.IssueCount(); ++k) {
      EXPECT_DOUBLE_EQ(xml.Position(a, k), csv.Position(a, k));
      EXPECT_DOUBLE_EQ(xml.Salience(a, k), csv.Salience(a, k));
    }
  }
  ASSERT_TRUE(document.prng_seed.has_value());
  EXPECT_EQ(*document.prng_seed, 3707583219545544125ULL);
  EXPECT_TRUE(document.model_parameters.empty());
  EXPECT_TRUE(document.accommodation.empty());
}

TEST(KtabXml, ModelParametersBecomeSmpParameters) {
  const std::string path = kParams + "d3_vr_Binary.xml";
  const KtabXmlDocument document = ReadKtabXmlDocument(ReadTextFile(path), path);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"victory_probability", "linear"},      {"pce", "conditional"},
      {"state_transitions", "deterministic"}, {"voting_rule", "binary"},
      {"risk_adjustment", "one_third"},       {"risk_range", "mid"},
      {"third_party_commit", "semi_commit"},  {"bargain_interpolation", "s2p2"},
      {"bargain_model", "init_only_interp"}};
  EXPECT_EQ(document.model_parameters, expected);
  // The identity <IdealAdjustment> is accepted and needs no matrix.
  EXPECT_TRUE(document.accommodation.empty());
  // Reported in the scenario's sources, since a Scenario has no slot for them.
  bool reported = false;
  for (const std::string& source : document.scenario.sources) {
    reported = reported || source.find("voting_rule=binary") != std::string::npos;
  }
  EXPECT_TRUE(reported);
}

TEST(KtabXml, SchemaSpellingsAreAccepted) {
  const std::string path = kParams + "d3_xsd_Proportional.xml";
  const KtabXmlDocument document = ReadKtabXmlDocument(ReadTextFile(path), path);
  EXPECT_EQ(document.model_parameters[3],
            std::make_pair(std::string("voting_rule"), std::string("prop")));
}

TEST(KtabXml, ShippedSmpExampleFailsOnItsEmptyCoordinate) {
  const std::string path = kInputs + "smpExample.xml";
  const std::string error = ErrorOf([&] { ReadKtabXmlDocument(ReadTextFile(path), path); });
  EXPECT_EQ(error, path + ":32:9: position: found '', expected a number");
}

// A small valid document with one replaceable part.
std::string Document(const std::string& actors_extra = "", const std::string& tail = "") {
  std::string actors;
  for (const char* name : {"A", "B", "C"}) {
    actors += std::string("  <Actor><name>") + name +
              "</name><capability>10</capability><Position><dCoord>50</dCoord></Position>"
              "<Salience><dSal>50</dSal></Salience></Actor>\n";
  }
  return "<?xml version=\"1.0\"?>\n<Scenario>\n<name>S</name>\n"
         "<Dimensions><dName>D</dName></Dimensions>\n<Actors>\n" +
         actors + actors_extra + "</Actors>\n" + tail + "</Scenario>\n";
}

TEST(KtabXml, MinimalDocumentWithoutSeedOrAdjustment) {
  const std::vector<Scenario> scenarios = ReadKtabXml(Document(), "ok.xml", ImportOptions{});
  ASSERT_EQ(scenarios.size(), 1u);
  EXPECT_EQ(scenarios[0].ActorCount(), 3);
  EXPECT_DOUBLE_EQ(scenarios[0].Salience(2, 0), 0.5);
}

TEST(KtabXml, ReaderHandlesCommentsEntitiesCdataAndAttributes) {
  const std::string text =
      "\xEF\xBB\xBF<?xml version='1.0' encoding='UTF-8'?>\n<!-- c -->\n"
      "<Scenario a=\"1\" b='x &amp; y'>\n<name>R&amp;D &#x41;&#66;<![CDATA[<raw>]]></name>\n"
      "<Dimensions><!-- d --><dName>D</dName></Dimensions>\n<Actors>\n"
      "<Actor><name>A</name><capability> 1e1 </capability><Position><dCoord>5</dCoord>"
      "</Position><Salience><dSal>50</dSal></Salience></Actor>\n"
      "<Actor><name>B</name><capability>1</capability><Position><dCoord>5</dCoord>"
      "</Position><Salience><dSal>50</dSal></Salience></Actor>\n"
      "<Actor><name>C</name><capability>1</capability><Position><dCoord>5</dCoord>"
      "</Position><Salience><dSal>50</dSal></Salience></Actor>\n"
      "</Actors>\n</Scenario>\n<!-- end -->\n";
  const Scenario scenario = ReadKtabXml(text, "ok.xml", ImportOptions{})[0];
  EXPECT_EQ(scenario.name, "R&D AB<raw>");
  EXPECT_DOUBLE_EQ(scenario.actors[0].capability.central, 10.0);
}

TEST(KtabXml, NonIdentityAdjustmentIsRefusedByTheImporterButReadByTheDocument) {
  const std::string text =
      Document("",
               "<IdealAdjustment>\n<iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>B"
               "</referencePos><adjust>0.25</adjust></iaPair>\n</IdealAdjustment>\n");
  EXPECT_NE(XmlError(text).find("bad.xml:10:1: found an <IdealAdjustment> other than the "
                                "identity"),
            std::string::npos)
      << XmlError(text);
  const KtabXmlDocument document = ReadKtabXmlDocument(text, "ok.xml");
  const std::vector<double> expected = {1, 0.25, 0, 0, 1, 0, 0, 0, 1};
  EXPECT_EQ(document.accommodation, expected);
}

TEST(KtabXml, BadInputsNameLineAndColumn) {
  EXPECT_EQ(XmlError("<Scenario>\n<name>S</name>\n"),
            "bad.xml:3:1: found the end of the file, expected </Scenario> closing the "
            "<Scenario> of line 1");
  EXPECT_EQ(XmlError("<Scenario>\n<name>S</nam>\n</Scenario>"),
            "bad.xml:2:10: found </nam>, expected </name> closing the <name> of line 2");
  EXPECT_EQ(XmlError("<Scenario>\n<name>S &nbsp;</name>\n</Scenario>"),
            "bad.xml:2:10: found the entity '&nbsp;', expected one of &amp; &lt; &gt; &quot; "
            "&apos; or a character number");
  EXPECT_EQ(XmlError("<Scenario a=1>\n</Scenario>"),
            "bad.xml:1:13: found '1', expected a quoted attribute value");
  EXPECT_EQ(XmlError("<!DOCTYPE x>\n<Scenario/>"),
            "bad.xml:1:1: found a DOCTYPE declaration, expected none (KTAB files have none; "
            "entities are not read)");
  EXPECT_EQ(XmlError("<Scenario/>\n<Other/>"),
            "bad.xml:2:1: found content after the root element, expected the end of the file");
  EXPECT_EQ(XmlError("<Scenario>\n<!-- open\n</Scenario>"),
            "bad.xml:2:1: found a comment that never ends, expected a closing '-->'");
  EXPECT_EQ(XmlError("<Model/>"),
            "bad.xml:1:1: found the root element <Model>, expected "
            "<Scenario>");
  EXPECT_EQ(XmlError("<Scenario>\n<name>S</name>\n</Scenario>"),
            "bad.xml:1:1: found <Scenario> without <Dimensions>, expected one");
  EXPECT_EQ(XmlError("<Scenario>\n<name>S</name><Extra/>\n</Scenario>"),
            "bad.xml:2:15: found <Extra> inside <Scenario>, expected <name>, <desc>, <prngSeed>, "
            "<ModelParameters>, <Dimensions>, <Actors>, <IdealAdjustment>");
  EXPECT_EQ(XmlError(Document("  <Actor><name>A</name><capability>1</capability><Position>"
                              "<dCoord>5</dCoord></Position><Salience><dSal>5</dSal></Salience>"
                              "</Actor>\n")),
            "bad.xml:9:10: found the actor name 'A' twice, expected unique names");
  EXPECT_EQ(XmlError(Document("  <Actor><name>E</name><capability>1</capability><Position>"
                              "<dCoord>5</dCoord><dCoord>6</dCoord></Position><Salience><dSal>5"
                              "</dSal></Salience></Actor>\n")),
            "bad.xml:9:50: found 2 <dCoord> in <Position>, expected 1, one per <dName>");
  EXPECT_EQ(XmlError(Document("  <Actor><name>E</name><capability>-2</capability><Position>"
                              "<dCoord>5</dCoord></Position><Salience><dSal>5</dSal></Salience>"
                              "</Actor>\n")),
            "bad.xml:9:24: capability: found -2, expected a number > 0 and <= 1e8");
  EXPECT_EQ(XmlError(Document("  <Actor><name>E</name><capability>2</capability><Position>"
                              "<dCoord>101</dCoord></Position><Salience><dSal>5</dSal>"
                              "</Salience></Actor>\n")),
            "bad.xml:9:60: position: found 101, expected a number in [0, 100]");
  EXPECT_EQ(XmlError(Document("",
                              "<ModelParameters><VotingRule>Majority</VotingRule>"
                              "</ModelParameters>\n")),
            "bad.xml:10:18: VotingRule: found 'Majority', expected one of Binary, PropBin, "
            "Prop, Proportional, PropCbc, Cubic, ASymProsp");
  EXPECT_EQ(XmlError(Document("",
                              "<IdealAdjustment><iaPair><adjustingIdeal>Z</adjustingIdeal>"
                              "<referencePos>A</referencePos><adjust>1</adjust></iaPair>"
                              "</IdealAdjustment>\n")),
            "bad.xml:10:26: adjustingIdeal: found 'Z', expected the name of an actor");
  EXPECT_EQ(XmlError("<Scenario><name>S</name><prngSeed>99999999999999999999</prngSeed>"
                     "</Scenario>"),
            "bad.xml:1:25: prngSeed: found '99999999999999999999', expected a whole number "
            "below 2^64");
}

// KTAB's --euSMP scenario is offered as a generator beside the importers, with the parameter
// that makes smp reproduce KTAB's own run of it.
TEST(KtabRandom, GeneratorMakesKtabsRandomScenario) {
  const ScenarioGenerator& generator = FindGenerator("ktab-random");
  EXPECT_EQ(generator.default_seed, kKtabDefaultSeed);
  const Scenario generated = generator.generate(7);
  const Scenario direct = KtabRandomScenario(7);
  EXPECT_EQ(generated.name, "euSMP-7");
  ASSERT_EQ(generated.ActorCount(), direct.ActorCount());
  ASSERT_EQ(generated.IssueCount(), direct.IssueCount());
  for (int actor = 0; actor < generated.ActorCount(); ++actor) {
    for (int issue = 0; issue < generated.IssueCount(); ++issue) {
      EXPECT_EQ(generated.Position(actor, issue), direct.Position(actor, issue));
    }
  }
  ASSERT_EQ(generator.params.size(), 1u);
  EXPECT_EQ(generator.params[0].model, "smp");
  EXPECT_EQ(generator.params[0].name, "initial_bargains_risk_neutral");
  try {
    FindGenerator("ktab");
    FAIL() << "an importer's name is not a generator";
  } catch (const InputError& error) {
    EXPECT_STREQ(error.what(), "unknown scenario generator 'ktab'; known generators: ktab-random");
  }
}

}  // namespace
}  // namespace statecraft
