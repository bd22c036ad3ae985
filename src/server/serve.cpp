#include "server/serve.hpp"

#include <spdlog/spdlog.h>

#include <sys/stat.h>

#include <algorithm>
#include <iostream>
#include <thread>

#include "app/cases/clocks.hpp"
#include "app/referrals/referrals.hpp"
#include "app/scheduler.hpp"
#include "app/statistics/fact_cache.hpp"
#include "app/statistics/fact_cache_keeper.hpp"
#include "app/users.hpp"
#include "cli/runtime.hpp"
#include "cli/security_runtime.hpp"
#include "http/api.hpp"
#include "http/client_address.hpp"
#include "http/health.hpp"
#include "http/lanes.hpp"
#include "http/pdf_writer.hpp"
#include "http/server.hpp"

namespace opennrm::server {

namespace {

http::ServerOptions ServerOptionsFrom(const cli::Config& c) {
  http::ServerOptions o;
  o.listen = c.listen;
  o.port = static_cast<std::uint16_t>(c.port);
  // Two per core by default: a quick request then runs to its end instead of sharing the cores
  // with dozens of others (ADR 14).
  o.worker_threads = c.workers > 0
                         ? c.workers
                         : 2 * std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  o.slow_worker_threads = c.slow_workers;
  o.max_queued_requests = c.max_queued_requests;
  o.max_header_bytes = static_cast<std::size_t>(c.max_header_bytes);
  o.max_body_bytes = static_cast<std::size_t>(c.max_body_bytes);
  o.request_timeout = std::chrono::seconds(c.request_timeout_s);
  o.keepalive_idle_timeout = std::chrono::seconds(c.keepalive_idle_timeout_s);
  o.handler_timeout = std::chrono::seconds(c.handler_timeout_s);
  o.write_timeout = std::chrono::seconds(c.write_timeout_s);
  o.shutdown_grace = std::chrono::seconds(c.shutdown_grace_s);
  o.max_connections = static_cast<std::size_t>(c.max_connections);
  o.tls_certificate_file = c.tls_certificate_file;
  o.tls_private_key_file = c.tls_private_key_file;
  std::string item;
  for (char ch : c.trusted_proxies + ",") {
    if (ch == ',') {
      if (!item.empty()) o.trusted_proxies.push_back(item);
      item.clear();
    } else if (ch != ' ') {
      item.push_back(ch);
    }
  }
  return o;
}

// Plain HTTP only where nobody else can listen in: loopback, or behind a
// trusted TLS-terminating proxy. Otherwise TLS in the server.
Status CheckTransport(const http::ServerOptions& o) {
  for (const auto& p : o.trusted_proxies) {
    if (!http::ValidProxyEntry(p)) {
      return Invalid("server.trusted_proxies", "format",
                     "Not an IP address or IPv4 range: " + p.substr(0, 64));
    }
  }
  if (o.tls_certificate_file.empty() != o.tls_private_key_file.empty()) {
    return Invalid(o.tls_certificate_file.empty() ? "server.tls_certificate_file"
                                                  : "server.tls_private_key_file",
                   "required_together",
                   "TLS needs both server.tls_certificate_file and server.tls_private_key_file.");
  }
  if (o.Tls()) {
    struct stat st {};
    if (stat(o.tls_private_key_file.c_str(), &st) != 0) {
      return Invalid("server.tls_private_key_file", "readable",
                     "Cannot read the TLS private key file " + o.tls_private_key_file + ".");
    }
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
      return Invalid("server.tls_private_key_file", "permissions",
                     "The TLS private key file " + o.tls_private_key_file +
                         " is readable by group or others; chmod 600 it.");
    }
    return Ok();
  }
  if (!http::IsLoopback(o.listen) && o.trusted_proxies.empty()) {
    return Invalid("server.listen", "loopback_or_tls",
                   "Plain HTTP is served only on a loopback address. To listen on " + o.listen +
                       ", set server.tls_certificate_file and server.tls_private_key_file, or put "
                       "a TLS-terminating proxy in front and set server.trusted_proxies.");
  }
  return Ok();
}

// The background jobs, run by whichever server holds the scheduler lease.
std::vector<app::ScheduledJob> Jobs(const app::Context& ctx, app::audit::Sequencer& sequencer) {
  const app::Context* c = &ctx;
  return {
      {"audit-sequencer", std::chrono::seconds(1),
       [&sequencer](TimePoint now) -> Status {
         auto r = sequencer.Step(now);
         if (!r) {
           spdlog::warn(R"("msg":"audit sequencing failed","error":"{}")", r.error().message);
           return tl::unexpected(r.error());
         }
         return Ok();
       }},
      {"prune-login-failures", std::chrono::minutes(10),
       [c](TimePoint now) -> Status {
         auto uow = c->db.Begin(ports::Access::kWrite);
         if (!uow) return tl::unexpected(uow.error());
         auto n = (*uow)->login_attempts().Prune(ToEpochMicros(now - std::chrono::hours(2)));
         if (!n) return tl::unexpected(n.error());
         return (*uow)->Commit();
       }},
      {"prune-sessions", std::chrono::minutes(10),
       [c](TimePoint now) -> Status {
         auto uow = c->db.Begin(ports::Access::kWrite);
         if (!uow) return tl::unexpected(uow.error());
         auto n = (*uow)->sessions().Prune(ToEpochMicros(now - std::chrono::hours(24)));
         if (!n) return tl::unexpected(n.error());
         return (*uow)->Commit();
       }},
      // Statistics: removals are kept a week; a fact cache idle longer loads afresh.
      {"prune-statistics-removals", std::chrono::hours(1),
       [c](TimePoint now) -> Status {
         auto n = app::statistics::PruneFactRemovals(c->db, now);
         if (!n) return tl::unexpected(n.error());
         return Ok();
       }},
      // The query planner's statistics follow the data as it grows.
      {"database-optimize", std::chrono::hours(1),
       [c](TimePoint) -> Status { return c->db.Optimize(); }},
      // Clock and task reminders: claimed in the database, so each goes out once.
      {"case-reminders", std::chrono::minutes(5),
       [c](TimePoint now) -> Status {
         auto run = app::SendDueReminders(*c, now);
         if (!run) {
           spdlog::warn(R"("msg":"case reminders failed","error":"{}")", run.error().message);
           return tl::unexpected(run.error());
         }
         if (run->reminders > 0) {
           spdlog::info(R"("msg":"case reminders sent","reminders":{},"notices":{})",
                        run->reminders, run->notices);
         }
         return Ok();
       }},
      // Overdue referrals: each claimed in the database, so it is reminded of once.
      {"referral-reminders", std::chrono::minutes(5),
       [c](TimePoint now) -> Status {
         auto n = app::SendReferralReminders(*c, ToEpochMicros(now));
         if (!n) {
           spdlog::warn(R"("msg":"referral reminders failed","error":"{}")", n.error().message);
           return tl::unexpected(n.error());
         }
         if (*n > 0) spdlog::info(R"("msg":"referral reminders sent","referrals":{})", *n);
         return Ok();
       }},
  };
}

int Fail(const Error& e) {
  spdlog::error(R"("msg":"cannot start")");
  std::cerr << "opennrm: " << e.message << "\n";
  return 1;
}

}  // namespace

