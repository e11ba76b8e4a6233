#pragma once
// A clock that tests can control. Services take a Clock&; production passes SystemClock.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace kassa {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
  int64_t now_ms() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(now().time_since_epoch()).count();
  }
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// Starts at a fixed time (or the real time plus an offset) and moves only when told.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : ms_(to_ms(start)) {}
  TimePoint now() const override { return TimePoint(std::chrono::milliseconds(ms_.load())); }
  void set(TimePoint t) { ms_.store(to_ms(t)); }
  void advance(std::chrono::milliseconds d) { ms_.fetch_add(d.count()); }

 private:
  static int64_t to_ms(TimePoint t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  }
  std::atomic<int64_t> ms_;
};

// The system time plus an offset that tests move forward (kassa serve --unsafe-test-clock).
class OffsetClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now() + std::chrono::milliseconds(offset_ms_.load()); }
  void advance(std::chrono::milliseconds d) { offset_ms_.fetch_add(d.count()); }

 private:
  std::atomic<int64_t> offset_ms_{0};
};

// ISO 8601 UTC with milliseconds: 2026-11-26T13:11:41.123Z
std::string format_utc(TimePoint t);

}  // namespace kassa
