#include "common/clock.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace kassa {

std::string format_utc(TimePoint t) {
  const auto ms = std::chrono::time_point_cast<std::chrono::milliseconds>(t);
  const auto secs = std::chrono::time_point_cast<std::chrono::seconds>(ms);
  const auto milli = (ms - secs).count();
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", secs, milli);
}

}  // namespace kassa
