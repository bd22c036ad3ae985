// The HTTP adapter's own request and response values, independent of
// RESTinio so that handlers and their tests never include it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/auth/views.hpp"
#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm::http {

struct Request {
  std::string method;                                      // upper case
  std::string path;                                        // decoded path, no query
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::map<std::string, std::string> path_params;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower case
  std::string body;
  std::string request_id;
  std::string remote_address;  // the peer's IP address
  std::string client_address;  // the client's, after trusted proxies (for rate limits)
  // Who is calling, set by the authentication step before the handler runs;
  // null on public routes and before login.
  std::shared_ptr<const app::Caller> caller;

  // The first value of a query parameter.
  std::optional<std::string> Query(const std::string& name) const;
  // An integer query parameter: `fallback` when absent; otherwise records a
  // "type" problem (not an integer) or a "range" problem (outside
  // [min, max]) in `problems` and returns `fallback`.
  long long IntQuery(const std::string& name, long long fallback, long long min, long long max,
                     Problems& problems) const;
  // A true/false query parameter: false when absent; anything else records
  // an "enum" problem in `problems` and returns false.
  bool BoolQuery(const std::string& name, Problems& problems) const;
  // A comma-separated query parameter ("a,b,c") as its items, empty items
  // dropped; empty when absent.
  std::vector<std::string> ListQuery(const std::string& name) const;
  // A YYYY-MM-DD query parameter: `fallback` when absent; otherwise records a
  // "format" problem in `problems` and returns `fallback`.
  CivilDate DateQuery(const std::string& name, CivilDate fallback, Problems& problems) const;
  // Case-insensitive header lookup (names are stored lower case).
  std::optional<std::string> Header(const std::string& lower_name) const;
};

// Decodes %XX escapes in a URL path; nullopt for a malformed escape, a
// decoded NUL byte, or an encoded slash (%2F), which would otherwise become a
// path separator after decoding.
std::optional<std::string> DecodePath(std::string_view raw);

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

}  // namespace opennrm::http
