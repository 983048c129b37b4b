#include "statecraft/io/xml_reader.h"

#include <cstdint>
#include <set>
#include <string>

#include "statecraft/core/error.h"

namespace statecraft {
namespace {

constexpr int kMaxDepth = 64;

class XmlReader {
 public:
  XmlReader(const std::string& text, const std::string& file_name)
      : text_(text), file_name_(file_name) {}

  XmlElement ReadDocument() {
    // A UTF-8 byte-order mark (KTAB's sample files have one).
    if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) Advance(3);
    if (LookingAt("<?xml")) ReadDeclaration();
    SkipMisc();
    if (AtEnd()) Fail("found the end of the file", "a root element");
    XmlElement root = ReadElement(0);
    SkipMisc();
    if (!AtEnd()) Fail("found content after the root element", "the end of the file");
    return root;
  }

  [[noreturn]] void Fail(const std::string& found, const std::string& expected) const {
    throw InputError(file_name_ + ":" + std::to_string(line_) + ":" + std::to_string(column_) +
                     ": " + found + ", expected " + expected);
  }

 private:
  bool AtEnd() const { return position_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[position_]; }
  bool LookingAt(const char* literal) const {
    return text_.compare(position_, std::char_traits<char>::length(literal), literal) == 0;
  }
  void Advance(std::size_t count = 1) {
    for (std::size_t k = 0; k < count && !AtEnd(); ++k) {
      if (text_[position_] == '\n') {
        ++line_;
        column_ = 1;
      } else if ((static_cast<unsigned char>(text_[position_]) & 0xC0) != 0x80) {
        ++column_;  // count characters, not UTF-8 continuation bytes
      }
      ++position_;
    }
  }
  static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  void SkipSpace() {
    while (!AtEnd() && IsSpace(Peek())) Advance();
  }
  static bool IsNameStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' ||
           (static_cast<unsigned char>(c) >= 0x80);
  }
  static bool IsNameChar(char c) {
    return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
  }

  std::string Describe() const {
    if (AtEnd()) return "the end of the file";
    const char c = Peek();
    if (c == '\n' || c == '\r') return "a line break";
    return "'" + std::string(1, c) + "'";
  }

  void Expect(const char* literal, const std::string& expected) {
    if (!LookingAt(literal)) Fail("found " + Describe(), expected);
    Advance(std::char_traits<char>::length(literal));
  }

  std::string ReadName(const std::string& what) {
    if (!IsNameStart(Peek())) Fail("found " + Describe(), what);
    const std::size_t start = position_;
    while (!AtEnd() && IsNameChar(Peek())) Advance();
    return text_.substr(start, position_ - start);
  }

  // Skips up to and past `terminator`, failing at the end of the file with the position where
  // the construct began (the current one unless given).
  void SkipPast(const char* terminator, const std::string& what, int line = 0, int column = 0) {
    if (line == 0) {
      line = line_;
      column = column_;
    }
    const std::size_t found = text_.find(terminator, position_);
    if (found == std::string::npos) {
      line_ = line;
      column_ = column;
      Fail("found " + what + " that never ends", std::string("a closing '") + terminator + "'");
    }
    Advance(found - position_ + std::char_traits<char>::length(terminator));
  }

  void ReadDeclaration() {
    Advance(5);
    if (!IsSpace(Peek())) Fail("found " + Describe(), "a space after '<?xml'");
    SkipPast("?>", "an XML declaration");
  }

  // Comments, processing instructions and blanks outside the root element.
  void SkipMisc() {
    while (true) {
      SkipSpace();
      if (LookingAt("<!--")) {
        SkipComment();
      } else if (LookingAt("<!DOCTYPE")) {
        Fail("found a DOCTYPE declaration", "none (KTAB files have none; entities are not read)");
      } else if (LookingAt("<?")) {
        SkipPast("?>", "a processing instruction");
      } else {
        return;
      }
    }
  }

  void SkipComment() {
    const int line = line_;
    const int column = column_;
    Advance(4);
    SkipPast("-->", "a comment", line, column);
  }

