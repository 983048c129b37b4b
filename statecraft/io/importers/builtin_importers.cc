// Every importer shipped with statecraft, registered explicitly: one entry per format.
#include "statecraft/core/error.h"
#include "statecraft/io/importer.h"
#include "statecraft/io/importers/bdm_csv.h"
#include "statecraft/io/importers/decide_csv.h"
#include "statecraft/io/importers/deu_tsv.h"
#include "statecraft/io/importers/ktab.h"
#include "statecraft/models/smp/smp.h"

namespace statecraft {

const std::vector<Importer>& BuiltinImporters() {
  static const std::vector<Importer> importers = {
      {"decide",
       "Decide / Stokman exchange-model input (#A/#P/#M/#D rows, tab or ;)",
       {".txt", ".csv"},
       SniffDecide,
       ReadDecide},
      {"bdm",
       "Bueno de Mesquita CSV: Actor,Capability,Position,Salience (one issue)",
       {".csv", ".tsv"},
       SniffBdmCsv,
       ReadBdmCsv},
      {"deu",
       "DEU dataset of EU decisions (tab-separated; one scenario per proposal)",
       {".tsv"},
       SniffDeuTsv,
       ReadDeuTsv},
      {"ktab",
       "KTAB smpc CSV (name,desc,nActors,nDims; Actor,Description,Power,pos,sal,...)",
       {".csv"},
       SniffKtabCsv,
       ReadKtabCsv},
      {"ktab-xml",
       "KTAB smpc XML scenario (<Scenario>, <Actors>, <Dimensions>)",
       {".xml"},
       SniffKtabXml,
       ReadKtabXml},
  };
  return importers;
}

const std::vector<ScenarioGenerator>& BuiltinGenerators() {
  static const std::vector<ScenarioGenerator> generators = {
      {"ktab-random",
       "KTAB's random spatial scenario, as `smpc --euSMP --seed S` generates it "
       "(docs/models/smp.md "
       "§4.13)",
       kKtabDefaultSeed,
       {{"smp", "initial_bargains_risk_neutral", "true"}},
       KtabRandomScenario},
  };
  return generators;
}

const ScenarioGenerator& FindGenerator(const std::string& name) {
  std::string known;
  for (const ScenarioGenerator& generator : BuiltinGenerators()) {
    if (generator.name == name) return generator;
    known += (known.empty() ? "" : ", ") + generator.name;
  }
  throw InputError("unknown scenario generator '" + name + "'; known generators: " + known);
}

}  // namespace statecraft
