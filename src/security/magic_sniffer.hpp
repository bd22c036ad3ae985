// ports::ContentTypeSniffer over libmagic (the `file` command's library):
// what a file is, from its bytes only. libmagic is a parser of untrusted input,
// so it runs with decompression off (no looking inside compressed data) and
// its own recursion limits; the compiled magic database is the system's
// (Debian: libmagic-mgc). Thread-safe: one libmagic handle, used under a mutex
// (a handle is not safe to share between threads).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "ports/content_type_sniffer.hpp"

namespace opennrm::security {

class MagicSniffer final : public ports::ContentTypeSniffer {
 public:
  // Opens libmagic with the system's database; kInternal when it is missing.
  static Result<std::unique_ptr<MagicSniffer>> Open();
  ~MagicSniffer() override;
  MagicSniffer(const MagicSniffer&) = delete;
  MagicSniffer& operator=(const MagicSniffer&) = delete;

  Result<std::string> MediaTypeOf(std::string_view bytes) const override;

 private:
  explicit MagicSniffer(void* cookie) : cookie_(cookie) {}
  mutable std::mutex mu_;
  void* cookie_;  // magic_t; GUARDED_BY(mu_)
};

}  // namespace opennrm::security
