#include <algorithm>
#include <atomic>
#include <map>
#include <numeric>
#include <random>
#include <stdexcept>

#include "ledger/ledger.hpp"

namespace kassa::ledger {
namespace {

constexpr std::pair<AccountKind, std::string_view> kKinds[] = {
    {AccountKind::available, "available"}, {AccountKind::pending, "pending"}, {AccountKind::fees, "fees"},
    {AccountKind::refunds, "refunds"}, {AccountKind::chargebacks, "chargebacks"}, {AccountKind::payouts, "payouts"},
    {AccountKind::processor_settlement, "processor_settlement"},
};

AccountKind kind_from(std::string_view text) {
  for (const auto& [k, name] : kKinds) if (name == text) return k;
  throw std::logic_error("unknown ledger account kind " + std::string(text));
}

int64_t i64(uint64_t v) { return static_cast<int64_t>(v); }

constexpr std::string_view kFindAccounts = "SELECT kind, id FROM ledger_accounts WHERE project_id = $1 AND currency = $2";
constexpr std::string_view kInsertAccount =
    "INSERT INTO ledger_accounts (id, company_id, project_id, currency, kind) VALUES ($1, $2, $3, $4, $5)"
    " ON CONFLICT (project_id, currency, kind) DO NOTHING";
constexpr std::string_view kInsertTransaction =
    "INSERT INTO ledger_transactions (id, company_id, project_id, operation_id, created_at_ms) VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kInsertEntries = "INSERT INTO ledger_entries (id, transaction_id, account_id, amount) VALUES ";
constexpr std::string_view kAddToBalances = "INSERT INTO ledger_balances (account_id, shard, balance) VALUES ";
constexpr std::string_view kAddToBalancesConflict =
    " ON CONFLICT (account_id, shard) DO UPDATE SET balance = ledger_balances.balance + excluded.balance";
constexpr int64_t kBalanceShards = 64;

// "($1, $2, $3), ($4, $5, $6)": `rows` rows of `columns` parameters each.
std::string value_rows(size_t rows, size_t columns) {
  std::string out;
  for (size_t r = 0; r < rows; ++r) {
    out += r ? ", (" : "(";
    for (size_t c = 0; c < columns; ++c) out += (c ? ", $" : "$") + std::to_string(r * columns + c + 1);
    out += ")";
  }
  return out;
}

// The balance shard this thread adds to. A thread runs one transaction at a time, and the
// threads of a process take different shards (while there are no more threads than shards),
// so concurrent postings of one process never wait for each other's shard row (PostgreSQL).
int64_t thread_shard() {
  static std::atomic<uint64_t> next{std::random_device{}()};
  thread_local const int64_t shard = static_cast<int64_t>(next.fetch_add(1) % kBalanceShards);
  return shard;
}

}  // namespace

std::string_view to_string(AccountKind kind) {
  for (const auto& [k, name] : kKinds) if (k == kind) return name;
  return "unknown";
}

void LedgerService::post(db::Connection& c, const Posting& p) {
  int64_t sum = 0;
  for (const auto& line : p.lines) {
    if (__builtin_add_overflow(sum, line.amount, &sum)) throw std::logic_error("ledger posting overflows");
  }
  if (sum != 0 || p.lines.empty()) throw std::logic_error("ledger posting does not balance");
  const uint64_t transaction = ids_.next();
  c.execute_later(kInsertTransaction, {i64(transaction), i64(p.company_id), i64(p.project_id), i64(p.operation_id), clock_.now_ms()});
  // The project's accounts in this currency, in one round trip; missing ones are opened.
  std::map<std::string, int64_t, std::less<>> accounts;
  const auto find_accounts = [&] {
    c.query(kFindAccounts, {i64(p.project_id), p.currency},
            [&](const db::Row& r) { accounts[std::string(r.text(0))] = r.int64(1); });
  };
  find_accounts();
  bool opened = false;
  for (const auto& line : p.lines) {
    const std::string_view kind = to_string(line.account);
    if (line.amount == 0 || accounts.contains(kind)) continue;
    c.execute(kInsertAccount, {i64(ids_.next()), i64(p.company_id), i64(p.project_id), p.currency, kind});
    opened = true;
  }
  if (opened) find_accounts();
  std::map<int64_t, int64_t> balance_changes;  // account -> amount, in account order
  std::vector<db::Param> entries;
  for (const auto& line : p.lines) {
    if (line.amount == 0) continue;
    const auto found = accounts.find(to_string(line.account));
    if (found == accounts.end()) throw std::logic_error("ledger account could not be opened");
    const int64_t account = found->second;
    entries.insert(entries.end(), {i64(ids_.next()), i64(transaction), account, line.amount});
    balance_changes[account] += line.amount;
  }
  c.run_later(std::string(kInsertEntries) + value_rows(entries.size() / 4, 4), entries);
  // Balance shards are shared by the project's payments: added to last, in account order (no
  // deadlocks between concurrent postings), in one statement.
  std::vector<db::Param> balances;
  const int64_t shard = thread_shard();
  for (const auto& [account, amount] : balance_changes) balances.insert(balances.end(), {account, shard, amount});
  c.run_later(std::string(kAddToBalances) + value_rows(balance_changes.size(), 3) + std::string(kAddToBalancesConflict), balances);
}

std::vector<Balance> LedgerService::balances(db::Database& database, const Principal& principal) const {
  std::vector<Balance> out;
  database.read([&](db::Connection& c) {
    c.query("SELECT a.project_id, a.currency, a.kind, COALESCE(SUM(b.balance), 0) FROM ledger_accounts a"
            " LEFT JOIN ledger_balances b ON b.account_id = a.id WHERE a.company_id = $1"
            " GROUP BY a.id, a.project_id, a.currency, a.kind ORDER BY a.project_id, a.currency, a.kind",
            {i64(principal.company_id)}, [&](const db::Row& r) {
              const auto project = static_cast<uint64_t>(r.int64(0));
              if (!principal.can("balances.read", project)) return;
              out.push_back(Balance{project, std::string(r.text(1)), kind_from(r.text(2)), r.int64(3)});
            });
  });
  return out;
}

std::vector<Entry> LedgerService::entries_of_operations(db::Database& database, uint64_t company_id,
                                                        const std::vector<uint64_t>& operation_ids) const {
  std::vector<Entry> out;
  database.read([&](db::Connection& c) {
    for (const uint64_t op : operation_ids) {
      c.query("SELECT t.id, a.kind, a.currency, e.amount, t.created_at_ms FROM ledger_transactions t"
              " JOIN ledger_entries e ON e.transaction_id = t.id JOIN ledger_accounts a ON a.id = e.account_id"
              " WHERE t.company_id = $1 AND t.operation_id = $2 ORDER BY e.id",
              {i64(company_id), i64(op)}, [&](const db::Row& r) {
                out.push_back(Entry{static_cast<uint64_t>(r.int64(0)), kind_from(r.text(1)), std::string(r.text(2)),
                                    r.int64(3), r.int64(4)});
              });
    }
  });
  return out;
}

VerifyReport LedgerService::verify(db::Database& database) const {
  VerifyReport report;
  database.read([&](db::Connection& c) {
    c.query("SELECT a.id, COALESCE((SELECT SUM(b.balance) FROM ledger_balances b WHERE b.account_id = a.id), 0),"
            " COALESCE((SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account_id = a.id), 0) FROM ledger_accounts a",
            {}, [&](const db::Row& r) {
              ++report.accounts_checked;
              if (r.int64(1) != r.int64(2)) {
                report.problems.push_back("account " + std::to_string(r.int64(0)) + ": balance " + std::to_string(r.int64(1)) +
                                          " but its entries sum to " + std::to_string(r.int64(2)));
              }
            });
    c.query("SELECT t.id, COALESCE(SUM(e.amount), 0) FROM ledger_transactions t LEFT JOIN ledger_entries e ON e.transaction_id = t.id"
            " GROUP BY t.id",
            {}, [&](const db::Row& r) {
              ++report.transactions_checked;
              if (r.int64(1) != 0) {
                report.problems.push_back("transaction " + std::to_string(r.int64(0)) + " does not balance (" +
                                          std::to_string(r.int64(1)) + ")");
              }
            });
    c.query("SELECT COUNT(*) FROM ledger_entries e WHERE NOT EXISTS (SELECT 1 FROM ledger_accounts a WHERE a.id = e.account_id)",
            {}, [&](const db::Row& r) {
              if (r.int64(0) != 0) report.problems.push_back(std::to_string(r.int64(0)) + " entries name no account");
            });
  });
  return report;
}

}  // namespace kassa::ledger
