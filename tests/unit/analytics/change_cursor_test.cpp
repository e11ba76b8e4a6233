#include <gtest/gtest.h>

#include "analytics/change_cursor.hpp"

namespace kassa::analytics {
namespace {

std::vector<std::pair<int64_t, int64_t>> pairs(const std::vector<ChangeRange>& ranges) {
  std::vector<std::pair<int64_t, int64_t>> out;
  for (const auto& r : ranges) out.emplace_back(r.first, r.last);
  return out;
}

TEST(MissingRanges, AreTheRunsOfNumbersNotSeen) {
  using P = std::vector<std::pair<int64_t, int64_t>>;
  EXPECT_EQ(pairs(missing_ranges(0, 5, {1, 2, 3, 4, 5})), P{});
  EXPECT_EQ(pairs(missing_ranges(0, 5, {})), (P{{1, 5}}));
  EXPECT_EQ(pairs(missing_ranges(10, 20, {11, 14, 15, 20})), (P{{12, 13}, {16, 19}}));
  EXPECT_EQ(pairs(missing_ranges(10, 20, {3, 12, 25})), (P{{11, 11}, {13, 20}}));  // outside (from, to] ignored
}

TEST(ChangeCursor, WithoutAHorizonNothingIsOwed) {
  ChangeCursor cursor;
  cursor.reset(10);
  cursor.advance({11, 15, 20}, std::nullopt);  // SQLite: 12-14 and 16-19 were superseded, not in flight
  EXPECT_EQ(cursor.high(), 20);
  EXPECT_EQ(cursor.gap_count(), 0u);
  EXPECT_EQ(cursor.complete_through(), 20);
}

TEST(ChangeCursor, SkippedNumbersWaitForTheTransactionsThatWereRunning) {
  ChangeCursor cursor;
  cursor.reset(10);
  cursor.advance({11, 14}, 500);  // 12 and 13 may be committing: transactions below id 500
  EXPECT_EQ(cursor.high(), 14);
  EXPECT_EQ(cursor.complete_through(), 11);
  cursor.advance({15, 18}, 520);  // 16-17 wait for transactions below 520
  EXPECT_EQ(cursor.complete_through(), 11);
  EXPECT_TRUE(cursor.take_settled(499).empty());  // transaction 499 still runs
  EXPECT_EQ(pairs(cursor.take_settled(500)), (std::vector<std::pair<int64_t, int64_t>>{{12, 13}}));
  EXPECT_EQ(cursor.complete_through(), 15);
  EXPECT_TRUE(cursor.take_settled(510).empty());
  EXPECT_EQ(pairs(cursor.take_settled(600)), (std::vector<std::pair<int64_t, int64_t>>{{16, 17}}));
  EXPECT_EQ(cursor.complete_through(), 18);
  EXPECT_EQ(cursor.gap_count(), 0u);
}

TEST(ChangeCursor, ABuildsGapsBelowHighAreKeptInHorizonOrder) {
  ChangeCursor cursor;
  cursor.reset(100);
  cursor.add_gap({90, 92}, 300);
  cursor.add_gap({95, 95}, 300);
  cursor.add_gap({97, 97}, 200);  // an older horizon goes first
  EXPECT_EQ(cursor.complete_through(), 89);
  EXPECT_EQ(pairs(cursor.take_settled(250)), (std::vector<std::pair<int64_t, int64_t>>{{97, 97}}));
  EXPECT_EQ(pairs(cursor.take_settled(300)), (std::vector<std::pair<int64_t, int64_t>>{{90, 92}, {95, 95}}));
  EXPECT_EQ(cursor.complete_through(), 100);
  cursor.advance({101}, 400);  // nothing skipped
  EXPECT_EQ(cursor.gap_count(), 0u);
}

}  // namespace
}  // namespace kassa::analytics
