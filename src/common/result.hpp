#pragma once
// The second error lane (see STYLE.md): an expected business outcome is a value.
// Result<T> holds either a T or an Error with a stable code; the HTTP layer maps
// codes to statuses and problem+json in one place (http/problem.cpp).
#include <boost/json/object.hpp>

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kassa {

// Ordered roughly by the HTTP status they map to.
enum class ErrorCode {
  invalid_argument,     // 400: malformed or invalid input
  unauthenticated,      // 401
  forbidden,            // 403
  not_found,            // 404
  conflict,             // 409: e.g. the same idempotency key still running
  precondition_failed,  // 412: stale version
  payload_too_large,    // 413
  unsupported_media,    // 415
  unprocessable,        // 422: a business rule refuses the action
  rate_limited,         // 429
  unavailable,          // 503: a dependency (the database) does not answer
};

struct FieldError {
  std::string field;  // JSON pointer ("/amount") or query parameter name
  std::string message;
};

struct Error {
  ErrorCode code = ErrorCode::invalid_argument;
  std::string type;    // stable slug, e.g. "malformed-json"; becomes the problem type URI
  std::string detail;  // for humans; never holds secrets or card numbers
  std::vector<FieldError> fields;
  // Extra members of the problem body: "current" (412: the resource as it is now,
  // so the client can show the conflict), "action" (step-up-required), ...
  boost::json::object extensions;

  static Error invalid(std::string type, std::string detail, std::vector<FieldError> fields = {}) {
    return Error{ErrorCode::invalid_argument, std::move(type), std::move(detail), std::move(fields), {}};
  }
  static Error make(ErrorCode code, std::string type, std::string detail) {
    return Error{code, std::move(type), std::move(detail), {}, {}};
  }
  // 412: the caller edited an old version; current is the resource as it is now.
  static Error stale_version(boost::json::value current) {
    Error e = make(ErrorCode::precondition_failed, "stale-version",
                   "someone else changed this since you loaded it; here is the current state");
    e.extensions["current"] = std::move(current);
    return e;
  }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}      // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T& value() const& { assert(ok()); return std::get<0>(state_); }
  T& value() & { assert(ok()); return std::get<0>(state_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { assert(!ok()); return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: success carries nothing.
struct Ok {};
using Status = Result<Ok>;

template <class T>
struct is_result : std::false_type {};
template <class T>
struct is_result<Result<T>> : std::true_type {};
template <class T>
inline constexpr bool is_result_v = is_result<T>::value;

}  // namespace kassa
