// Publishing a year of statistics, the release log and the catalogue
// (issue 7 items 1, 3 and 9).
//
// A published year is FROZEN. PublishYear (statistics.manage: the national
// unit's statistician; the year has ended in Stockholm time) builds every
// table of the release for every series — the organisation kinds that report
// victims, regional_coordinator first (the national headline), then
// police_region, municipal_social_services, migration_agency, ngo_shelter,
// iom — from VictimTables, IndicatorTables, HotlineTables and EuTables
// (release_tables.hpp; a table without a series is taken once), protects
// them through stats::Protect ONLY (publisher.hpp: the configured threshold
// and rounding base, official tables with threshold 1, consistency across
// the release), and stores release 1, 2, ... of the year with its tables.
// Publishing a year again is a revision, protected against the year's last
// release (once hidden, always hidden; small changes hidden). Every view
// and export afterwards reads the stored release (release_view.hpp).
//
// Audited: a publication as "statistics.published" after its commit (the
// object is the release, never a person); refusals as "denied". Reading the
// publications, the release log and the catalogue needs statistics.read;
// they hold no record, so they are not audited. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "domain/stats/disclosure_control.hpp"
#include "ports/statistics_release_repository.hpp"

namespace opennrm::app::statistics {

struct PublicationResult {
  int year = 0;
  int release = 0;
  int tables = 0;
  long long published_at_us = 0;
};

// kInvalid `year`/`range` (outside 1990..9999) or `year`/`not_ended`;
// kForbidden; kConflict when another publication of the year won the race;
// kUnavailable when the facts cannot be read.
Result<PublicationResult> PublishYear(const Context& ctx, const Caller& caller, int year,
                                      const ClientInfo& client);

struct PublishedYear {
  int year = 0;
  ports::ReleaseRecord latest;
  std::vector<ports::ReleaseRecord> releases;  // by number
};

// The published years, newest first. kForbidden.
Result<std::vector<PublishedYear>> ListPublications(const Context& ctx, const Caller& caller,
                                                    const ClientInfo& client);

// The release log: every release (of `year` when set), by year then number.
// kInvalid `year`/`range`; kForbidden.
Result<std::vector<ports::ReleaseRecord>> ReleaseLog(const Context& ctx, const Caller& caller,
                                                     std::optional<int> year,
                                                     const ClientInfo& client);

struct CatalogueEntry {
  std::string id;
  std::string group;
  std::string rows;     // the row dimension's word
  std::string columns;  // the column dimension's word ("total" for none)
};

struct Catalogue {
  std::vector<CatalogueEntry> tables;  // the victims' tables, then those of the latest release
  std::vector<std::string> series;
  std::vector<std::string> dimensions;
  stats::SdcPolicy policy;
  int minimum_threshold = 0;
};

// What can be read: the predefined victims' tables and every other table
// the latest release holds, the series, the dimensions and the configured
// policy. kForbidden.
Result<Catalogue> ReadCatalogue(const Context& ctx, const Caller& caller, const ClientInfo& client);

}  // namespace opennrm::app::statistics
