#include "server/serve.hpp"

#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/runtime.hpp"
#include "http/api.hpp"
#include "http/health.hpp"
#include "http/server.hpp"

namespace opennrm::server {

namespace {

http::ServerOptions ServerOptionsFrom(const cli::Config& c) {
  http::ServerOptions o;
  o.listen = c.listen;
  o.port = static_cast<std::uint16_t>(c.port);
  o.worker_threads = c.workers;
  o.max_queued_requests = c.max_queued_requests;
  o.max_header_bytes = static_cast<std::size_t>(c.max_header_bytes);
  o.max_body_bytes = static_cast<std::size_t>(c.max_body_bytes);
  o.request_timeout = std::chrono::seconds(c.request_timeout_s);
  o.keepalive_idle_timeout = std::chrono::seconds(c.keepalive_idle_timeout_s);
  o.handler_timeout = std::chrono::seconds(c.handler_timeout_s);
  o.write_timeout = std::chrono::seconds(c.write_timeout_s);
  o.shutdown_grace = std::chrono::seconds(c.shutdown_grace_s);
  o.max_connections = static_cast<std::size_t>(c.max_connections);
  return o;
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
  app::Context ctx = (*rt)->context();
  http::Metrics metrics;
  http::Router router;
  http::AddHealthRoutes(router, *(*rt)->db, metrics, config.metrics);
  http::AddApiRoutes(router, ctx,
                     http::ApiOptions{(*rt)->counties_geojson, (*rt)->municipalities_geojson,
                                      flags.benchmark_routes});
  auto st = http::RunServer(ServerOptionsFrom(config), router, *files, metrics);
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
