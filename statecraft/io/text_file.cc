#include "statecraft/io/text_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "statecraft/core/error.h"

namespace statecraft {

namespace {

// The length of the well-formed UTF-8 sequence at text[at] (Unicode 15, table 3-7: no overlong
// forms, no surrogates, nothing above U+10FFFF), or 0 when the bytes there are not UTF-8.
std::size_t Utf8SequenceLength(const std::string& text, std::size_t at) {
  auto byte = [&](std::size_t k) {
    return at + k < text.size() ? static_cast<unsigned char>(text[at + k]) : 0u;
  };
  const unsigned lead = byte(0);
  if (lead < 0x80) return 1;
  auto continuation = [&](std::size_t k, unsigned low = 0x80, unsigned high = 0xBF) {
    return byte(k) >= low && byte(k) <= high;
  };
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned high = lead == 0xED ? 0x9F : 0xBF;
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned high = lead == 0xF4 ? 0x8F : 0xBF;
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

std::string HexByte(unsigned char byte) {
  const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[byte >> 4] + digits[byte & 15];
}

}  // namespace

void CheckUtf8(const std::string& text, const std::string& file_name) {
  int line = 1;
  int column = 1;  // in characters, as editors count them
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = Utf8SequenceLength(text, at);
    if (length == 0) {
      throw InputError(file_name + ":" + std::to_string(line) + ":" + std::to_string(column) +
                       ": found the byte " + HexByte(static_cast<unsigned char>(text[at])) +
                       ", which is not UTF-8; expected UTF-8 text (save the file as UTF-8)");
    }
    if (text[at] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    at += length;
  }
}

std::string CheckText(std::string text, const std::string& file_name) {
  auto starts_with = [&](std::initializer_list<unsigned char> bytes) {
    if (text.size() < bytes.size()) return false;
    std::size_t k = 0;
    for (unsigned char byte : bytes) {
      if (static_cast<unsigned char>(text[k++]) != byte) return false;
    }
    return true;
  };
  if (starts_with({0xFF, 0xFE}) || starts_with({0xFE, 0xFF}) ||
      starts_with({0x00, 0x00, 0xFE, 0xFF})) {
    throw InputError(file_name +
                     ":1:1: found a UTF-16/UTF-32 byte-order mark, expected UTF-8 text "
                     "(save the file as UTF-8)");
  }
  if (starts_with({0xEF, 0xBB, 0xBF})) text.erase(0, 3);
  const auto nul = text.find('\0');
  if (nul != std::string::npos) {
    int line = 1;
    for (std::size_t k = 0; k < nul; ++k) line += text[k] == '\n';
    throw InputError(file_name + ":" + std::to_string(line) +
                     ": found a NUL byte, expected a text file");
  }
  CheckUtf8(text, file_name);
  return text;
}

std::string ReadTextFile(const std::string& path) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    throw InputError(path + ": no such file");
  }
  if (std::filesystem::is_directory(status)) {
    throw InputError(path + ": is a directory, expected a scenario file");
  }
  if (!std::filesystem::is_regular_file(status)) {
    throw InputError(path + ": not a regular file, expected a scenario file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot be read (permission denied?)");
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) throw InputError(path + ": read error");
  return CheckText(contents.str(), path);
}

void WriteTextFileAtomically(const std::string& path, const std::string& contents) {
  const std::string temporary = path + ".partial";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(path + ": cannot be written");
    out << contents;
    out.close();
    if (!out) {
      std::filesystem::remove(temporary);
      throw InputError(path + ": write failed (disk full?)");
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary);
    throw InputError(path + ": cannot be written: " + error.message());
  }
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::string current;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char c = text[k];
    if (c == '\n' || c == '\r') {
      lines.push_back(current);
      current.clear();
      if (c == '\r' && k + 1 < text.size() && text[k + 1] == '\n') ++k;
    } else {
      current += c;
    }
  }
  if (!current.empty()) lines.push_back(current);
  return lines;
}

}  // namespace statecraft
