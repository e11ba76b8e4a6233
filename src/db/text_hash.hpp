#pragma once
// A hash for maps keyed by SQL text that are searched with a string_view (no copy of
// the text per lookup): the backends' prepared-statement caches.
#include <cstddef>
#include <functional>
#include <string_view>

namespace kassa::db {

struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

}  // namespace kassa::db
