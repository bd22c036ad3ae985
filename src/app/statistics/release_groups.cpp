// ReadGroup and its helpers (release_groups.hpp).
#include "app/statistics/release_groups.hpp"

#include "app/auth/internal.hpp"
#include "app/statistics/release_view.hpp"
#include "domain/stats/table_catalogue.hpp"

namespace opennrm::app::statistics {

using namespace auth_internal;

Status CheckViewYear(const std::optional<int>& year) {
  if (!year) return Invalid("year", "required", "Which published year: year=2025.");
  if (*year < 1990 || *year > 9999) return Invalid("year", "range", "A year from 1990 to 9999.");
  return Ok();
}

Status AuthoriseRead(const Context& ctx, const Caller& caller, const std::string& action,
                     const ClientInfo& client) {
  auto st = RequireStatisticsRead(caller);
  if (st) return Ok();
  auto e = EventOf(ctx, caller.actor, action, "denied", client.request_id);
  e.purpose = "statistics";
  (void)Audit(ctx, std::move(e));
  return st;
}

Result<std::vector<ports::PublishedTable>> ReleaseTablesOf(ports::UnitOfWork& uow,
                                                           const ports::ReleaseRecord& release) {
  return uow.statistics_releases().Tables(release.year, release.number);
}

Result<GroupView> ReadGroup(const Context& ctx, const Caller& caller, const GroupRequest& request,
                            const ClientInfo& client) {
  if (auto st = AuthoriseRead(ctx, caller, request.action, client); !st) {
    return tl::unexpected(st.error());
  }
  if (auto st = CheckViewYear(request.year); !st) return tl::unexpected(st.error());
  if (!stats::IsReleaseSeries(request.series)) {
    return Invalid("series", "unknown_code", "A series is the kind of organisation that reported.");
  }
  GroupView view;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto release = FindRelease(**uow, *request.year);
    if (!release) return tl::unexpected(release.error());
    if (!*release) return NotFound("The year is not published.");
    auto tables = ReleaseTablesOf(**uow, **release);
    if (!tables) return tl::unexpected(tables.error());
    view.release = **release;
    for (auto& t : *tables) {
      if (t.group != request.group) continue;
      if (!t.series.empty() && t.series != request.series) continue;
      view.tables.push_back(std::move(t));
    }
  }
  std::vector<std::string> ids;
  for (const auto& t : view.tables) ids.push_back(t.id);
  if (auto st = AuditStatisticsRead(ctx, caller, request.action, *request.year, ids, client); !st) {
    return tl::unexpected(st.error());
  }
  return view;
}

}  // namespace opennrm::app::statistics
