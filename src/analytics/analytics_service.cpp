#include "analytics/analytics.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <chrono>
#include <charconv>
#include <random>

#include "analytics/analytics_store.hpp"
#include "common/id.hpp"
#include "common/ids.hpp"
#include "common/log.hpp"
#include "common/money.hpp"
#include "common/time_text.hpp"
#include "payments/payment.hpp"

namespace kassa::analytics {
namespace {

constexpr int64_t kFollowBatch = 10'000;
// After a build on PostgreSQL, the numbers this far below the last one handed out that the
// build did not see are read again once the transactions then running have ended (far more
// than can be in flight: one per connection).
constexpr int64_t kBuildGapWindow = 10'000;
constexpr size_t kLiveKept = 200;
constexpr size_t kImportLinesMax = 100'000;
constexpr int64_t kDefaultDays = 30;
constexpr int64_t kRangeDaysMax = 3660;

using Clock = std::chrono::steady_clock;

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find(',', start), text.size());
    std::string_view part = text.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    start = end + 1;
  }
  return out;
}

// The analytics.read projects of the caller: nullopt when all.
std::optional<std::set<uint64_t>> readable_projects(const Principal& principal) {
  const auto it = principal.permissions.find("analytics.read");
  if (it == principal.permissions.end()) return std::set<uint64_t>{};
  if (it->second.all) return std::nullopt;
  return std::set<uint64_t>(it->second.project_ids.begin(), it->second.project_ids.end());
}

bool project_visible(const std::optional<std::set<uint64_t>>& projects, uint64_t project_id) {
  return !projects || projects->contains(project_id);
}

// A time in the business zone: a date (its midnight), a local time, or an instant with Z or an offset.
std::optional<int64_t> parse_time(std::string_view text, const TimeZone& zone) {
  if (const auto date = parse_date(text)) return zone.utc_ms_of_local(days_from_civil(*date) * 86400);
  if (text.size() >= 16 && text[10] == 'T') {
    const bool has_zone = text.back() == 'Z' || text.find('+', 10) != std::string_view::npos ||
                          text.find('-', 10) != std::string_view::npos;
    if (has_zone) return ms_from_iso(text);
    const auto date = parse_date(text.substr(0, 10));
    if (!date) return std::nullopt;
    const auto z = ms_from_iso(std::string(text) + "Z");  // the wall-clock time, validated, as if UTC
    if (!z) return std::nullopt;
    const int64_t local_seconds = *z / 1000;
    return zone.utc_ms_of_local(local_seconds) + *z % 1000;
  }
  return std::nullopt;
}

bool local_midnight(int64_t ms, const TimeZone& zone) {
  return zone.utc_ms_of_local(zone.local_days(ms) * 86400) == ms;
}

boost::json::value metric_json(Metric metric, const Measures& m) {
  const auto v = metric_value(metric, m);
  if (!v) return nullptr;
  if (v->integer) return v->whole;
  return v->fraction;
}

}  // namespace

boost::json::value to_json(const LiveEvent& e) {
  const auto text = [](const std::string& s) -> boost::json::value { return s.empty() ? boost::json::value(nullptr) : boost::json::value(s); };
  return boost::json::object{
      {"id", OperationId(e.fact.id).to_string()},
      {"payment_id", PaymentId(e.fact.payment_id).to_string()},
      {"project_id", ProjectId(e.fact.project_id).to_string()},
      {"type", payments::to_string(static_cast<payments::OperationType>(e.fact.type))},
      {"status", payments::to_string(static_cast<payments::OperationStatus>(e.fact.status))},
      {"amount", e.fact.amount},
      {"currency", e.fact.currency},
      {"method", e.fact.method},
      {"country", text(e.fact.country)},
      {"card_brand", text(e.fact.card_brand)},
      {"decline_code", text(e.fact.decline_code)},
      {"created_at", iso_utc_from_ms(IdGenerator::timestamp_ms_of(e.fact.id))},
      {"change", e.change},
  };
}

