#include "http/client_address.hpp"

#include <arpa/inet.h>

#include <sstream>

namespace opennrm::http {

namespace {

std::optional<uint32_t> Ipv4(const std::string& text) {
  in_addr a{};
  if (inet_pton(AF_INET, text.c_str(), &a) != 1) return std::nullopt;
  return ntohl(a.s_addr);
}

bool Ipv6(const std::string& text) {
  in6_addr a{};
  return inet_pton(AF_INET6, text.c_str(), &a) == 1;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// "::ffff:10.0.0.1" is the IPv4 peer 10.0.0.1 on a dual-stack socket.
std::string Unmapped(const std::string& a) {
  if (a.rfind("::ffff:", 0) == 0 && Ipv4(a.substr(7))) return a.substr(7);
  return a;
}

bool Matches(const std::string& address, const std::string& entry) {
  std::string a = Unmapped(address);
  auto slash = entry.find('/');
  if (slash == std::string::npos) return a == Unmapped(entry);
  auto net = Ipv4(entry.substr(0, slash));
  auto ip = Ipv4(a);
  if (!net || !ip) return false;
  int bits = std::stoi(entry.substr(slash + 1));
  uint32_t mask = bits == 0 ? 0 : ~uint32_t{0} << (32 - bits);
  return (*net & mask) == (*ip & mask);
}

}  // namespace

bool ValidProxyEntry(const std::string& entry) {
  auto slash = entry.find('/');
  if (slash == std::string::npos) return Ipv4(entry).has_value() || Ipv6(entry);
  std::string bits = entry.substr(slash + 1);
  if (bits.empty() || bits.size() > 2 || bits.find_first_not_of("0123456789") != std::string::npos)
    return false;
  return Ipv4(entry.substr(0, slash)).has_value() && std::stoi(bits) <= 32;
}

bool IsTrusted(const std::string& address, const std::vector<std::string>& trusted) {
  for (const auto& t : trusted) {
    if (ValidProxyEntry(t) && Matches(address, t)) return true;
  }
  return false;
}

std::string ResolveClientAddress(const std::string& peer,
                                 const std::optional<std::string>& forwarded_for,
                                 const std::vector<std::string>& trusted) {
  if (!forwarded_for || !IsTrusted(peer, trusted)) return Unmapped(peer);
  std::vector<std::string> hops;
  std::stringstream in(*forwarded_for);
  std::string item;
  while (std::getline(in, item, ',')) hops.push_back(Trim(item));
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    if (it->empty()) continue;
    if (!Ipv4(*it) && !Ipv6(*it)) return Unmapped(peer);  // a forged or broken header
    if (!IsTrusted(*it, trusted)) return Unmapped(*it);
  }
  return Unmapped(peer);
}

bool IsLoopback(const std::string& address) {
  if (address == "localhost" || address == "::1") return true;
  auto ip = Ipv4(Unmapped(address));
  return ip && (*ip >> 24) == 127;
}

}  // namespace opennrm::http
