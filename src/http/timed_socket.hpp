// A TCP socket for RESTinio that separates the two read timeouts RESTinio
// 0.6 folds into one: RESTinio's own timer bounds the idle wait between
// requests (keep-alive), and this socket bounds the time from a request's
// first byte to its last. It also counts requests being received, so a
// graceful shutdown can wait for them. See docs/adr/0004-http-timeouts.md.
//
// Thread-safety: like asio's socket, one strand at a time; the server runs
// its io_context on a single thread, so timers and I/O never race.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include <restinio/asio_include.hpp>
#include <restinio/tls_fwd.hpp>

namespace opennrm::http {

struct ReceiveTracking {
  std::chrono::steady_clock::duration request_timeout = std::chrono::seconds(10);
  std::atomic<int> receiving{0};  // requests with bytes in and no response started
  // Every connection's socket, so a shutdown can close idle keep-alive
  // connections before the server is destroyed. Event-loop thread only.
  std::vector<std::function<void()>> closers;
  std::vector<std::weak_ptr<void>> owners;
  void CloseAll() {
    for (size_t i = 0; i < closers.size(); ++i) {
      if (!owners[i].expired()) closers[i]();
    }
    closers.clear();
    owners.clear();
  }
};

class TimedSocket {
 public:
  using socket_t = restinio::asio_ns::ip::tcp::socket;
  using executor_type = restinio::default_asio_executor;

  explicit TimedSocket(restinio::asio_ns::io_context& io)
      : socket_(io), state_(std::make_shared<State>(socket_.get_executor())) {}
  // RESTinio accepts into a pooled socket and moves it out; the moved-from
  // socket is reused for the next accept, so it gets a fresh state.
  TimedSocket(TimedSocket&& other)
      : socket_(std::move(other.socket_)), state_(std::move(other.state_)) {
    other.state_ = std::make_shared<State>(other.socket_.get_executor());
  }
  TimedSocket& operator=(TimedSocket&& other) {
    if (state_) state_->EndMessage();
    socket_ = std::move(other.socket_);
    state_ = std::move(other.state_);
    other.state_ = std::make_shared<State>(other.socket_.get_executor());
    return *this;
  }
  ~TimedSocket() {
    if (state_) state_->EndMessage();
  }

  // Must be called once, before the server starts accepting.
  static void Configure(ReceiveTracking* tracking) { tracking_ = tracking; }

  socket_t& lowest_layer() { return socket_; }
  const socket_t& lowest_layer() const { return socket_; }
  executor_type get_executor() { return socket_.get_executor(); }
  auto remote_endpoint() const { return socket_.remote_endpoint(); }
  auto is_open() const { return socket_.is_open(); }

  template <typename... Args>
  auto cancel(Args&&... args) {
    return socket_.cancel(std::forward<Args>(args)...);
  }
  template <typename... Args>
  auto shutdown(Args&&... args) {
    return socket_.shutdown(std::forward<Args>(args)...);
  }
  template <typename... Args>
  auto close(Args&&... args) {
    state_->EndMessage();
    return socket_.close(std::forward<Args>(args)...);
  }

  template <typename Buffers, typename Handler>
  void async_read_some(const Buffers& buffers, Handler&& handler) {
    if (!state_->registered && tracking_) Register();
    state_->read_pending = true;
    socket_.async_read_some(buffers,
                            [state = state_, socket = &socket_, h = std::forward<Handler>(handler)](
                                const restinio::asio_ns::error_code& ec, std::size_t n) mutable {
                              state->read_pending = false;
                              if (!ec && n > 0 && !state->in_message) state->BeginMessage(socket);
                              h(ec, n);
                            });
  }

  template <typename Buffers, typename Handler>
  void async_write_some(const Buffers& buffers, Handler&& handler) {
    state_->EndMessage();
    socket_.async_write_some(buffers, std::forward<Handler>(handler));
  }

 private:
  struct State : std::enable_shared_from_this<State> {
    explicit State(const restinio::default_asio_executor& executor) : timer(executor) {}
    // The first bytes of a request arrived: it must be complete in time.
    void BeginMessage(socket_t* socket) {
      in_message = true;
      if (!tracking_) return;
      tracking_->receiving.fetch_add(1);
      timer.expires_after(tracking_->request_timeout);
      std::weak_ptr<State> weak = shared_from_this();
      timer.async_wait([weak, socket](const restinio::asio_ns::error_code& ec) {
        auto self = weak.lock();
        // Still waiting for the rest of the request: give up on this client.
        if (!ec && self && self->in_message && self->read_pending) {
          restinio::asio_ns::error_code ignored;
          socket->close(ignored);
        }
      });
    }
    void EndMessage() {
      if (!in_message) return;
      in_message = false;
      timer.cancel();
      if (tracking_) tracking_->receiving.fetch_sub(1);
    }
    restinio::asio_ns::steady_timer timer;
    bool in_message = false;
    bool read_pending = false;
    bool registered = false;
  };

  // Lets a shutdown close this connection. The socket lives inside its
  // RESTinio connection from the first read on, so its address is stable.
  void Register() {
    state_->registered = true;
    auto& t = *tracking_;
    if (t.owners.size() > 64 && t.owners.size() % 64 == 0) {
      for (size_t i = t.owners.size(); i-- > 0;) {
        if (t.owners[i].expired()) {
          t.owners.erase(t.owners.begin() + static_cast<long>(i));
          t.closers.erase(t.closers.begin() + static_cast<long>(i));
        }
      }
    }
    std::weak_ptr<State> weak = state_;
    socket_t* socket = &socket_;
    t.owners.push_back(state_);
    t.closers.push_back([weak, socket] {
      if (weak.expired()) return;
      restinio::asio_ns::error_code ignored;
      socket->shutdown(socket_t::shutdown_both, ignored);
      socket->close(ignored);
    });
  }

  socket_t socket_;
  std::shared_ptr<State> state_;
  static inline ReceiveTracking* tracking_ = nullptr;
};

// RESTinio finds these by argument-dependent lookup: a plain TCP socket
// needs no preparation and is not TLS.
template <typename Connection, typename StartRead, typename Failed>
void prepare_connection_and_start_read(TimedSocket&, Connection&, StartRead start_read, Failed) {
  start_read();
}

inline restinio::tls_socket_t* make_tls_socket_pointer_for_state_listener(TimedSocket&) noexcept {
  return nullptr;
}

}  // namespace opennrm::http
