#pragma once
// The `kassa` subcommands. Each returns the process exit code.
#include "app/config.hpp"

namespace kassa::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

int run_serve(const Config& config);
int run_migrate(const Config& config);
int run_seed(const Config& config);

}  // namespace kassa::app
