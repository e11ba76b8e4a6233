#pragma once
// The job queue: rows in the database, leased by workers with a timeout. A job
// enqueued in the same transaction as the change that causes it is never lost;
// a worker that crashes loses its lease and another takes the job over.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.hpp"
#include "common/id.hpp"
#include "db/database.hpp"

namespace kassa::jobs {

inline constexpr int64_t kLeaseMs = 120'000;   // a job running longer is taken to have died with its worker
inline constexpr int kAttemptsMax = 100;       // a safety net; handlers decide when to give up

struct Job {
  uint64_t id;
  std::string kind;
  std::string payload;
  int64_t attempts;  // including this one
};

struct Outcome {
  enum class Kind { done, retry, dead };
  Kind kind = Kind::done;
  int64_t retry_at_ms = 0;
  std::string error;
  static Outcome done() { return {Kind::done, 0, ""}; }
  static Outcome retry(int64_t at_ms, std::string error) { return {Kind::retry, at_ms, std::move(error)}; }
  static Outcome dead(std::string error) { return {Kind::dead, 0, std::move(error)}; }
};

using JobHandler = std::function<Outcome(const Job&)>;

class JobQueue {
 public:
  JobQueue(db::Database& database, IdGenerator& ids, const Clock& clock) : database_(database), ids_(ids), clock_(clock) {}
  ~JobQueue();

  // In the caller's transaction.
  uint64_t enqueue(db::Connection& c, const std::string& kind, const std::string& payload, int64_t run_at_ms);
  void on(const std::string& kind, JobHandler handler);

  // Leases and runs one due job; false when none was due.
  bool run_one();
  // Worker threads polling every poll_ms (woken early by notify()).
  void start(int workers, std::chrono::milliseconds poll);
  void stop();
  void notify() { wake_.notify_all(); }

 private:
  std::optional<Job> lease();
  void finish(const Job& job, const Outcome& outcome);

  db::Database& database_;
  IdGenerator& ids_;
  const Clock& clock_;
  std::map<std::string, JobHandler> handlers_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace kassa::jobs
