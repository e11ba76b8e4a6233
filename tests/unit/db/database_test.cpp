#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "test_env.hpp"

namespace kassa::db {
namespace {

// Runs each test on SQLite and, when the suite has a PostgreSQL cluster, on PostgreSQL.
class DatabaseTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::postgresql) {
      if (!test::postgres_admin_url()) GTEST_SKIP() << "KASSA_TEST_POSTGRES_URL not set";
      url = test::fresh_postgres_database();
    } else {
      dir = test::make_temp_dir("kassa-db");
      url = "sqlite:" + dir + "/test.db";
    }
    database = Database::open(url, {.pool_size = 4});
  }
  void TearDown() override {
    database.reset();
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }

  int64_t count(std::string_view table) {
    return database->read([&](Connection& c) { return *c.query_int64("SELECT COUNT(*) FROM " + std::string(table)); });
  }
  void create_items() {
    database->write([](Connection& c) { c.exec_script("CREATE TABLE items (id BIGINT PRIMARY KEY, name TEXT NOT NULL)"); });
  }

  std::string dir;
  std::string url;
  std::unique_ptr<Database> database;
};

TEST_P(DatabaseTest, WritesAreCommittedAndReadBack) {
  create_items();
  database->write([](Connection& c) {
    c.execute("INSERT INTO items (id, name) VALUES ($1, $2)", {int64_t{1}, "caf\xC3\xA9 'quoted' $1"});
    c.execute("INSERT INTO items (id, name) VALUES ($1, $2)", {int64_t{2}, nullptr == nullptr ? "b" : "c"});
  });
  const auto name = database->read([](Connection& c) { return c.query_text("SELECT name FROM items WHERE id = $1", {int64_t{1}}); });
  EXPECT_EQ(name, "caf\xC3\xA9 'quoted' $1");
  EXPECT_EQ(count("items"), 2);
}

TEST_P(DatabaseTest, NullsAndLargeIntegersSurvive) {
  database->write([](Connection& c) { c.exec_script("CREATE TABLE n (a BIGINT, b TEXT)"); });
  database->write([](Connection& c) { c.execute("INSERT INTO n (a, b) VALUES ($1, $2)", {int64_t{-9223372036854775807 - 1}, nullptr}); });
  database->read([](Connection& c) {
    int rows = 0;
    c.query("SELECT a, b FROM n", {}, [&](const Row& row) {
      ++rows;
      EXPECT_EQ(row.int64(0), std::numeric_limits<int64_t>::min());
      EXPECT_TRUE(row.is_null(1));
      EXPECT_EQ(row.optional_text(1), std::nullopt);
    });
    EXPECT_EQ(rows, 1);
  });
}

TEST_P(DatabaseTest, AResultErrorRollsTheWriteBack) {
  create_items();
  const Status status = database->write([](Connection& c) -> Status {
    c.execute("INSERT INTO items (id, name) VALUES (1, 'x')");
    return Error::make(ErrorCode::unprocessable, "rule", "refused");
  });
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(count("items"), 0);
}

TEST_P(DatabaseTest, AnExceptionRollsTheWriteBackAndReachesTheCaller) {
  create_items();
  EXPECT_THROW(database->write([](Connection& c) {
    c.execute("INSERT INTO items (id, name) VALUES (1, 'x')");
    throw std::runtime_error("bug");
  }), std::runtime_error);
  EXPECT_EQ(count("items"), 0);
  try {
    database->write([](Connection& c) {
      c.execute("INSERT INTO items (id, name) VALUES (1, 'x')");
      c.execute("INSERT INTO items (id, name) VALUES (1, 'y')");
    });
    FAIL() << "duplicate key accepted";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.kind(), DatabaseError::Kind::unique_violation) << e.what();
  }
  EXPECT_EQ(count("items"), 0);
}

TEST_P(DatabaseTest, NestedWritesShareTheOuterTransaction) {
  create_items();
  database->write([&](Connection& c) {
    c.execute("INSERT INTO items (id, name) VALUES (1, 'outer')");
    const Status inner = database->write([](Connection& n) -> Status {
      n.execute("INSERT INTO items (id, name) VALUES (2, 'inner, refused')");
      return Error::make(ErrorCode::unprocessable, "rule", "no");
    });
    EXPECT_FALSE(inner.ok());
    database->write([](Connection& n) { n.execute("INSERT INTO items (id, name) VALUES (3, 'inner')"); });
  });
  EXPECT_EQ(count("items"), 2);
}

