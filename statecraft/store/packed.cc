#include "statecraft/store/packed.h"

#include <zstd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace statecraft {
namespace {

// ZSTD's fastest standard level: compressing costs about as much as encoding the document.
constexpr int kCompressionLevel = 1;
// No document of a run comes near this; a larger size in a frame header means damage.
constexpr unsigned long long kLargestDocument = 1ULL << 32;

void AppendWord(std::uint64_t word, std::string& bytes) {
  for (int shift = 0; shift < 64; shift += 8) {
    bytes.push_back(static_cast<char>((word >> shift) & 0xff));
  }
}

std::uint64_t ReadWord(std::string_view bytes, std::size_t index) {
  std::uint64_t word = 0;
  for (int k = 7; k >= 0; --k) {
    word = (word << 8) | static_cast<unsigned char>(bytes[index * 8 + k]);
  }
  return word;
}

void CheckCount(std::string_view bytes, std::size_t count) {
  if (bytes.size() != count * 8) throw std::runtime_error("run store: a damaged block of numbers");
}

// MessagePack (msgpack.org, the format's specification) of a JSON document, written in one pass
// into a growing buffer. (nlohmann's own writer goes through an output adapter byte by byte and
// takes several times longer on a run's JSON.)
class MessagePackWriter {
 public:
  std::string Finish() {
    bytes_.resize(used_);
    return std::move(bytes_);
  }

  void Append(const Json& value) {
    switch (value.type()) {
      case Json::value_t::null:
      case Json::value_t::discarded:
        Byte(0xc0);
        return;
      case Json::value_t::boolean:
        Byte(*value.get_ptr<const Json::boolean_t*>() ? 0xc3 : 0xc2);
        return;
      case Json::value_t::number_unsigned:
        Unsigned(*value.get_ptr<const Json::number_unsigned_t*>());
        return;
      case Json::value_t::number_integer:
        Integer(*value.get_ptr<const Json::number_integer_t*>());
        return;
      case Json::value_t::number_float:
        Float(*value.get_ptr<const Json::number_float_t*>());
        return;
      case Json::value_t::string:
        String(*value.get_ptr<const Json::string_t*>());
        return;
      case Json::value_t::array: {
        const Json::array_t& elements = *value.get_ptr<const Json::array_t*>();
        Size(elements.size(), 0x90, 16, 0, 0xdc, 0xdd);
        for (const Json& element : elements) Append(element);
        return;
      }
      case Json::value_t::object: {
        const Json::object_t& members = *value.get_ptr<const Json::object_t*>();
        Size(members.size(), 0x80, 16, 0, 0xde, 0xdf);
        for (const auto& [key, element] : members) {
          String(key);
          Append(element);
        }
        return;
      }
      case Json::value_t::binary: {
        // Bytes without their subtype (no result holds any).
        const Json::binary_t& binary = *value.get_ptr<const Json::binary_t*>();
        Size(binary.size(), 0, 0, 0xc4, 0xc5, 0xc6);
        std::memcpy(Reserve(binary.size()), binary.data(), binary.size());
        return;
      }
    }
  }

 private:
  // Room for n more bytes.
  char* Reserve(std::size_t n) {
    if (used_ + n > bytes_.size()) bytes_.resize(std::max(2 * bytes_.size(), used_ + n + 4096));
    char* at = bytes_.data() + used_;
    used_ += n;
    return at;
  }

  void Byte(unsigned value) { *Reserve(1) = static_cast<char>(value); }

  // A type byte and a big-endian value of `size` bytes (the format is big-endian).
  void Typed(unsigned type, std::uint64_t value, int size) {
    char* at = Reserve(1 + size);
    at[0] = static_cast<char>(type);
    for (int k = 0; k < size; ++k) {
      at[1 + k] = static_cast<char>((value >> (8 * (size - 1 - k))) & 0xff);
    }
  }

  // A length or count in the smallest of the format's sizes: the one-byte `fixed` form below
  // `fixed_limit` (0: none), then 8 (type8 0: none), 16 or 32 bits.
  void Size(std::size_t size, unsigned fixed, std::size_t fixed_limit, unsigned type8,
            unsigned type16, unsigned type32) {
    if (size < fixed_limit) {
      Byte(fixed | static_cast<unsigned>(size));
    } else if (type8 != 0 && size <= 0xff) {
      Typed(type8, size, 1);
    } else if (size <= 0xffff) {
      Typed(type16, size, 2);
    } else {
      Typed(type32, size, 4);
    }
  }

  void Unsigned(std::uint64_t value) {
    if (value < 0x80) {
      Byte(static_cast<unsigned>(value));  // positive fixint
    } else if (value <= 0xff) {
      Typed(0xcc, value, 1);
    } else if (value <= 0xffff) {
      Typed(0xcd, value, 2);
    } else if (value <= 0xffffffff) {
      Typed(0xce, value, 4);
    } else {
      Typed(0xcf, value, 8);
    }
  }

