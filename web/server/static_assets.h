// The browser UI's files (web/frontend), compiled into the program by CMake so that
// `statecraft serve` needs nothing on disk.
#ifndef STATECRAFT_WEB_SERVER_STATIC_ASSETS_H_
#define STATECRAFT_WEB_SERVER_STATIC_ASSETS_H_

#include <string>

namespace statecraft::web {

struct StaticAsset {
  const char* path;  // "/index.html"
  const char* content_type;
  std::string content;
};

// The asset with exactly this path, or nullptr.
const StaticAsset* FindStaticAsset(const std::string& path);

}  // namespace statecraft::web

#endif  // STATECRAFT_WEB_SERVER_STATIC_ASSETS_H_
