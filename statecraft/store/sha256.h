// SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex digits. The run store names a
// scenario by the hash of its canonical JSON, so that two runs on the same inputs share one row.
#ifndef STATECRAFT_STORE_SHA256_H_
#define STATECRAFT_STORE_SHA256_H_

#include <string>

namespace statecraft {

std::string Sha256Hex(const std::string& data);

}  // namespace statecraft

#endif  // STATECRAFT_STORE_SHA256_H_
