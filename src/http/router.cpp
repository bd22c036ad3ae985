#include "http/router.hpp"

#include <algorithm>

namespace opennrm::http {

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

void Router::Add(Route route) {
  Compiled c;
  c.segments = SplitPath(route.pattern);
  for (const auto& s : c.segments) {
    if (s.empty() || s.front() != '{') ++c.literals;
  }
  routes_.push_back(std::move(route));
  compiled_.push_back(std::move(c));
}

bool Router::SetLane(const std::string& method, const std::string& pattern, Lane lane) {
  for (auto& r : routes_) {
    if (r.method == method && r.pattern == pattern) {
      r.lane = lane;
      return true;
    }
  }
  return false;
}

RouteMatch Router::Find(const std::string& method, const std::string& path) const {
  RouteMatch best;
  int best_literals = -1;
  std::vector<std::string> parts = SplitPath(path);
  if (!path.empty() && path.back() == '/' && path != "/") return best;  // no trailing slashes
  for (size_t r = 0; r < routes_.size(); ++r) {
    const Compiled& c = compiled_[r];
    if (c.segments.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (size_t i = 0; i < parts.size() && ok; ++i) {
      const std::string& s = c.segments[i];
      if (!s.empty() && s.front() == '{') {
        params[s.substr(1, s.size() - 2)] = parts[i];
      } else {
        ok = s == parts[i];
      }
    }
    if (!ok) continue;
    if (routes_[r].method != method) {
      if (std::find(best.allowed.begin(), best.allowed.end(), routes_[r].method) ==
          best.allowed.end()) {
        best.allowed.push_back(routes_[r].method);
      }
      continue;
    }
    if (c.literals > best_literals) {
      best_literals = c.literals;
      best.route = &routes_[r];
      best.params = std::move(params);
    }
  }
  best.other_method = !best.route && !best.allowed.empty();
  return best;
}

}  // namespace opennrm::http
