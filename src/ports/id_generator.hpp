// Opaque identifiers for new records. Thread-safe.
#pragma once

#include <string>

namespace opennrm::ports {

class IdGenerator {
 public:
  virtual ~IdGenerator() = default;
  // A new random id: 32 lower-case hex digits (128 bits).
  virtual std::string NewId() = 0;
};

}  // namespace opennrm::ports