AnalyticsService::AnalyticsService(db::Database& database, const kassa::Clock& clock, audit::AuditService& audit)
    : database_(database), clock_(clock), audit_(audit), pool_(std::max(1u, std::thread::hardware_concurrency())) {}

AnalyticsService::~AnalyticsService() { stop(); }

BuildReport AnalyticsService::build() {
  std::lock_guard lock(follow_mutex_);
  const auto started = Clock::now();
  BuildReport report;
  database_.read([&](db::Connection& c) {
    // The sequence first: every change after it is applied again by the follower, so none is missed.
    const int64_t change = store::last_change(c);
    std::map<uint64_t, std::shared_ptr<const FxTable>> fx;
    companies_.clear();
    for (const auto& company : store::companies(c)) {
      fx[company.id] = std::make_shared<const FxTable>(company.reporting_currency, store::fx_rates(c, company.id));
      companies_[company.id] = {company.reporting_currency, company.fx_revision};
    }
    ColumnStore::BulkLoad load(store_, std::move(fx));
    auto last_log = Clock::now();
    std::vector<int64_t> recent;  // numbers seen near `change`, where transactions may still be committing
    store::each_operation(c, [&](const OperationFact& f) {
      load.add(f);
      if (f.change_seq > change - kBuildGapWindow && f.change_seq <= change) recent.push_back(f.change_seq);
      if (++report.operations % 1'000'000 == 0 && Clock::now() - last_log > std::chrono::seconds(1)) {
        last_log = Clock::now();
        log::info("analytics_index_loading", {{"operations", report.operations}});
      }
    });
    cursor_.reset(change);
    if (const auto running = store::running_transactions(c)) {
      // PostgreSQL: a number at or below `change` may belong to a transaction still committing.
      std::sort(recent.begin(), recent.end());
      for (const auto& range : missing_ranges(std::max<int64_t>(0, change - kBuildGapWindow), change, recent)) {
        cursor_.add_gap(range, running->next);
      }
    }
    load.finish(cursor_.complete_through());
  });
  const auto snapshot = store_.snapshot();
  report.companies = static_cast<int64_t>(snapshot->companies.size());
  report.bytes = snapshot->bytes;
  report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  log::info("analytics_index_built", {{"operations", report.operations}, {"companies", report.companies},
                                      {"seconds", report.seconds}, {"column_bytes", report.bytes},
                                      {"bytes_per_operation", report.operations ? static_cast<double>(report.bytes) / static_cast<double>(report.operations) : 0.0}});
  return report;
}

void AnalyticsService::start_following(std::chrono::milliseconds poll) {
  follower_ = std::thread([this, poll] { follow_loop(poll); });
}

