// Configuration: a TOML file (see opennrm.example.toml, every key commented)
// with OPENNRM_<SECTION>_<KEY> environment variables overriding it. Bad
// configuration fails naming the key and what is wrong.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace opennrm::cli {

struct Config {
  // [server]
  std::string listen = "127.0.0.1";
  int port = 8080;
  std::string web_root = "web/dist";
  // The quick lane's request threads; 0: two per core (ADR 14). The slow lane's, for requests
  // that may hold a thread for long (http/lanes.hpp).
  int workers = 0;
  int slow_workers = 16;
  bool metrics = true;
  // [http]
  long long max_header_bytes = 16 * 1024;
  long long max_body_bytes = 1024 * 1024;
  int request_timeout_s = 10;
  int keepalive_idle_timeout_s = 60;
  int handler_timeout_s = 30;
  int write_timeout_s = 30;
  int shutdown_grace_s = 30;
  int max_connections = 4096;
  int max_queued_requests = 2048;
  // [attachments]
  long long attachment_max_bytes = 10LL * 1024 * 1024;
  // [storage]
  std::string driver = "sqlite";
  std::string data_dir = "var/data";
  std::string postgres_url;  // never logged
  int pool_size = 8;
  int busy_timeout_ms = 5000;
  // SQLite: MiB of pages each connection keeps of the database's main file (ADR 17).
  int sqlite_cache_mib = 64;
  // SQLite: a served request's audit events are made durable in a journal file and sequenced
  // into the log in batches (ADR 14). false: each group commit writes the log's tables itself.
  bool audit_journal = true;
  // How long journaled events may wait before they are sequenced into the log's tables.
  int audit_journal_apply_ms = 100;
  // Journaled events sequenced into the log's tables per transaction at most.
  int audit_journal_batch = 500;
  // The audit log's object index is built in sorted runs (ADR 16): once this many object rows
  // wait, the sequencer reads a run of at most audit_index_batch rows, sorted, and adds it in
  // transactions of audit_index_slice rows.
  int audit_index_after = 100000;
  int audit_index_batch = 100000;
  int audit_index_slice = 5000;
  // [reference]
  std::string reference_dir = "data";
  // [security]
  std::string master_key_file = "var/keys/master.key";
  // Base64 master key from the environment (OPENNRM_SECURITY_MASTER_KEY)
  // instead of the file; never put it in the TOML file. Never logged.
  std::string master_key;
  // During a master-key change: the key being replaced (docs/ops/keys.md).
  std::string previous_master_key_file;
  std::string audit_signing_key_file = "var/keys/audit-signing.key";
  std::string audit_checkpoint_dir = "var/audit-checkpoints";
  int audit_checkpoint_interval_s = 60;
  int session_idle_timeout_s = 15 * 60;
  int session_absolute_timeout_s = 12 * 60 * 60;
  // The server keeps its session checks and trusts one while the database's sign-in version has
  // not moved (ADR 15). false: every request looks its session up in full.
  bool session_cache = true;
  int password_hash_concurrency = 2;
  std::string totp_issuer = "OpenNRM";
  // Comma-separated addresses (or IPv4 CIDR ranges) of TLS-terminating
  // proxies whose X-Forwarded-For / X-Forwarded-Proto are believed.
  std::string trusted_proxies;
  // TLS in the server: PEM certificate chain and private key (both or neither).
  std::string tls_certificate_file;
  std::string tls_private_key_file;
  // [log]
  std::string log_level = "info";
  // [hotline]: office hours (Stockholm wall clock), the closing days, the
  // response targets in office minutes, the public call-back form's limits
  // and the routing rules file.
  std::vector<int> hotline_weekdays = {1, 2, 3, 4, 5};  // ISO: 1 Monday .. 7 Sunday
  std::string hotline_opens = "09:00";                  // "HH:MM"
  std::string hotline_closes = "16:00";                 // "HH:MM", after opens ("24:00": midnight)
  std::string hotline_holidays_file = "data/rules/holidays.toml";
  int hotline_urgent_minutes = 60;
  int hotline_normal_minutes = 480;
  int callback_per_address_per_hour = 5;
  int callback_max_bytes = 4096;
  // "": <reference dir>/rules/routing.toml.
  std::string hotline_routing_rules_file;
  // [statistics]: statistical disclosure control and the facts in memory
  // (checked at start: threshold >= minimum_threshold >= 3, base 1..100).
  int statistics_threshold = 11;
  int statistics_minimum_threshold = 5;
  int statistics_rounding_base = 1;
  int statistics_refresh_ms = 1000;

  // OPENNRM_* variables that name no key (a likely typo), for a warning.
  std::vector<std::string> unknown_environment;

  std::string SqlitePath() const { return data_dir + "/opennrm.db"; }
  // The routing rules file in use (hotline.routing_rules_file or the shipped one).
  std::string RoutingRulesPath() const {
    return hotline_routing_rules_file.empty() ? reference_dir + "/rules/routing.toml"
                                              : hotline_routing_rules_file;
  }
};

// Reads `path` (may be empty: defaults only), then applies `env` overrides.
// `env` is the process environment as name -> value.
Result<Config> LoadConfig(const std::string& path, const std::map<std::string, std::string>& env);

// Minutes after midnight of "HH:MM" (00:00..23:59, and "24:00" = 1440);
// nullopt when it is not such a time.
std::optional<int> MinuteOfDay(std::string_view hhmm);

// The process environment's OPENNRM_* variables.
std::map<std::string, std::string> OpennrmEnvironment();

}  // namespace opennrm::cli
