// A QR code (libqrencode, error correction level M) drawn as a minimal SVG document for TOTP
// enrolment. The SVG holds only a white background and one <path> of black modules: no script,
// no style attribute or element (the app's Content-Security-Policy forbids inline styles), no
// external reference. Colours are `fill` attributes. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace opennrm::security {

// `text` as a QR code in SVG, 4 px per module, with the standard 4-module quiet zone. kInvalid if
// `text` holds a NUL byte or is too long for any QR code; kInternal if encoding fails otherwise.
Result<std::string> RenderQrSvg(std::string_view text);

}  // namespace opennrm::security
