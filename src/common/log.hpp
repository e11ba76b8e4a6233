#pragma once
// Structured logs: one JSON object per line on stderr. Never log card numbers,
// passwords, TOTP codes or secrets.
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include <initializer_list>
#include <string_view>
#include <utility>

namespace kassa::log {

enum class Level { debug, info, warn, error, off };

struct Field {
  template <class T>
  Field(std::string_view k, T&& v) : key(k), value(boost::json::value_from(std::forward<T>(v))) {}
  std::string_view key;
  boost::json::value value;
};

// Returns false for an unknown level name (debug, info, warn, error, off).
bool init(std::string_view level);
bool enabled(Level level);
void write(Level level, std::string_view event, std::initializer_list<Field> fields = {});

inline void debug(std::string_view event, std::initializer_list<Field> fields = {}) { write(Level::debug, event, fields); }
inline void info(std::string_view event, std::initializer_list<Field> fields = {}) { write(Level::info, event, fields); }
inline void warn(std::string_view event, std::initializer_list<Field> fields = {}) { write(Level::warn, event, fields); }
inline void error(std::string_view event, std::initializer_list<Field> fields = {}) { write(Level::error, event, fields); }

}  // namespace kassa::log
