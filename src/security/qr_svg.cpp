#include "security/qr_svg.hpp"

#include <qrencode.h>
#include <sodium.h>

#include <cerrno>
#include <memory>
#include <mutex>

namespace opennrm::security {
namespace {

constexpr int kQuietZone = 4;
constexpr int kPixelsPerModule = 4;

// libqrencode is thread-safe only when built with pthreads; enrolment is rare, so serialise.
std::mutex& QrMutex() {
  static std::mutex mu;
  return mu;
}

struct QrFree {
  void operator()(QRcode* code) const {
    // The modules spell the TOTP secret: clear them before the memory is reused.
    sodium_memzero(code->data, static_cast<std::size_t>(code->width) * code->width);
    QRcode_free(code);
  }
};

}  // namespace

Result<std::string> RenderQrSvg(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) {
    return Invalid("uri", "format", "A QR code cannot hold a NUL byte.");
  }
  const std::string c_string(text);
  std::unique_ptr<QRcode, QrFree> code;
  int err = 0;
  {
    std::lock_guard lock(QrMutex());
    errno = 0;
    code.reset(QRcode_encodeString(c_string.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    err = errno;
  }
  if (!code) {
    if (err == ERANGE) return Invalid("uri", "length", "The text is too long for a QR code.");
    return Internal("The QR code could not be made.");
  }
  const int modules = code->width;
  const int size = modules + 2 * kQuietZone;
  const std::string n = std::to_string(size);
  const std::string px = std::to_string(size * kPixelsPerModule);
  std::string svg;
  svg.reserve(256 + static_cast<std::size_t>(modules) * modules * 8);
  svg += R"(<svg xmlns="http://www.w3.org/2000/svg" width=")" + px + R"(" height=")" + px +
         R"(" viewBox="0 0 )" + n + " " + n + R"(" shape-rendering="crispEdges">)";
  svg += R"(<rect width=")" + n + R"(" height=")" + n + R"(" fill="#ffffff"/>)";
  svg += R"(<path fill="#000000" d=")";
  for (int y = 0; y < modules; ++y) {
    for (int x = 0; x < modules; ++x) {
      // Bit 0 of each byte is the module's colour (1 = dark); the rest is encoder bookkeeping.
      if ((code->data[y * modules + x] & 1) == 0) continue;
      svg += 'M';
      svg += std::to_string(x + kQuietZone);
      svg += ' ';
      svg += std::to_string(y + kQuietZone);
      svg += "h1v1h-1z";
    }
  }
  svg += R"("/></svg>)";
  return svg;
}

}  // namespace opennrm::security
