// Organisations' data keys, stored only wrapped by the master key (security
// core). A key version never changes its key; rotation of the master key
// re-wraps every version in place. Used inside a UnitOfWork.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"

namespace opennrm::ports {

struct WrappedDataKey {
  std::string organisation_id;
  int version = 1;
  std::string wrapped;             // key_wrap.hpp format, binary
  std::string master_fingerprint;  // which master key wrapped it (hex)
  long long created_at_us = 0;
};

class DataKeyRepository {
 public:
  virtual ~DataKeyRepository() = default;
  // kConflict if (organisation_id, version) exists.
  virtual Status Insert(const WrappedDataKey& key) = 0;
  // Every key of every organisation, by organisation then version.
  virtual Result<std::vector<WrappedDataKey>> All() = 0;
  virtual Result<std::vector<WrappedDataKey>> ForOrganisation(
      const std::string& organisation_id) = 0;
  // Replaces the wrapping of one version when it is still wrapped under
  // `expected_fingerprint`; false otherwise (someone else re-wrapped it).
  virtual Result<bool> Rewrap(const std::string& organisation_id, int version,
                              const std::string& expected_fingerprint, const std::string& wrapped,
                              const std::string& fingerprint) = 0;
};

}  // namespace opennrm::ports
