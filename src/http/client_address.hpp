// The client's address (security core: rate limits per address) and whether
// it reached us over TLS, believing forwarding headers only from trusted
// proxies. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace opennrm::http {

// Whether `address` is one of `trusted` (exact addresses, or IPv4 ranges
// written a.b.c.d/n).
bool IsTrusted(const std::string& address, const std::vector<std::string>& trusted);

// `peer` itself unless it is a trusted proxy; then the right-most address in
// X-Forwarded-For that is not a trusted proxy.
std::string ResolveClientAddress(const std::string& peer,
                                 const std::optional<std::string>& forwarded_for,
                                 const std::vector<std::string>& trusted);

// Whether an address is a loopback one (127.0.0.0/8, ::1, localhost), where
// plain HTTP is allowed.
bool IsLoopback(const std::string& address);

// Whether a configured trusted-proxy entry is well formed.
bool ValidProxyEntry(const std::string& entry);

}  // namespace opennrm::http
