// PublishYear, ListPublications, ReleaseLog and ReadCatalogue (publications.hpp).
#include "app/statistics/publications.hpp"

#include <map>
#include <set>

#include "app/auth/internal.hpp"
#include "app/statistics/fact_cache.hpp"
#include "app/statistics/publisher.hpp"
#include "app/statistics/release_tables.hpp"
#include "app/statistics/release_view.hpp"
#include "app/statistics/statistics_settings.hpp"
#include "core/stockholm_date.hpp"
#include "domain/stats/table_catalogue.hpp"

namespace opennrm::app::statistics {

using namespace auth_internal;

namespace {

constexpr int kFirstYear = 1990;
constexpr int kLastYear = 9999;

Status CheckYear(int year) {
  if (year < kFirstYear || year > kLastYear) {
    return Invalid("year", "range", "A year from 1990 to 9999.");
  }
  return Ok();
}

Status RequireManage(const Caller& caller) {
  return Require(access::Decide(caller.actor, access::Action::kStatisticsManage, {}));
}

::opennrm::audit::Event ReleaseEvent(const Context& ctx, const Caller& caller,
                                     const std::string& outcome, int year, int number,
                                     const ClientInfo& client) {
  auto e = EventOf(ctx, caller.actor, "statistics.published", outcome, client.request_id);
  e.purpose = "statistics";
  std::string id = std::to_string(year);
  if (number > 0) id += "/" + std::to_string(number);
  e.objects.push_back(Object("statistics_release", id, ""));
  return e;
}

// Appends the tables not already there (a table without a series comes
// back for every series; the first is kept).
void Append(std::vector<RawTable>& all, std::set<std::pair<std::string, std::string>>& seen,
            std::vector<RawTable> more) {
  for (auto& t : more) {
    if (seen.insert({t.id, t.series}).second) all.push_back(std::move(t));
  }
}

Result<std::vector<RawTable>> BuildRelease(ports::UnitOfWork& uow, const Context& ctx, int year,
                                           std::shared_ptr<const stats::FactSnapshot> facts) {
  std::vector<RawTable> all;
  std::set<std::pair<std::string, std::string>> seen;
  bool first = true;
  for (const auto& series : stats::ReleaseSeries()) {
    ReleaseInput in{year, series, facts};
    Append(all, seen, VictimTables(in));
    auto indicators = IndicatorTables(uow, ctx, in);
    if (!indicators) return tl::unexpected(indicators.error());
    Append(all, seen, std::move(*indicators));
    if (first) {  // consultations belong to no series
      auto hotline = HotlineTables(uow, ctx, in);
      if (!hotline) return tl::unexpected(hotline.error());
      Append(all, seen, std::move(*hotline));
      first = false;
    }
    auto eu = EuTables(uow, ctx, in);
    if (!eu) return tl::unexpected(eu.error());
    Append(all, seen, std::move(*eu));
  }
  return all;
}

stats::SdcPolicy PolicyOf(const Context& ctx) {
  stats::SdcPolicy p;
  if (ctx.statistics_settings) {
    p.threshold = ctx.statistics_settings->threshold;
    p.rounding_base = ctx.statistics_settings->rounding_base;
  }
  return p;
}

}  // namespace

Result<PublicationResult> PublishYear(const Context& ctx, const Caller& caller, int year,
                                      const ClientInfo& client) {
  if (auto st = RequireManage(caller); !st) {
    (void)Audit(ctx, ReleaseEvent(ctx, caller, "denied", year, 0, client));
    return tl::unexpected(st.error());
  }
  if (auto st = CheckYear(year); !st) return tl::unexpected(st.error());
  if (StockholmDateOf(ctx.clock.Now()).year <= year) {
    return Invalid("year", "not_ended", "A year is published once it has ended (Swedish time).");
  }
  if (ctx.facts == nullptr || !ctx.statistics_settings) {
    return Internal("Statistics are not configured on this server.");
  }
  // A release counts every fact recorded until now: no stale snapshot.
  if (auto st = ctx.facts->Refresh(); !st) return tl::unexpected(st.error());
  auto facts = ctx.facts->Snapshot();
  if (!facts) return tl::unexpected(facts.error());

  ReleaseToProtect release;
  release.year = year;
  release.policy = PolicyOf(ctx);
  std::optional<ports::ReleaseRecord> earlier;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto last = FindRelease(**uow, year);
    if (!last) return tl::unexpected(last.error());
    earlier = *last;
    if (earlier) {
      auto tables = (*uow)->statistics_releases().Tables(year, earlier->number);
      if (!tables) return tl::unexpected(tables.error());
      release.earlier = std::move(*tables);
    }
    auto raw = BuildRelease(**uow, ctx, year, *facts);
    if (!raw) return tl::unexpected(raw.error());
    release.tables = std::move(*raw);
  }
  auto published = ProtectRelease(release, ctx.reference->geography);
  if (!published) return tl::unexpected(published.error());

