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
#include <type_traits>
#include <utility>
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

// The tracking every timed socket reports to, whatever its transport. Set
// once, before the server starts accepting.
inline ReceiveTracking*& TimedSocketTracking() {
  static ReceiveTracking* tracking = nullptr;
  return tracking;
}

// `Inner` is asio's TCP socket or RESTinio's TLS socket; both expose
// lowest_layer() (the TCP socket) and the async read/write calls.
template <class Inner>
class BasicTimedSocket {
 public:
  using inner_t = Inner;
  using lowest_t = std::remove_reference_t<decltype(std::declval<Inner&>().lowest_layer())>;
  using executor_type = restinio::default_asio_executor;

  template <class... Args>
  explicit BasicTimedSocket(restinio::asio_ns::io_context& io, Args&&... args)
      : socket_(io, std::forward<Args>(args)...),
        executor_(io.get_executor()),
        state_(std::make_shared<State>(executor_)) {}
  // RESTinio accepts into a pooled socket and moves it out; a moved-from
  // plain socket is reused for the next accept, so it gets a fresh state.
  BasicTimedSocket(BasicTimedSocket&& other)
      : socket_(std::move(other.socket_)),
        executor_(other.executor_),
        state_(std::move(other.state_)) {
    other.state_ = std::make_shared<State>(other.executor_);
  }
  BasicTimedSocket& operator=(BasicTimedSocket&& other) {
    if (state_) state_->EndMessage();
    socket_ = std::move(other.socket_);
    executor_ = other.executor_;
    state_ = std::move(other.state_);
    other.state_ = std::make_shared<State>(other.executor_);
    return *this;
  }
  ~BasicTimedSocket() {
    if (state_) state_->EndMessage();
  }

  // Must be called once, before the server starts accepting.
  static void Configure(ReceiveTracking* tracking) { TimedSocketTracking() = tracking; }

  lowest_t& lowest_layer() { return socket_.lowest_layer(); }
  const lowest_t& lowest_layer() const { return socket_.lowest_layer(); }
  executor_type get_executor() { return socket_.lowest_layer().get_executor(); }
  auto remote_endpoint() const { return socket_.lowest_layer().remote_endpoint(); }
  auto is_open() const { return socket_.lowest_layer().is_open(); }
  Inner& inner() { return socket_; }

  template <typename... Args>
  auto cancel(Args&&... args) {
    return socket_.lowest_layer().cancel(std::forward<Args>(args)...);
  }
  template <typename... Args>
  auto shutdown(Args&&... args) {
    return socket_.lowest_layer().shutdown(std::forward<Args>(args)...);
  }
  template <typename... Args>
  auto close(Args&&... args) {
    state_->EndMessage();
    return socket_.lowest_layer().close(std::forward<Args>(args)...);
  }

  template <typename Buffers, typename Handler>
  void async_read_some(const Buffers& buffers, Handler&& handler) {
    if (!state_->registered && TimedSocketTracking()) Register();
    state_->read_pending = true;
    socket_.async_read_some(
        buffers,
        [state = state_, low = &socket_.lowest_layer(), h = std::forward<Handler>(handler)](
            const restinio::asio_ns::error_code& ec, std::size_t n) mutable {
          state->read_pending = false;
          if (!ec && n > 0 && !state->in_message) state->BeginMessage(low);
          h(ec, n);
        });
  }

  template <typename Buffers, typename Handler>
  void async_write_some(const Buffers& buffers, Handler&& handler) {
    state_->EndMessage();
    socket_.async_write_some(buffers, std::forward<Handler>(handler));
  }

  // Bounds a step that must finish within the request timeout (a TLS
  // handshake): the connection is closed if `done` is not called in time.
  // Returns the function that marks the step done.
  std::function<void()> StartTimedStep() {
    if (!state_->registered && TimedSocketTracking()) Register();
    state_->read_pending = true;
    state_->BeginMessage(&socket_.lowest_layer());
    return [state = state_] {
      state->read_pending = false;
      state->EndMessage();
    };
  }

 private:
  struct State : std::enable_shared_from_this<State> {
    explicit State(const restinio::default_asio_executor& executor) : timer(executor) {}
    // The first bytes of a request arrived: it must be complete in time.
    void BeginMessage(lowest_t* socket) {
      in_message = true;
      auto* tracking = TimedSocketTracking();
      if (!tracking) return;
      tracking->receiving.fetch_add(1);
      timer.expires_after(tracking->request_timeout);
      std::weak_ptr<State> weak = this->shared_from_this();
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
      if (auto* tracking = TimedSocketTracking()) tracking->receiving.fetch_sub(1);
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
    auto& t = *TimedSocketTracking();
    if (t.owners.size() > 64 && t.owners.size() % 64 == 0) {
      for (size_t i = t.owners.size(); i-- > 0;) {
        if (t.owners[i].expired()) {
          t.owners.erase(t.owners.begin() + static_cast<long>(i));
          t.closers.erase(t.closers.begin() + static_cast<long>(i));
        }
      }
    }
    std::weak_ptr<State> weak = state_;
    lowest_t* socket = &socket_.lowest_layer();
    t.owners.push_back(state_);
    t.closers.push_back([weak, socket] {
      if (weak.expired()) return;
      restinio::asio_ns::error_code ignored;
      socket->shutdown(lowest_t::shutdown_both, ignored);
      socket->close(ignored);
    });
  }

  Inner socket_;
  // Kept apart from the socket: a moved-from TLS socket has no stream left.
  executor_type executor_;
  std::shared_ptr<State> state_;
};

using TimedSocket = BasicTimedSocket<restinio::asio_ns::ip::tcp::socket>;

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
