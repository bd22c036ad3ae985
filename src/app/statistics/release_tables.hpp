// The tables of one release of a year (issue 7 items 1, 4, 5, 6 and 7),
// BEFORE disclosure control: what the publisher (publications.hpp) protects,
// compares with the year's earlier release and stores. Each builder returns
// raw tables whose geography, if any, is an axis of the table, never a
// filter, so that no two published tables can be subtracted to reveal an
// area (docs/design/statistics-api.md). Internal to app/statistics.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/error.hpp"
#include "domain/stats/aggregate.hpp"
#include "domain/stats/count_table.hpp"
#include "domain/stats/fact.hpp"
#include "ports/database.hpp"

namespace opennrm::app::statistics {

struct RawTable {
  std::string id;                // e.g. "victims.police_region.gender"; unique in a release
  std::string group;             // "victims", "indicators", "hotline", "eu", "crime"
  std::string series;            // the organisation kind counted, or "" (hotline, crime)
  std::string row_dimension;     // a stats::Dimension word, or another closed word the
  std::string column_dimension;  // web app translates ("indicator", "measure", "channel", ...)
  stats::CountTable counts;
  // "police_region" or "county" when the rows are that geography: the
  // publisher keeps their margin hidden consistently across the release and
  // adds rates per 100,000 inhabitants of each row's area.
  std::string geography;
  // Official crime statistics, already published by their source: passed
  // through disclosure control with threshold 1 (0 and unknown kept apart,
  // nothing suppressed). Never true for anything counted from records.
  bool official = false;
  // Column key whose published count is the base of a share (percent) for
  // every other column; "" for none.
  std::string share_base;
};

struct ReleaseInput {
  int year = 0;
  std::string series;  // the organisation kind of the victims' series
  std::shared_ptr<const stats::FactSnapshot> facts;
};

// The victims' tables of the year: every predefined geography x category
// table (publications owner).
std::vector<RawTable> VictimTables(const ReleaseInput& in);

// The main-challenge indicators per police region and per county
// (indicators owner).
Result<std::vector<RawTable>> IndicatorTables(ports::UnitOfWork& uow, const Context& ctx,
                                              const ReleaseInput& in);

// The hotline's consultations of the year (hotline statistics owner).
Result<std::vector<RawTable>> HotlineTables(ports::UnitOfWork& uow, const Context& ctx,
                                            const ReleaseInput& in);

// The Eurostat layout: victims by sex, age, citizenship and form, and the
// official crime figures (EU owner).
Result<std::vector<RawTable>> EuTables(ports::UnitOfWork& uow, const Context& ctx,
                                       const ReleaseInput& in);

}  // namespace opennrm::app::statistics
