// Version numbers of statecraft and of the three things it keeps for its users, each defined
// here and nowhere else (CMake reads the program's version from this file):
//
//   program          statecraft's release, semantic versioning (CHANGELOG.md).
//   scenario format  the native YAML/JSON scenario file (docs/scenario-format.md). Files may
//                    declare `format_version: N`; files statecraft writes do. A reader refuses a
//                    file of a newer format instead of misreading it. Raised when a key changes
//                    meaning or a file of the new format would be misread by an older reader;
//                    new optional keys do not raise it.
//   JSON output      the objects `--format json`, the HTTP API and Python's to_dict() give. Raised
//                    when a key is removed or changes meaning; new keys do not raise it. Shown
//                    by `statecraft --version`; objects do not carry it (docs/scenario-format.md,
//                    "Versions").
//   store schema     the SQLite run store: the number of migrations, recorded in the store's
//                    schema_version table. Opening an older store applies the missing
//                    migrations; a newer store is refused.
#ifndef STATECRAFT_CORE_VERSION_H_
#define STATECRAFT_CORE_VERSION_H_

namespace statecraft {

inline constexpr char kProgramVersion[] = "0.1.0";
inline constexpr int kScenarioFormatVersion = 1;
inline constexpr int kJsonOutputVersion = 1;
inline constexpr int kStoreSchemaVersion = 5;

}  // namespace statecraft

#endif  // STATECRAFT_CORE_VERSION_H_
