// Finding what a file is from its bytes, never from its name or from what the
// sender declares (case management: attachments). Implemented over libmagic
// in the security layer. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace opennrm::ports {

class ContentTypeSniffer {
 public:
  virtual ~ContentTypeSniffer() = default;
  // The media type of `bytes` without parameters, lower case, e.g.
  // "application/pdf", "text/plain"; kInternal when it cannot be determined.
  virtual Result<std::string> MediaTypeOf(std::string_view bytes) const = 0;
};

}  // namespace opennrm::ports
