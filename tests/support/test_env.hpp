#pragma once
// Where the tests get their database and server from.
//   KASSA_TEST_POSTGRES_URL  unset: SQLite only; set (an admin URL such as
//                            postgresql://postgres@127.0.0.1:PORT/postgres):
//                            tests that ask for PostgreSQL get a fresh database there.
//   KASSA_TEST_BACKEND       "sqlite" (default) or "postgresql": the backend the API tests run on.
#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kassa::test {

// A new empty folder under the system temp dir, removed by the caller if it wants.
std::string make_temp_dir(const std::string& prefix);

std::optional<std::string> postgres_admin_url();
// A new, empty PostgreSQL database on the test cluster; its URL.
std::string fresh_postgres_database();
// A URL for a new, empty database on the backend the API tests run on.
std::string fresh_database_url(const std::string& dir);

// `kassa serve` in a child process on a free port.
class KassaProcess {
 public:
  explicit KassaProcess(std::string database_url, std::vector<std::string> extra_args = {});
  ~KassaProcess();
  KassaProcess(const KassaProcess&) = delete;
  KassaProcess& operator=(const KassaProcess&) = delete;

  uint16_t port() const { return port_; }
  const std::string& dir() const { return dir_; }
  std::string log() const;
  // Sends SIGTERM and waits; returns the exit status (or -1 if killed by a signal).
  int stop();

 private:
  std::string dir_;
  pid_t pid_ = -1;
  uint16_t port_ = 0;
};

}  // namespace kassa::test

namespace kassa::test {

struct CommandResult {
  int exit_code;
  std::string output;  // standard output
};
// Runs `kassa ARGS...` with optional standard input; stderr goes to the test log.
CommandResult run_kassa(const std::vector<std::string>& args, const std::string& input = "");

}  // namespace kassa::test
