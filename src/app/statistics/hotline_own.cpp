// ReadHotlineOwn (hotline_own.hpp).
#include "app/statistics/hotline_own.hpp"

#include <algorithm>

#include "app/auth/internal.hpp"
#include "app/statistics/statistics_sources.hpp"
#include "core/stockholm_date.hpp"
#include "domain/hotline/consultation.hpp"
#include "domain/stats/fact.hpp"
#include "domain/stats/hotline_dims.hpp"

namespace opennrm::app::statistics {

using namespace auth_internal;

namespace {

constexpr const char* kAction = "statistics.own_read";
constexpr int kMaxYears = 30;

template <class E>
std::vector<std::string> Words(const std::vector<E>& all) {
  std::vector<std::string> out;
  for (E e : all) out.emplace_back(hotline::ToString(e));
  return out;
}

// The keys of `by` over the period, complete (a known 0 for each).
std::vector<std::string> KeysOf(const Context& ctx, const std::string& by, CivilDate from,
                                CivilDate to) {
  std::vector<std::string> keys;
  if (by == "week" || by == "month") {
    for (int32_t d = stats::DayNumber(from); d <= stats::DayNumber(to); ++d) {
      const CivilDate day = stats::DateOfDayNumber(d);
      std::string key = by == "week" ? stats::IsoWeekKey(day) : stats::MonthKey(day);
      if (keys.empty() || keys.back() != key) keys.push_back(std::move(key));
    }
    return keys;
  }
  if (by == "channel") return Words(hotline::AllChannels());
  if (by == "topic") return Words(hotline::AllTopics());
  if (by == "professional") return stats::ProfessionalTypes();
  if (by == "police_region") return AreaKeys(ctx.reference->geography, false);
  if (by == "county") return AreaKeys(ctx.reference->geography, true);
  return {"referred", "not_referred"};
}

std::string KeyOf(const Context& ctx, const std::string& by,
                  const ports::ConsultationStatisticsRow& c,
                  const std::map<std::string, orgs::Organisation>& orgs) {
  const CivilDate day = StockholmDateOf(TimePoint(std::chrono::microseconds(c.received_at_us)));
  if (by == "week") return stats::IsoWeekKey(day);
  if (by == "month") return stats::MonthKey(day);
  if (by == "channel") return c.channel;
  if (by == "topic") return c.topic;
  if (by == "professional") {
    auto it = orgs.find(c.caller_organisation_id);
    return stats::ProfessionalType(it == orgs.end() ? std::nullopt
                                                    : std::optional(it->second.data.kind));
  }
  if (by == "police_region" || by == "county") {
    return AreaOfMunicipality(ctx.reference->geography, c.municipality_code, by == "county");
  }
  return c.referred ? "referred" : "not_referred";
}

Status RequireHotlineOperator(const Caller& caller) {
  const access::Actor& a = caller.actor;
  if (a.organisation_kind != orgs::Kind::kNationalUnit || !a.Has(access::Role::kHotlineOperator)) {
    return Forbidden("not-hotline-operator",
                     "The hotline's own figures are for the national unit's hotline operators.");
  }
  return Ok();
}

}  // namespace

const std::vector<std::string>& HotlineOwnDimensions() {
  static const std::vector<std::string> v{"week",         "month",         "channel", "topic",
                                          "professional", "police_region", "county",  "referred"};
  return v;
}

Result<OwnTable> ReadHotlineOwn(const Context& ctx, const Caller& caller,
                                const HotlineOwnRequest& request, const ClientInfo& client) {
  if (auto st = AuthoriseOwn(ctx, caller, kAction, client); !st) return tl::unexpected(st.error());
  if (auto st = RequireHotlineOperator(caller); !st) {
    auto e = EventOf(ctx, caller.actor, kAction, "denied", client.request_id);
    e.purpose = "statistics";
    (void)Audit(ctx, std::move(e));
    return tl::unexpected(st.error());
  }
  if (auto st = CheckOwnFormat(request.format); !st) return tl::unexpected(st.error());
  const auto& dims = HotlineOwnDimensions();
  if (std::find(dims.begin(), dims.end(), request.by) == dims.end()) {
    return Invalid("by", "unknown_dimension",
                   "Consultations are counted by week, month, channel, topic, professional, "
                   "police_region, county or referred.");
  }
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  const CivilDate from = request.from.value_or(CivilDate{today.year, 1, 1});
  const CivilDate to = request.to.value_or(today);
  if (from > to) return Invalid("from", "order", "The period must not end before it starts.");
  if (to >= CivilDate{from.year + kMaxYears, from.month, from.day}) {
    return Invalid("to", "range", "A period of at most 30 years.");
  }
  OwnTable out;
  out.organisation = caller.actor.organisation_id;
  out.from = from;
  out.to = to;
  out.rows = request.by;
  out.columns = "total";
  out.counts = stats::ZeroTable(KeysOf(ctx, request.by, from, to), {"total"});
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto rows = (*uow)->consultations().ForStatistics(
        ToEpochMicros(StockholmStartOfDay(from)),
        ToEpochMicros(StockholmStartOfDay(stats::DateOfDayNumber(stats::DayNumber(to) + 1))));
    if (!rows) return tl::unexpected(rows.error());
    std::map<std::string, orgs::Organisation> orgs;
    if (request.by == "professional") {
      auto all = OrganisationsById(**uow);
      if (!all) return tl::unexpected(all.error());
      orgs = std::move(*all);
    }
    auto& t = out.counts;
    for (const auto& c : *rows) {
      if (c.organisation_id != out.organisation) continue;
      const std::string key = KeyOf(ctx, request.by, c, orgs);
      auto it = std::find(t.rows.begin(), t.rows.end(), key);
      if (it == t.rows.end()) {
        // A word outside today's lists (an older value): its own row.
        t.rows.push_back(key);
        t.cells.push_back({0});
        t.row_totals.push_back(0);
        it = t.rows.end() - 1;
      }
      const size_t r = static_cast<size_t>(it - t.rows.begin());
      ++*t.cells[r][0];
      ++*t.row_totals[r];
      ++*t.column_totals[0];
      ++*t.total;
    }
  }
  auto e = EventOf(ctx, caller.actor, kAction, "allowed", client.request_id);
  e.purpose = "hotline";
  e.objects.push_back(Object("organisation", out.organisation, out.organisation));
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

}  // namespace opennrm::app::statistics
