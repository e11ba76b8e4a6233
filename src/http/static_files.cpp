#include "http/static_files.hpp"

#include <fstream>
#include <sstream>

#include "common/crypto.hpp"
#include "common/log.hpp"
#include "http/problem.hpp"

namespace kassa::http {

std::string_view content_type_for(std::string_view extension) {
  if (extension == ".html") return "text/html; charset=utf-8";
  if (extension == ".js" || extension == ".mjs") return "text/javascript; charset=utf-8";
  if (extension == ".css") return "text/css; charset=utf-8";
  if (extension == ".json" || extension == ".map") return "application/json";
  if (extension == ".svg") return "image/svg+xml";
  if (extension == ".png") return "image/png";
  if (extension == ".jpg" || extension == ".jpeg") return "image/jpeg";
  if (extension == ".ico") return "image/x-icon";
  if (extension == ".webp") return "image/webp";
  if (extension == ".woff2") return "font/woff2";
  if (extension == ".woff") return "font/woff";
  if (extension == ".txt") return "text/plain; charset=utf-8";
  if (extension == ".webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::filesystem::path& root) {
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) {
    log::warn("web_assets_missing", {{"dir", root.string()}, {"hint", "run `make build` to build the web app"}});
    return;
  }
  size_t bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    if (files_.size() >= kFilesMax) throw std::runtime_error("web assets: more than kFilesMax files");
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    File file;
    file.content = content.str();
    bytes += file.content.size();
    if (bytes > kBytesMax) throw std::runtime_error("web assets: more than kBytesMax bytes");
    file.content_type = std::string(content_type_for(entry.path().extension().string()));
    file.etag = "\"" + crypto::sha256_hex(file.content).substr(0, 32) + "\"";
    const std::string relative = "/" + std::filesystem::relative(entry.path(), root).generic_string();
    file.immutable = relative.starts_with("/assets/");
    files_.emplace(relative, std::move(file));
  }
  log::info("web_assets_loaded", {{"dir", root.string()}, {"files", files_.size()}, {"bytes", bytes}});
}

const StaticFiles::File* StaticFiles::find(std::string_view path) const {
  const auto it = files_.find(std::string(path));
  return it == files_.end() ? nullptr : &it->second;
}

Response StaticFiles::serve(const Request& request) const {
  const File* file = request.path.find("..") == std::string::npos ? find(request.path) : nullptr;
  if (!file) {
    // A missing asset is a 404; any other path is a screen of the single-page app.
    const size_t dot = request.path.rfind('.');
    const bool looks_like_file = request.path.starts_with("/assets/") ||
                                 (dot != std::string::npos && dot > request.path.rfind('/'));
    if (looks_like_file || request.path.starts_with("/api/")) return problem(404, "not-found", "no such resource");
    file = find("/index.html");
    if (!file) {
      return text_response(200,
                           "<!doctype html><title>Kassa</title><p>The web app is not built. Run <code>make build</code>.",
                           "text/html; charset=utf-8");
    }
  }
  Response r;
  r.set_header("content-type", file->content_type);
  r.set_header("etag", file->etag);
  r.set_header("cache-control", file->immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (request.header("if-none-match") == file->etag) {
    r.status = 304;
    return r;
  }
  r.body = file->content;
  return r;
}

}  // namespace kassa::http
