// Route table: method + path template ("/api/v1/organisations/{id}") to a
// handler, with a per-route body limit. Literal segments win over
// parameters. Immutable after start-up: Find is thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace opennrm::http {

using Handler = std::function<Response(const Request&)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  size_t max_body_bytes = 0;  // 0: the server's default
  // Query parameters the route accepts; any other gives a 422 problem.
  std::vector<std::string> query = {};
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  bool other_method = false;  // the path exists with another method (405)
  std::vector<std::string> allowed;
};

class Router {
 public:
  void Add(Route route);
  RouteMatch Find(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Compiled {
    std::vector<std::string> segments;
    int literals = 0;
  };
  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
};

std::vector<std::string> SplitPath(const std::string& path);

}  // namespace opennrm::http
