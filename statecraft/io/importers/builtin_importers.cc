// Every importer shipped with statecraft, registered explicitly: one line per format.
#include "statecraft/io/importer.h"

namespace statecraft {

const std::vector<Importer>& BuiltinImporters() {
  static const std::vector<Importer> importers = {
  };
  return importers;
}

}  // namespace statecraft
