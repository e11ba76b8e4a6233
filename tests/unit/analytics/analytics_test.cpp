// The analytics index without a server: time zones and buckets (with
// daylight-saving days), FX conversion, the column store's snapshots, and the
// query engine against a plain loop over the same operations.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "analytics/column_store.hpp"
#include "analytics/fx.hpp"
#include "analytics/query_engine.hpp"
#include "analytics/time_zone.hpp"
#include "common/id.hpp"
#include "common/ids.hpp"
#include "common/time_text.hpp"
#include "payments/payment.hpp"

namespace kassa::analytics {
namespace {

int64_t at(const char* iso) { return *ms_from_iso(iso); }

TEST(TimeZone, OffsetsAndTheInstantOfALocalTime) {
  const auto berlin = *TimeZone::load("Europe/Berlin");
  EXPECT_EQ(berlin.offset_at(at("2026-03-29T00:59:59Z")), 3600);
  EXPECT_EQ(berlin.offset_at(at("2026-03-29T01:00:00Z")), 7200);
  EXPECT_EQ(berlin.offset_at(at("2026-10-25T01:00:00Z")), 3600);
  const int64_t march29 = days_from_civil({2026, 3, 29}) * 86400;
  EXPECT_EQ(berlin.utc_ms_of_local(march29), at("2026-03-28T23:00:00Z"));
  // 02:30 never happened that night: the clock went from 02:00 to 03:00.
  EXPECT_EQ(berlin.utc_ms_of_local(march29 + 2 * 3600 + 1800), at("2026-03-29T01:00:00Z"));
  // 02:30 happened twice on 25 October: the first one.
  EXPECT_EQ(berlin.utc_ms_of_local(days_from_civil({2026, 10, 25}) * 86400 + 2 * 3600 + 1800), at("2026-10-25T00:30:00Z"));
  EXPECT_EQ(berlin.iso_text(at("2026-07-01T12:00:00Z")), "2026-07-01T14:00:00+02:00");
  EXPECT_EQ(TimeZone::load("America/St_Johns")->iso_text(at("2026-01-01T12:00:00Z")), "2026-01-01T08:30:00-03:30");
  EXPECT_EQ(TimeZone::utc().iso_text(0), "1970-01-01T00:00:00+00:00");
  EXPECT_FALSE(TimeZone::load("Mars/Olympus_Mons"));
  EXPECT_FALSE(TimeZone::load("../../etc/passwd"));
  EXPECT_FALSE(TimeZone::load(""));
}

TEST(TimeZone, CalendarArithmetic) {
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
  const CivilDate leap = civil_from_days(days_from_civil({2028, 2, 29}));
  EXPECT_EQ(leap.month, 2u);
  EXPECT_EQ(leap.day, 29u);
  EXPECT_EQ(weekday_from_days(days_from_civil({2026, 11, 26})), 3);  // a Thursday
  EXPECT_TRUE(parse_date("2028-02-29"));
  EXPECT_FALSE(parse_date("2026-02-29"));
  EXPECT_FALSE(parse_date("2026-13-01"));
  EXPECT_FALSE(parse_date("2026-1-01"));
}

TEST(Buckets, DaysWeeksMonthsAndHoursFollowTheLocalClock) {
  const auto berlin = *TimeZone::load("Europe/Berlin");
  const auto days = *make_buckets(berlin, Dimension::day, at("2026-03-28T23:00:00Z"), at("2026-03-30T22:00:00Z"), 100);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].label, "2026-03-29");
  EXPECT_EQ(days[0].end_ms - days[0].start_ms, 23 * 3'600'000);
  const auto autumn = *make_buckets(berlin, Dimension::day, at("2026-10-24T22:00:00Z"), at("2026-10-25T23:00:00Z"), 100);
  ASSERT_EQ(autumn.size(), 1u);
  EXPECT_EQ(autumn[0].end_ms - autumn[0].start_ms, 25 * 3'600'000);
  // The autumn night's hour from 02:00 comes twice, with two offsets.
  const auto hours = *make_buckets(berlin, Dimension::hour, at("2026-10-24T23:00:00Z"), at("2026-10-25T03:00:00Z"), 100);
  ASSERT_EQ(hours.size(), 4u);
  EXPECT_EQ(hours[1].label, "2026-10-25T02:00:00+02:00");
  EXPECT_EQ(hours[2].label, "2026-10-25T02:00:00+01:00");
  // Weeks start on Monday; a range starting mid-week is clipped.
  const auto weeks = *make_buckets(berlin, Dimension::week, at("2026-11-26T10:00:00Z"), at("2026-12-08T00:00:00Z"), 100);
  ASSERT_EQ(weeks.size(), 3u);
  EXPECT_EQ(weeks[0].label, "2026-11-23");
  EXPECT_EQ(weeks[0].start_ms, at("2026-11-26T10:00:00Z"));
  EXPECT_EQ(weeks[1].start_ms, at("2026-11-29T23:00:00Z"));
  const auto months = *make_buckets(berlin, Dimension::month, at("2026-01-15T00:00:00Z"), at("2027-01-01T00:00:00Z"), 100);
  ASSERT_EQ(months.size(), 13u);  // the last is the hour of 2027-01-01 before midnight UTC
  EXPECT_EQ(months[0].label, "2026-01");
  EXPECT_EQ(months[12].label, "2027-01");
  EXPECT_FALSE(make_buckets(berlin, Dimension::hour, at("2020-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z"), 10'000));
}

TEST(Fx, RatesParseExactlyAndConvertHalfAwayFromZero) {
  EXPECT_EQ(parse_rate("0.9241"), 924'100'000);
  EXPECT_EQ(parse_rate("163"), 163'000'000'000);
  EXPECT_EQ(rate_text(924'100'000), "0.9241");
  EXPECT_EQ(rate_text(163'000'000'000), "163.0");
  for (const char* bad : {"", "0", "0.0", "-1", "1.", ".5", "1.0000000001", "1e3", "abc", "1234567890"}) EXPECT_FALSE(parse_rate(bad)) << bad;
  // 1,000 JPY at 0.0062 EUR = 6.20 EUR; 10.00 EUR at 163.456 JPY = 1,635 JPY (1,634.56 rounded).
  EXPECT_EQ(convert_minor(1000, 0, 6'200'000, 2), 620);
  EXPECT_EQ(convert_minor(1000, 2, 163'456'000'000, 0), 1635);
  EXPECT_EQ(convert_minor(5, 2, 500'000'000, 2), 3);    // 0.025 → 0.03
  EXPECT_EQ(convert_minor(-5, 2, 500'000'000, 2), -3);
  EXPECT_EQ(convert_minor(1, 2, 1'000'000'000, 3), 10);  // EUR to KWD-like 3 decimals
  const FxTable table("EUR", {{100, "USD", 900'000'000}, {103, "USD", 950'000'000}, {100, "GBP", 1'170'000'000}});
  EXPECT_EQ(table.rate("USD", 99), 900'000'000);   // before the first: the earliest
  EXPECT_EQ(table.rate("USD", 102), 900'000'000);  // carried forward over missing days
  EXPECT_EQ(table.rate("USD", 103), 950'000'000);
  EXPECT_EQ(table.rate("USD", 500), 950'000'000);
  EXPECT_FALSE(table.rate("CHF", 100));
  EXPECT_EQ(table.to_reporting(1000, "EUR", 1), 1000);
  EXPECT_EQ(table.to_reporting(1000, "USD", 103), 950);
  EXPECT_FALSE(table.to_reporting(1000, "CHF", 103));
}

TEST(Fx, CsvIsAllOrNothing) {
  const auto ok = parse_fx_csv("day,currency,rate\r\n2026-01-02,USD,0.91\r\n\"2026-01-03\",\"GBP\",\"1.17\"\r\n", "EUR", 10);
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_EQ((*ok)[1].currency, "GBP");
  const auto bad = parse_fx_csv("day,currency,rate\n2026-01-02,USD,0.91\n2026-01-02,EUR,1\nx,USD\n", "EUR", 10);
  ASSERT_FALSE(bad);
  ASSERT_EQ(bad.error().fields.size(), 2u);
  EXPECT_EQ(bad.error().fields[0].field, "line 3");
  EXPECT_FALSE(parse_fx_csv("date,ccy,rate\n", "EUR", 10));
  EXPECT_FALSE(parse_fx_csv("day,currency,rate\n2026-01-02,USD,1\n2026-01-03,USD,1\n", "EUR", 1));
}

OperationFact fact(uint64_t id, uint64_t company, uint64_t project, payments::OperationType type, payments::OperationStatus status,
                   int64_t amount, std::string currency = "EUR") {
  OperationFact f;
  f.id = id;
  f.company_id = company;
  f.project_id = project;
  f.type = static_cast<uint8_t>(type);
  f.status = static_cast<uint8_t>(status);
  f.amount = amount;
  f.currency = std::move(currency);
  f.method = "card";
  return f;
}

TEST(ColumnStore, SnapshotsStayAsTheyWereWhileChangesArrive) {
  using payments::OperationStatus;
  using payments::OperationType;
  ColumnStore store;
  std::vector<OperationFact> first;
  for (uint64_t i = 1; i <= 5000; ++i) first.push_back(fact(IdGenerator::compose(kIdEpochMs + static_cast<int64_t>(i) * 1000, 1, 0), 7, 70, OperationType::sale, OperationStatus::success, 100));
  ColumnStore::BulkLoad load(store, {});
  for (const auto& f : first) load.add(f);
  load.finish(5000);
  const auto before = store.snapshot();
  EXPECT_EQ(before->rows, 5000);

  // A change to an old row, a row older than all, and new rows: in one batch.
  std::vector<OperationFact> batch;
  batch.push_back(fact(first[10].id, 7, 70, OperationType::sale, OperationStatus::decline, 100));
  batch.push_back(fact(IdGenerator::compose(kIdEpochMs, 1, 0), 7, 70, OperationType::auth, OperationStatus::success, 5));
  for (uint64_t i = 0; i < 3 * ColumnStore::kTailSegmentRows; ++i) {
    batch.push_back(fact(IdGenerator::compose(kIdEpochMs + 10'000'000 + static_cast<int64_t>(i), 1, 0), 7, 71, OperationType::refund, OperationStatus::success, 1));
  }
  store.apply(batch, 9000);
  const auto after = store.snapshot();
  EXPECT_EQ(after->rows, 5001 + static_cast<int64_t>(3 * ColumnStore::kTailSegmentRows));
  EXPECT_EQ(after->as_of_change, 9000);
  // The old snapshot is untouched.
  EXPECT_EQ(before->rows, 5000);
  EXPECT_EQ(before->companies.at(7)->segments[0]->kind[10], kind_of(0, 1));
  const auto& company = *after->companies.at(7);
  EXPECT_EQ(company.segments[0]->kind[0], kind_of(1, 1));   // the older row came first
  EXPECT_EQ(company.segments[0]->kind[11], kind_of(0, 2));  // the changed row
  uint64_t last = 0;
  for (const auto& s : company.segments) {
    for (const uint64_t id : s->id) {
      EXPECT_LT(last, id);
      last = id;
    }
  }
  // Many small tail segments are merged into one.
  for (int round = 0; round < 40; ++round) {
    std::vector<OperationFact> more;
    for (uint64_t i = 0; i < ColumnStore::kTailSegmentRows; ++i) {
      more.push_back(fact(IdGenerator::compose(kIdEpochMs + 20'000'000 + round * 10'000 + static_cast<int64_t>(i), 1, 0), 7, 71, OperationType::sale, OperationStatus::success, 1));
    }
    store.apply(more, 10'000 + round);
  }
  EXPECT_LT(store.snapshot()->companies.at(7)->segments.size(), 15u);
  EXPECT_EQ(store.snapshot()->rows, after->rows + 40 * static_cast<int64_t>(ColumnStore::kTailSegmentRows));

  // A backfill of history older than everything (kassa seed next to a running server): cut into bulk segments.
  std::vector<OperationFact> history;
  for (int64_t i = 0; i < 300'000; ++i) {
    history.push_back(fact(IdGenerator::compose(kIdEpochMs + 500 + i % 400, 2, static_cast<uint32_t>(i / 400)), 7, 70, OperationType::sale, OperationStatus::success, 3));
  }
  const int64_t rows_before = store.snapshot()->rows;
  store.apply(history, 20'000);
  const auto& backfilled = *store.snapshot()->companies.at(7);
  EXPECT_EQ(store.snapshot()->rows, rows_before + 300'000);
  last = 0;
  for (const auto& s : backfilled.segments) {
    EXPECT_LE(s->size(), 2 * ColumnStore::kBulkSegmentRows);
    for (const uint64_t id : s->id) {
      ASSERT_LT(last, id);
      last = id;
    }
  }
}

// The engine against a plain loop over the same operations: every metric, every
// grouping, filters, a caller restricted to some projects, both currency modes.
class EngineVersusLoop : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::mt19937_64 rng(42);
    const std::vector<std::string> currencies = {"EUR", "USD", "GBP", "JPY", "CHF"};  // CHF: no rate
    const std::vector<std::string> methods = {"card", "apple_pay", "google_pay", "sepa"};
    const std::vector<std::string> countries = {"DE", "FR", "US", "", "PL", "SE"};
    const std::vector<std::string> brands = {"visa", "mastercard", "", "amex"};
    const std::vector<std::string> declines = {"", "05", "51", "54"};
    const int64_t start = at("2026-03-20T00:00:00Z");
    facts = new std::vector<OperationFact>();
    std::map<int64_t, uint32_t> sequence;
    for (int i = 0; i < 220'000; ++i) {
      const int64_t ms = start + static_cast<int64_t>(rng() % (20ull * 86'400'000));
      OperationFact f = fact(IdGenerator::compose(ms, 3, sequence[ms]++), rng() % 10 == 0 ? 2 : 1, 100 + rng() % 3,
                             static_cast<payments::OperationType>(rng() % 7), static_cast<payments::OperationStatus>(rng() % 4),
                             static_cast<int64_t>(rng() % 100'000), currencies[rng() % currencies.size()]);
      f.fee = static_cast<int64_t>(rng() % 300);
      f.method = methods[rng() % methods.size()];
      f.country = countries[rng() % countries.size()];
      f.card_brand = brands[rng() % brands.size()];
      f.decline_code = declines[rng() % declines.size()];
      facts->push_back(std::move(f));
    }
    std::vector<FxRate> rates;
    for (int64_t day = start / kDayMs - 3; day < start / kDayMs + 25; day += 2) {
      rates.push_back({day, "USD", 900'000'000 + day % 7 * 1'000'000});
      rates.push_back({day, "GBP", 1'170'000'000});
      rates.push_back({day, "JPY", 6'123'456});
    }
    fx = new FxTable("EUR", rates);
    store = new ColumnStore();
    // Half loaded in bulk, the rest applied in batches in shuffled order, some twice (changes).
    ColumnStore::BulkLoad load(*store, {{1, std::make_shared<const FxTable>(*fx)}, {2, std::make_shared<const FxTable>(*fx)}});
    for (size_t i = 0; i < facts->size() / 2; ++i) load.add((*facts)[i]);
    load.finish(1);
    std::vector<OperationFact> rest(facts->begin() + static_cast<std::ptrdiff_t>(facts->size() / 2), facts->end());
    std::shuffle(rest.begin(), rest.end(), rng);  // batches land anywhere in the history
    for (size_t i = 0; i < rest.size(); i += 7000) {
      std::vector<OperationFact> batch(rest.begin() + static_cast<std::ptrdiff_t>(i), rest.begin() + static_cast<std::ptrdiff_t>(std::min(rest.size(), i + 7000)));
      store->apply(batch, 2);
    }
    // A status change to rows applied already: the index keeps the last.
    std::vector<OperationFact> changed;
    for (size_t i = 0; i < facts->size(); i += 97) {
      (*facts)[i].status = static_cast<uint8_t>(payments::OperationStatus::success);
      changed.push_back((*facts)[i]);
    }
    store->apply(changed, 3);
    pool = new ScanPool(3);
  }
  static void TearDownTestSuite() {
    delete pool;
    delete store;
    delete fx;
    delete facts;
  }

  static std::string value_of(const OperationFact& f, Dimension d) {
    switch (d) {
      case Dimension::project: return ProjectId(f.project_id).to_string();
      case Dimension::type: return std::string(payments::to_string(static_cast<payments::OperationType>(f.type)));
      case Dimension::status: return std::string(payments::to_string(static_cast<payments::OperationStatus>(f.status)));
      case Dimension::method: return f.method;
      case Dimension::country: return f.country;
      case Dimension::currency: return f.currency;
      case Dimension::card_brand: return f.card_brand;
      case Dimension::decline_code: return f.decline_code;
      default: return "";
    }
  }

  static void check(const QuerySpec& spec, uint64_t company = 1) {
    const auto snapshot = store->snapshot();
    const auto result = run_query(*snapshot->companies.at(company), store->dictionaries(), spec, *pool);
    ASSERT_TRUE(result) << result.error().detail;
    // The loop: every operation, every filter, its group.
    std::map<std::vector<std::optional<std::string>>, Measures> expected;
    const std::vector<Bucket>& buckets = result->buckets;
    for (const auto& f : *facts) {
      if (f.company_id != company) continue;
      const int64_t ms = IdGenerator::timestamp_ms_of(f.id);
      if (ms < spec.from_ms || ms >= spec.to_ms) continue;
      if (spec.projects && !spec.projects->contains(f.project_id)) continue;
      bool pass = true;
      for (const auto& [d, values] : spec.filters) {
        std::string v = value_of(f, d);
        if (v.empty()) v = "none";
        pass = pass && std::find(values.begin(), values.end(), v) != values.end();
      }
      if (!pass) continue;
      std::vector<std::optional<std::string>> key;
      for (const Dimension d : spec.group_by) {
        if (is_time(d)) {
          const auto b = std::find_if(buckets.begin(), buckets.end(), [&](const Bucket& x) { return ms >= x.start_ms && ms < x.end_ms; });
          ASSERT_NE(b, buckets.end());
          key.emplace_back(b->label);
        } else {
          const std::string v = value_of(f, d);
          key.push_back(v.empty() ? std::nullopt : std::optional<std::string>(v));
        }
      }
      const bool implicit = spec.original_currency &&
                            std::find(spec.group_by.begin(), spec.group_by.end(), Dimension::currency) == spec.group_by.end();
      if (implicit) key.emplace_back(f.currency);
      const int64_t day = ms / kDayMs;
      const int64_t amount = spec.original_currency ? f.amount : fx->to_reporting(f.amount, f.currency, day).value_or(0);
      const int64_t fee = spec.original_currency ? f.fee : fx->to_reporting(f.fee, f.currency, day).value_or(0);
      using T = payments::OperationType;
      using S = payments::OperationStatus;
      const auto type = static_cast<T>(f.type);
      const auto status = static_cast<S>(f.status);
      const bool success = status == S::success;
      const bool first = type == T::sale || type == T::auth;
      Measures m;
      m.count = 1;
      m.amount = amount;
      m.fee = fee;
      const int sign = success && (type == T::sale || type == T::capture || type == T::reversal) ? 1
                       : success && (type == T::refund || type == T::chargeback)                  ? -1
                                                                                                  : 0;
      m.net = sign * amount - fee;
      m.first_all = first;
      m.first_success = first && success;
      m.first_decline = first && status == S::decline;
      m.refunds = success && type == T::refund;
      m.chargebacks = success && type == T::chargeback;
      m.sales = success && (type == T::sale || type == T::capture);
      expected[key].add(m);
    }
    const bool only_time = spec.group_by.size() == 1 && is_time(spec.group_by[0]) && !spec.original_currency;
    size_t nonempty = 0;
    for (const auto& row : result->rows) {
      const auto it = expected.find(row.dims);
      if (it == expected.end()) {
        EXPECT_TRUE(only_time && row.m.count == 0) << "a group the loop does not have";
        continue;
      }
      ++nonempty;
      for (const Metric metric : spec.metrics) {
        const auto got = metric_value(metric, row.m);
        const auto want = metric_value(metric, it->second);
        ASSERT_EQ(got.has_value(), want.has_value()) << to_string(metric);
        if (!got) continue;
        EXPECT_EQ(got->whole, want->whole) << to_string(metric);
        EXPECT_DOUBLE_EQ(got->fraction, want->fraction) << to_string(metric);
      }
    }
    EXPECT_EQ(nonempty, expected.size());
    Measures total;
    for (const auto& [k, m] : expected) total.add(m);
    Measures got_total;
    for (const auto& t : result->totals) got_total.add(t.m);
    EXPECT_EQ(got_total.count, total.count);
    if (!spec.original_currency) {
      EXPECT_EQ(got_total.amount, total.amount);
    }
  }

  static QuerySpec spec_of(std::vector<Dimension> group_by) {
    QuerySpec spec;
    spec.metrics = {Metric::count, Metric::amount, Metric::fee, Metric::net, Metric::average_amount, Metric::conversion_rate,
                    Metric::decline_rate, Metric::refund_rate, Metric::chargeback_rate};
    spec.group_by = std::move(group_by);
    spec.from_ms = at("2026-03-22T10:00:00Z");
    spec.to_ms = at("2026-04-05T00:00:00Z");
    spec.zone = *TimeZone::load("Europe/Berlin");
    spec.limit = 100'000;
    return spec;
  }

  static inline std::vector<OperationFact>* facts = nullptr;
  static inline FxTable* fx = nullptr;
  static inline ColumnStore* store = nullptr;
  static inline ScanPool* pool = nullptr;
};

TEST_F(EngineVersusLoop, EveryGroupingWithoutFilters) {
  for (const auto d : {Dimension::hour, Dimension::day, Dimension::week, Dimension::month, Dimension::project, Dimension::type,
                       Dimension::status, Dimension::method, Dimension::country, Dimension::currency, Dimension::card_brand,
                       Dimension::decline_code}) {
    SCOPED_TRACE(std::string(to_string(d)));
    check(spec_of({d}));
  }
  check(spec_of({}));
}

TEST_F(EngineVersusLoop, PairsFiltersProjectsAndOriginalCurrencies) {
  for (const auto& pair : std::vector<std::vector<Dimension>>{{Dimension::day, Dimension::country}, {Dimension::type, Dimension::status},
                                                              {Dimension::method, Dimension::currency}, {Dimension::project, Dimension::week},
                                                              {Dimension::decline_code, Dimension::card_brand}}) {
    auto spec = spec_of(pair);
    check(spec);
    spec.filters[Dimension::type] = {"sale", "capture"};
    spec.filters[Dimension::status] = {"success"};
    check(spec);
    spec.filters.clear();
    spec.filters[Dimension::country] = {"DE", "none"};
    spec.filters[Dimension::card_brand] = {"visa"};
    spec.projects = std::set<uint64_t>{100, 102};
    check(spec);
    spec.original_currency = true;
    check(spec);
    spec.filters[Dimension::currency] = {"USD", "JPY"};
    check(spec);
  }
  auto other_company = spec_of({Dimension::day});
  check(other_company, 2);
}

TEST_F(EngineVersusLoop, ShortRangesAndEmptyRanges) {
  auto spec = spec_of({Dimension::hour});
  spec.from_ms = at("2026-03-29T00:30:00Z");
  spec.to_ms = at("2026-03-29T03:15:00Z");
  check(spec);
  spec.from_ms = at("2030-01-01T00:00:00Z");
  spec.to_ms = at("2030-01-02T00:00:00Z");
  check(spec);
  auto without_fees = spec_of({Dimension::day});  // no fee or net: the scan skips the fee column
  without_fees.metrics = {Metric::amount, Metric::count, Metric::average_amount, Metric::conversion_rate};
  check(without_fees);
  check(spec_of({Dimension::hour, Dimension::country}));  // many cells: one copy of them
  without_fees.group_by = {Dimension::country, Dimension::method};
  without_fees.filters[Dimension::type] = {"sale", "capture"};
  check(without_fees);
  auto narrow = spec_of({Dimension::country});
  narrow.filters[Dimension::decline_code] = {"no-such-code"};
  check(narrow);
}

}  // namespace
}  // namespace kassa::analytics
