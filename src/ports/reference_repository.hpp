// Reference data (geography, countries, languages, services) as stored in
// the database. Replaced as a whole when the shipped files change.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/geo/geography.hpp"
#include "domain/ref/reference.hpp"

namespace opennrm::ports {

struct ReferenceData {
  geo::GeographyData geography;
  std::vector<ref::Country> countries;
  std::vector<ref::Language> languages;
  ref::ServiceCatalog services;
};

class ReferenceRepository {
 public:
  virtual ~ReferenceRepository() = default;
  // Replaces every reference table with `data` (inside the unit's transaction).
  virtual Status Replace(const ReferenceData& data) = 0;
  virtual Result<ReferenceData> Load() = 0;
  // A fingerprint of the loaded files, to skip reloading unchanged data.
  virtual Result<std::string> Fingerprint() = 0;
  virtual Status SetFingerprint(const std::string& fingerprint) = 0;
};

}  // namespace opennrm::ports
