#pragma once
// Typed reading of path and query parameters, with problem-ready errors.
#include <charconv>
#include <optional>
#include <string>

#include "common/id.hpp"
#include "common/result.hpp"
#include "http/message.hpp"

namespace kassa::http {

// ?limit= in 1..max, default when absent.
inline Result<int> limit_param(const Request& request, int default_limit, int max_limit) {
  const auto text = request.query("limit");
  if (!text) return default_limit;
  int value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < 1 || value > max_limit) {
    return Error::invalid("bad-query", "limit must be 1.." + std::to_string(max_limit), {{"limit", "1.." + std::to_string(max_limit)}});
  }
  return value;
}

// A typed id from text; a malformed id is a 404 for path parameters (it names nothing) and a 400 for query ones.
template <class IdType>
Result<IdType> path_id(const Request& request, std::string_view name) {
  const auto id = IdType::parse(request.param(name));
  if (!id) return Error::make(ErrorCode::not_found, "not-found", "no such resource");
  return *id;
}

template <class IdType>
Result<std::optional<IdType>> query_id(const Request& request, std::string_view name) {
  const auto text = request.query(name);
  if (!text || text->empty()) return std::optional<IdType>{};
  const auto id = IdType::parse(*text);
  if (!id) return Error::invalid("bad-query", std::string(name) + " is not a valid id", {{std::string(name), "not a valid id"}});
  return std::optional<IdType>(*id);
}

}  // namespace kassa::http
