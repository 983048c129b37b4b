// Reading a whole input file with the checks every reader needs: the path exists, is a regular
// file, is readable, is UTF-8 text (a UTF-8 byte-order mark is dropped; UTF-16/32 and NUL bytes
// are refused). Errors are InputErrors naming the file.
#ifndef STATECRAFT_IO_TEXT_FILE_H_
#define STATECRAFT_IO_TEXT_FILE_H_

#include <string>
#include <vector>

namespace statecraft {

std::string ReadTextFile(const std::string& path);

// InputError "FILE:LINE:COLUMN: found the byte 0xE9, which is not UTF-8; ..." at the first byte
// that does not belong to well-formed UTF-8 (the column counts characters).
void CheckUtf8(const std::string& text, const std::string& file_name);

// Checks text already in memory (from a file or an HTTP body) the same way; returns it without
// a UTF-8 byte-order mark.
std::string CheckText(std::string text, const std::string& file_name);

// Writes `contents` to `path` through a temporary file renamed into place, so that a failure
// (a full disk, a read-only folder) leaves no half-written file. InputError names the path.
void WriteTextFileAtomically(const std::string& path, const std::string& contents);

// Splits text into lines, accepting \n, \r\n and \r endings; a final newline adds no empty line.
std::vector<std::string> SplitLines(const std::string& text);

}  // namespace statecraft

#endif  // STATECRAFT_IO_TEXT_FILE_H_
