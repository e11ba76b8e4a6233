#include "http/problem.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace kassa::http {

int status_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument: return 400;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::precondition_failed: return 412;
    case ErrorCode::payload_too_large: return 413;
    case ErrorCode::unsupported_media: return 415;
    case ErrorCode::unprocessable: return 422;
    case ErrorCode::rate_limited: return 429;
    case ErrorCode::unavailable: return 503;
  }
  return 500;
}

std::string_view title_of(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

Response problem(int status, std::string_view type, std::string_view detail, const std::vector<FieldError>& fields) {
  boost::json::object body;
  body["type"] = std::string(kProblemTypeBase) + std::string(type);
  body["title"] = title_of(status);
  body["status"] = status;
  if (!detail.empty()) body["detail"] = detail;
  if (!fields.empty()) {
    boost::json::array errors;
    for (const auto& f : fields) errors.push_back(boost::json::object{{"field", f.field}, {"message", f.message}});
    body["errors"] = std::move(errors);
  }
  Response r = json_response(status, body);
  r.set_header("content-type", "application/problem+json");
  return r;
}

Response problem(const Error& error) {
  Response r = problem(status_of(error.code), error.type, error.detail, error.fields);
  if (!error.extensions.empty()) {
    auto body = boost::json::parse(r.body).as_object();
    for (const auto& [key, value] : error.extensions) body[key] = value;
    r.body = boost::json::serialize(body);
    // A 412 carries the current state and its version as the ETag, so the client can resolve the conflict.
    const auto* current = error.extensions.if_contains("current");
    if (current && current->is_object() && current->as_object().contains("version")) {
      r.set_header("etag", "\"" + boost::json::serialize(current->as_object().at("version")) + "\"");
    }
  }
  return r;
}

}  // namespace kassa::http
