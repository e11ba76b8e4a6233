// Durable SQLite writes (WAL, synchronous=FULL): group commit versus one commit
// per transaction, with 1 to 64 concurrent writers. Each write is one small
// INSERT in its own Database::write() transaction, as a request would do.
#include <benchmark/benchmark.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>

#include "db/database.hpp"

namespace {

struct Fixture {
  std::string dir;
  std::unique_ptr<kassa::db::Database> database;
  std::atomic<int64_t> next_id{1};
};

std::mutex g_mutex;
std::unique_ptr<Fixture> g_fixture;

void setup(const benchmark::State& state) {
  std::lock_guard lock(g_mutex);
  g_fixture = std::make_unique<Fixture>();
  g_fixture->dir = (std::filesystem::temp_directory_path() / ("kassa-bench-" + std::to_string(::getpid()))).string();
  std::filesystem::remove_all(g_fixture->dir);
  std::filesystem::create_directories(g_fixture->dir);
  kassa::db::Options options;
  options.group_commit = state.range(0) == 1;
  options.synchronous_full = true;
  g_fixture->database = kassa::db::Database::open("sqlite:" + g_fixture->dir + "/bench.db", options);
  g_fixture->database->write([](kassa::db::Connection& c) {
    c.exec_script("CREATE TABLE events (id BIGINT PRIMARY KEY, project TEXT NOT NULL, amount BIGINT NOT NULL, created_at_ms BIGINT NOT NULL)");
  });
}

void teardown(const benchmark::State&) {
  std::lock_guard lock(g_mutex);
  const std::string dir = g_fixture->dir;
  g_fixture.reset();
  std::filesystem::remove_all(dir);
}

void BM_DurableWrite(benchmark::State& state) {
  Fixture& f = *g_fixture;
  for (auto _ : state) {
    const int64_t id = f.next_id.fetch_add(1);
    f.database->write([&](kassa::db::Connection& c) {
      c.execute("INSERT INTO events (id, project, amount, created_at_ms) VALUES ($1, $2, $3, $4)",
                {id, "web-store", int64_t{1999}, int64_t{1764000000000} + id});
    });
  }
  state.SetItemsProcessed(state.iterations());
  if (state.thread_index() == 0) {
    const auto stats = f.database->stats();
    state.counters["writes_per_commit"] =
        stats.write_commits ? static_cast<double>(stats.write_jobs) / static_cast<double>(stats.write_commits) : 0;
  }
}

// Arg 0: one commit per transaction; 1: group commit.
BENCHMARK(BM_DurableWrite)
    ->ArgName("group_commit")
    ->Arg(0)->Arg(1)
    ->Threads(1)->Threads(16)->Threads(64)
    ->Setup(setup)->Teardown(teardown)
    ->MinTime(3.0)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
