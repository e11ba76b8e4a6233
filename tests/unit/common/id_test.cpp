#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "common/id.hpp"

namespace kassa {
namespace {

struct PaymentTag { static constexpr std::string_view prefix = "pay"; };
struct RefundTag { static constexpr std::string_view prefix = "re"; };
using PaymentId = Id<PaymentTag>;
using RefundId = Id<RefundTag>;

static_assert(!std::is_convertible_v<PaymentId, RefundId>, "ids of different types must not mix");
static_assert(!std::is_convertible_v<uint64_t, PaymentId>, "a number is not an id without saying so");

const TimePoint kStart = TimePoint(std::chrono::milliseconds(1764000000000));  // 2025-11-24

TEST(Id, TextFormRoundTripsAndIsFixedWidth) {
  for (const uint64_t value : {uint64_t{0}, uint64_t{1}, uint64_t{0xffffffffffffffff}, uint64_t{1234567890123}}) {
    const PaymentId id(value);
    const std::string text = id.to_string();
    EXPECT_EQ(text.size(), 3u + 1u + 13u) << text;
    EXPECT_TRUE(text.starts_with("pay_"));
    EXPECT_EQ(PaymentId::parse(text), id);
  }
}

TEST(Id, ParseRefusesWrongPrefixAndMalformedText) {
  const std::string text = PaymentId(42).to_string();
  EXPECT_FALSE(RefundId::parse(text));
  EXPECT_FALSE(PaymentId::parse("pay_"));
  EXPECT_FALSE(PaymentId::parse("pay_0000000000001x"));
  EXPECT_FALSE(PaymentId::parse("pay_000000000000u"));  // 'u' is not in Crockford base32
  EXPECT_FALSE(PaymentId::parse("pay_g000000000000"));  // first digit carries 4 bits only
  EXPECT_FALSE(PaymentId::parse("pay-0000000000001"));
}

TEST(IdGenerator, IdsIncreaseAndSortAsText) {
  ManualClock clock(kStart);
  IdGenerator ids(clock, 7);
  std::string previous_text;
  uint64_t previous = 0;
  for (int i = 0; i < 10000; ++i) {
    if (i % 1000 == 0) clock.advance(std::chrono::milliseconds(1));
    const auto id = ids.next_id<PaymentTag>();
    EXPECT_GT(id.value(), previous);
    EXPECT_GT(id.to_string(), previous_text);
    previous = id.value();
    previous_text = id.to_string();
  }
}

TEST(IdGenerator, CarriesTimeAndSurvivesSequenceOverflowAndClockSteppingBack) {
  ManualClock clock(kStart);
  IdGenerator ids(clock, 1);
  const uint64_t first = ids.next();
  EXPECT_EQ(IdGenerator::timestamp_ms_of(first), clock.now_ms());
  uint64_t previous = first;
  for (int i = 0; i < 5000; ++i) {  // more than 4096 in one millisecond
    const uint64_t id = ids.next();
    ASSERT_GT(id, previous);
    previous = id;
  }
  clock.advance(std::chrono::milliseconds(-10));
  EXPECT_GT(ids.next(), previous);
}

TEST(IdGenerator, NodesNeverCollideAndThreadsGetUniqueIds) {
  ManualClock clock(kStart);
  IdGenerator a(clock, 1);
  IdGenerator b(clock, 2);
  std::set<uint64_t> seen;
  for (int i = 0; i < 1000; ++i) {
    ASSERT_TRUE(seen.insert(a.next()).second);
    ASSERT_TRUE(seen.insert(b.next()).second);
  }
  std::vector<uint64_t> results[4];
  std::vector<std::thread> threads;
  for (auto& r : results) threads.emplace_back([&] { for (int i = 0; i < 2000; ++i) r.push_back(a.next()); });
  for (auto& t : threads) t.join();
  for (auto& r : results) for (auto id : r) ASSERT_TRUE(seen.insert(id).second);
  EXPECT_THROW(IdGenerator(clock, kIdNodeMax + 1), std::invalid_argument);
}

}  // namespace
}  // namespace kassa
