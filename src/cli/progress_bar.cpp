#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace opennrm::cli {

std::string FormatDuration(double seconds) {
  char buf[32];
  if (!(seconds >= 0) || !std::isfinite(seconds)) return "?";
  if (seconds < 60) {
    std::snprintf(buf, sizeof buf, "%.1fs", seconds);
  } else if (seconds < 3600) {
    long s = std::lround(seconds);
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  } else {
    long m = std::lround(seconds / 60);
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", m / 60, m % 60);
  }
  return buf;
}

std::string RenderProgress(std::size_t done, std::size_t total, double elapsed_s,
                           const std::string& unit, int width) {
  double fraction = total == 0 ? 1.0 : std::min(1.0, static_cast<double>(done) / total);
  int filled = static_cast<int>(fraction * width);
  std::string bar(static_cast<std::size_t>(filled), '=');
  if (filled < width) bar += done == total ? "=" : ">";
  bar.resize(static_cast<std::size_t>(width), ' ');
  double rate = elapsed_s > 0 ? static_cast<double>(done) / elapsed_s : 0;
  std::string left =
      rate > 0 ? FormatDuration(static_cast<double>(total - std::min(done, total)) / rate) : "?";
  char buf[160];
  std::snprintf(buf, sizeof buf, "[%s] %zu/%zu %3d%%  %.0f %s/s  %s left", bar.c_str(), done, total,
                static_cast<int>(fraction * 100), rate, unit.c_str(), left.c_str());
  return buf;
}

ProgressBar::ProgressBar(std::FILE* out, std::size_t total, std::string unit, bool enabled)
    : out_(out),
      total_(total),
      unit_(std::move(unit)),
      enabled_(enabled && out != nullptr),
      start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { Finish(); }

bool ProgressBar::IsTerminal(std::FILE* stream) {
  return stream != nullptr && ::isatty(::fileno(stream)) == 1;
}

double ProgressBar::Elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressBar::Advance(std::size_t n) {
  std::size_t now_done = done_.fetch_add(n) + n;
  if (!enabled_) return;
  long long ms = static_cast<long long>(Elapsed() * 1000);
  if (now_done < total_) {
    long long last = last_draw_ms_.load();
    if (ms - last < 100) return;
    if (!last_draw_ms_.compare_exchange_strong(last, ms)) return;  // another thread draws
  }
  Draw(now_done);
}

void ProgressBar::Draw(std::size_t done) {
  std::lock_guard lock(draw_mutex_);
  // A thread that counted earlier may come here later: never draw a count back.
  if (finished_ || done < drawn_) return;
  drawn_ = done;
  std::string line = RenderProgress(done, total_, Elapsed(), unit_);
  std::fprintf(out_, "\r%s\x1b[K", line.c_str());
  std::fflush(out_);
}

void ProgressBar::Finish() {
  std::lock_guard lock(draw_mutex_);
  if (finished_) return;
  finished_ = true;
  if (!enabled_) return;
  std::fprintf(out_, "\r\x1b[K");
  std::fflush(out_);
}

}  // namespace opennrm::cli
