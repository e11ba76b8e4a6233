#pragma once
// Reads fields of a JSON request body, collecting per-field errors, so a route
// answers every problem of a body at once (400 with errors[]).
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "http/message.hpp"

namespace kassa::http {

class JsonBody {
 public:
  explicit JsonBody(const Request& request);

  std::optional<std::string> string(std::string_view key, bool required = true, size_t length_max = 1000);
  std::optional<int64_t> integer(std::string_view key, bool required = true);
  std::optional<bool> boolean(std::string_view key, bool required = true);
  std::optional<std::vector<std::string>> strings(std::string_view key, bool required = true, size_t count_max = 1000);
  // The raw member (objects, arrays, null); nullptr when absent.
  const boost::json::value* member(std::string_view key) const;
  bool has(std::string_view key) const { return member(key) != nullptr; }
  bool is_null(std::string_view key) const { const auto* m = member(key); return m && m->is_null(); }

  void fail(std::string field, std::string message) { errors_.push_back({std::move(field), std::move(message)}); }
  // An error if any field was missing or malformed.
  Status finish() const;

 private:
  const boost::json::object* object_ = nullptr;
  std::vector<FieldError> errors_;
};

// The version from `If-Match: "3"` (or 3); nullopt when absent or malformed.
std::optional<int64_t> if_match_version(const Request& request);
Error missing_if_match();

}  // namespace kassa::http