// Statements whose results are not needed are deferred on PostgreSQL and sent with the next
// one in a pipeline: the same results as running them at once, in fewer round trips.
TEST_P(DatabaseTest, DeferredStatementsRunInOrderBeforeTheNextOne) {
  create_items();
  database->write([](Connection& c) {
    for (int64_t i = 1; i <= 150; ++i) c.execute_later("INSERT INTO items (id, name) VALUES ($1, $2)", {i, "deferred"});  // past the 64 a pipeline holds
    c.execute_later("UPDATE items SET name = $1 WHERE id = $2", {"changed", int64_t{7}});
    EXPECT_EQ(c.query_int64("SELECT COUNT(*) FROM items"), 150);  // the read sees every deferred write
    EXPECT_EQ(c.query_text("SELECT name FROM items WHERE id = 7"), "changed");
    c.execute_later("INSERT INTO items (id, name) VALUES ($1, $2)", {int64_t{151}, "sent with the commit"});
  });
  EXPECT_EQ(count("items"), 151);
}

TEST_P(DatabaseTest, ADeferredStatementsErrorRollsTheWholeWriteBack) {
  create_items();
  // The duplicate's error is thrown by the statement it was sent with (here the commit).
  try {
    database->write([](Connection& c) {
      c.execute_later("INSERT INTO items (id, name) VALUES (1, 'x')");
      c.execute_later("INSERT INTO items (id, name) VALUES (1, 'duplicate')");
      c.execute_later("INSERT INTO items (id, name) VALUES (2, 'after the error')");
    });
    FAIL() << "duplicate key accepted";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.kind(), DatabaseError::Kind::unique_violation) << e.what();
  }
  EXPECT_EQ(count("items"), 0);
  // Or by the next statement whose result is needed; the connection is fine afterwards.
  EXPECT_THROW(database->write([](Connection& c) {
    c.execute_later("INSERT INTO items (id, name) VALUES (3, NULL)");  // NOT NULL
    c.query_int64("SELECT COUNT(*) FROM items");
  }), DatabaseError);
  EXPECT_EQ(count("items"), 0);
  // A write that refuses drops what it deferred.
  const Status refused = database->write([](Connection& c) -> Status {
    c.execute_later("INSERT INTO items (id, name) VALUES (4, 'refused')");
    return Error::make(ErrorCode::unprocessable, "rule", "refused");
  });
  EXPECT_FALSE(refused.ok());
  database->write([](Connection& c) { c.execute_later("INSERT INTO items (id, name) VALUES (5, 'kept')"); });
  EXPECT_EQ(count("items"), 1);
}

TEST_P(DatabaseTest, ANestedWriteThatRefusesDropsOnlyItsOwnDeferredStatements) {
  create_items();
  database->write([&](Connection& c) {
    c.execute_later("INSERT INTO items (id, name) VALUES (1, 'outer, before')");
    const Status inner = database->write([](Connection& n) -> Status {
      n.execute_later("INSERT INTO items (id, name) VALUES (2, 'inner, refused')");
      return Error::make(ErrorCode::unprocessable, "rule", "no");
    });
    EXPECT_FALSE(inner.ok());
    c.execute_later("INSERT INTO items (id, name) VALUES (3, 'outer, after')");
  });
  EXPECT_EQ(count("items"), 2);
  EXPECT_EQ(database->read([](Connection& c) { return c.query_int64("SELECT COUNT(*) FROM items WHERE id = 2"); }), 0);
}

TEST_P(DatabaseTest, ConcurrentWritersLoseNothingAndFailuresStayIsolated) {
  create_items();
  constexpr int kThreads = 16;
  constexpr int kWritesPerThread = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        const int64_t id = t * 1000 + i;
        try {
          database->write([&](Connection& c) {
            c.execute("INSERT INTO items (id, name) VALUES ($1, 'w')", {id});
            if (i % 10 == 9) throw std::runtime_error("every tenth write fails");
          });
        } catch (const std::runtime_error&) {
          ++failures;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), kThreads * kWritesPerThread / 10);
  EXPECT_EQ(count("items"), kThreads * kWritesPerThread * 9 / 10);
  const PoolStats stats = database->stats();
  EXPECT_GE(stats.write_jobs, static_cast<uint64_t>(kThreads * kWritesPerThread));
  if (GetParam() == Backend::sqlite) {
    // Group commit: concurrent writes share commits.
    EXPECT_LT(stats.write_commits, stats.write_jobs);
  }
}

