#include "common/log.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>

#include "common/clock.hpp"

namespace kassa::log {
namespace {

std::atomic<Level> g_level{Level::info};

std::shared_ptr<spdlog::logger> logger() {
  static const auto instance = [] {
    auto l = spdlog::stderr_logger_mt("kassa");
    l->set_pattern("%v");
    l->set_level(spdlog::level::trace);
    l->flush_on(spdlog::level::trace);
    return l;
  }();
  return instance;
}

std::string_view name_of(Level level) {
  switch (level) {
    case Level::debug: return "debug";
    case Level::info: return "info";
    case Level::warn: return "warn";
    case Level::error: return "error";
    case Level::off: return "off";
  }
  return "info";
}

}  // namespace

bool init(std::string_view level) {
  for (Level l : {Level::debug, Level::info, Level::warn, Level::error, Level::off}) {
    if (name_of(l) == level) {
      g_level = l;
      logger();
      return true;
    }
  }
  return false;
}

bool enabled(Level level) { return level >= g_level.load(std::memory_order_relaxed) && level != Level::off; }

void write(Level level, std::string_view event, std::initializer_list<Field> fields) {
  if (!enabled(level)) return;
  boost::json::object line;
  line["ts"] = format_utc(std::chrono::system_clock::now());
  line["level"] = name_of(level);
  line["event"] = event;
  for (const auto& field : fields) line[field.key] = field.value;
  logger()->info(boost::json::serialize(line));
}

}  // namespace kassa::log
