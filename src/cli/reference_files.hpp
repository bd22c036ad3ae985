// Reads the reference data the product ships in data/ (see data/SOURCES.md).
#pragma once

#include <string>

#include "core/error.hpp"
#include "ports/reference_repository.hpp"

namespace opennrm::cli {

struct ReferenceFiles {
  ports::ReferenceData data;
  std::string fingerprint;  // SHA-256 over the files stored in the database (not the maps)
  std::string counties_geojson;
  std::string municipalities_geojson;
};

// Fails naming the file and line of the first problem.
Result<ReferenceFiles> ReadReferenceFiles(const std::string& dir);

// The whole content of a file, or kInvalid naming it.
Result<std::string> ReadFile(const std::string& path);

}  // namespace opennrm::cli
