// Use cases for the shipped reference data: import it into the database when
// the files changed, and load the snapshot the server answers from.
#pragma once

#include <memory>
#include <string>

#include "app/context.hpp"
#include "ports/database.hpp"
#include "ports/reference_repository.hpp"

namespace opennrm::app {

struct ImportOutcome {
  bool changed = false;
  size_t municipalities = 0;
  size_t countries = 0;
  size_t languages = 0;
};

// Validates `data` (the geography must hold together, codes be unique) and
// replaces the stored reference data in one transaction unless the stored
// fingerprint already equals `fingerprint`. Nothing is written on failure.
Result<ImportOutcome> ImportReferenceData(ports::Database& db, const ports::ReferenceData& data,
                                          const std::string& fingerprint);

// Reads the stored reference data and builds the immutable snapshot.
Result<std::shared_ptr<const Reference>> LoadReference(ports::Database& db);

}  // namespace opennrm::app
