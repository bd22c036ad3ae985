// Keyed digests for searching encrypted values (case management: name
// search). Each organisation has an index key of its own, separate from its
// data keys and wrapped by the master key like them; a digest is an HMAC of
// the input under that key, so equal inputs give equal digests within one
// organisation and nothing across organisations. The plaintext inputs
// (normalised name tokens, phonetic skeletons; see domain/names) never reach
// the database. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"

namespace opennrm::ports {

class BlindIndex {
 public:
  virtual ~BlindIndex() = default;
  // One lower-case hex digest per input, in order, under the organisation's
  // index key (created on first use, in a transaction of its own: never call
  // this inside an open write transaction).
  virtual Result<std::vector<std::string>> Digests(const std::string& organisation_id,
                                                   const std::vector<std::string>& inputs) = 0;
};

}  // namespace opennrm::ports
