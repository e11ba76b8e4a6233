#include "app/master_key.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/crypto.hpp"
#include "common/log.hpp"

namespace kassa::app {

Result<std::string> load_or_create_master_key(const Config& config) {
  const auto from_hex = [](std::string_view hex, std::string_view source) -> Result<std::string> {
    std::string trimmed(hex);
    while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.pop_back();
    auto key = crypto::from_hex(trimmed);
    if (!key || key->size() != kMasterKeyBytes) {
      return Error::invalid("bad-master-key", std::string(source) + ": the master key must be 64 hexadecimal digits");
    }
    return *key;
  };
  if (!config.master_key_hex.empty()) return from_hex(config.master_key_hex, "KASSA_MASTER_KEY");

  const std::filesystem::path path = std::filesystem::path(config.data_dir) / "master.key";
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    std::ifstream in(path);
    std::stringstream content;
    content << in.rdbuf();
    return from_hex(content.str(), path.string());
  }
  std::filesystem::create_directories(config.data_dir, ec);
  const std::string key = crypto::random_bytes(kMasterKeyBytes);
  const std::string hex = crypto::to_hex(key) + "\n";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    return Error::make(ErrorCode::unavailable, "master-key-write-failed",
                       "cannot create " + path.string() + ": " + std::strerror(errno));
  }
  const bool written = ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written) return Error::make(ErrorCode::unavailable, "master-key-write-failed", "cannot write " + path.string());
  log::warn("master_key_created", {{"path", path.string()},
                                   {"hint", "back this file up; without it encrypted secrets cannot be read. "
                                            "In production set KASSA_MASTER_KEY instead."}});
  return key;
}

}  // namespace kassa::app