void AnalyticsService::stop() {
  {
    std::lock_guard lock(wake_mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  close_streams();
  if (follower_.joinable()) follower_.join();
}

void AnalyticsService::close_streams() {
  {
    std::lock_guard lock(live_mutex_);
    streams_closing_ = true;
  }
  live_changed_.notify_all();
}

void AnalyticsService::notify() {
  {
    std::lock_guard lock(wake_mutex_);
    woken_ = true;
  }
  wake_.notify_one();
}

void AnalyticsService::follow_loop(std::chrono::milliseconds poll) {
  for (;;) {
    {
      std::unique_lock lock(wake_mutex_);
      wake_.wait_for(lock, poll, [&] { return woken_ || stopping_; });
      if (stopping_) return;
      woken_ = false;
    }
    try {
      catch_up();
    } catch (const std::exception& e) {
      log::error("analytics_follow_failed", {{"error", e.what()}});
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    // Batch the changes of busy moments: at most about 200 snapshots a second.
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void AnalyticsService::catch_up() {
  std::lock_guard lock(follow_mutex_);
  database_.read([&](db::Connection& c) {
    sync_companies(c);
    while (apply_changes(c) == kFollowBatch) {
    }
  });
}

void AnalyticsService::sync_companies(db::Connection& c) {
  for (const auto& company : store::companies(c)) {
    auto& state = companies_[company.id];
    if (state.reporting_currency == company.reporting_currency && state.fx_revision == company.fx_revision) continue;
    store_.set_fx(company.id, std::make_shared<const FxTable>(company.reporting_currency, store::fx_rates(c, company.id)));
    state = {company.reporting_currency, company.fx_revision};
  }
}

int64_t AnalyticsService::apply_changes(db::Connection& c) {
  auto facts = store::changes_after(c, cursor_.high(), kFollowBatch);
  const auto read = static_cast<int64_t>(facts.size());
  // Taken after the read: every transaction that could still commit a number it skipped has an id below `next`.
  const auto running = store::running_transactions(c);
  if (running) {
    // Gaps whose transactions have all ended: read once more (what committed late comes first,
    // so that a row read twice keeps its newer state).
    std::vector<OperationFact> late;
    for (const auto& range : cursor_.take_settled(running->oldest)) {
      auto found = store::changes_between(c, range.first, range.last);
      late.insert(late.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    if (!late.empty()) {
      late.insert(late.end(), std::make_move_iterator(facts.begin()), std::make_move_iterator(facts.end()));
      facts = std::move(late);
    }
  }
  if (read > 0) {
    std::vector<int64_t> numbers;
    numbers.reserve(static_cast<size_t>(read));
    for (auto it = facts.end() - read; it != facts.end(); ++it) numbers.push_back(it->change_seq);
    cursor_.advance(numbers, running ? std::optional<int64_t>(running->next) : std::nullopt);
  }
  const int64_t last = cursor_.complete_through();  // what the snapshot is "as of": nothing up to it is missing
  if (facts.empty()) {
    if (last > store_.snapshot()->as_of_change) store_.apply({}, last);  // gaps settled with nothing in them
    return 0;
  }
  // A company new since the last sync: give it its rates before its rows.
  for (const auto& f : facts) {
    if (!companies_.contains(f.company_id)) {
      sync_companies(c);
      break;
    }
  }
  store_.apply(facts, last);
  {
    std::lock_guard lock(live_mutex_);
    for (const auto& f : facts) {
      auto& events = live_[f.company_id];
      events.push_back({f, f.change_seq, ++live_position_});
      if (events.size() > kLiveKept) events.pop_front();
    }
  }
  live_changed_.notify_all();
  return read;
}

Result<TimeZone> AnalyticsService::zone(const std::string& name) {
  std::lock_guard lock(zones_mutex_);
  if (const auto it = zones_.find(name); it != zones_.end()) return it->second;
  auto loaded = TimeZone::load(name);
  if (loaded) zones_.emplace(name, *loaded);
  return loaded;
}

Result<boost::json::object> AnalyticsService::query(const Principal& principal, const QueryParams& params) {
  static const std::set<std::string, std::less<>> kKnown = {
      "metrics", "group_by", "from", "to", "compare", "currency", "time_zone", "limit", "project",
      "type", "status", "method", "country", "card_brand", "decline_code"};
  std::vector<FieldError> errors;
  std::map<std::string, std::string, std::less<>> p;
  for (const auto& [name, value] : params) {
    if (!kKnown.contains(name)) errors.push_back({name, "unknown parameter"});
    else if (p.contains(name)) errors.push_back({name, "given more than once"});
    else p[name] = value;
  }
  const auto get = [&](std::string_view name) -> std::optional<std::string> {
    const auto it = p.find(name);
    if (it == p.end()) return std::nullopt;
    return it->second;
  };

  QuerySpec spec;
  for (const auto& m : split(get("metrics").value_or("count,amount"))) {
    const auto metric = metric_from(m);
    if (!metric) errors.push_back({"metrics", "unknown metric " + m});
    else if (std::find(spec.metrics.begin(), spec.metrics.end(), *metric) != spec.metrics.end()) errors.push_back({"metrics", m + " twice"});
    else spec.metrics.push_back(*metric);
  }
  if (spec.metrics.empty() && errors.empty()) errors.push_back({"metrics", "name at least one metric"});
  for (const auto& g : split(get("group_by").value_or(""))) {
    const auto d = dimension_from(g);
    if (!d) errors.push_back({"group_by", "unknown dimension " + g});
    else if (std::find(spec.group_by.begin(), spec.group_by.end(), *d) != spec.group_by.end()) errors.push_back({"group_by", g + " twice"});
    else spec.group_by.push_back(*d);
  }
  if (spec.group_by.size() > 2) errors.push_back({"group_by", "at most two dimensions"});
  if (std::count_if(spec.group_by.begin(), spec.group_by.end(), is_time) > 1) errors.push_back({"group_by", "at most one time dimension"});

  for (const std::string_view name : {"type", "status", "method", "country", "card_brand", "decline_code"}) {
    const auto value = get(name);
    if (!value) continue;
    auto values = split(*value);
    for (const auto& v : values) {
      if (name == "type" && !payments::operation_type_from(v)) errors.push_back({"type", "unknown operation type " + v});
      if (name == "status" && !payments::operation_status_from(v)) errors.push_back({"status", "unknown operation status " + v});
    }
    if (values.empty()) errors.push_back({std::string(name), "name at least one value"});
    spec.filters[*dimension_from(name)] = std::move(values);
  }
  for (const auto& v : split(get("currency").value_or(""))) {
    if (v == "reporting") spec.original_currency = false;
    else if (v == "original") spec.original_currency = true;
    else if (Currency::from_code(v)) spec.filters[Dimension::currency].push_back(v);
    else errors.push_back({"currency", "reporting, original or ISO 4217 codes; not " + v});
  }
  const auto compare = get("compare");
  if (compare && *compare != "previous_period") errors.push_back({"compare", "only previous_period"});
  if (const auto limit = get("limit")) {
    size_t n = 0;
    const auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
    if (ec != std::errc() || end != limit->data() + limit->size() || n < 1 || n > 10'000) errors.push_back({"limit", "1..10000"});
    else spec.limit = n;
  }

  const auto asked = get("project");
  auto projects = visible_projects(principal, asked, errors);
  if (!projects) return projects.error();
  if (asked && *projects && (*projects)->empty() && errors.empty()) errors.push_back({"project", "name at least one project"});
  spec.projects = std::move(*projects);

  const auto company = database_.read([&](db::Connection& c) { return store::company(c, principal.company_id); });
  if (!company) return Error::make(ErrorCode::not_found, "not-found", "no such company");
  auto zone_result = zone(get("time_zone").value_or(company->time_zone));
  if (!zone_result) {
    errors.push_back({"time_zone", zone_result.error().detail});
  } else {
    spec.zone = *zone_result;
  }
  std::optional<int64_t> from, to;
  for (const auto& [name, slot] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    if (const auto v = get(name)) {
      *slot = parse_time(*v, spec.zone);
      if (!*slot) errors.push_back({name, "a date (2026-03-01), a local time (2026-03-01T10:00) or an instant with Z or an offset"});
    }
  }
  if (!errors.empty()) return Error::invalid("bad-query", "some parameters are malformed", errors);
  const int64_t today = spec.zone.local_days(clock_.now_ms());
  spec.to_ms = to.value_or(spec.zone.utc_ms_of_local((today + 1) * 86400));
  spec.from_ms = from.value_or(spec.zone.utc_ms_of_local((spec.zone.local_days(spec.to_ms - 1) + 1 - kDefaultDays) * 86400));
  if (spec.from_ms >= spec.to_ms) return Error::invalid("bad-query", "from must be before to", {{"from", "must be before to"}});
  if (spec.to_ms - spec.from_ms > kRangeDaysMax * 86'400'000) {
    return Error::invalid("bad-query", "the range may span at most 10 years", {{"from", "at most 10 years before to"}});
  }

  const auto snapshot = store_.snapshot();
  static const CompanyColumns kEmpty;
  const auto found = snapshot->companies.find(principal.company_id);
  const CompanyColumns& columns = found == snapshot->companies.end() ? kEmpty : *found->second;

  const auto period_json = [&](const QueryResult& r, int64_t from_ms, int64_t to_ms) {
    const auto row_json = [&](const ResultRow& row, bool with_dims) {
      boost::json::object o;
      size_t i = 0;
      if (with_dims) {
        for (const Dimension d : spec.group_by) {
          const auto& v = row.dims[i++];
          o[to_string(d)] = v ? boost::json::value(*v) : boost::json::value(nullptr);
          if (is_time(d) && row.bucket) {
            o["start"] = spec.zone.iso_text(r.buckets[*row.bucket].start_ms);
            o["end"] = spec.zone.iso_text(r.buckets[*row.bucket].end_ms);
          }
        }
      }
      if (spec.original_currency && i < row.dims.size()) {
        o["currency"] = row.dims[i] ? boost::json::value(*row.dims[i]) : boost::json::value(nullptr);
      } else if (spec.original_currency && !with_dims && !row.dims.empty()) {
        o["currency"] = row.dims[0] ? boost::json::value(*row.dims[0]) : boost::json::value(nullptr);
      }
      for (const Metric m : spec.metrics) o[to_string(m)] = metric_json(m, row.m);
      return o;
    };
    boost::json::array rows, totals;
    for (const auto& row : r.rows) rows.push_back(row_json(row, true));
    for (const auto& row : r.totals) totals.push_back(row_json(row, false));
    return boost::json::object{{"from", spec.zone.iso_text(from_ms)}, {"to", spec.zone.iso_text(to_ms)},
                               {"rows", std::move(rows)}, {"totals", std::move(totals)}};
  };

  auto current = run_query(columns, store_.dictionaries(), spec, pool_);
  if (!current) return current.error();
  boost::json::object out = period_json(*current, spec.from_ms, spec.to_ms);
  boost::json::array metrics, group_by, warnings;
  for (const Metric m : spec.metrics) metrics.emplace_back(to_string(m));
  for (const Dimension d : spec.group_by) group_by.emplace_back(to_string(d));
  for (const auto& c : current->currencies_without_rate) {
    warnings.emplace_back("no FX rate for " + c + ": its amounts count as 0 in " + (columns.fx ? columns.fx->reporting_currency() : std::string("the reporting currency")));
  }
  out["metrics"] = std::move(metrics);
  out["group_by"] = std::move(group_by);
  out["time_zone"] = spec.zone.name();
  out["currency"] = spec.original_currency ? boost::json::value(nullptr)
                                            : boost::json::value(columns.fx ? columns.fx->reporting_currency() : company->reporting_currency);
  out["has_more"] = current->has_more;
  out["as_of_change"] = snapshot->as_of_change;
  out["rows_scanned"] = current->rows_scanned;

  if (compare) {
    QuerySpec previous = spec;
    if (local_midnight(spec.from_ms, spec.zone) && local_midnight(spec.to_ms, spec.zone)) {
      const int64_t days = spec.zone.local_days(spec.to_ms) - spec.zone.local_days(spec.from_ms);
      previous.from_ms = spec.zone.utc_ms_of_local((spec.zone.local_days(spec.from_ms) - days) * 86400);
    } else {
      previous.from_ms = spec.from_ms - (spec.to_ms - spec.from_ms);
    }
    previous.to_ms = spec.from_ms;
    auto before = run_query(columns, store_.dictionaries(), previous, pool_);
    if (!before) return before.error();
    out["previous"] = period_json(*before, previous.from_ms, previous.to_ms);
    for (const auto& c : before->currencies_without_rate) {
      const std::string w = "no FX rate for " + c;
      if (std::none_of(warnings.begin(), warnings.end(), [&](const auto& v) { return std::string_view(v.as_string()).starts_with(w); })) {
        warnings.emplace_back(w + ": its amounts count as 0");
      }
    }
  }
  out["warnings"] = std::move(warnings);
  return out;
}

Result<std::optional<std::set<uint64_t>>> AnalyticsService::visible_projects(const Principal& principal,
                                                                            const std::optional<std::string>& asked,
                                                                            std::vector<FieldError>& errors) const {
  // The caller's analytics.read projects, narrowed to the asked ones; asking for another is forbidden.
  const auto readable = readable_projects(principal);
  if (!asked) return readable;
  std::set<uint64_t> ids;
  for (const auto& text : split(*asked)) {
    if (const auto id = ProjectId::parse(text)) ids.insert(id->value());
    else errors.push_back({"project", "not a project id: " + text});
  }
  for (const uint64_t id : ids) {
    if (!project_visible(readable, id)) {
      return Error::make(ErrorCode::forbidden, "forbidden", "you lack analytics.read on project " + ProjectId(id).to_string());
    }
  }
  return std::optional<std::set<uint64_t>>(std::move(ids));
}

std::vector<LiveEvent> AnalyticsService::backlog(uint64_t company_id, const std::optional<std::set<uint64_t>>& projects, size_t count) {
  if (count == 0) return {};
  auto facts = database_.read([&](db::Connection& c) {
    return store::latest_operations(c, company_id, projects, static_cast<int64_t>(count));
  });
  std::vector<LiveEvent> out;
  for (auto it = facts.rbegin(); it != facts.rend(); ++it) out.push_back({*it, it->change_seq});
  return out;
}

int64_t AnalyticsService::live_position() const {
  std::lock_guard lock(live_mutex_);
  return live_position_;
}

std::vector<LiveEvent> AnalyticsService::wait_events(uint64_t company_id, const std::optional<std::set<uint64_t>>& projects,
                                                     int64_t& after_position, std::chrono::milliseconds wait) {
  std::unique_lock lock(live_mutex_);
  live_changed_.wait_for(lock, wait, [&] { return live_position_ > after_position || stopping(); });
  std::vector<LiveEvent> out;
  if (const auto it = live_.find(company_id); it != live_.end()) {
    for (const auto& e : it->second) {
      if (e.position > after_position && project_visible(projects, e.fact.project_id)) out.push_back(e);
    }
  }
  after_position = std::max(after_position, live_position_);
  return out;
}

bool AnalyticsService::try_open_stream(size_t max) {
  std::lock_guard lock(live_mutex_);
  if (streams_ >= max) return false;
  ++streams_;
  return true;
}

void AnalyticsService::close_stream() {
  std::lock_guard lock(live_mutex_);
  --streams_;
}

VerifyReport AnalyticsService::verify() {
  VerifyReport report;
  for (int attempt = 0; attempt < 5; ++attempt) {
    report = {};
    catch_up();
    using Key = std::tuple<uint64_t, uint64_t, int64_t, std::string, std::string, std::string, std::string, std::string, std::string, std::string>;
    std::map<Key, std::array<int64_t, 3>> index, sql;
    const auto snapshot = store_.snapshot();
    const auto& d = store_.dictionaries();
    std::vector<std::string> conversion_errors;
    for (const auto& [company_id, company] : snapshot->companies) {
      for (const auto& segment : company->segments) {
        for (size_t r = 0; r < segment->size(); ++r) {
          const CodedRow row = segment->row(r);
          const Key key{company_id, company->projects[row.project],
                        IdGenerator::timestamp_ms_of(row.id) / kDayMs,
                        std::string(payments::to_string(static_cast<payments::OperationType>(row.kind >> 2))),
                        std::string(payments::to_string(static_cast<payments::OperationStatus>(row.kind & 3))),
                        d.method.value(row.method), d.currency.value(row.currency), d.country.value(row.country),
                        d.card_brand.value(row.card_brand), d.decline_code.value(row.decline_code)};
          auto& cell = index[key];
          cell[0] += 1;
          cell[1] += row.amount;
          cell[2] += row.fee;
          ++report.operations;
          if (company->fx && conversion_errors.size() < 10) {
            const int64_t day = IdGenerator::timestamp_ms_of(row.id) / kDayMs;
            const auto expected = company->fx->to_reporting(row.amount, std::get<6>(key), day).value_or(0);
            if (expected != row.amount_rep) {
              conversion_errors.push_back("operation " + OperationId(row.id).to_string() + ": reporting amount " +
                                          std::to_string(row.amount_rep) + ", expected " + std::to_string(expected));
            }
          }
        }
      }
    }
    const int64_t before = snapshot->as_of_change;
    int64_t after = 0;
    database_.read([&](db::Connection& c) {
      store::each_aggregate(c, [&](const store::AggregateRow& a) {
        sql[Key{a.company_id, a.project_id, a.day, a.type, a.status, a.method, a.currency, a.country, a.card_brand, a.decline_code}] =
            {a.count, a.amount, a.fee};
      });
      after = store::last_change(c);
    });
    if (after != before) continue;  // changes arrived meanwhile: compare again
    report.groups = static_cast<int64_t>(sql.size());
    const auto describe = [](const Key& k) {
      return CompanyId(std::get<0>(k)).to_string() + " " + ProjectId(std::get<1>(k)).to_string() + " " +
             date_text(civil_from_days(std::get<2>(k))) + " " + std::get<3>(k) + "/" + std::get<4>(k) + " " + std::get<5>(k) +
             " " + std::get<6>(k) + " " + std::get<7>(k) + " " + std::get<8>(k) + " " + std::get<9>(k);
    };
    for (const auto& [key, v] : sql) {
      const auto it = index.find(key);
      const std::array<int64_t, 3> have = it == index.end() ? std::array<int64_t, 3>{0, 0, 0} : it->second;
      if (have != v) {
        report.differences.push_back(describe(key) + ": SQL count " + std::to_string(v[0]) + " amount " + std::to_string(v[1]) +
                                     " fee " + std::to_string(v[2]) + ", index count " + std::to_string(have[0]) + " amount " +
                                     std::to_string(have[1]) + " fee " + std::to_string(have[2]));
      }
    }
    for (const auto& [key, v] : index) {
      if (!sql.contains(key)) report.differences.push_back(describe(key) + ": in the index (count " + std::to_string(v[0]) + ") but not in SQL");
    }
    for (auto& e : conversion_errors) report.differences.push_back(std::move(e));
    return report;
  }
  report.differences.push_back("operations kept changing during five attempts; try again when the system is quieter");
  return report;
}

Result<boost::json::object> AnalyticsService::list_fx(const Principal& principal, const QueryParams& params) {
  std::vector<FieldError> errors;
  std::vector<std::string> currencies;
  std::optional<int64_t> from, to;
  for (const auto& [name, value] : params) {
    if (name == "currency") {
      currencies = split(value);
      for (const auto& c : currencies) if (!Currency::from_code(c)) errors.push_back({"currency", "unknown currency " + c});
    } else if (name == "from" || name == "to") {
      const auto date = parse_date(value);
      if (!date) errors.push_back({name, "a date YYYY-MM-DD"});
      else (name == "from" ? from : to) = days_from_civil(*date);
    } else {
      errors.push_back({name, "unknown parameter"});
    }
  }
  if (!errors.empty()) return Error::invalid("bad-query", "some parameters are malformed", errors);
  return database_.read([&](db::Connection& c) -> Result<boost::json::object> {
    const auto company = store::company(c, principal.company_id);
    if (!company) return Error::make(ErrorCode::not_found, "not-found", "no such company");
    boost::json::array data;
    for (const auto& r : store::fx_rates(c, principal.company_id, currencies, from, to, 5000)) {
      data.push_back(boost::json::object{{"day", date_text(civil_from_days(r.day))}, {"currency", r.currency},
                                         {"rate", rate_text(r.rate_e9)}, {"reporting_currency", company->reporting_currency}});
    }
    return boost::json::object{{"data", std::move(data)}, {"reporting_currency", company->reporting_currency}};
  });
}

Result<int64_t> AnalyticsService::store_rates(uint64_t company_id, const audit::Actor& actor, const std::vector<FxRate>& rates,
                                              std::string_view what) {
  const auto result = database_.write([&](db::Connection& c) -> Result<int64_t> {
    const int64_t now = clock_.now_ms();
    boost::json::array days;
    for (const auto& r : rates) store::upsert_fx_rate(c, company_id, r, now);
    store::bump_fx_revision(c, company_id);
    boost::json::object after{{"rates", static_cast<int64_t>(rates.size())}};
    if (rates.size() == 1) {
      after["day"] = date_text(civil_from_days(rates[0].day));
      after["currency"] = rates[0].currency;
      after["rate"] = rate_text(rates[0].rate_e9);
    }
    audit_.record(c, {company_id, actor, std::string(what), "fx_rates", "", nullptr, std::move(after)});
    return static_cast<int64_t>(rates.size());
  });
  if (result) notify();
  return result;
}

Result<boost::json::object> AnalyticsService::put_fx(const Principal& principal, const std::string& day, const std::string& currency,
                                                     const std::string& rate) {
  const auto company = database_.read([&](db::Connection& c) { return store::company(c, principal.company_id); });
  if (!company) return Error::make(ErrorCode::not_found, "not-found", "no such company");
  std::vector<FieldError> errors;
  const auto date = parse_date(day);
  if (!date) errors.push_back({"day", "a date YYYY-MM-DD"});
  if (!Currency::from_code(currency)) errors.push_back({"currency", "unknown currency " + currency});
  else if (currency == company->reporting_currency) errors.push_back({"currency", currency + " is the reporting currency"});
  const auto value = parse_rate(rate);
  if (!value) errors.push_back({"/rate", "a positive decimal with at most 9 decimals, as a string"});
  if (!errors.empty()) return Error::invalid("invalid-fx-rate", "the rate is not valid", errors);
  const FxRate r{days_from_civil(*date), currency, *value};
  auto stored = store_rates(principal.company_id, audit::Actor::of(principal), {r}, "fx_rate.set");
  if (!stored) return stored.error();
  return boost::json::object{{"day", date_text(*date)}, {"currency", currency}, {"rate", rate_text(*value)},
                             {"reporting_currency", company->reporting_currency}};
}

Result<int64_t> AnalyticsService::import_fx(const Principal& principal, std::string_view csv) {
  const auto company = database_.read([&](db::Connection& c) { return store::company(c, principal.company_id); });
  if (!company) return Error::make(ErrorCode::not_found, "not-found", "no such company");
  auto rates = parse_fx_csv(csv, company->reporting_currency, kImportLinesMax);
  if (!rates) return rates.error();
  return store_rates(principal.company_id, audit::Actor::of(principal), *rates, "fx_rates.imported");
}

Result<int64_t> AnalyticsService::import_fx_for(const std::string& company_name, std::string_view csv) {
  const auto company = database_.read([&](db::Connection& c) { return store::company_by_name(c, company_name); });
  if (!company) return Error::make(ErrorCode::not_found, "not-found", "no company named " + company_name);
  auto rates = parse_fx_csv(csv, company->reporting_currency, kImportLinesMax);
  if (!rates) return rates.error();
  return store_rates(company->id, audit::Actor::system("kassa fx import"), *rates, "fx_rates.imported");
}

void AnalyticsService::seed_demo_rates(uint64_t company_id, int64_t first_day, int64_t last_day) {
  const auto company = database_.read([&](db::Connection& c) { return store::company(c, company_id); });
  if (!company) return;
  // Around real levels in EUR per unit, with a slow random walk per currency.
  const std::vector<std::pair<std::string, double>> levels = {
      {"EUR", 1.0}, {"USD", 0.92}, {"GBP", 1.17}, {"PLN", 0.232}, {"SEK", 0.087}, {"CHF", 1.04}, {"JPY", 0.0062}};
  double reporting_level = 1.0;
  for (const auto& [code, level] : levels) if (code == company->reporting_currency) reporting_level = level;
  std::mt19937_64 rng(company_id);
  std::normal_distribution<double> step(0, 0.003);
  std::vector<FxRate> rates;
  for (const auto& [code, level] : levels) {
    if (code == company->reporting_currency) continue;
    double walk = 1.0;
    for (int64_t day = first_day; day <= last_day; ++day) {
      walk *= 1.0 + step(rng);
      const double rate = level * walk / reporting_level;
      rates.push_back({day, code, std::max<int64_t>(1, std::llround(rate * 10'000) * (kRateScale / 10'000))});
    }
  }
  if (const auto stored = store_rates(company_id, audit::Actor::system("seed"), rates, "fx_rates.imported"); !stored) {
    log::error("fx_seed_failed", {{"error", stored.error().detail}});
  }
}

}  // namespace kassa::analytics
