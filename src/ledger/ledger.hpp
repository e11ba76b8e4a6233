#pragma once
// The double-entry ledger. Every balance change is a transaction whose entries
// sum to zero, written in the same database transaction as the operation that
// caused it. Only this context writes ledger rows.
//
// Sign convention: an entry's amount is positive when it increases what the
// account holds for the merchant. A captured sale of 100 with a fee of 2:
// available +98, fees +2, processor_settlement -100 (the processor owes it).
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/id.hpp"
#include "common/principal.hpp"
#include "common/result.hpp"
#include "db/database.hpp"

namespace kassa::ledger {

enum class AccountKind { available, pending, fees, refunds, chargebacks, payouts, processor_settlement };
std::string_view to_string(AccountKind kind);

struct Line {
  AccountKind account;
  int64_t amount;
};

struct Posting {
  uint64_t company_id = 0;
  uint64_t project_id = 0;
  std::string currency;
  uint64_t operation_id = 0;
  std::vector<Line> lines;
};

struct Balance {
  uint64_t project_id;
  std::string currency;
  AccountKind account;
  int64_t amount;
};

struct Entry {
  uint64_t transaction_id;
  AccountKind account;
  std::string currency;
  int64_t amount;
  int64_t created_at_ms;
};

struct VerifyReport {
  int64_t accounts_checked = 0;
  int64_t transactions_checked = 0;
  std::vector<std::string> problems;
};

class LedgerService {
 public:
  LedgerService(IdGenerator& ids, const Clock& clock) : ids_(ids), clock_(clock) {}

  // In the caller's transaction. Refuses (throws std::logic_error: a bug) a posting that does not balance.
  void post(db::Connection& c, const Posting& posting);

  std::vector<Balance> balances(db::Database& database, const Principal& principal) const;
  std::vector<Entry> entries_of_operations(db::Database& database, uint64_t company_id,
                                           const std::vector<uint64_t>& operation_ids) const;
  // Re-derives every balance from the entries and checks every transaction sums to zero.
  VerifyReport verify(db::Database& database) const;

 private:
  IdGenerator& ids_;
  const Clock& clock_;
};

}  // namespace kassa::ledger
