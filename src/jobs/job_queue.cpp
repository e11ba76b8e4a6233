#include "common/log.hpp"
#include "jobs/jobs.hpp"

namespace kassa::jobs {
namespace {

int64_t i64(uint64_t v) { return static_cast<int64_t>(v); }

constexpr std::string_view kInsert =
    "INSERT INTO jobs (id, kind, payload, state, run_at_ms, attempts, lease_until_ms, last_error, created_at_ms, updated_at_ms)"
    " VALUES ($1, $2, $3, 'queued', $4, 0, 0, '', $5, $5)";
constexpr std::string_view kNextDue =
    "SELECT id FROM jobs WHERE (state = 'queued' AND run_at_ms <= $1) OR (state = 'running' AND lease_until_ms < $1)"
    " ORDER BY run_at_ms LIMIT 1";
// The condition repeats the selection: of two workers that picked the same job, one wins.
constexpr std::string_view kLease =
    "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_until_ms = $1, updated_at_ms = $2"
    " WHERE id = $3 AND ((state = 'queued' AND run_at_ms <= $2) OR (state = 'running' AND lease_until_ms < $2))";
constexpr std::string_view kRead = "SELECT kind, payload, attempts FROM jobs WHERE id = $1";
constexpr std::string_view kFinish =
    "UPDATE jobs SET state = $1, run_at_ms = $2, last_error = $3, lease_until_ms = 0, updated_at_ms = $4 WHERE id = $5";

}  // namespace

JobQueue::~JobQueue() { stop(); }

uint64_t JobQueue::enqueue(db::Connection& c, const std::string& kind, const std::string& payload, int64_t run_at_ms) {
  const uint64_t id = ids_.next();
  c.execute(kInsert, {i64(id), kind, payload, run_at_ms, clock_.now_ms()});
  return id;
}

void JobQueue::on(const std::string& kind, JobHandler handler) { handlers_[kind] = std::move(handler); }

std::optional<Job> JobQueue::lease() {
  const int64_t now = clock_.now_ms();
  return database_.write([&](db::Connection& c) -> std::optional<Job> {
    const auto id = c.query_int64(kNextDue, {now});
    if (!id || c.execute(kLease, {now + kLeaseMs, now, *id}) != 1) return std::nullopt;
    std::optional<Job> job;
    c.query(kRead, {*id}, [&](const db::Row& r) {
      job = Job{static_cast<uint64_t>(*id), std::string(r.text(0)), std::string(r.text(1)), r.int64(2)};
    });
    return job;
  });
}

void JobQueue::finish(const Job& job, const Outcome& outcome) {
  const int64_t now = clock_.now_ms();
  std::string state = "done";
  int64_t run_at = now;
  if (outcome.kind == Outcome::Kind::retry && job.attempts < kAttemptsMax) {
    state = "queued";
    run_at = outcome.retry_at_ms;
  } else if (outcome.kind != Outcome::Kind::done) {
    state = "dead";
  }
  database_.write([&](db::Connection& c) { c.execute(kFinish, {state, run_at, outcome.error.substr(0, 1000), now, i64(job.id)}); });
}

bool JobQueue::run_one() {
  const auto job = lease();
  if (!job) return false;
  Outcome outcome;
  const auto handler = handlers_.find(job->kind);
  if (handler == handlers_.end()) {
    outcome = Outcome::dead("no handler for job kind " + job->kind);
  } else {
    try {
      outcome = handler->second(*job);
    } catch (const std::exception& e) {
      // An infrastructure failure: try again in a minute.
      outcome = Outcome::retry(clock_.now_ms() + 60'000, e.what());
    }
  }
  if (outcome.kind == Outcome::Kind::dead) log::warn("job_dead", {{"job", job->id}, {"kind", job->kind}, {"error", outcome.error}});
  finish(*job, outcome);
  return true;
}

void JobQueue::start(int workers, std::chrono::milliseconds poll) {
  for (int i = 0; i < workers; ++i) {
    workers_.emplace_back([this, poll] {
      while (true) {
        bool worked = false;
        try {
          worked = run_one();
        } catch (const std::exception& e) {
          log::warn("job_worker_error", {{"error", e.what()}});
        }
        std::unique_lock lock(mutex_);
        if (stopping_) return;
        if (!worked) wake_.wait_for(lock, poll, [&] { return stopping_; });
        if (stopping_) return;
      }
    });
  }
}

void JobQueue::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : workers_) t.join();
  workers_.clear();
}

}  // namespace kassa::jobs
