#include "http/message.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>

namespace kassa::http {
namespace {
constexpr std::array<std::pair<Method, std::string_view>, 7> kMethods{{
    {Method::get, "GET"}, {Method::head, "HEAD"}, {Method::post, "POST"}, {Method::put, "PUT"},
    {Method::patch, "PATCH"}, {Method::del, "DELETE"}, {Method::options, "OPTIONS"},
}};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}
}  // namespace

std::string_view to_string(Method method) {
  for (const auto& [m, text] : kMethods) if (m == method) return text;
  return "OTHER";
}

Method method_from_string(std::string_view text) {
  for (const auto& [m, t] : kMethods) if (t == text) return m;
  return Method::other;
}

std::string_view Request::header(std::string_view lower_name) const {
  for (const auto& h : headers) if (h.name == lower_name) return h.value;
  return {};
}

std::string_view Request::param(std::string_view name) const {
  for (const auto& [k, v] : path_params) if (k == name) return v;
  return {};
}

std::optional<std::string_view> Request::query(std::string_view name) const {
  for (const auto& [k, v] : query_params) if (k == name) return std::string_view(v);
  return std::nullopt;
}

void Response::set_header(std::string_view name, std::string_view value) {
  const std::string key = lower(name);
  for (auto& h : headers) {
    if (h.name == key) { h.value = std::string(value); return; }
  }
  headers.push_back({key, std::string(value)});
}

void Response::add_header(std::string_view name, std::string_view value) {
  headers.push_back({lower(name), std::string(value)});
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  for (const auto& h : headers) {
    if (h.name != "cookie") continue;
    std::string_view rest = h.value;
    while (!rest.empty()) {
      const size_t end = std::min(rest.find(';'), rest.size());
      std::string_view pair = rest.substr(0, end);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      const size_t eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
      rest.remove_prefix(std::min(end + 1, rest.size()));
    }
  }
  return std::nullopt;
}

std::string_view Response::header(std::string_view lower_name) const {
  for (const auto& h : headers) if (h.name == lower_name) return h.value;
  return {};
}

Response json_response(int status, const boost::json::value& body) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(body);
  r.set_header("content-type", "application/json");
  return r;
}

Response text_response(int status, std::string body, std::string_view content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.set_header("content-type", content_type);
  return r;
}

}  // namespace kassa::http
