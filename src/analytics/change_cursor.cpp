#include "analytics/change_cursor.hpp"

#include <algorithm>

namespace kassa::analytics {

std::vector<ChangeRange> missing_ranges(int64_t from, int64_t to, const std::vector<int64_t>& seen) {
  std::vector<ChangeRange> out;
  int64_t next = from + 1;  // the lowest number not yet accounted for
  for (const int64_t n : seen) {
    if (n < next) continue;
    if (n > to) break;
    if (n > next) out.push_back({next, n - 1});
    next = n + 1;
  }
  if (next <= to) out.push_back({next, to});
  return out;
}

int64_t ChangeCursor::complete_through() const {
  int64_t out = high_;
  for (const auto& g : gaps_) out = std::min(out, g.range.first - 1);
  return out;
}

void ChangeCursor::reset(int64_t high) {
  high_ = high;
  gaps_.clear();
}

void ChangeCursor::advance(const std::vector<int64_t>& ascending, std::optional<int64_t> horizon) {
  if (ascending.empty()) return;
  const int64_t top = std::max(high_, ascending.back());
  if (horizon) {
    for (const auto& range : missing_ranges(high_, top, ascending)) add_gap(range, *horizon);
  }
  high_ = top;
}

void ChangeCursor::add_gap(ChangeRange range, int64_t horizon) {
  if (!gaps_.empty() && gaps_.back().horizon == horizon && gaps_.back().range.last + 1 == range.first) {
    gaps_.back().range.last = range.last;  // one read's neighbouring ranges stay one range
    return;
  }
  const auto at = std::upper_bound(gaps_.begin(), gaps_.end(), horizon, [](int64_t h, const Gap& g) { return h < g.horizon; });
  gaps_.insert(at, Gap{range, horizon});
}

std::vector<ChangeRange> ChangeCursor::take_settled(int64_t oldest_running) {
  std::vector<ChangeRange> out;
  const auto end = std::find_if(gaps_.begin(), gaps_.end(), [&](const Gap& g) { return g.horizon > oldest_running; });
  for (auto it = gaps_.begin(); it != end; ++it) out.push_back(it->range);
  gaps_.erase(gaps_.begin(), end);
  return out;
}

}  // namespace kassa::analytics
