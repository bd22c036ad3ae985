// Reading the published hotline, EU and indicator tables of a year
// (issue 7 items 4, 5 and 6) from the STORED release (release_view.hpp),
// never from live records. statistics.read only; every read is audited
// before the answer (purpose "statistics", the objects the tables and year,
// never a person); refusals are audited as denied. Thread-safe: every call
// opens its own unit of work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "ports/statistics_release_repository.hpp"

namespace opennrm::app::statistics {

struct GroupRequest {
  std::optional<int> year;  // required: kInvalid `year`/`required`
  std::string group;        // "hotline", "eu"
  // The victims' series (EU victims' tables); tables without one are always included.
  std::string series = "regional_coordinator";
  std::string action;  // the audit action, e.g. "statistics.hotline_read"
};

struct GroupView {
  ports::ReleaseRecord release;
  std::vector<ports::PublishedTable> tables;  // in the release's order (by id)
};

// Every table of `group` in the latest release of the year. kInvalid
// (`year`/`required`, `year`/`range`, `series`/`unknown_code`); kNotFound
// (the year is not published); kForbidden.
Result<GroupView> ReadGroup(const Context& ctx, const Caller& caller, const GroupRequest& request,
                            const ClientInfo& client);

// Every table of a release (one unit of work): for the annual report.
Result<std::vector<ports::PublishedTable>> ReleaseTablesOf(ports::UnitOfWork& uow,
                                                           const ports::ReleaseRecord& release);

// Checks the year (kInvalid `year`/`required` or `year`/`range`).
Status CheckViewYear(const std::optional<int>& year);

// Authorises statistics.read; on refusal audits `action` as denied and
// returns the refusal.
Status AuthoriseRead(const Context& ctx, const Caller& caller, const std::string& action,
                     const ClientInfo& client);

}  // namespace opennrm::app::statistics
