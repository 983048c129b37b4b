// The run store's binary columns: numbers as little-endian 8-byte words (every bit kept, NaN
// included, whatever the machine, so a store moves between machines), and documents (a run's
// printed JSON, a forecast's positions) compressed with Zstandard. The printed JSON is packed as
// MessagePack, which keeps every number exactly and is quicker to write and read than text.
//
// Decoding checks sizes and throws std::runtime_error("run store: ...") on damaged bytes.
#ifndef STATECRAFT_STORE_PACKED_H_
#define STATECRAFT_STORE_PACKED_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "statecraft/io/json_output.h"

namespace statecraft {

std::string EncodeDoubles(const std::vector<double>& values);
std::string EncodeIntegers(const std::vector<int>& values);
// The values of a BLOB that must hold `count` of them.
std::vector<double> DecodeDoubles(std::string_view bytes, std::size_t count);
std::vector<int> DecodeIntegers(std::string_view bytes, std::size_t count);

// Zstandard at level 1, with the content's size and checksum in the frame (Decompress throws on
// damaged bytes).
std::string Compress(std::string_view bytes);
std::string Decompress(std::string_view compressed);

// A JSON document as compressed MessagePack, and back (the same document: numbers bit for bit,
// keys in their order).
std::string PackJson(const Json& document);
Json UnpackJson(std::string_view packed);

}  // namespace statecraft

#endif  // STATECRAFT_STORE_PACKED_H_
