#include "security/magic_sniffer.hpp"

#include <magic.h>

#include <cctype>

namespace opennrm::security {

Result<std::unique_ptr<MagicSniffer>> MagicSniffer::Open() {
  // Type only (no encoding or description); never decompress (a small upload
  // must not become a large amount of work); errors reported, not guessed.
  magic_t cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR);
  if (cookie == nullptr) return Internal("libmagic could not start.");
  if (magic_load(cookie, nullptr) != 0) {
    magic_close(cookie);
    return Internal(
        "libmagic's database could not be loaded (Debian: libmagic-mgc; scripts/install-deps).");
  }
  return std::unique_ptr<MagicSniffer>(new MagicSniffer(cookie));
}

MagicSniffer::~MagicSniffer() { magic_close(static_cast<magic_t>(cookie_)); }

Result<std::string> MagicSniffer::MediaTypeOf(std::string_view bytes) const {
  std::string type;
  {
    std::lock_guard<std::mutex> lock(mu_);
    const char* found = magic_buffer(static_cast<magic_t>(cookie_), bytes.data(), bytes.size());
    if (found == nullptr) return Internal("libmagic could not tell what a file is.");
    type = found;
  }
  // "type/subtype" only, lower case (libmagic may add "; charset=...").
  type = type.substr(0, type.find(';'));
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  if (type.find('/') == std::string::npos) return Internal("libmagic gave no media type.");
  return type;
}

}  // namespace opennrm::security
