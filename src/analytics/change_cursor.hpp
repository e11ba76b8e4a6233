#pragma once
// Where a follower of the operations' change numbers stands.
//
// SQLite hands numbers out from a counter row that serial writes commit in order:
// when a number is visible, every lower one has committed (or was superseded).
// PostgreSQL hands them out from a sequence, without waiting: a transaction can
// commit number 100 after another committed 101. A follower that has read past 100
// keeps the numbers it skipped as gaps, each with the transaction-id horizon of the
// read that skipped it (every transaction that could still commit one of them has an
// id below it). Once the oldest transaction still running is at or past that horizon,
// those transactions have all ended: the gap is read one last time and forgotten.
// Numbers that never appear (their row changed again, and took a newer number, or
// their transaction rolled back) cost that one read.
#include <cstdint>
#include <optional>
#include <vector>

namespace kassa::analytics {

struct ChangeRange {
  int64_t first;
  int64_t last;  // inclusive
};

class ChangeCursor {
 public:
  int64_t high() const { return high_; }
  // Every number up to here has been read: below the first gap, else high().
  int64_t complete_through() const;
  size_t gap_count() const { return gaps_.size(); }

  // Everything up to `high` has been read.
  void reset(int64_t high);
  // `ascending` numbers above high() were read. With a horizon, the numbers skipped are gaps
  // waiting for the transactions below it; without one (SQLite), nothing is owed.
  void advance(const std::vector<int64_t>& ascending, std::optional<int64_t> horizon);
  // Numbers at or below high() that may still commit (after a build that read while
  // transactions were running).
  void add_gap(ChangeRange range, int64_t horizon);
  // The gaps whose transactions have all ended, given the oldest transaction id still
  // running; they leave the cursor: read them one last time.
  std::vector<ChangeRange> take_settled(int64_t oldest_running);

 private:
  struct Gap {
    ChangeRange range;
    int64_t horizon;
  };
  int64_t high_ = 0;
  std::vector<Gap> gaps_;  // horizons ascending (each read's horizon is at least the one before)
};

// The ranges of (from, to] that `seen` (ascending, all within it) leaves out.
std::vector<ChangeRange> missing_ranges(int64_t from, int64_t to, const std::vector<int64_t>& seen);

}  // namespace kassa::analytics