  ports::ReleaseRecord record;
  record.year = year;
  record.number = earlier ? earlier->number + 1 : 1;
  record.published_at_us = NowUs(ctx);
  record.published_by_organisation = caller.actor.organisation_id;
  record.published_by_user = caller.actor.user_id;
  record.tables = static_cast<int>(published->size());
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    // Compared with the release read above: another publication in between
    // would make this one a revision of the wrong release.
    auto last = FindRelease(**uow, year);
    if (!last) return tl::unexpected(last.error());
    if ((*last ? (*last)->number : 0) != record.number - 1) {
      return Fail(ErrorCode::kConflict,
                  "The year was published by someone else meanwhile; publish again to revise it.");
    }
    if (auto st = (*uow)->statistics_releases().Insert(record, *published); !st) {
      return tl::unexpected(st.error());
    }
    if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
  }
  if (auto st = Audit(ctx, ReleaseEvent(ctx, caller, "allowed", year, record.number, client));
      !st) {
    return tl::unexpected(st.error());
  }
  return PublicationResult{year, record.number, record.tables, record.published_at_us};
}

Result<std::vector<PublishedYear>> ListPublications(const Context& ctx, const Caller& caller,
                                                    const ClientInfo&) {
  if (auto st = RequireStatisticsRead(caller); !st) return tl::unexpected(st.error());
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto all = (*uow)->statistics_releases().Releases(std::nullopt);
  if (!all) return tl::unexpected(all.error());
  std::map<int, PublishedYear, std::greater<>> years;
  for (const auto& r : *all) {
    auto& y = years[r.year];
    y.year = r.year;
    y.releases.push_back(r);
    y.latest = r;  // by number: the last one wins
  }
  std::vector<PublishedYear> out;
  for (auto& [year, y] : years) out.push_back(std::move(y));
  return out;
}

Result<std::vector<ports::ReleaseRecord>> ReleaseLog(const Context& ctx, const Caller& caller,
                                                     std::optional<int> year, const ClientInfo&) {
  if (auto st = RequireStatisticsRead(caller); !st) return tl::unexpected(st.error());
  if (year) {
    if (auto st = CheckYear(*year); !st) return tl::unexpected(st.error());
  }
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  return (*uow)->statistics_releases().Releases(year);
}

Result<Catalogue> ReadCatalogue(const Context& ctx, const Caller& caller, const ClientInfo&) {
  if (auto st = RequireStatisticsRead(caller); !st) return tl::unexpected(st.error());
  Catalogue c;
  std::set<std::string> ids;
  for (const auto& t : stats::VictimTableCatalogue()) {
    c.tables.push_back(
        {t.id, t.group, std::string(stats::ToString(t.rows)), stats::ColumnWord(t.columns)});
    ids.insert(t.id);
  }
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto all = (*uow)->statistics_releases().Releases(std::nullopt);
    if (!all) return tl::unexpected(all.error());
    if (!all->empty()) {
      // The latest publication: the highest year, then its last release.
      const auto& latest = all->back();
      auto tables = (*uow)->statistics_releases().Tables(latest.year, latest.number);
      if (!tables) return tl::unexpected(tables.error());
      for (const auto& t : *tables) {
        if (!ids.insert(t.id).second) continue;
        c.tables.push_back({t.id, t.group, t.row_dimension, t.column_dimension});
      }
    }
  }
  c.series = stats::ReleaseSeries();
  for (auto d : stats::AllDimensions()) c.dimensions.emplace_back(stats::ToString(d));
  c.policy = PolicyOf(ctx);
  c.minimum_threshold = ctx.statistics_settings ? ctx.statistics_settings->minimum_threshold : 0;
  return c;
}

}  // namespace opennrm::app::statistics
