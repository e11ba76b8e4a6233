#pragma once
// Serves the built web app (web/dist) from memory: correct content types,
// long-lived caching for hashed assets, ETags, and the SPA fallback to index.html.
#include <filesystem>
#include <string>
#include <unordered_map>

#include "http/message.hpp"

namespace kassa::http {

class StaticFiles {
 public:
  static constexpr size_t kFilesMax = 10'000;
  static constexpr size_t kBytesMax = 256u << 20;  // 256 MiB

  // Loads every file below root; an absent folder serves a short notice instead.
  explicit StaticFiles(const std::filesystem::path& root);

  // GET/HEAD of any path that no route matched.
  Response serve(const Request& request) const;
  size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string content_type;
    std::string etag;
    bool immutable;  // hashed name under /assets/: cache for a year
  };
  const File* find(std::string_view path) const;

  std::unordered_map<std::string, File> files_;
};

std::string_view content_type_for(std::string_view extension);

}  // namespace kassa::http
