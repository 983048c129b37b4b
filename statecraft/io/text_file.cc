#include "statecraft/io/text_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "statecraft/core/error.h"

namespace statecraft {

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
