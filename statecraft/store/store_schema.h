// The run store's schema: its migrations, in order. Migration k (1-based) brings a store from
// schema version k − 1 to k; the number of migrations is kStoreSchemaVersion
// (statecraft/core/version.h). RunStore applies the ones a store lacks when it opens it.
#ifndef STATECRAFT_STORE_STORE_SCHEMA_H_
#define STATECRAFT_STORE_STORE_SCHEMA_H_

#include <string>
#include <vector>

namespace statecraft {

const std::vector<std::string>& StoreMigrations();

}  // namespace statecraft

#endif  // STATECRAFT_STORE_STORE_SCHEMA_H_
