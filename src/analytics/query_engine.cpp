#include "analytics/query_engine.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <tuple>
#include <type_traits>

#include "common/id.hpp"
#include "common/ids.hpp"
#include "payments/payment.hpp"

namespace kassa::analytics {
namespace {

using payments::OperationStatus;
using payments::OperationType;

constexpr std::array<std::string_view, 12> kDimensionNames = {
    "hour", "day", "week", "month", "project", "type", "status", "method", "country", "currency", "card_brand", "decline_code"};
constexpr std::array<std::string_view, 9> kMetricNames = {
    "count", "amount", "fee", "net", "average_amount", "conversion_rate", "decline_rate", "refund_rate", "chargeback_rate"};

constexpr size_t kCellsMax = 4'000'000;
constexpr int64_t kHourMs = 3'600'000;
constexpr size_t kRowsPerThreadMin = 100'000;

int64_t floor_mod(int64_t a, int64_t b) { return ((a % b) + b) % b; }

struct Cell {
  int64_t count = 0, amount = 0, fee = 0;
};

// What a class of operation kinds contributes to the measures; kinds that
// behave alike for the asked metrics and grouping share a class.
struct ClassInfo {
  int type = -1;    // the type's value when grouped by type
  int status = -1;  // the status's value when grouped by status
  int sign = 0;     // net: +1 money in, -1 money out
  bool first = false, first_success = false, first_decline = false, refund = false, chargeback = false, sale = false;
  auto key() const { return std::tuple(type, status, sign, first, first_success, first_decline, refund, chargeback, sale); }
};

ClassInfo class_of(uint8_t kind, bool by_type, bool by_status) {
  const auto type = static_cast<OperationType>(kind >> 2);
  const auto status = static_cast<OperationStatus>(kind & 3);
  const bool success = status == OperationStatus::success;
  ClassInfo c;
  if (by_type) c.type = kind >> 2;
  if (by_status) c.status = kind & 3;
  if (success && (type == OperationType::sale || type == OperationType::capture || type == OperationType::reversal)) c.sign = 1;
  if (success && (type == OperationType::refund || type == OperationType::chargeback)) c.sign = -1;
  c.first = type == OperationType::sale || type == OperationType::auth;
  c.first_success = c.first && success;
  c.first_decline = c.first && status == OperationStatus::decline;
  c.refund = success && type == OperationType::refund;
  c.chargeback = success && type == OperationType::chargeback;
  c.sale = success && (type == OperationType::sale || type == OperationType::capture);
  return c;
}

// A categorical column of a segment, 8 or 16 bits wide.
struct ColumnRef {
  const uint8_t* narrow = nullptr;
  const uint16_t* wide = nullptr;
  uint32_t at(size_t i) const { return wide ? wide[i] : narrow[i]; }
};

ColumnRef column_of(const Segment& s, Dimension d) {
  switch (d) {
    case Dimension::project: return {nullptr, s.project.data()};
    case Dimension::method: return {s.method.data(), nullptr};
    case Dimension::country: return {nullptr, s.country.data()};
    case Dimension::currency: return {s.currency.data(), nullptr};
    case Dimension::card_brand: return {nullptr, s.card_brand.data()};
    case Dimension::decline_code: return {nullptr, s.decline_code.data()};
    default: return {};
  }
}

const Dictionary* dictionary_of(const Dictionaries& d, Dimension dim) {
  switch (dim) {
    case Dimension::method: return &d.method;
    case Dimension::country: return &d.country;
    case Dimension::currency: return &d.currency;
    case Dimension::card_brand: return &d.card_brand;
    case Dimension::decline_code: return &d.decline_code;
    default: return nullptr;
  }
}

struct Task {
  const Segment* segment = nullptr;
  size_t begin = 0, end = 0;
  size_t bucket = 0;
};

struct Plan {
  std::array<int16_t, kKinds> cls{};
  std::vector<ClassInfo> classes;
  std::vector<std::pair<Dimension, std::vector<uint8_t>>> filters;  // per-row columns and the codes they let through
  std::vector<std::pair<Dimension, uint32_t>> groups;               // per-row columns and their cardinality
  size_t ng = 1;  // groups per bucket
  size_t nc = 1;  // classes
  bool reporting = true;
};

// Rows are scanned a block at a time, one column at a time, without branches:
// each row gets the index of the cell it adds to (a spare cell when it does not
// count), then the adds run over several copies of the cells in turn, so that
// rows adding to the same cell do not wait for one another.
constexpr size_t kBlock = 2048;

// a when keep, else b, without a branch (about half the rows pass: a branch would mispredict).
inline uint32_t select(bool keep, uint32_t a, uint32_t b) {
  const uint32_t m = 0u - static_cast<uint32_t>(keep);
  return (a & m) | (b & ~m);
}

template <class T>
void apply_filter(const T* column, const uint8_t* mask, uint32_t* index, size_t n, uint32_t spare) {
  for (size_t i = 0; i < n; ++i) index[i] = select(mask[column[i]] != 0, index[i], spare);
}

template <class T>
void add_group(const T* column, uint32_t cardinality, uint32_t* group, size_t n) {
  for (size_t i = 0; i < n; ++i) group[i] = group[i] * cardinality + column[i];
}

template <bool kFee, size_t kCopies>
void accumulate(const uint32_t* index, const int64_t* amount, const int64_t* fee, size_t n, Cell* cells, size_t stride) {
  size_t i = 0;
  for (; i + kCopies <= n; i += kCopies) {
    for (size_t k = 0; k < kCopies; ++k) {
      Cell& c = cells[k * stride + index[i + k]];
      c.count += 1;
      c.amount += amount[i + k];
      if constexpr (kFee) c.fee += fee[i + k];
    }
  }
  for (; i < n; ++i) {
    Cell& c = cells[index[i]];
    c.count += 1;
    c.amount += amount[i];
    if constexpr (kFee) c.fee += fee[i];
  }
}

// The common shapes (at most one filter column and one grouping column) in one
// fused loop per row: class, filter, group, add; no per-row branch.
struct NoColumn {};

template <class F, class G, bool kFee, size_t kCopies>
void fused(const uint8_t* kind, const int16_t* cls, const F* filter, const uint8_t* mask, const G* group, uint32_t nc,
           uint32_t base, uint32_t spare, const int64_t* amount, const int64_t* fee, size_t n, Cell* cells, size_t stride) {
  size_t i = 0;
  const auto add = [&](size_t row, Cell* copy) {
    const int c = cls[kind[row]];
    bool keep = c >= 0;
    if constexpr (!std::is_same_v<F, NoColumn>) keep = keep & (mask[filter[row]] != 0);  // & not &&: no branch
    uint32_t cell = base + static_cast<uint32_t>(c);
    if constexpr (!std::is_same_v<G, NoColumn>) cell += static_cast<uint32_t>(group[row]) * nc;
    Cell& target = copy[select(keep, cell, spare)];
    target.count += 1;
    target.amount += amount[row];
    if constexpr (kFee) target.fee += fee[row];
  };
  for (; i + kCopies <= n; i += kCopies) {
    for (size_t k = 0; k < kCopies; ++k) add(i + k, cells + k * stride);
  }
  for (; i < n; ++i) add(i, cells);
}

template <class F, class G>
void fused_dispatch(const uint8_t* kind, const int16_t* cls, const F* filter, const uint8_t* mask, const G* group, uint32_t nc,
                    uint32_t base, uint32_t spare, const int64_t* amount, const int64_t* fee, size_t n, Cell* cells, size_t stride,
                    size_t copies, bool with_fee) {
  if (copies == 4) {
    if (with_fee) fused<F, G, true, 4>(kind, cls, filter, mask, group, nc, base, spare, amount, fee, n, cells, stride);
    else fused<F, G, false, 4>(kind, cls, filter, mask, group, nc, base, spare, amount, fee, n, cells, stride);
  } else {
    if (with_fee) fused<F, G, true, 1>(kind, cls, filter, mask, group, nc, base, spare, amount, fee, n, cells, stride);
    else fused<F, G, false, 1>(kind, cls, filter, mask, group, nc, base, spare, amount, fee, n, cells, stride);
  }
}

template <class F>
void fused_by_group(const ColumnRef& group, const uint8_t* kind, const int16_t* cls, const F* filter, const uint8_t* mask,
                    uint32_t nc, uint32_t base, uint32_t spare, const int64_t* amount, const int64_t* fee, size_t n, Cell* cells,
                    size_t stride, size_t copies, bool with_fee) {
  if (group.wide) fused_dispatch(kind, cls, filter, mask, group.wide, nc, base, spare, amount, fee, n, cells, stride, copies, with_fee);
  else if (group.narrow) fused_dispatch(kind, cls, filter, mask, group.narrow, nc, base, spare, amount, fee, n, cells, stride, copies, with_fee);
  else fused_dispatch(kind, cls, filter, mask, static_cast<const NoColumn*>(nullptr), nc, base, spare, amount, fee, n, cells, stride, copies, with_fee);
}

// cells: `copies` arrays of `stride` cells (the last of each is the spare), summed by the caller.
void scan(const Plan& plan, const std::vector<Task>& tasks, std::vector<Cell>& cells, size_t copies, size_t stride, bool with_fee) {
  uint32_t index[kBlock];
  uint32_t group[kBlock];
  const uint32_t spare = static_cast<uint32_t>(stride - 1);
  const size_t per_bucket = plan.ng * plan.nc;
  for (const Task& t : tasks) {
    const Segment& s = *t.segment;
    const int64_t* amount = plan.reporting ? s.amount_rep.data() : s.amount.data();
    const int64_t* fee = plan.reporting ? s.fee_rep.data() : s.fee.data();
    const uint32_t base = static_cast<uint32_t>(t.bucket * per_bucket);
    if (plan.filters.size() <= 1 && plan.groups.size() <= 1) {
      const ColumnRef group = plan.groups.empty() ? ColumnRef{} : column_of(s, plan.groups[0].first);
      const ColumnRef filter = plan.filters.empty() ? ColumnRef{} : column_of(s, plan.filters[0].first);
      const uint8_t* mask = plan.filters.empty() ? nullptr : plan.filters[0].second.data();
      const size_t n = t.end - t.begin;
      const uint8_t* kind = s.kind.data() + t.begin;
      const int64_t* a = amount + t.begin;
      const int64_t* f = fee + t.begin;
      const uint32_t nc = static_cast<uint32_t>(plan.nc);
      const auto offset = [&](const ColumnRef& c) {
        return ColumnRef{c.narrow ? c.narrow + t.begin : nullptr, c.wide ? c.wide + t.begin : nullptr};
      };
      const ColumnRef g = offset(group), fc = offset(filter);
      if (fc.wide) fused_by_group(g, kind, plan.cls.data(), fc.wide, mask, nc, base, spare, a, f, n, cells.data(), stride, copies, with_fee);
      else if (fc.narrow) fused_by_group(g, kind, plan.cls.data(), fc.narrow, mask, nc, base, spare, a, f, n, cells.data(), stride, copies, with_fee);
      else fused_by_group(g, kind, plan.cls.data(), static_cast<const NoColumn*>(nullptr), mask, nc, base, spare, a, f, n, cells.data(), stride, copies, with_fee);
      continue;
    }
    for (size_t from = t.begin; from < t.end; from += kBlock) {
      const size_t n = std::min(kBlock, t.end - from);
      const uint8_t* kind = s.kind.data() + from;
      for (size_t i = 0; i < n; ++i) {
        const int c = plan.cls[kind[i]];
        index[i] = select(c >= 0, static_cast<uint32_t>(c), spare);
      }
      for (const auto& [dim, mask] : plan.filters) {
        const ColumnRef col = column_of(s, dim);
        if (col.wide) apply_filter(col.wide + from, mask.data(), index, n, spare);
        else apply_filter(col.narrow + from, mask.data(), index, n, spare);
      }
      if (!plan.groups.empty()) {
        std::fill(group, group + n, 0u);
        for (const auto& [dim, cardinality] : plan.groups) {
          const ColumnRef col = column_of(s, dim);
          if (col.wide) add_group(col.wide + from, cardinality, group, n);
          else add_group(col.narrow + from, cardinality, group, n);
        }
        const uint32_t nc = static_cast<uint32_t>(plan.nc);
        for (size_t i = 0; i < n; ++i) index[i] = select(index[i] != spare, base + group[i] * nc + index[i], spare);
      } else if (base != 0) {
        for (size_t i = 0; i < n; ++i) index[i] = select(index[i] != spare, base + index[i], spare);
      }
      const int64_t* a = amount + from;
      const int64_t* f = fee + from;
      if (copies == 4) {
        if (with_fee) accumulate<true, 4>(index, a, f, n, cells.data(), stride);
        else accumulate<false, 4>(index, a, f, n, cells.data(), stride);
      } else {
        if (with_fee) accumulate<true, 1>(index, a, f, n, cells.data(), stride);
        else accumulate<false, 1>(index, a, f, n, cells.data(), stride);
      }
    }
  }
}

int64_t divide_rounded(int64_t a, int64_t b) {
  const __int128 n = a;
  const __int128 q = ((n < 0 ? -n : n) * 2 + b) / (2 * static_cast<__int128>(b));
  return static_cast<int64_t>(n < 0 ? -q : q);
}

}  // namespace

std::optional<Dimension> dimension_from(std::string_view text) {
  for (size_t i = 0; i < kDimensionNames.size(); ++i) if (kDimensionNames[i] == text) return static_cast<Dimension>(i);
  return std::nullopt;
}
std::string_view to_string(Dimension d) { return kDimensionNames[static_cast<size_t>(d)]; }
bool is_time(Dimension d) { return d == Dimension::hour || d == Dimension::day || d == Dimension::week || d == Dimension::month; }
std::optional<Metric> metric_from(std::string_view text) {
  for (size_t i = 0; i < kMetricNames.size(); ++i) if (kMetricNames[i] == text) return static_cast<Metric>(i);
  return std::nullopt;
}
std::string_view to_string(Metric m) { return kMetricNames[static_cast<size_t>(m)]; }
bool is_money(Metric m) { return m == Metric::amount || m == Metric::fee || m == Metric::net || m == Metric::average_amount; }

void Measures::add(const Measures& o) {
  count += o.count; amount += o.amount; fee += o.fee; net += o.net;
  first_all += o.first_all; first_success += o.first_success; first_decline += o.first_decline;
  refunds += o.refunds; chargebacks += o.chargebacks; sales += o.sales;
}

std::optional<MetricValue> metric_value(Metric metric, const Measures& m) {
  const auto whole = [](int64_t v) { return MetricValue{true, v, 0}; };
  const auto ratio = [](int64_t n, int64_t d) -> std::optional<MetricValue> {
    if (d == 0) return std::nullopt;
    return MetricValue{false, 0, static_cast<double>(n) / static_cast<double>(d)};
  };
  switch (metric) {
    case Metric::count: return whole(m.count);
    case Metric::amount: return whole(m.amount);
    case Metric::fee: return whole(m.fee);
    case Metric::net: return whole(m.net);
    case Metric::average_amount:
      if (m.count == 0) return std::nullopt;
      return whole(divide_rounded(m.amount, m.count));
    case Metric::conversion_rate: return ratio(m.first_success, m.first_all);
    case Metric::decline_rate: return ratio(m.first_decline, m.first_all);
    case Metric::refund_rate: return ratio(m.refunds, m.sales);
    case Metric::chargeback_rate: return ratio(m.chargebacks, m.sales);
  }
  return std::nullopt;
}

Result<std::vector<Bucket>> make_buckets(const TimeZone& zone, Dimension unit, int64_t from_ms, int64_t to_ms, size_t max_buckets) {
  std::vector<Bucket> out;
  const auto too_many = [&] {
    return Error::invalid("bad-query", "too many " + std::string(to_string(unit)) + " buckets in this range (at most " +
                                           std::to_string(max_buckets) + "); pick a longer unit or a shorter range");
  };
  if (from_ms >= to_ms) return out;
  if (unit == Dimension::hour) {
    // Hours are counted in UTC from the local hour that holds `from`, so a repeated
    // hour (autumn) is two buckets and a skipped one (spring) none.
    const int64_t offset_ms = int64_t{zone.offset_at(from_ms)} * 1000;
    for (int64_t s = from_ms - floor_mod(from_ms + offset_ms, kHourMs); s < to_ms; s += kHourMs) {
      if (out.size() >= max_buckets) return too_many();
      out.push_back({std::max(s, from_ms), std::min(s + kHourMs, to_ms), zone.iso_text(s)});
    }
    return out;
  }
  int64_t day = zone.local_days(from_ms);
  if (unit == Dimension::week) day -= weekday_from_days(day);
  if (unit == Dimension::month) {
    CivilDate c = civil_from_days(day);
    c.day = 1;
    day = days_from_civil(c);
  }
  for (;;) {
    int64_t next = day + 1;
    if (unit == Dimension::week) next = day + 7;
    if (unit == Dimension::month) {
      CivilDate c = civil_from_days(day);
      c = c.month == 12 ? CivilDate{c.year + 1, 1, 1} : CivilDate{c.year, c.month + 1, 1};
      next = days_from_civil(c);
    }
    const int64_t start = zone.utc_ms_of_local(day * 86400);
    if (start >= to_ms) break;
    const int64_t end = zone.utc_ms_of_local(next * 86400);
    if (out.size() >= max_buckets) return too_many();
    std::string label = date_text(civil_from_days(day));
    if (unit == Dimension::month) label.resize(7);
    out.push_back({std::max(start, from_ms), std::min(end, to_ms), std::move(label)});
    day = next;
  }
  return out;
}

struct ScanPool::State {
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<std::function<void()>> queue;
  bool stopping = false;
};

ScanPool::ScanPool(unsigned threads) : state_(std::make_unique<State>()) {
  for (unsigned i = 1; i < std::max(1u, threads); ++i) {
    workers_.emplace_back([state = state_.get()] {
      for (;;) {
        std::function<void()> job;
        {
          std::unique_lock lock(state->mutex);
          state->wake.wait(lock, [&] { return state->stopping || !state->queue.empty(); });
          if (state->queue.empty()) return;
          job = std::move(state->queue.front());
          state->queue.pop_front();
        }
        job();
      }
    });
  }
}

ScanPool::~ScanPool() {
  {
    std::lock_guard lock(state_->mutex);
    state_->stopping = true;
  }
  state_->wake.notify_all();
  for (auto& w : workers_) w.join();
}

void ScanPool::run(unsigned n, const std::function<void(unsigned)>& task) {
  if (n <= 1) {
    if (n == 1) task(0);
    return;
  }
  struct Join {
    std::mutex mutex;
    std::condition_variable done;
    unsigned remaining;
    std::exception_ptr error;
  } join{{}, {}, n - 1, nullptr};
  const auto finish = [&join](std::exception_ptr e) {
    std::lock_guard lock(join.mutex);
    if (e && !join.error) join.error = e;
    if (--join.remaining == 0) join.done.notify_all();
  };
  {
    std::lock_guard lock(state_->mutex);
    for (unsigned i = 1; i < n; ++i) {
      state_->queue.emplace_back([&task, &finish, i] {
        try { task(i); finish(nullptr); } catch (...) { finish(std::current_exception()); }
      });
    }
  }
  state_->wake.notify_all();
  std::exception_ptr own;
  try { task(0); } catch (...) { own = std::current_exception(); }
  // Help with queued work (ours or another query's) rather than wait idle.
  for (;;) {
    std::function<void()> job;
    {
      std::lock_guard lock(state_->mutex);
      if (!state_->queue.empty()) {
        job = std::move(state_->queue.front());
        state_->queue.pop_front();
      }
    }
    if (!job) break;
    job();
  }
  std::unique_lock lock(join.mutex);
  join.done.wait(lock, [&] { return join.remaining == 0; });
  if (own) std::rethrow_exception(own);
  if (join.error) std::rethrow_exception(join.error);
}

Result<QueryResult> run_query(const CompanyColumns& company, const Dictionaries& dictionaries, const QuerySpec& spec, ScanPool& pool) {
  QueryResult result;
  Plan plan;
  plan.reporting = !spec.original_currency;

  // Time: one range, or the buckets of the time dimension.
  std::optional<Dimension> time;
  for (const Dimension d : spec.group_by) if (is_time(d)) time = d;
  if (time) {
    auto buckets = make_buckets(spec.zone, *time, spec.from_ms, spec.to_ms, 10'000);
    if (!buckets) return buckets.error();
    result.buckets = std::move(*buckets);
  }
  std::vector<std::pair<int64_t, int64_t>> ranges;
  if (time) for (const auto& b : result.buckets) ranges.emplace_back(b.start_ms, b.end_ms);
  else if (spec.from_ms < spec.to_ms) ranges.emplace_back(spec.from_ms, spec.to_ms);
  const size_t nb = time ? result.buckets.size() : 1;

  // Kinds: type and status filters decide which kinds count at all; the rest groups them into classes.
  const bool by_type = std::find(spec.group_by.begin(), spec.group_by.end(), Dimension::type) != spec.group_by.end();
  const bool by_status = std::find(spec.group_by.begin(), spec.group_by.end(), Dimension::status) != spec.group_by.end();
  std::array<bool, 7> type_ok{};
  std::array<bool, 4> status_ok{};
  type_ok.fill(true);
  status_ok.fill(true);
  if (const auto it = spec.filters.find(Dimension::type); it != spec.filters.end()) {
    type_ok.fill(false);
    for (const auto& v : it->second) if (const auto t = payments::operation_type_from(v)) type_ok[static_cast<size_t>(*t)] = true;
  }
  if (const auto it = spec.filters.find(Dimension::status); it != spec.filters.end()) {
    status_ok.fill(false);
    for (const auto& v : it->second) if (const auto s = payments::operation_status_from(v)) status_ok[static_cast<size_t>(*s)] = true;
  }
  for (int k = 0; k < kKinds; ++k) {
    plan.cls[static_cast<size_t>(k)] = -1;
    if (!type_ok[static_cast<size_t>(k >> 2)] || !status_ok[static_cast<size_t>(k & 3)]) continue;
    const ClassInfo info = class_of(static_cast<uint8_t>(k), by_type, by_status);
    size_t c = 0;
    while (c < plan.classes.size() && plan.classes[c].key() != info.key()) ++c;
    if (c == plan.classes.size()) plan.classes.push_back(info);
    plan.cls[static_cast<size_t>(k)] = static_cast<int16_t>(c);
  }
  plan.nc = std::max<size_t>(1, plan.classes.size());

  // Per-row filters: the caller's projects and the dictionary-coded dimensions.
  if (spec.projects) {
    std::vector<uint8_t> mask(std::max<size_t>(1, company.projects.size()), 0);
    for (const uint64_t p : *spec.projects) if (const auto code = company.project_code(p)) mask[*code] = 1;
    plan.filters.emplace_back(Dimension::project, std::move(mask));
  }
  for (const auto& [dim, values] : spec.filters) {
    const Dictionary* dictionary = dictionary_of(dictionaries, dim);
    if (!dictionary) continue;
    std::vector<uint8_t> mask(dictionary->size(), 0);
    for (const auto& v : values) {
      if (const auto code = dictionary->find(v == "none" ? std::string_view() : std::string_view(v)); code && *code < mask.size()) mask[*code] = 1;
    }
    plan.filters.emplace_back(dim, std::move(mask));
  }
  // Per-row groups, then the currency when amounts stay in their own currencies.
  std::vector<Dimension> row_dims;
  for (const Dimension d : spec.group_by) {
    if (is_time(d) || d == Dimension::type || d == Dimension::status) continue;
    row_dims.push_back(d);
  }
  const bool implicit_currency = spec.original_currency &&
                                 std::find(row_dims.begin(), row_dims.end(), Dimension::currency) == row_dims.end();
  if (implicit_currency) row_dims.push_back(Dimension::currency);
  for (const Dimension d : row_dims) {
    const uint32_t cardinality = d == Dimension::project ? static_cast<uint32_t>(std::max<size_t>(1, company.projects.size()))
                                                         : dictionary_of(dictionaries, d)->size();
    plan.groups.emplace_back(d, cardinality);
    plan.ng *= cardinality;
  }
  if (nb * plan.ng * plan.nc > kCellsMax) {
    return Error::invalid("bad-query", "this grouping has too many groups (" + std::to_string(nb * plan.ng) +
                                           "); pick a longer time unit, a shorter range or fewer dimensions");
  }

  // The rows of each range, found by binary search on the ids of each segment.
  std::vector<Task> tasks;
  int64_t total = 0;
  for (size_t b = 0; b < ranges.size(); ++b) {
    const uint64_t lo = IdGenerator::lowest_at(ranges[b].first);
    const uint64_t hi = IdGenerator::lowest_at(ranges[b].second);
    auto first = std::upper_bound(company.segments.begin(), company.segments.end(), lo,
                                  [](uint64_t v, const auto& s) { return !s->id.empty() && v < s->id.back(); });
    for (auto it = first == company.segments.begin() ? first : first - 1; it != company.segments.end(); ++it) {
      const Segment& s = **it;
      if (s.id.empty()) continue;
      if (s.id.front() >= hi) break;
      const size_t begin = s.lower_bound(lo);
      const size_t end = s.lower_bound(hi);
      if (begin < end) {
        tasks.push_back({&s, begin, end, b});
        total += static_cast<int64_t>(end - begin);
      }
    }
  }
  result.rows_scanned = total;

  // Split the rows evenly over the threads; each fills its own cells.
  const unsigned parts = static_cast<unsigned>(std::clamp<int64_t>(total / static_cast<int64_t>(kRowsPerThreadMin), 1, pool.threads()));
  std::vector<std::vector<Task>> shares(parts);
  {
    const int64_t per = (total + parts - 1) / parts;
    size_t share = 0;
    int64_t filled = 0;
    for (Task t : tasks) {
      while (t.begin < t.end) {
        const int64_t room = per - filled;
        const size_t take = static_cast<size_t>(std::min<int64_t>(room, static_cast<int64_t>(t.end - t.begin)));
        shares[share].push_back({t.segment, t.begin, t.begin + take, t.bucket});
        t.begin += take;
        filled += static_cast<int64_t>(take);
        if (filled >= per && share + 1 < parts) { ++share; filled = 0; }
      }
    }
  }
  const size_t cells_total = nb * plan.ng * plan.nc;
  // Few cells: four copies of them, so consecutive rows add to different memory.
  const size_t copies = cells_total <= 4096 ? 4 : 1;
  const size_t stride = cells_total + 1;  // the spare cell last
  bool with_fee = false;
  for (const Metric m : spec.metrics) with_fee = with_fee || m == Metric::fee || m == Metric::net;
  std::vector<std::vector<Cell>> cells(parts);
  pool.run(parts, [&](unsigned i) {
    cells[i].assign(copies * stride, Cell{});
    scan(plan, shares[i], cells[i], copies, stride, with_fee);
  });
  for (unsigned i = 0; i < parts; ++i) {
    for (size_t k = (i == 0 ? 1 : 0); k < copies; ++k) {
      for (size_t c = 0; c < cells_total; ++c) {
        cells[0][c].count += cells[i][k * stride + c].count;
        cells[0][c].amount += cells[i][k * stride + c].amount;
        cells[0][c].fee += cells[i][k * stride + c].fee;
      }
    }
  }
  const std::vector<Cell>& sum = cells[0];

  // Fold the cells into rows: (bucket, per-row group, type, status) → measures.
  const auto value_of = [&](Dimension d, uint32_t code) -> std::optional<std::string> {
    if (d == Dimension::project) {
      if (code == 0 || code >= company.projects.size()) return std::nullopt;
      return ProjectId(company.projects[code]).to_string();
    }
    std::string v = dictionary_of(dictionaries, d)->value(code);
    if (v.empty()) return std::nullopt;
    return v;
  };
  std::map<std::tuple<size_t, size_t, int, int>, Measures> folded;
  std::map<uint32_t, Measures> totals;  // by currency code with original_currency, else one
  for (size_t b = 0; b < nb; ++b) {
    for (size_t g = 0; g < plan.ng; ++g) {
      for (size_t c = 0; c < plan.classes.size(); ++c) {
        const Cell& cell = sum[(b * plan.ng + g) * plan.nc + c];
        if (cell.count == 0) continue;
        const ClassInfo& info = plan.classes[c];
        Measures m;
        m.count = cell.count;
        m.amount = cell.amount;
        m.fee = cell.fee;
        m.net = info.sign * cell.amount - cell.fee;
        if (info.first) m.first_all = cell.count;
        if (info.first_success) m.first_success = cell.count;
        if (info.first_decline) m.first_decline = cell.count;
        if (info.refund) m.refunds = cell.count;
        if (info.chargeback) m.chargebacks = cell.count;
        if (info.sale) m.sales = cell.count;
        folded[{b, g, info.type, info.status}].add(m);
        totals[spec.original_currency ? static_cast<uint32_t>(g % plan.groups.back().second) : 0].add(m);
      }
    }
  }
  if (time && row_dims.empty() && !by_type && !by_status) {
    for (size_t b = 0; b < nb; ++b) folded.try_emplace({b, 0, -1, -1});  // every bucket, empty ones too
  }
  const auto codes_of = [&](size_t g) {
    std::vector<uint32_t> codes(plan.groups.size());
    for (size_t d = plan.groups.size(); d-- > 0;) {
      codes[d] = static_cast<uint32_t>(g % plan.groups[d].second);
      g /= plan.groups[d].second;
    }
    return codes;
  };
  for (const auto& [key, m] : folded) {
    const auto& [b, g, type, status] = key;
    const auto codes = codes_of(g);
    ResultRow row;
    row.m = m;
    if (time) row.bucket = b;
    size_t next_code = 0;
    for (const Dimension d : spec.group_by) {
      if (is_time(d)) row.dims.push_back(result.buckets[b].label);
      else if (d == Dimension::type) row.dims.emplace_back(payments::to_string(static_cast<OperationType>(type)));
      else if (d == Dimension::status) row.dims.emplace_back(payments::to_string(static_cast<OperationStatus>(status)));
      else row.dims.push_back(value_of(d, codes[next_code++]));
    }
    if (implicit_currency) row.dims.push_back(value_of(Dimension::currency, codes.back()));
    result.rows.push_back(std::move(row));
  }
  if (spec.original_currency) {
    for (const auto& [code, m] : totals) {
      ResultRow row;
      row.m = m;
      // The currency's position among the per-row groups: the last with an implicit currency, else where it was asked.
      row.dims.push_back(value_of(Dimension::currency, code));
      result.totals.push_back(std::move(row));
    }
  } else {
    ResultRow row;
    if (const auto it = totals.find(0); it != totals.end()) row.m = it->second;
    result.totals.push_back(std::move(row));
  }
  if (spec.original_currency && !implicit_currency) {
    // The currency was asked as a dimension: its code is not the last group; total by it properly.
    const size_t at = static_cast<size_t>(std::find(row_dims.begin(), row_dims.end(), Dimension::currency) - row_dims.begin());
    std::map<uint32_t, Measures> by_currency;
    for (const auto& [key, m] : folded) by_currency[codes_of(std::get<1>(key))[at]].add(m);
    result.totals.clear();
    for (const auto& [code, m] : by_currency) {
      ResultRow row;
      row.m = m;
      row.dims.push_back(value_of(Dimension::currency, code));
      result.totals.push_back(std::move(row));
    }
  }

  // Order: by time; groups by the first metric, largest first, then by value.
  const Metric first = spec.metrics.empty() ? Metric::count : spec.metrics.front();
  const auto rank = [&](const ResultRow& r) {
    const auto v = metric_value(first, r.m);
    if (!v) return -1e300;
    return v->integer ? static_cast<double>(v->whole) : v->fraction;
  };
  const bool only_time = time && spec.group_by.size() == 1 && !spec.original_currency;
  if (!only_time) {
    std::stable_sort(result.rows.begin(), result.rows.end(), [&](const ResultRow& a, const ResultRow& b) {
      if (a.bucket != b.bucket) return a.bucket < b.bucket;
      const double ra = rank(a), rb = rank(b);
      if (ra != rb) return ra > rb;
      return a.dims < b.dims;
    });
  }
  if (result.rows.size() > spec.limit) {
    result.rows.resize(spec.limit);
    result.has_more = true;
  }
  if (!spec.original_currency && company.fx) {
    for (uint32_t code = 0; code < company.currencies_seen.size(); ++code) {
      if (!company.currencies_seen[code]) continue;
      const std::string name = dictionaries.currency.value(code);
      if (name != company.fx->reporting_currency() && !company.fx->rate(name, 0)) result.currencies_without_rate.push_back(name);
    }
  }
  return result;
}

}  // namespace kassa::analytics
