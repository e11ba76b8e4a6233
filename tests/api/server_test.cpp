// The HTTP server in-process with routes made for the test, over real sockets:
// JSON bodies, streaming, worker-pool concurrency and graceful shutdown.
#include <gtest/gtest.h>

#include <boost/json/object.hpp>

#include <atomic>
#include <future>
#include <thread>

#include "http/problem.hpp"
#include "http/server.hpp"
#include "http_client.hpp"

namespace kassa::http {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.add(Method::post, "/echo", [](Request& r) { return json_response(200, *r.json); },
               {.json_body = true, .body_limit = 1024});
    router.add(Method::get, "/slow", [this](Request&) {
      ++slow_started;
      std::this_thread::sleep_for(std::chrono::milliseconds(400));
      return text_response(200, "done");
    });
    router.add(Method::get, "/stream", [](Request&) {
      Response r;
      r.set_header("content-type", "text/csv");
      r.stream = [](ChunkWriter& out) {
        out.write("id,amount\n");
        for (int i = 0; i < 1000; ++i) out.write(std::to_string(i) + "," + std::to_string(i * 100) + "\n");
      };
      return r;
    });
    server = std::make_unique<Server>(pipeline, ServerOptions{.port = 0, .io_threads = 2, .worker_threads = 8, .handle_signals = false});
    port = server->listen();
    runner = std::thread([this] { server->run(); });
  }
  void TearDown() override {
    server->stop();
    runner.join();
  }

  Router router;
  Metrics metrics;
  Pipeline pipeline{router, metrics, {.access_log = false}};
  std::unique_ptr<Server> server;
  uint16_t port = 0;
  std::thread runner;
  std::atomic<int> slow_started{0};
};

TEST_F(ServerTest, EchoesJsonAndRefusesBadBodies) {
  test::HttpClient client(port);
  auto r = client.post_json("/echo", R"({"a":[1,2,{"b":null}]})");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"a":[1,2,{"b":null}]})");
  r = client.post_json("/echo", R"({"a":)");
  EXPECT_EQ(r.status, 400);
  r = client.request("POST", "/echo", {{"Content-Type", "text/plain"}}, "{}");
  EXPECT_EQ(r.status, 415);
  r = client.post_json("/echo", std::string(2000, ' '));  // over this route's 1 KiB limit
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.header("connection"), "close");
}

TEST_F(ServerTest, StreamsChunkedResponses) {
  test::HttpClient client(port);
  const auto r = client.get("/stream");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.chunked);
  EXPECT_TRUE(r.body.starts_with("id,amount\n0,0\n1,100\n"));
  EXPECT_TRUE(r.body.ends_with("999,99900\n"));
  EXPECT_EQ(client.get("/stream").status, 200);  // the connection stays usable
}

TEST_F(ServerTest, BlockingHandlersRunInParallel) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::future<int>> results;
  for (int i = 0; i < 6; ++i) {
    results.push_back(std::async(std::launch::async, [this] { return test::HttpClient(port).get("/slow").status; }));
  }
  for (auto& r : results) EXPECT_EQ(r.get(), 200);
  // Six 400 ms handlers on 8 workers take about 400 ms, not 2.4 s.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(2000));
}

TEST_F(ServerTest, ShutdownFinishesRequestsInFlightAndClosesIdleConnections) {
  test::HttpClient idle(port);
  ASSERT_EQ(idle.get("/echo").status, 405);  // now an idle keep-alive connection
  auto in_flight = std::async(std::launch::async, [this] { return test::HttpClient(port).get("/slow"); });
  while (slow_started.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  server->stop();
  const auto response = in_flight.get();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "done");
  EXPECT_EQ(response.header("connection"), "close");
  runner.join();
  EXPECT_THROW(test::HttpClient{port}, std::runtime_error);  // no longer accepting
  runner = std::thread([] {});
}

}  // namespace
}  // namespace kassa::http
