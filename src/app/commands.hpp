#pragma once
// The `kassa` subcommands. Each returns the process exit code.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/config.hpp"

namespace kassa::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

int run_serve(const Config& config);
int run_migrate(const Config& config);
struct SeedOptions {
  bool demo = true;
  int64_t operations = 0;  // payment history to add to an empty demo company
};
int run_seed(const Config& config, const SeedOptions& options);
int run_routes(const Config& config);

struct UserCreate {
  std::string company;
  std::string email;
  std::string name;
  std::string role = "owner";
};
int run_user_create(const Config& config, const UserCreate& args, const std::string& password);
int run_project_create(const Config& config, const std::string& company, const std::string& name, const std::string& currency);
int run_apikey_create(const Config& config, const std::string& company, const std::string& project, const std::string& name,
                      const std::optional<std::vector<std::string>>& permissions);
int run_totp_code(const std::string& secret_base32);
int run_totp_enroll(const Config& config, const std::string& email);
int run_audit_verify(const Config& config);
int run_ledger_verify(const Config& config);
int run_analytics_verify(const Config& config);
int run_payments_reconcile(const Config& config, int older_than_minutes);
int run_fx_import(const Config& config, const std::string& company, const std::string& file);

}  // namespace kassa::app
