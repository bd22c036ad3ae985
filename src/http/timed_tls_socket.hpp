// The timed socket over TLS: RESTinio's TLS stream with the same two read
// timeouts as the plain socket (see timed_socket.hpp), and a handshake that
// must finish within the request timeout, so a client that opens a
// connection and never completes the handshake cannot hold it.
//
// Included only by server.cpp: it pulls in asio's OpenSSL layer.
// Thread-safety: like asio's socket, one strand at a time.
#pragma once

#include <memory>
#include <restinio/tls.hpp>

#include "http/timed_socket.hpp"

namespace opennrm::http {

using TimedTlsSocket = BasicTimedSocket<restinio::tls_socket_t>;

// RESTinio finds these by argument-dependent lookup: a TLS connection
// shakes hands before its first read.
template <typename Connection, typename StartRead, typename Failed>
void prepare_connection_and_start_read(TimedTlsSocket& socket, Connection& con,
                                       StartRead start_read, Failed failed) {
  auto done = socket.StartTimedStep();
  socket.inner().async_handshake(
      restinio::asio_ns::ssl::stream_base::server,
      [start_read = std::move(start_read), failed = std::move(failed), done = std::move(done),
       con = con.shared_from_this()](const restinio::asio_ns::error_code& ec) mutable {
        done();
        if (!ec) {
          start_read();
        } else {
          failed(ec);
        }
      });
}

inline restinio::tls_socket_t* make_tls_socket_pointer_for_state_listener(
    TimedTlsSocket& socket) noexcept {
  return &socket.inner();
}

}  // namespace opennrm::http

namespace restinio {

// The TLS context setting, as for RESTinio's own TLS socket.
template <typename Settings>
class socket_type_dependent_settings_t<Settings, opennrm::http::TimedTlsSocket>
    : public socket_type_dependent_settings_t<Settings, tls_socket_t> {
 protected:
  ~socket_type_dependent_settings_t() = default;

 public:
  socket_type_dependent_settings_t() = default;
  socket_type_dependent_settings_t(socket_type_dependent_settings_t&&) = default;
};

namespace impl {

// The pool of sockets waiting for accepts, each bound to the TLS context.
template <>
class socket_supplier_t<opennrm::http::TimedTlsSocket> {
 protected:
  template <typename Settings>
  socket_supplier_t(Settings& settings, asio_ns::io_context& io_context)
      : tls_context_{settings.giveaway_tls_context()}, io_context_{io_context} {
    sockets_.reserve(settings.concurrent_accepts_count());
    while (sockets_.size() < settings.concurrent_accepts_count()) {
      sockets_.emplace_back(io_context_, tls_context_);
    }
  }
  virtual ~socket_supplier_t() = default;

  opennrm::http::TimedTlsSocket& socket(std::size_t idx) { return sockets_.at(idx); }

  opennrm::http::TimedTlsSocket move_socket(std::size_t idx) {
    opennrm::http::TimedTlsSocket fresh{io_context_, tls_context_};
    std::swap(fresh, sockets_.at(idx));
    return fresh;
  }

  auto concurrent_accept_sockets_count() const { return sockets_.size(); }

 private:
  std::shared_ptr<asio_ns::ssl::context> tls_context_;
  asio_ns::io_context& io_context_;
  std::vector<opennrm::http::TimedTlsSocket> sockets_;
};

}  // namespace impl
}  // namespace restinio
