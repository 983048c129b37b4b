#include "statecraft/core/error.h"

#include <cctype>

namespace statecraft {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The number of characters (UTF-8 lead bytes) in text[begin, end).
std::size_t CharacterCount(const std::string& text, std::size_t begin, std::size_t end) {
  std::size_t count = 0;
  for (std::size_t k = begin; k < end; ++k) count += IsContinuationByte(text[k]) ? 0 : 1;
  return count;
}

// The byte offset `characters` characters after `begin` (or `end`).
std::size_t Advance(const std::string& text, std::size_t begin, std::size_t end,
                    std::size_t characters) {
  std::size_t k = begin;
  while (k < end && characters > 0) {
    ++k;
    while (k < end && IsContinuationByte(text[k])) ++k;
    --characters;
  }
  return k;
}

// Backs `at` up to the start of the character it falls in.
std::size_t CharacterStart(const std::string& text, std::size_t at) {
  while (at > 0 && at < text.size() && IsContinuationByte(text[at])) --at;
  return at;
}

// A quote opens a value after a space, a bracket or punctuation (not the apostrophe of
// "issue's"), and closes it before anything but a letter or digit.
bool OpensQuote(const std::string& text, std::size_t at) {
  if (text[at] != '\'' && text[at] != '"') return false;
  if (at == 0) return true;
  const char before = text[at - 1];
  return before == ' ' || before == '(' || before == '[' || before == '{' || before == ':' ||
         before == '=' || before == ',' || before == '\t' || before == '\n';
}

bool ClosesQuote(const std::string& text, std::size_t at) {
  if (at + 1 == text.size()) return true;
  const unsigned char after = static_cast<unsigned char>(text[at + 1]);
  return !(std::isalnum(after) != 0);
}

std::string CutQuotedValues(const std::string& message) {
  std::string result;
  std::size_t at = 0;  // copied up to here
  std::size_t scan = 0;
  while (scan < message.size()) {
    if (!OpensQuote(message, scan)) {
      ++scan;
      continue;
    }
    std::size_t close = message.find(message[scan], scan + 1);
    while (close != std::string::npos && !ClosesQuote(message, close)) {
      close = message.find(message[scan], close + 1);
    }
    if (close == std::string::npos) {
      ++scan;
      continue;
    }
    const std::size_t characters = CharacterCount(message, scan + 1, close);
    if (characters > kLongestQuotedValue) {
      const std::size_t kept = Advance(message, scan + 1, close, kLongestQuotedValue / 2);
      result.append(message, at, kept - at);
      result += "...";
      result += message[close];
      result += " (" + std::to_string(characters) + " characters)";
      at = close + 1;
    }
    scan = close + 1;
  }
  result.append(message, at, std::string::npos);
  return result;
}

}  // namespace

std::string ShortenMessage(const std::string& message) {
  std::string shortened = CutQuotedValues(message);
  if (shortened.size() <= kLongestMessage) return shortened;
  const std::size_t head = CharacterStart(shortened, kLongestMessage * 2 / 3);
  const std::size_t tail = CharacterStart(shortened, shortened.size() - kLongestMessage / 4);
  return shortened.substr(0, head) + " [... " + std::to_string(tail - head) + " bytes cut ...] " +
         shortened.substr(tail);
}

}  // namespace statecraft
