#include "cli/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <functional>
#include <set>

extern char** environ;

namespace opennrm::cli {

namespace {

// One configuration key: how to set it from TOML and from text.
struct Key {
  std::string section;
  std::string name;
  std::function<Status(Config&, const toml::node&)> from_toml;
  std::function<Status(Config&, const std::string&)> from_text;
};

template <class T>
Key IntKey(std::string section, std::string name, T Config::*field, long long min, long long max) {
  std::string full = section + "." + name;
  auto check = [field, min, max, full](Config& c, long long v) -> Status {
    if (v < min || v > max) {
      return Invalid(full, "range",
                     full + " must be between " + std::to_string(min) + " and " +
                         std::to_string(max) + " (got " + std::to_string(v) + ").");
    }
    c.*field = static_cast<T>(v);
    return {};
  };
  return Key{section, name,
             [check, full](Config& c, const toml::node& n) -> Status {
               auto v = n.value_exact<int64_t>();
               if (!v) return Invalid(full, "type", full + " must be an integer.");
               return check(c, *v);
             },
             [check, full](Config& c, const std::string& s) -> Status {
               char* end = nullptr;
               long long v = std::strtoll(s.c_str(), &end, 10);
               if (s.empty() || *end != '\0')
                 return Invalid(full, "type", full + " must be an integer.");
               return check(c, v);
             }};
}

Key StringKey(std::string section, std::string name, std::string Config::*field,
              std::set<std::string> allowed = {}) {
  std::string full = section + "." + name;
  auto check = [field, allowed, full](Config& c, const std::string& v) -> Status {
    if (!allowed.empty() && !allowed.count(v)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return Invalid(full, "enum", full + " must be one of: " + list + " (got '" + v + "').");
    }
    c.*field = v;
    return {};
  };
  return Key{section, name,
             [check, full](Config& c, const toml::node& n) -> Status {
               auto v = n.value_exact<std::string>();
               if (!v) return Invalid(full, "type", full + " must be a string.");
               return check(c, *v);
             },
             check};
}

Key BoolKey(std::string section, std::string name, bool Config::*field) {
  std::string full = section + "." + name;
  return Key{section, name,
             [field, full](Config& c, const toml::node& n) -> Status {
               auto v = n.value_exact<bool>();
               if (!v) return Invalid(full, "type", full + " must be true or false.");
               c.*field = *v;
               return {};
             },
             [field, full](Config& c, const std::string& s) -> Status {
               if (s == "true" || s == "1")
                 c.*field = true;
               else if (s == "false" || s == "0")
                 c.*field = false;
               else
                 return Invalid(full, "type", full + " must be true or false.");
               return {};
             }};
}

// A list of small integers: a TOML array of integers, or "1,2,3" in the environment.
Key IntListKey(std::string section, std::string name, std::vector<int> Config::*field, int min,
               int max) {
  std::string full = section + "." + name;
  auto check = [field, min, max, full](Config& c, const std::vector<long long>& v) -> Status {
    if (v.empty()) return Invalid(full, "required", full + " must not be empty.");
    std::vector<int> out;
    for (long long x : v) {
      if (x < min || x > max) {
        return Invalid(full, "range",
                       full + " values must be between " + std::to_string(min) + " and " +
                           std::to_string(max) + " (got " + std::to_string(x) + ").");
      }
      if (std::find(out.begin(), out.end(), static_cast<int>(x)) != out.end()) {
        return Invalid(full, "duplicate", full + " names " + std::to_string(x) + " twice.");
      }
      out.push_back(static_cast<int>(x));
    }
    std::sort(out.begin(), out.end());
    c.*field = std::move(out);
    return {};
  };
  return Key{section, name,
             [check, full](Config& c, const toml::node& n) -> Status {
               const toml::array* a = n.as_array();
               if (!a) return Invalid(full, "type", full + " must be an array of integers.");
               std::vector<long long> v;
               for (const auto& e : *a) {
                 auto x = e.value_exact<int64_t>();
                 if (!x) return Invalid(full, "type", full + " must be an array of integers.");
                 v.push_back(*x);
               }
               return check(c, v);
             },
             [check, full](Config& c, const std::string& s) -> Status {
               std::vector<long long> v;
               std::size_t at = 0;
               while (at <= s.size()) {
                 const std::size_t comma = std::min(s.find(',', at), s.size());
                 const std::string part = s.substr(at, comma - at);
                 char* end = nullptr;
                 long long x = std::strtoll(part.c_str(), &end, 10);
                 if (part.empty() || *end != '\0')
                   return Invalid(full, "type", full + " must be integers separated by commas.");
                 v.push_back(x);
                 at = comma + 1;
               }
               return check(c, v);
             }};
}

// A wall-clock time "HH:MM".
Key TimeKey(std::string section, std::string name, std::string Config::*field) {
  std::string full = section + "." + name;
  auto check = [field, full](Config& c, const std::string& v) -> Status {
    if (!MinuteOfDay(v)) {
      return Invalid(full, "format",
                     full + " must be a time \"HH:MM\" from 00:00 to 24:00 (got '" + v + "').");
    }
    c.*field = v;
    return {};
  };
  return Key{section, name,
             [check, full](Config& c, const toml::node& n) -> Status {
               auto v = n.value_exact<std::string>();
               if (!v) return Invalid(full, "type", full + " must be a string \"HH:MM\".");
               return check(c, *v);
             },
             check};
}

const std::vector<Key>& Keys() {
  static const std::vector<Key> kKeys{
      StringKey("server", "listen", &Config::listen),
      IntKey("server", "port", &Config::port, 1, 65535),
      StringKey("server", "web_root", &Config::web_root),
      IntKey("server", "workers", &Config::workers, 0, 256),
      IntKey("server", "slow_workers", &Config::slow_workers, 1, 256),
      BoolKey("server", "metrics", &Config::metrics),
      IntKey("http", "max_header_bytes", &Config::max_header_bytes, 1024, 1024 * 1024),
      IntKey("http", "max_body_bytes", &Config::max_body_bytes, 1024, 256LL * 1024 * 1024),
      IntKey("http", "request_timeout_s", &Config::request_timeout_s, 1, 3600),
      IntKey("http", "keepalive_idle_timeout_s", &Config::keepalive_idle_timeout_s, 1, 3600),
      IntKey("http", "handler_timeout_s", &Config::handler_timeout_s, 1, 3600),
      IntKey("http", "write_timeout_s", &Config::write_timeout_s, 1, 3600),
      IntKey("http", "shutdown_grace_s", &Config::shutdown_grace_s, 0, 3600),
      IntKey("http", "max_connections", &Config::max_connections, 1, 1000000),
      IntKey("http", "max_queued_requests", &Config::max_queued_requests, 1, 1000000),
      IntKey("attachments", "max_bytes", &Config::attachment_max_bytes, 1024, 64LL * 1024 * 1024),
      StringKey("storage", "driver", &Config::driver, {"sqlite", "postgres"}),
      StringKey("storage", "data_dir", &Config::data_dir),
      StringKey("storage", "postgres_url", &Config::postgres_url),
      IntKey("storage", "pool_size", &Config::pool_size, 1, 512),
      IntKey("storage", "busy_timeout_ms", &Config::busy_timeout_ms, 0, 600000),
      IntKey("storage", "sqlite_cache_mib", &Config::sqlite_cache_mib, 1, 4096),
      BoolKey("storage", "audit_journal", &Config::audit_journal),
      IntKey("storage", "audit_journal_apply_ms", &Config::audit_journal_apply_ms, 1, 600000),
      IntKey("storage", "audit_journal_batch", &Config::audit_journal_batch, 1, 100000),
      IntKey("storage", "audit_index_after", &Config::audit_index_after, 1, 10000000),
      IntKey("storage", "audit_index_batch", &Config::audit_index_batch, 100, 1000000),
      IntKey("storage", "audit_index_slice", &Config::audit_index_slice, 100, 1000000),
      StringKey("reference", "dir", &Config::reference_dir),
      StringKey("security", "master_key_file", &Config::master_key_file),
      StringKey("security", "master_key", &Config::master_key),
      StringKey("security", "previous_master_key_file", &Config::previous_master_key_file),
      StringKey("security", "audit_signing_key_file", &Config::audit_signing_key_file),
      StringKey("security", "audit_checkpoint_dir", &Config::audit_checkpoint_dir),
      IntKey("security", "audit_checkpoint_interval_s", &Config::audit_checkpoint_interval_s, 1,
             86400),
      IntKey("security", "session_idle_timeout_s", &Config::session_idle_timeout_s, 1, 86400),
      IntKey("security", "session_absolute_timeout_s", &Config::session_absolute_timeout_s, 300,
             7 * 86400),
      BoolKey("security", "session_cache", &Config::session_cache),
      IntKey("security", "password_hash_concurrency", &Config::password_hash_concurrency, 1, 64),
      StringKey("security", "totp_issuer", &Config::totp_issuer),
      StringKey("server", "trusted_proxies", &Config::trusted_proxies),
      StringKey("server", "tls_certificate_file", &Config::tls_certificate_file),
      StringKey("server", "tls_private_key_file", &Config::tls_private_key_file),
      StringKey("log", "level", &Config::log_level, {"debug", "info", "warn", "error"}),
      IntListKey("hotline", "weekdays", &Config::hotline_weekdays, 1, 7),
      TimeKey("hotline", "opens", &Config::hotline_opens),
      TimeKey("hotline", "closes", &Config::hotline_closes),
      StringKey("hotline", "holidays_file", &Config::hotline_holidays_file),
      IntKey("hotline", "urgent_minutes", &Config::hotline_urgent_minutes, 1, 7 * 24 * 60),
      IntKey("hotline", "normal_minutes", &Config::hotline_normal_minutes, 1, 30 * 24 * 60),
      IntKey("hotline", "callback_per_address_per_hour", &Config::callback_per_address_per_hour, 1,
             1000),
      IntKey("hotline", "callback_max_bytes", &Config::callback_max_bytes, 256, 64 * 1024),
      StringKey("hotline", "routing_rules_file", &Config::hotline_routing_rules_file),
      IntKey("statistics", "threshold", &Config::statistics_threshold, 3, 1000),
      IntKey("statistics", "minimum_threshold", &Config::statistics_minimum_threshold, 3, 1000),
      IntKey("statistics", "rounding_base", &Config::statistics_rounding_base, 1, 100),
      IntKey("statistics", "refresh_ms", &Config::statistics_refresh_ms, 0, 3'600'000),
  };
  return kKeys;
}

std::string EnvName(const Key& k) {
  std::string s = "OPENNRM_" + k.section + "_" + k.name;
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

Status CheckConsistency(const Config& c) {
  if (c.listen.empty())
    return Invalid("server.listen", "required", "server.listen must not be empty.");
  if (c.data_dir.empty())
    return Invalid("storage.data_dir", "required", "storage.data_dir must not be empty.");
  if (c.driver == "postgres" && c.postgres_url.empty()) {
    return Invalid("storage.postgres_url", "required",
                   "storage.postgres_url is required when storage.driver is postgres.");
  }
  if (c.master_key_file.empty()) {
    return Invalid("security.master_key_file", "required",
                   "security.master_key_file must not be empty.");
  }
  if (*MinuteOfDay(c.hotline_opens) >= *MinuteOfDay(c.hotline_closes)) {
    return Invalid("hotline.closes", "before_opens",
                   "hotline.closes (" + c.hotline_closes + ") must be after hotline.opens (" +
                       c.hotline_opens + ").");
  }
  if (*MinuteOfDay(c.hotline_opens) == 24 * 60) {
    return Invalid("hotline.opens", "format", "hotline.opens must be before 24:00.");
  }
  if (c.hotline_holidays_file.empty()) {
    return Invalid("hotline.holidays_file", "required",
                   "hotline.holidays_file must name the file of closing days.");
  }
  return {};
}

}  // namespace

std::optional<int> MinuteOfDay(std::string_view t) {
  if (t.size() != 5 || t[2] != ':') return std::nullopt;
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
  }
  const int hours = (t[0] - '0') * 10 + (t[1] - '0');
  const int minutes = (t[3] - '0') * 10 + (t[4] - '0');
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

std::map<std::string, std::string> OpennrmEnvironment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string kv(*e);
    if (kv.rfind("OPENNRM_", 0) != 0) continue;
    auto eq = kv.find('=');
    if (eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return env;
}

Result<Config> LoadConfig(const std::string& path, const std::map<std::string, std::string>& env) {
  Config config;
  if (!path.empty()) {
    toml::table table;
    try {
      table = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
      return Invalid(path, "toml",
                     "Cannot read " + path + " (line " + std::to_string(e.source().begin.line) +
                         "): " + std::string(e.description()));
    }
    for (const auto& [section, node] : table) {
      std::string sec(section.str());
      const toml::table* inner = node.as_table();
      if (!inner) return Invalid(sec, "type", "'" + sec + "' must be a [section].");
      for (const auto& [name, value] : *inner) {
        std::string key(name.str());
        const Key* found = nullptr;
        for (const auto& k : Keys()) {
          if (k.section == sec && k.name == key) found = &k;
        }
        if (found && sec == "security" && key == "master_key") {
          return Invalid("security.master_key", "environment_only",
                         "The master key never goes in a file that may be copied with the "
                         "configuration; set OPENNRM_SECURITY_MASTER_KEY or use "
                         "security.master_key_file.");
        }
        if (!found) {
          return Invalid(sec + "." + key, "unknown_key",
                         "Unknown configuration key " + sec + "." + key + " in " + path + ".");
        }
        if (auto st = found->from_toml(config, value); !st) return tl::unexpected(st.error());
      }
    }
  }
  for (const auto& k : Keys()) {
    auto it = env.find(EnvName(k));
    if (it == env.end()) continue;
    if (auto st = k.from_text(config, it->second); !st) {
      Error e = st.error();
      e.message = EnvName(k) + ": " + e.message;
      return tl::unexpected(e);
    }
  }
  for (const auto& [name, value] : env) {
    bool known = name.rfind("OPENNRM_TEST_", 0) == 0 || name == "OPENNRM_BINARY" ||
                 name == "OPENNRM_SOURCE_DIR";
    for (const auto& k : Keys()) known = known || EnvName(k) == name;
    if (!known) config.unknown_environment.push_back(name);
  }
  if (auto st = CheckConsistency(config); !st) return tl::unexpected(st.error());
  return config;
}

}  // namespace opennrm::cli
