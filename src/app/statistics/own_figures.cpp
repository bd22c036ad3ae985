// ReadOwnFigures (own_figures.hpp).
#include "app/statistics/own_figures.hpp"

#include "app/auth/internal.hpp"
#include "app/statistics/fact_cache.hpp"
#include "core/stockholm_date.hpp"
#include "domain/stats/aggregate.hpp"

namespace opennrm::app::statistics {

using namespace auth_internal;

namespace {

constexpr const char* kAction = "statistics.own_read";

Result<std::optional<stats::Dimension>> DimensionOf(const std::string& field,
                                                    const std::string& word) {
  if (word.empty()) return std::optional<stats::Dimension>();
  auto d = stats::ParseDimension(word);
  if (!d) {
    return Invalid(field, "unknown_dimension",
                   "Not a dimension statistics are counted by: " + word + ".");
  }
  return std::optional<stats::Dimension>(*d);
}

}  // namespace

Status AuthoriseOwn(const Context& ctx, const Caller& caller, const std::string& action,
                    const ClientInfo& client) {
  Status st = Require(access::Decide(caller.actor, access::Action::kStatisticsOwn, {}));
  if (st && caller.actor.IsToken()) {
    st = Forbidden("token-not-allowed",
                   "Own figures are not for publication and never leave the product: not with an "
                   "API token.");
  }
  if (st) return Ok();
  auto e = EventOf(ctx, caller.actor, action, "denied", client.request_id);
  e.purpose = "statistics";
  (void)Audit(ctx, std::move(e));
  return st;
}

Status CheckOwnFormat(const std::string& format) {
  if (format.empty() || format == "json") return Ok();
  if (format == "csv") {
    return Invalid("format", "not_for_publication",
                   "Own figures are exact and not for publication: they are never exported. "
                   "Published tables have a CSV.");
  }
  return Invalid("format", "unknown_code", "The only format is json.");
}

Result<OwnTable> ReadOwnFigures(const Context& ctx, const Caller& caller, const OwnRequest& request,
                                const ClientInfo& client) {
  if (auto st = AuthoriseOwn(ctx, caller, kAction, client); !st) return tl::unexpected(st.error());
  if (auto st = CheckOwnFormat(request.format); !st) return tl::unexpected(st.error());
  auto rows = DimensionOf("rows", request.rows);
  if (!rows) return tl::unexpected(rows.error());
  auto columns = DimensionOf("columns", request.columns);
  if (!columns) return tl::unexpected(columns.error());
  if (ctx.facts == nullptr) return Fail(ErrorCode::kUnavailable, "Statistics are not configured.");

  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  stats::FactQuery q;
  q.filter.from = request.from.value_or(CivilDate{today.year, 1, 1});
  q.filter.to = request.to.value_or(today);
  q.filter.organisations = {caller.actor.organisation_id};
  q.rows = *rows;
  q.columns = *columns;
  auto snapshot = ctx.facts->Snapshot();
  if (!snapshot) return tl::unexpected(snapshot.error());
  if (auto st = stats::CheckQuery(q, (*snapshot)->dictionary); !st) {
    return tl::unexpected(st.error());
  }
  OwnTable out;
  out.organisation = caller.actor.organisation_id;
  out.from = q.filter.from;
  out.to = q.filter.to;
  out.rows = request.rows.empty() ? "total" : request.rows;
  out.columns = request.columns.empty() ? "total" : request.columns;
  out.counts = stats::Aggregate(**snapshot, q);

  auto e = EventOf(ctx, caller.actor, kAction, "allowed", client.request_id);
  e.purpose = "statistics";
  e.objects.push_back(Object("organisation", out.organisation, out.organisation));
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

}  // namespace opennrm::app::statistics
