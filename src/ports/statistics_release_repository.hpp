// Published statistics as stored (issue 7 items 3 and 9): a release of a
// year is FROZEN when it is published — every table of every series after
// statistical disclosure control, with its rates and shares — and every
// view or export afterwards reads it back, never the live records. A year is
// published again as a revision (release 2, 3, ...); earlier releases stay.
// Only the published values are stored: a hidden cell is stored as
// "suppressed" without its count or the reason it is hidden. Used inside a
// UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "domain/stats/disclosure_control.hpp"

namespace opennrm::ports {

// One table of a release, after disclosure control. Words as in
// app/statistics/release_tables.hpp (RawTable).
struct PublishedTable {
  std::string id;      // "victims.police_region.gender"; unique per series in a release
  std::string group;   // "victims", "indicators", "hotline", "eu", "crime"
  std::string series;  // the organisation kind counted, or ""
  std::string row_dimension;
  std::string column_dimension;
  std::string geography;  // "police_region", "county" or ""
  bool official = false;
  std::string share_base;  // "" for none
  stats::ProtectedTable table;
  // One per row when `geography` is set: the row total per 100,000 inhabitants.
  std::vector<stats::ProtectedRate> rates_per_100000;
  // Per column other than the share base (in column order): one share per row.
  std::vector<std::pair<std::string, std::vector<stats::ProtectedRate>>> shares;
};

struct ReleaseRecord {
  int year = 0;
  int number = 0;  // 1, 2, ... per year
  long long published_at_us = 0;
  std::string published_by_organisation;  // organisation id
  std::string published_by_user;          // user id
  int tables = 0;                         // how many tables it holds
};

class StatisticsReleaseRepository {
 public:
  virtual ~StatisticsReleaseRepository() = default;
  // Stores a release with its tables. kConflict when the year already has a
  // release with that number (two publishers at once: one wins).
  virtual Status Insert(const ReleaseRecord& release,
                        const std::vector<PublishedTable>& tables) = 0;
  // The releases, by year then number; of one year when `year` is set.
  virtual Result<std::vector<ReleaseRecord>> Releases(std::optional<int> year) = 0;
  // The last release of `year`, if any.
  virtual Result<std::optional<ReleaseRecord>> Latest(int year) = 0;
  // One table of a release, if stored.
  virtual Result<std::optional<PublishedTable>> Table(int year, int number, const std::string& id,
                                                      const std::string& series) = 0;
  // Every table of a release, by id then series.
  virtual Result<std::vector<PublishedTable>> Tables(int year, int number) = 0;
};

}  // namespace opennrm::ports
