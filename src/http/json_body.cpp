#include "http/json_body.hpp"

#include <boost/json/object.hpp>

#include <charconv>

namespace kassa::http {

JsonBody::JsonBody(const Request& request) {
  if (request.json && request.json->is_object()) object_ = &request.json->as_object();
  else errors_.push_back({"/", "the body must be a JSON object"});
}

const boost::json::value* JsonBody::member(std::string_view key) const {
  return object_ ? object_->if_contains(key) : nullptr;
}

std::optional<std::string> JsonBody::string(std::string_view key, bool required, size_t length_max) {
  const auto* v = member(key);
  const std::string field = "/" + std::string(key);
  if (!v || v->is_null()) {
    if (required && object_) fail(field, "is required");
    return std::nullopt;
  }
  if (!v->is_string()) {
    fail(field, "must be a string");
    return std::nullopt;
  }
  if (v->as_string().size() > length_max) {
    fail(field, "must have at most " + std::to_string(length_max) + " characters");
    return std::nullopt;
  }
  return std::string(v->as_string());
}

std::optional<int64_t> JsonBody::integer(std::string_view key, bool required) {
  const auto* v = member(key);
  const std::string field = "/" + std::string(key);
  if (!v || v->is_null()) {
    if (required && object_) fail(field, "is required");
    return std::nullopt;
  }
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<uint64_t>(INT64_MAX)) return static_cast<int64_t>(v->as_uint64());
  fail(field, "must be an integer");
  return std::nullopt;
}

std::optional<bool> JsonBody::boolean(std::string_view key, bool required) {
  const auto* v = member(key);
  const std::string field = "/" + std::string(key);
  if (!v || v->is_null()) {
    if (required && object_) fail(field, "is required");
    return std::nullopt;
  }
  if (!v->is_bool()) {
    fail(field, "must be true or false");
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<std::vector<std::string>> JsonBody::strings(std::string_view key, bool required, size_t count_max) {
  const auto* v = member(key);
  const std::string field = "/" + std::string(key);
  if (!v || v->is_null()) {
    if (required && object_) fail(field, "is required");
    return std::nullopt;
  }
  if (!v->is_array() || v->as_array().size() > count_max) {
    fail(field, "must be an array of at most " + std::to_string(count_max) + " strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : v->as_array()) {
    if (!item.is_string()) {
      fail(field, "must contain only strings");
      return std::nullopt;
    }
    out.emplace_back(item.as_string());
  }
  return out;
}

Status JsonBody::finish() const {
  if (errors_.empty()) return Ok{};
  return Error::invalid("invalid-body", "the request body has invalid fields", errors_);
}

std::optional<int64_t> if_match_version(const Request& request) {
  std::string_view text = request.header("if-match");
  if (text.starts_with("W/")) text.remove_prefix(2);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  int64_t version = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || version < 1) return std::nullopt;
  return version;
}

Error missing_if_match() {
  Error e = Error::make(ErrorCode::precondition_failed, "if-match-required",
                        "send If-Match with the version you edited, so no change is silently overwritten");
  e.code = ErrorCode::invalid_argument;  // 428 would be precise; 400 is what clients handle
  return e;
}

}  // namespace kassa::http
