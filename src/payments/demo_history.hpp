#pragma once
// Realistic payment history for demos and benchmarks: a year of payments with
// daily and weekly rhythm, several currencies, countries and methods, ~15 %
// declines with real codes, captures, refunds and chargebacks. Written in bulk,
// but through the same state machine, fee rule and ledger postings as live
// payments, so the result is indistinguishable from live traffic.
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "ledger/ledger.hpp"

namespace kassa::payments {

struct HistoryProject {
  uint64_t id;
  std::string currency;  // the project's default currency (most of its payments)
};

struct HistoryOptions {
  int64_t operations = 200'000;  // operations to create (a payment has about 1.18 on average)
  int64_t end_ms = 0;            // the history ends here (now)
  int days = 365;
  uint64_t random_seed = 20261126;
  uint32_t id_node = 0;
  int payments_per_transaction = 2'000;
};

struct HistoryReport {
  int64_t payments = 0;
  int64_t operations = 0;
  double seconds = 0;
};

HistoryReport seed_history(db::Database& database, ledger::LedgerService& ledger, uint64_t company_id,
                           const std::vector<HistoryProject>& projects, const HistoryOptions& options);

}  // namespace kassa::payments