TEST_P(DatabaseTest, PingAnswers) { EXPECT_TRUE(database->ping()); }

// --- migrations ---

std::vector<MigrationFile> files(std::initializer_list<MigrationFile> list) { return list; }

TEST_P(DatabaseTest, MigrationsRunOnceInOrder) {
  const auto set = files({{"0001_a.sql", "CREATE TABLE a (x BIGINT);"},
                          {"0002_b.sql", "CREATE TABLE b (x BIGINT); INSERT INTO b (x) VALUES (1);"}});
  const auto migrations = migrations_for(GetParam(), set);
  auto report = migrate(*database, migrations);
  EXPECT_EQ(report.applied, (std::vector<int>{1, 2}));
  EXPECT_EQ(report.version, 2);
  report = migrate(*database, migrations);
  EXPECT_TRUE(report.applied.empty());
  EXPECT_EQ(count("b"), 1);
}

TEST_P(DatabaseTest, AFailedMigrationChangesNothing) {
  const auto set = files({{"0001_a.sql", "CREATE TABLE a (x BIGINT);"},
                          {"0002_b.sql", "CREATE TABLE b (x BIGINT); INSERT INTO b (x) VALUES (1); SELECT * FROM missing_table;"}});
  EXPECT_THROW(migrate(*database, migrations_for(GetParam(), set)), std::exception);
  EXPECT_EQ(schema_version(*database), 1);
  EXPECT_THROW(count("b"), DatabaseError);  // table b was rolled back with the failed migration
  EXPECT_EQ(count("a"), 0);
}

TEST_P(DatabaseTest, AnEditedAppliedMigrationIsRefused) {
  migrate(*database, migrations_for(GetParam(), files({{"0001_a.sql", "CREATE TABLE a (x BIGINT);"}})));
  EXPECT_THROW(migrate(*database, migrations_for(GetParam(), files({{"0001_a.sql", "CREATE TABLE a (y BIGINT);"}}))),
               std::runtime_error);
}

TEST_P(DatabaseTest, TheEmbeddedMigrationsApply) {
  const auto report = migrate(*database, migrations_for(GetParam(), embedded_migration_files()));
  EXPECT_GE(report.version, 1);
  EXPECT_EQ(count("id_nodes"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest, ::testing::Values(Backend::sqlite, Backend::postgresql),
                         [](const auto& info) { return std::string(to_string(info.param)); });

TEST(Migrations, FileNamesAreValidatedAndDialectsOverride) {
  EXPECT_THROW(migrations_for(Backend::sqlite, files({{"1_a.sql", ""}})), std::invalid_argument);
  EXPECT_THROW(migrations_for(Backend::sqlite, files({{"0002_a.sql", "x"}})), std::invalid_argument);  // gap
  EXPECT_THROW(migrations_for(Backend::sqlite, files({{"0001_a.sql", "x"}, {"0001_b.sql", "y"}})), std::invalid_argument);
  const auto set = files({{"0001_a.postgresql.sql", "pg"}, {"0001_a.sql", "generic"}, {"0002_b.postgresql.sql", "pg2"},
                          {"0002_b.sqlite.sql", "lite2"}});
  const auto lite = migrations_for(Backend::sqlite, set);
  ASSERT_EQ(lite.size(), 2u);
  EXPECT_EQ(lite[0].sql, "generic");
  EXPECT_EQ(lite[1].sql, "lite2");
  const auto pg = migrations_for(Backend::postgresql, set);
  EXPECT_EQ(pg[0].sql, "pg");
  EXPECT_EQ(pg[1].sql, "pg2");
  EXPECT_THROW(migrations_for(Backend::sqlite, files({{"0001_a.postgresql.sql", "pg"}})), std::invalid_argument);
}

TEST(SqliteParams, NumberedParametersBecomeQuestionMarksOutsideQuotes) {
  EXPECT_EQ(numbered_to_sqlite_params("SELECT $1, '$2', \"$3\", $10"), "SELECT ?1, '$2', \"$3\", ?10");
}

}  // namespace
}  // namespace kassa::db
