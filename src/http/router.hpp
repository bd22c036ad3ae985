// Route table: method + path template ("/api/v1/organisations/{id}") to a
// handler, with a per-route body limit. Literal segments win over
// parameters. Immutable after start-up: Find is thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/action.hpp"
#include "http/message.hpp"

namespace opennrm::http {

using Handler = std::function<Response(const Request&)>;

// Who may call a route. Everything needs an active session or an API token
// unless its route says otherwise.
enum class Auth {
  kActive,     // a session past every login step, or an API token
  kLoginFlow,  // a session in any stage (the steps of signing in)
  kLogin,      // nobody yet: POST /session
  kPublic,     // health, metrics (when configured), static files
};

// The pool of threads a route's requests run on (http/lanes.hpp).
enum class Lane {
  kQuick,  // bounded work: the default
  kSlow,   // may hold a thread for long (password hashing, documents, files, statistics)
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  size_t max_body_bytes = 0;  // 0: the server's default
  // Query parameters the route accepts; any other gives a 422 problem.
  std::vector<std::string> query = {};
  Auth auth = Auth::kActive;
  // For routes about no particular record (the directory, reference data):
  // the action the caller must be allowed. Routes about records decide in
  // their use case, per record.
  std::optional<access::Action> action = std::nullopt;
  Lane lane = Lane::kQuick;
};

// Runs before a handler: authenticates the request (setting
// request.caller) or answers at once (401, 403).
using Guard = std::function<std::optional<Response>(const Route&, Request&)>;

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
  // Sets the lane of the route with exactly this method and pattern; false when there is none.
  // Before the server starts.
  bool SetLane(const std::string& method, const std::string& pattern, Lane lane);
  // The authentication step; without one, only kPublic routes answer.
  void SetGuard(Guard guard) { guard_ = std::move(guard); }
  const Guard& guard() const { return guard_; }

 private:
  struct Compiled {
    std::vector<std::string> segments;
    int literals = 0;
  };
  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
  Guard guard_;
};

std::vector<std::string> SplitPath(const std::string& path);

}  // namespace opennrm::http
