#pragma once
// Settings shared by the subcommands; filled from flags, KASSA_* environment
// variables and an optional config file (see README "Configuration").
#include <string>

namespace kassa::app {

struct Config {
  std::string database_url = "sqlite:var/kassa.db";
  std::string data_dir = "var";
  std::string web_dir = "web/dist";
  std::string log_level = "info";
  std::string master_key_hex;  // 64 hex digits; empty: read or create data_dir/master.key

  // serve
  std::string listen = "127.0.0.1:8080";
  int io_threads = 0;
  int worker_threads = 64;
  int db_pool_size = 16;
  bool access_log = true;
  std::string port_file;  // when set, the bound port is written here (tests use --listen 127.0.0.1:0)
  std::string public_url = "http://localhost:8080";  // for links in e-mails
  int session_idle_seconds = 300;
  int auth_requests_per_minute = 30;
  bool unsafe_test_clock = false;
  bool webhooks_allow_private = false;  // tests and local development: deliver to loopback and private addresses
  int analytics_poll_ms = 250;  // how often the analytics index looks for other processes' changes
};

}  // namespace kassa::app
