// Official crime figures as stored (issue 7 item 2): one row per figure
// (year, offence, measure, breakdown, category), imported per year by the
// national unit from the official crime statistics, and the log of those
// imports (who, when, from which sources). Figures name no person. Words are
// those of domain/stats/crime_figures.hpp. Used inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace opennrm::ports {

struct CrimeFigureRow {
  int year = 0;
  std::string offence;             // stats::ToString(Offence)
  std::string measure;             // stats::ToString(CrimeMeasure)
  std::string breakdown;           // stats::ToString(CrimeBreakdown)
  std::string category;            // one of stats::CrimeCategoriesOf(breakdown)
  std::optional<long long> value;  // nullopt: not known; 0: known to be none
  std::string source;
  std::string import_id;  // the import that stored it
};

// One import: the years it replaced and who made it.
struct CrimeFigureImportRow {
  std::string id;
  std::string organisation_id;  // the importer's organisation (the national unit)
  std::string user_id;          // who imported
  long long imported_at_us = 0;
  std::vector<int> years;            // ascending
  std::vector<std::string> sources;  // the distinct sources of the figures, sorted
  int figures = 0;
};

class CrimeFigureRepository {
 public:
  virtual ~CrimeFigureRepository() = default;
  // Deletes every figure of the import's years, stores `figures` (each of
  // one of those years, keys unique) and records the import.
  virtual Status ReplaceYears(const CrimeFigureImportRow& import,
                              const std::vector<CrimeFigureRow>& figures) = 0;
  // The figures of the years year_from..year_to (inclusive), by year, offence,
  // measure, breakdown and category (as text; callers order by the lists).
  virtual Result<std::vector<CrimeFigureRow>> InYears(int year_from, int year_to) = 0;
  // The imports, newest first, at most `limit`.
  virtual Result<std::vector<CrimeFigureImportRow>> Imports(int limit) = 0;
};

}  // namespace opennrm::ports
