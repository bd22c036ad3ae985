// A progress bar for long command-line runs, drawn on one line of a terminal
// (stderr): done/total, percentage, rate and time left, redrawn at most ten
// times a second. Draws nothing when its stream is not a terminal (logs and
// pipes get no control characters); the caller prints its own summary line.
// Thread-safe: Advance may be called from several threads.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace opennrm::cli {

// "1m05s", "12.3s", "2h03m".
std::string FormatDuration(double seconds);

// One line of the bar, e.g. "[=======>     ] 4500/10000  45%  812 cases/s  6.8s left",
// with a bar of `width` characters.
std::string RenderProgress(std::size_t done, std::size_t total, double elapsed_s,
                           const std::string& unit, int width = 30);

class ProgressBar {
 public:
  // `enabled` false: draws nothing (see IsTerminal).
  ProgressBar(std::FILE* out, std::size_t total, std::string unit, bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Whether `stream` is a terminal.
  static bool IsTerminal(std::FILE* stream);

  // Counts `n` more done; redraws when the last drawing is 100 ms old.
  void Advance(std::size_t n = 1);
  // Erases the bar (once); later calls do nothing.
  void Finish();
  std::size_t done() const { return done_.load(); }
  // Seconds since construction.
  double Elapsed() const;

 private:
  void Draw(std::size_t done);

  std::FILE* out_;
  std::size_t total_;
  std::string unit_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<std::size_t> done_{0};
  std::atomic<long long> last_draw_ms_{-1000};
  std::mutex draw_mutex_;  // guards drawing, drawn_ and finished_
  std::size_t drawn_ = 0;
  bool finished_ = false;
};

}  // namespace opennrm::cli
