// A small XML reader for the subset that scenario files use (KTAB's XML format): an optional
// XML declaration, comments, processing instructions, elements with attributes, character data
// with the predefined and numeric entities, and CDATA sections. DOCTYPE declarations (and so
// custom entities) are refused, and elements nest at most 64 deep. No XML library is among
// statecraft's dependencies; this reader is all the importers need. Every error is an
// InputError naming the file, line and column.
#ifndef STATECRAFT_IO_XML_READER_H_
#define STATECRAFT_IO_XML_READER_H_

#include <string>
#include <utility>
#include <vector>

namespace statecraft {

// One element of the document tree, with where it starts in the file.
struct XmlElement {
  std::string name;
  int line = 1;
  int column = 1;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<XmlElement> children;
  std::string text;  // character data directly inside the element, entities decoded
};

// The document's root element (a leading UTF-8 byte-order mark is skipped). Throws InputError
// "FILE:LINE:COLUMN: found ..., expected ..." on anything outside the subset above.
XmlElement ReadXmlDocument(const std::string& text, const std::string& file_name);

}  // namespace statecraft

#endif  // STATECRAFT_IO_XML_READER_H_