int Serve(const cli::Config& config, const cli::ServeFlags& flags) {
  auto rt = cli::Start(config, cli::StartOptions{true, true});
  if (!rt) return Fail(rt.error());
  auto files = http::StaticFiles::Load(config.web_root);
  if (!files) return Fail(files.error());
  // The referral summary's PDF embeds DejaVu Sans (fonts-dejavu-core): missing, say so now.
  if (auto fonts = http::CheckPdfFonts(); !fonts) return Fail(fonts.error());
  http::ServerOptions server_options = ServerOptionsFrom(config);
  if (auto st = CheckTransport(server_options); !st) return Fail(st.error());
  std::string holder = cli::ProcessHolderName();
  auto sec = cli::StartSecurity(config, *(*rt)->db, (*rt)->clock, holder, true);
  if (!sec) return Fail(sec.error());
  app::Context ctx = (*rt)->context();
  ctx.security = (*sec)->services.get();
  auto first = app::EnsureFirstAdministrator(ctx);
  if (!first) return Fail(first.error());
  if (*first) {
    // Printed once, to the terminal only — never to the log.
    std::cout << "\n  First start: created the system administrator '" << (*first)->user.username
              << "'.\n  One-time password (change it at first login): "
              << (*first)->one_time_password << "\n\n"
              << std::flush;
  }
  // This server's statistics facts: loaded now, in the background, and kept fresh.
  app::statistics::FactCacheKeeper facts_keeper(*ctx.facts, std::chrono::minutes(10));
  app::Scheduler scheduler((*rt)->db.operator*(), (*rt)->clock, holder,
                           Jobs(ctx, *(*sec)->sequencer));
  scheduler.Start(std::chrono::milliseconds(500));
  http::Metrics metrics;
  if (auto* journal = (*sec)->journal.get()) {
    metrics.SetSampleSource([journal] {
      const auto st = journal->Stats();
      return std::vector<http::MetricSample>{
          {"opennrm_audit_journal_backlog_events", "gauge",
           "Audit events durable in the journal and not yet sequenced into the log.",
           static_cast<double>(st.backlog_events)},
          {"opennrm_audit_journal_applied_events_total", "counter",
           "Audit events sequenced from the journal into the log since the start.",
           static_cast<double>(st.applied_events)},
          {"opennrm_audit_journal_failed_transactions_total", "counter",
           "Transactions of the journal's applier that failed (retried).",
           static_cast<double>(st.failed_transactions)},
          {"opennrm_audit_journal_refused_appends_total", "counter",
           "Audit batches the journal refused (their requests got 503).",
           static_cast<double>(st.refused_appends)},
      };
    });
  }
  http::Router router;
  http::AddHealthRoutes(router, *(*rt)->db, metrics, config.metrics);
  http::AddApiRoutes(router, ctx,
                     http::ApiOptions{(*rt)->counties_geojson, (*rt)->municipalities_geojson,
                                      flags.benchmark_routes});
  if (auto missing = http::AssignLanes(router); !missing.empty()) {
    return Fail(Error{ErrorCode::kInternal,
                      "The slow lane names a route the server does not have: " + missing[0],
                      {}});
  }
  auto st = http::RunServer(server_options, router, *files, metrics);
  scheduler.Stop();
  (*sec)->audit->Stop();
  if ((*sec)->journal) (*sec)->journal->Stop();
  (void)(*sec)->sequencer->Step((*rt)->clock.Now());
  if (!st) return Fail(st.error());
  spdlog::info(R"("msg":"stopped")");
  return 0;
}

int PrintRoutes(const cli::Config& config) {
  auto rt = cli::Start(config, cli::StartOptions{false, false});
  if (!rt) return Fail(rt.error());
  app::Context ctx = (*rt)->context();
  http::Metrics metrics;
  http::Router router;
  http::AddHealthRoutes(router, *(*rt)->db, metrics, true);
  http::AddApiRoutes(router, ctx, http::ApiOptions{});
  for (const auto& r : router.routes()) std::cout << r.method << " " << r.pattern << "\n";
  return 0;
}

}  // namespace opennrm::server
