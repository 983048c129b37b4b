// Every importer shipped with statecraft, registered explicitly: one entry per format.
#include "statecraft/io/importer.h"
#include "statecraft/io/importers/bdm_csv.h"
#include "statecraft/io/importers/decide_csv.h"
#include "statecraft/io/importers/deu_tsv.h"
#include "statecraft/io/importers/ktab.h"

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

}  // namespace statecraft