  // Decodes one entity reference at '&', appending its UTF-8 text.
  void ReadEntity(std::string& out) {
    Advance();  // '&'
    const std::size_t end = text_.find(';', position_);
    if (end == std::string::npos || end - position_ > 10) {
      Fail("found a bare '&'", "an entity such as &amp; &lt; &gt; &quot; &apos; or &#N;");
    }
    const std::string name = text_.substr(position_, end - position_);
    std::uint32_t code = 0;
    if (name == "lt") {
      code = '<';
    } else if (name == "gt") {
      code = '>';
    } else if (name == "amp") {
      code = '&';
    } else if (name == "quot") {
      code = '"';
    } else if (name == "apos") {
      code = '\'';
    } else if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x';
      const std::string digits = name.substr(hex ? 2 : 1);
      if (digits.empty()) Fail("found '&" + name + ";'", "a character number");
      for (char c : digits) {
        const int digit = (c >= '0' && c <= '9')          ? c - '0'
                          : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
                          : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                          : -1;
        if (digit < 0 || code > 0x10FFFF) Fail("found '&" + name + ";'", "a character number");
        code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
      }
      if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        Fail("found '&" + name + ";'", "a valid Unicode character number");
      }
    } else {
      Fail("found the entity '&" + name + ";'",
           "one of &amp; &lt; &gt; &quot; &apos; or a character number");
    }
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
    Advance(end - position_ + 1);
  }

  std::string ReadAttributeValue() {
    const char quote = Peek();
    if (quote != '"' && quote != '\'') Fail("found " + Describe(), "a quoted attribute value");
    Advance();
    std::string value;
    while (true) {
      if (AtEnd()) Fail("found the end of the file", std::string("a closing ") + quote);
      const char c = Peek();
      if (c == quote) break;
      if (c == '<') Fail("found '<' in an attribute value", "&lt;");
      if (c == '&') {
        ReadEntity(value);
      } else {
        value += c;
        Advance();
      }
    }
    Advance();
    return value;
  }

  XmlElement ReadElement(int depth) {
    if (depth > kMaxDepth) Fail("found elements nested too deeply", "at most 64 levels");
    XmlElement element;
    element.line = line_;
    element.column = column_;
    Expect("<", "'<' starting an element");
    element.name = ReadName("an element name");
    std::set<std::string> seen;
    while (true) {
      const bool spaced = IsSpace(Peek());
      SkipSpace();
      if (LookingAt("/>")) {
        Advance(2);
        return element;
      }
      if (Peek() == '>') {
        Advance();
        break;
      }
      if (!spaced) Fail("found " + Describe(), "a space, '>' or '/>' in <" + element.name + ">");
      const std::string attribute = ReadName("an attribute name, '>' or '/>'");
      if (!seen.insert(attribute).second) {
        Fail("found the attribute '" + attribute + "' twice", "each attribute once");
      }
      SkipSpace();
      Expect("=", "'=' after the attribute name '" + attribute + "'");
      SkipSpace();
      element.attributes.emplace_back(attribute, ReadAttributeValue());
    }
    // Content up to the matching end tag.
    while (true) {
      if (AtEnd()) {
        Fail("found the end of the file", "</" + element.name + "> closing the <" + element.name +
                                              "> of line " + std::to_string(element.line));
      }
      if (LookingAt("</")) {
        Advance(2);
        const int line = line_;
        const int column = column_;
        const std::string closing = ReadName("an element name after '</'");
        if (closing != element.name) {
          line_ = line;
          column_ = column;
          Fail("found </" + closing + ">", "</" + element.name + "> closing the <" + element.name +
                                               "> of line " + std::to_string(element.line));
        }
        SkipSpace();
        Expect(">", "'>' ending </" + element.name + ">");
        return element;
      }
      if (LookingAt("<!--")) {
        SkipComment();
      } else if (LookingAt("<![CDATA[")) {
        Advance(9);
        const std::size_t start = position_;
        SkipPast("]]>", "a CDATA section");
        element.text += text_.substr(start, position_ - start - 3);
      } else if (LookingAt("<!")) {
        Fail("found a declaration inside <" + element.name + ">", "elements, text or comments");
      } else if (LookingAt("<?")) {
        SkipPast("?>", "a processing instruction");
      } else if (Peek() == '<') {
        element.children.push_back(ReadElement(depth + 1));
      } else if (Peek() == '&') {
        ReadEntity(element.text);
      } else {
        element.text += Peek();
        Advance();
      }
    }
  }

  const std::string& text_;
  const std::string& file_name_;
  std::size_t position_ = 0;
  int line_ = 1;
  int column_ = 1;
};

}  // namespace

XmlElement ReadXmlDocument(const std::string& text, const std::string& file_name) {
  return XmlReader(text, file_name).ReadDocument();
}

}  // namespace statecraft
