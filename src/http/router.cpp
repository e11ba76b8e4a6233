#include "http/router.hpp"

#include <stdexcept>

namespace kassa::http {

struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> children;
  std::unique_ptr<Node> param_child;
  std::string param_name;
  std::map<Method, const Route*> routes;
};

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '/') { ++start; continue; }
    const size_t end = path.find('/', start);
    const size_t stop = end == std::string_view::npos ? path.size() : end;
    segments.push_back(path.substr(start, stop - start));
    start = stop;
  }
  return segments;
}

void Router::add(Method method, std::string pattern, Handler handler, RouteOptions options) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route pattern must start with /: " + pattern);
  auto route = std::make_unique<Route>(Route{method, pattern, std::move(handler), options});
  Node* node = root_.get();
  for (const std::string_view segment : split_path(pattern)) {
    if (segment.size() >= 2 && segment.front() == '{' && segment.back() == '}') {
      const std::string name(segment.substr(1, segment.size() - 2));
      if (!node->param_child) {
        node->param_child = std::make_unique<Node>();
        node->param_child->param_name = name;
      } else if (node->param_child->param_name != name) {
        throw std::invalid_argument("conflicting parameter names at " + pattern);
      }
      node = node->param_child.get();
    } else {
      if (segment.find_first_of("{}") != std::string_view::npos) throw std::invalid_argument("malformed route pattern " + pattern);
      auto& child = node->children[std::string(segment)];
      if (!child) child = std::make_unique<Node>();
      node = child.get();
    }
  }
  if (!node->routes.emplace(method, route.get()).second) {
    throw std::invalid_argument("duplicate route " + std::string(to_string(method)) + " " + pattern);
  }
  routes_.push_back(std::move(route));
}

RouteMatch Router::match(Method method, std::string_view path) const {
  RouteMatch result;
  const Node* node = root_.get();
  for (const std::string_view segment : split_path(path)) {
    // A static segment wins over a parameter ("/payments/export" before "/payments/{id}").
    const auto it = node->children.find(segment);
    if (it != node->children.end()) {
      node = it->second.get();
    } else if (node->param_child) {
      node = node->param_child.get();
      result.params.emplace_back(node->param_name, std::string(segment));
    } else {
      result.params.clear();
      return result;
    }
  }
  if (node->routes.empty()) {
    result.params.clear();
    return result;
  }
  auto found = node->routes.find(method);
  if (found == node->routes.end() && method == Method::head) found = node->routes.find(Method::get);
  if (found != node->routes.end()) {
    result.kind = RouteMatch::Kind::found;
    result.route = found->second;
    return result;
  }
  result.kind = RouteMatch::Kind::method_not_allowed;
  result.params.clear();
  for (const auto& [m, route] : node->routes) {
    result.allowed.push_back(m);
    if (m == Method::get) result.allowed.push_back(Method::head);
  }
  return result;
}

}  // namespace kassa::http
