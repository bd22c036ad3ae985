// The only translation unit that includes RESTinio (it takes ~20 s to compile).
#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <random>
#include <restinio/all.hpp>
#include <thread>
#include <type_traits>

#include "app/audit/answer_hold.hpp"
#include "core/this_thread.hpp"
#include "http/pipeline.hpp"
#include "http/problem.hpp"
#include "http/timed_socket.hpp"
#include "http/timed_tls_socket.hpp"

namespace opennrm::http {

namespace {

namespace asio = restinio::asio_ns;

struct ConnectionCounter {
  Metrics* metrics = nullptr;
  void state_changed(const restinio::connection_state::notice_t& notice) noexcept {
    if (!metrics) return;
    struct Visitor {
      Metrics* m;
      void operator()(const restinio::connection_state::accepted_t&) const {
        m->ConnectionOpened();
      }
      void operator()(const restinio::connection_state::closed_t&) const { m->ConnectionClosed(); }
      void operator()(const restinio::connection_state::upgraded_to_websocket_t&) const {}
    };
    restinio::visit(Visitor{metrics}, notice.cause());
  }
};

template <class Socket>
struct Traits : public restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t,
                                          restinio::default_request_handler_t,
                                          restinio::noop_strand_t, Socket> {
  using connection_state_listener_t = ConnectionCounter;
  static constexpr bool use_connection_count_limiter = true;
};

// TLS 1.2 and 1.3 only, forward-secret AEAD suites, the chain and key from
// the configured PEM files.
Result<std::shared_ptr<asio::ssl::context>> TlsContext(const ServerOptions& o) {
  try {
    auto ctx = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_server);
    ctx->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                     asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                     asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use |
                     SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION |
                     SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION);
    SSL_CTX_set_cipher_list(ctx->native_handle(),
                            "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!eNULL:!MD5:!SHA1");
    ctx->use_certificate_chain_file(o.tls_certificate_file);
    ctx->use_private_key_file(o.tls_private_key_file, asio::ssl::context::pem);
    if (SSL_CTX_check_private_key(ctx->native_handle()) != 1) {
      return Fail(ErrorCode::kInvalid, "The TLS private key does not match the certificate.");
    }
    return ctx;
  } catch (const std::exception& e) {
    return Fail(ErrorCode::kInvalid,
                std::string("Cannot load the TLS certificate or key: ") + e.what());
  }
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

Request ReadRequest(const restinio::request_handle_t& req, Response* early, bool* ok) {
  Request r;
  r.method = req->header().method().c_str();
  for (const auto& field : req->header()) {
    std::string name = field.name();
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers.emplace_back(std::move(name), field.value());
  }
  r.request_id = Pipeline::RequestIdFrom(r.Header("x-request-id"));
  try {
    r.remote_address = req->remote_endpoint().address().to_string();
  } catch (const std::exception&) {
    r.remote_address = "unknown";
  }
  *ok = true;
  try {
    auto path = DecodePath(req->header().path());
    if (!path) throw std::invalid_argument("path");
    r.path = std::move(*path);
    if (!req->header().query().empty()) {
      // RFC 3986 allows ":" and "@" unescaped in a query (timestamps).
      auto params =
          restinio::parse_query<restinio::parse_query_traits::relaxed>(req->header().query());
      for (const auto& [k, v] : params) r.query.emplace_back(std::string(k), std::string(v));
    }
  } catch (const std::exception&) {
    *ok = false;
    r.path = std::string(req->header().path());
    *early = ProblemResponse(400, "malformed", "The request could not be read.",
                             "The path or query string is not validly percent-encoded (an encoded "
                             "slash is refused too).",
                             r, {{"url", "percent_encoding", "Invalid percent-encoding."}});
  }
  r.body = req->body();
  return r;
}

// Sends `response` from any thread; counts the request done once written.
void Send(Pipeline& pipeline, const restinio::request_handle_t& req, const Request& request,
          const std::string& route, Response response,
          std::chrono::steady_clock::time_point start) {
  pipeline.Finalize(request, response);
  int status = response.status;
  auto rb = req->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(status)}, ReasonPhrase(status)});
  rb.append_header(restinio::http_field::content_type, response.content_type);
  for (auto& [name, value] : response.headers) rb.append_header(name, std::move(value));
  rb.set_body(std::move(response.body));
  pipeline.Complete(route, request, status, start);
  rb.done([&pipeline](const asio::error_code&) { pipeline.End(); });
}

restinio::incoming_http_msg_limits_t ParserLimits(const ServerOptions& o, const Pipeline& p) {
  // The parser's hard limits; the exact header and per-route body limits are
  // checked in Pipeline::Prepare so that they answer with a problem.
  return restinio::incoming_http_msg_limits_t{}
      .max_url_size(o.max_header_bytes)
      .max_field_name_size(o.max_header_bytes)
      .max_field_value_size(o.max_header_bytes)
      .max_field_count(200)
      .max_body_size(p.LargestBody() * 2 + 1024);
}