  void Integer(std::int64_t value) {
    if (value >= 0) {
      Unsigned(static_cast<std::uint64_t>(value));
      return;
    }
    const auto bits = static_cast<std::uint64_t>(value);
    if (value >= -32) {
      Byte(static_cast<unsigned>(bits & 0xff));  // negative fixint
    } else if (value >= INT8_MIN) {
      Typed(0xd0, bits, 1);
    } else if (value >= INT16_MIN) {
      Typed(0xd1, bits, 2);
    } else if (value >= INT32_MIN) {
      Typed(0xd2, bits, 4);
    } else {
      Typed(0xd3, bits, 8);
    }
  }

  // A double as float 32 when that keeps it exactly (as nlohmann's writer does), else float 64.
  void Float(double value) {
    if (value >= std::numeric_limits<float>::lowest() &&
        value <= std::numeric_limits<float>::max() &&
        static_cast<double>(static_cast<float>(value)) == value) {
      const float narrow = static_cast<float>(value);
      std::uint32_t bits;
      std::memcpy(&bits, &narrow, sizeof(bits));
      Typed(0xca, bits, 4);
      return;
    }
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof(bits));
    Typed(0xcb, bits, 8);
  }

  void String(const std::string& text) {
    Size(text.size(), 0xa0, 32, 0xd9, 0xda, 0xdb);
    std::memcpy(Reserve(text.size()), text.data(), text.size());
  }

  std::string bytes_;
  std::size_t used_ = 0;
};

}  // namespace

std::string EncodeDoubles(const std::vector<double>& values) {
  std::string bytes;
  bytes.reserve(values.size() * 8);
  for (const double value : values) {
    std::uint64_t word;
    std::memcpy(&word, &value, sizeof(word));
    AppendWord(word, bytes);
  }
  return bytes;
}

std::string EncodeIntegers(const std::vector<int>& values) {
  std::string bytes;
  bytes.reserve(values.size() * 8);
  for (const int value : values) AppendWord(static_cast<std::uint64_t>(std::int64_t{value}), bytes);
  return bytes;
}

std::vector<double> DecodeDoubles(std::string_view bytes, std::size_t count) {
  CheckCount(bytes, count);
  std::vector<double> values(count);
  for (std::size_t k = 0; k < count; ++k) {
    const std::uint64_t word = ReadWord(bytes, k);
    std::memcpy(&values[k], &word, sizeof(word));
  }
  return values;
}

std::vector<int> DecodeIntegers(std::string_view bytes, std::size_t count) {
  CheckCount(bytes, count);
  std::vector<int> values(count);
  for (std::size_t k = 0; k < count; ++k) {
    values[k] = static_cast<int>(static_cast<std::int64_t>(ReadWord(bytes, k)));
  }
  return values;
}

std::string Compress(std::string_view bytes) {
  // One context per thread, kept between calls: a fresh one allocates and clears its tables at
  // every call, which cost as much as compressing a run's document. The parameters are set again
  // each time, and ZSTD_compress2 starts a new frame, so the bytes are those of a fresh context.
  struct Context {
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    ~Context() { ZSTD_freeCCtx(cctx); }
  };
  thread_local Context kept;
  ZSTD_CCtx* context = kept.cctx;
  if (context == nullptr) throw std::runtime_error("run store: cannot compress: out of memory");
  ZSTD_CCtx_reset(context, ZSTD_reset_session_and_parameters);
  // Each frame carries its size and a checksum of its content, so damage is found on reading.
  ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, kCompressionLevel);
  ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
  std::string compressed;
  compressed.resize(ZSTD_compressBound(bytes.size()));
  const std::size_t size =
      ZSTD_compress2(context, compressed.data(), compressed.size(), bytes.data(), bytes.size());
  if (ZSTD_isError(size)) {
    throw std::runtime_error(std::string("run store: cannot compress: ") + ZSTD_getErrorName(size));
  }
  compressed.resize(size);
  return compressed;
}

std::string Decompress(std::string_view compressed) {
  const unsigned long long size = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
      size > kLargestDocument) {
    throw std::runtime_error("run store: a damaged compressed document");
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  const std::size_t read =
      ZSTD_decompress(bytes.data(), bytes.size(), compressed.data(), compressed.size());
  if (ZSTD_isError(read) || read != bytes.size()) {
    throw std::runtime_error("run store: a damaged compressed document");
  }
  return bytes;
}

std::string PackJson(const Json& document) {
  MessagePackWriter writer;
  writer.Append(document);
  return Compress(writer.Finish());
}

Json UnpackJson(std::string_view packed) {
  const std::string message = Decompress(packed);
  try {
    return Json::from_msgpack(message);
  } catch (const Json::exception&) {
    throw std::runtime_error("run store: a damaged compressed document");
  }
}

}  // namespace statecraft
