#include "http/message.hpp"

#include <cerrno>
#include <cstdlib>

namespace opennrm::http {

std::optional<std::string> Request::Query(const std::string& name) const {
  for (const auto& [k, v] : query) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::vector<std::string> Request::ListQuery(const std::string& name) const {
  std::vector<std::string> out;
  auto v = Query(name);
  if (!v) return out;
  std::string item;
  for (char ch : *v + ",") {
    if (ch == ',') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else {
      item.push_back(ch);
    }
  }
  return out;
}

bool Request::BoolQuery(const std::string& name, Problems& problems) const {
  auto v = Query(name);
  if (!v || *v == "false") return false;
  if (*v == "true") return true;
  problems.Add(name, "enum", "Must be true or false.");
  return false;
}

CivilDate Request::DateQuery(const std::string& name, CivilDate fallback,
                             Problems& problems) const {
  auto v = Query(name);
  if (!v) return fallback;
  if (auto d = ParseIsoDate(*v)) return *d;
  problems.Add(name, "format", "A date as YYYY-MM-DD.");
  return fallback;
}

long long Request::IntQuery(const std::string& name, long long fallback, long long min,
                            long long max, Problems& problems) const {
  auto v = Query(name);
  if (!v) return fallback;
  char* end = nullptr;
  errno = 0;
  long long n = std::strtoll(v->c_str(), &end, 10);
  if (v->empty() || *end != '\0' || errno == ERANGE) {
    problems.Add(name, "type", "Expected an integer.");
    return fallback;
  }
  if (n < min || n > max) {
    problems.Add(name, "range",
                 "An integer between " + std::to_string(min) + " and " + std::to_string(max) + ".");
    return fallback;
  }
  return n;
}

std::optional<std::string> Request::Header(const std::string& lower_name) const {
  for (const auto& [k, v] : headers) {
    if (k == lower_name) return v;
  }
  return std::nullopt;
}

std::optional<std::string> DecodePath(std::string_view raw) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      out.push_back(raw[i]);
      continue;
    }
    if (i + 2 >= raw.size()) return std::nullopt;
    int hi = hex(raw[i + 1]), lo = hex(raw[i + 2]);
    if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) return std::nullopt;
    // An encoded slash would turn into a path separator after decoding.
    if (hi == 2 && lo == 0xF) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

}  // namespace opennrm::http