template <class Socket>
Status Run(const ServerOptions& options, const Router& router, const StaticFiles& files,
           Metrics& metrics, std::shared_ptr<asio::ssl::context> tls) {
  ReceiveTracking tracking;
  tracking.request_timeout = options.request_timeout;
  Socket::Configure(&tracking);

  asio::io_context io;
  // Two lanes of request threads (http/lanes.hpp).
  asio::thread_pool workers(static_cast<std::size_t>(options.worker_threads));
  asio::thread_pool slow_workers(static_cast<std::size_t>(options.slow_worker_threads));
  Pipeline pipeline(options, router, files, metrics);

  auto handler = [&](restinio::request_handle_t req) -> restinio::request_handling_status_t {
    auto start = std::chrono::steady_clock::now();
    Response early;
    bool ok = true;
    std::string label = "unmatched";
    auto request = std::make_shared<Request>(ReadRequest(req, &early, &ok));
    if (ok) {
      auto prepared = pipeline.Prepare(*request);
      label = prepared.label;
      if (prepared.response) {
        early = std::move(*prepared.response);
        ok = false;
      } else {
        // Hand the request to a worker; respond from there.
        if (pipeline.Queued() >= options.max_queued_requests) {
          early = ProblemResponse(503, "unavailable", "The server is busy.",
                                  "Too many requests are waiting; try again shortly.", *request);
          ok = false;
        } else {
          pipeline.Enqueue();
          auto& lane = prepared.route->lane == Lane::kSlow ? slow_workers : workers;
          const bool slow = prepared.route->lane == Lane::kSlow;
          asio::post(lane, [&pipeline, req, request, route = prepared.route, start, slow] {
            static thread_local const bool named =
                (core::NameThisThread(slow ? "http-slow" : "http-worker"), true);
            (void)named;
            pipeline.Dequeue();
            // A read's answer waits for its audit event without this thread waiting with it
            // (app/audit/answer_hold.hpp): it is sent by whichever thread makes it durable.
            auto hold = std::make_shared<app::audit::AnswerHold>();
            auto response = std::make_shared<Response>();
            {
              app::audit::ScopedAnswerHold scope(hold);
              *response = pipeline.Handle(*route, *request);
            }
            hold->Release([&pipeline, req, request, route, start, response](const Status& durable) {
              if (!durable) {
                *response = ProblemResponse(
                    Error{ErrorCode::kUnavailable, "The audit log cannot be written.", {}},
                    *request);
              }
              Send(pipeline, req, *request, route->pattern, std::move(*response), start);
            });
          });
          return restinio::request_accepted();
        }
      }
    }
    pipeline.Begin();
    Send(pipeline, req, *request, label, std::move(early), start);
    return restinio::request_accepted();
  };

  auto settings = restinio::server_settings_t<Traits<Socket>>{}
                      .address(options.listen)
                      .port(options.port)
                      .request_handler(handler)
                      .read_next_http_message_timelimit(options.keepalive_idle_timeout)
                      .handle_request_timeout(options.handler_timeout)
                      .write_http_response_timelimit(options.write_timeout)
                      .max_pipelined_requests(1)
                      .max_parallel_connections(options.max_connections)
                      .incoming_http_msg_limits(ParserLimits(options, pipeline))
                      .connection_state_listener(
                          std::make_shared<ConnectionCounter>(ConnectionCounter{&metrics}));

  if constexpr (std::is_same_v<Socket, TimedTlsSocket>) settings.tls_context(std::move(tls));
  restinio::http_server_t<Traits<Socket>> server{restinio::external_io_context(io),
                                                 std::move(settings)};
  Status opened;
  server.open_async([] {},
                    [&](std::exception_ptr ex) {
                      try {
                        std::rethrow_exception(ex);
                      } catch (const std::exception& e) {
                        opened = Fail(ErrorCode::kUnavailable,
                                      "Cannot listen on " + options.listen + ":" +
                                          std::to_string(options.port) + ": " + e.what());
                      }
                      io.stop();
                    });

  asio::signal_set signals(io, SIGINT, SIGTERM);
  asio::steady_timer drain(io);
  auto deadline = std::make_shared<std::chrono::steady_clock::time_point>();
  std::function<void()> closer;
  std::function<void()> wait_for_drain = [&] {
    bool idle = pipeline.InFlight() == 0 && tracking.receiving.load() == 0;
    if (idle || std::chrono::steady_clock::now() >= *deadline) {
      if (!idle) {
        spdlog::warn(R"("msg":"shutdown grace expired","in_flight":{})", pipeline.InFlight());
      }
      // Close the remaining (idle) connections and let RESTinio release them
      // while the server object still exists, then stop the loop.
      tracking.CloseAll();
      auto closing_until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
      closer = [&, closing_until] {
        if (metrics.OpenConnections() <= 0 || std::chrono::steady_clock::now() >= closing_until) {
          io.stop();
          return;
        }
        drain.expires_after(std::chrono::milliseconds(10));
        drain.async_wait([&](const asio::error_code&) { closer(); });
      };
      closer();
      return;
    }
    drain.expires_after(std::chrono::milliseconds(20));
    drain.async_wait([&](const asio::error_code&) { wait_for_drain(); });
  };
  signals.async_wait([&](const asio::error_code& ec, int signo) {
    if (ec) return;
    spdlog::info(R"("msg":"shutting down","signal":{},"in_flight":{})", signo, pipeline.InFlight());
    *deadline = std::chrono::steady_clock::now() + options.shutdown_grace;
    // Stop accepting at once; connections stay open until their requests are done.
    server.close_async([&] { wait_for_drain(); }, [&](std::exception_ptr) { wait_for_drain(); });
  });

  spdlog::info(
      R"("msg":"listening","address":"{}","port":{},"workers":{},"slow_workers":{},"tls":{})",
      options.listen, options.port, options.worker_threads, options.slow_worker_threads,
      options.Tls());
  io.run();
  workers.join();
  slow_workers.join();
  Socket::Configure(nullptr);
  return opened;
}

}  // namespace

Status RunServer(const ServerOptions& options, const Router& router, const StaticFiles& files,
                 Metrics& metrics) {
  if (!options.Tls()) return Run<TimedSocket>(options, router, files, metrics, nullptr);
  auto tls = TlsContext(options);
  if (!tls) return tl::unexpected(tls.error());
  return Run<TimedTlsSocket>(options, router, files, metrics, std::move(*tls));
}

}  // namespace opennrm::http
