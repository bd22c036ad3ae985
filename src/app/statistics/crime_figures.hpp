// Official crime figures as use cases (issue 7 item 2): the national unit
// imports a CSV file of the official crime statistics per year; published
// releases show the figures next to the counts from records. Figures name
// no person and are public already (official = true in tables).
//
// Who may: importing, statistics.manage (the national unit's statistician);
// listing, statistics.read. Everyone else kForbidden, audited "denied".
// Every import is audited after its commit ("statistics.crime_figures_imported",
// the import as object); every list before the answer
// ("statistics.crime_figures_read"). Thread-safe: every call opens its own
// units of work.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "ports/crime_figure_repository.hpp"
#include "ports/database.hpp"

namespace opennrm::app::statistics {

// The most years one list may span (as every statistics query).
inline constexpr int kMaxCrimeFigureYears = 30;
// Without `from`, a list spans this many years up to `to`.
inline constexpr int kDefaultCrimeFigureYears = 10;

struct CrimeFigureImported {
  std::string import_id;
  int imported = 0;        // figures stored
  std::vector<int> years;  // replaced whole, ascending
};

// Parses `csv` (stats::ParseCrimeFigures, with this year in Stockholm as the
// last one allowed) and, in one unit of work, replaces every figure of the
// years in the file by the file's and logs the import (who, when, sources).
// kForbidden; kInvalid naming "line N.<column>"; kTooLarge naming "body".
// Nothing is stored on any problem.
Result<CrimeFigureImported> ImportCrimeFigures(const Context& ctx, const Caller& caller,
                                               std::string_view csv, const ClientInfo& client);

// The figures of the years from..to (inclusive) in list order (year, then
// the domain's orders of offence, measure, breakdown and category). `to`
// defaults to this year, `from` to kDefaultCrimeFigureYears years up to
// `to`. kForbidden; kInvalid "from" "order" (after `to`) or "to" "range"
// (more than kMaxCrimeFigureYears years).
Result<std::vector<ports::CrimeFigureRow>> ListCrimeFigures(const Context& ctx,
                                                            const Caller& caller,
                                                            std::optional<int> from,
                                                            std::optional<int> to,
                                                            const ClientInfo& client);

// For `opennrm demo`: imports `csv` (a synthetic file) as the system, audited
// with the system as actor, unless a crime figure import exists already, so
// that figures someone imported are never replaced. nullopt when skipped.
Result<std::optional<CrimeFigureImported>> ImportDemoCrimeFigures(const Context& ctx,
                                                                  std::string_view csv);

// For other statistics use cases (EU layout, indicators, annual report),
// inside their unit of work: the figures of year_from..year_to in list
// order. Neither decides access nor audits: the caller does both.
Result<std::vector<ports::CrimeFigureRow>> CrimeFiguresOf(ports::UnitOfWork& uow, int year_from,
                                                          int year_to);

}  // namespace opennrm::app::statistics
