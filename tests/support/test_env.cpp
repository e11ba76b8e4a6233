#include "test_env.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "db/database.hpp"
#include "http_client.hpp"

namespace kassa::test {

std::string make_temp_dir(const std::string& prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

std::optional<std::string> postgres_admin_url() {
  const char* url = std::getenv("KASSA_TEST_POSTGRES_URL");
  if (!url || !*url) return std::nullopt;
  return std::string(url);
}

std::string fresh_postgres_database() {
  const auto admin = postgres_admin_url();
  if (!admin) throw std::runtime_error("KASSA_TEST_POSTGRES_URL is not set");
  static std::mt19937_64 random{std::random_device{}()};
  const std::string name = "kassa_test_" + std::to_string(::getpid()) + "_" + std::to_string(random() % 1000000000);
  {
    auto database = db::Database::open(*admin, {.pool_size = 1});
    database->reader()->exec_script("CREATE DATABASE " + name);
  }
  const size_t slash = admin->rfind('/');
  const size_t query = admin->find('?', slash);
  return admin->substr(0, slash + 1) + name + (query == std::string::npos ? "" : admin->substr(query));
}

std::string fresh_database_url(const std::string& dir) {
  const char* backend = std::getenv("KASSA_TEST_BACKEND");
  if (backend && std::string(backend) == "postgresql") return fresh_postgres_database();
  return "sqlite:" + dir + "/kassa.db";
}

KassaProcess::KassaProcess(std::string database_url, std::vector<std::string> extra_args)
    : dir_(make_temp_dir("kassa-api")) {
  const std::string port_file = dir_ + "/port";
  std::vector<std::string> args = {KASSA_BINARY, "serve", "--db", database_url, "--listen", "127.0.0.1:0", "--port-file", port_file};
  const auto given = [&](std::string_view flag) { return std::find(extra_args.begin(), extra_args.end(), flag) != extra_args.end(); };
  if (!given("--data-dir")) args.insert(args.end(), {"--data-dir", dir_});
  if (!given("--web-dir")) args.insert(args.end(), {"--web-dir", dir_ + "/web"});
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  std::fflush(stdout);  // or the child would write the parent's buffered output again
  std::fflush(stderr);
  pid_ = ::fork();
  if (pid_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);  // a crashed test leaves no server behind
    const std::string log_path = dir_ + "/server.log";
    std::FILE* log = std::freopen(log_path.c_str(), "w", stderr);
    (void)log;
    std::freopen(log_path.c_str(), "a", stdout);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    std::_Exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(port_file);
    int port = 0;
    if (in >> port && port > 0) {
      port_ = static_cast<uint16_t>(port);
      return;
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("kassa serve exited at start:\n" + log());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("kassa serve did not start within 60 s:\n" + log());
}

KassaProcess::~KassaProcess() {
  if (pid_ > 0) stop();
}

std::string KassaProcess::log() const {
  std::ifstream in(dir_ + "/server.log");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int KassaProcess::stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace kassa::test

namespace kassa::test {

CommandResult run_kassa(const std::vector<std::string>& args, const std::string& input) {
  const std::string dir = make_temp_dir("kassa-cmd");
  const std::string in_path = dir + "/in", out_path = dir + "/out";
  std::ofstream(in_path) << input;
  std::string command = KASSA_BINARY;
  for (const auto& a : args) {
    command += " '";
    for (char c : a) command += c == '\'' ? std::string("'\\''") : std::string(1, c);
    command += "'";
  }
  command += " <" + in_path + " >" + out_path + " 2>>" + dir + "/err";
  const int status = std::system(command.c_str());
  std::ifstream out(out_path);
  std::stringstream s;
  s << out.rdbuf();
  std::filesystem::remove_all(dir);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, s.str()};
}

}  // namespace kassa::test
