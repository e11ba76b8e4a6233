#pragma once
#include <string>

#include "app/config.hpp"
#include "common/result.hpp"

namespace kassa::app {

inline constexpr size_t kMasterKeyBytes = 32;

// The key that encrypts secrets at rest: from the configuration (hex), else from
// data_dir/master.key, which is created (mode 0600) when absent.
Result<std::string> load_or_create_master_key(const Config& config);

}  // namespace kassa::app
