// ImportCrimeFigures, ListCrimeFigures and CrimeFiguresOf (crime_figures.hpp).
#include "app/statistics/crime_figures.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "app/auth/internal.hpp"
#include "core/stockholm_date.hpp"
#include "domain/stats/crime_figures.hpp"
#include "domain/stats/crime_figures_csv.hpp"

namespace opennrm::app::statistics {

using namespace auth_internal;

namespace {

constexpr const char* kImported = "statistics.crime_figures_imported";
constexpr const char* kRead = "statistics.crime_figures_read";

::opennrm::audit::Event FiguresEvent(const Context& ctx, const Caller& caller, const char* action,
                                     const std::string& outcome, const std::string& object_type,
                                     const std::string& object_id, const ClientInfo& client) {
  auto e = EventOf(ctx, caller.actor, action, outcome, client.request_id);
  e.purpose = "statistics";
  if (!object_id.empty()) {
    e.objects.push_back(Object(object_type, object_id, caller.actor.organisation_id));
  }
  return e;
}

// Audits the refusal (best effort) and returns it.
Error Refused(const Context& ctx, const Caller& caller, const char* action, Error refusal,
              const ClientInfo& client) {
  (void)Audit(ctx, FiguresEvent(ctx, caller, action, "denied", "", "", client));
  return refusal;
}

int ThisYear(const Context& ctx) { return StockholmDateOf(ctx.clock.Now()).year; }

ports::CrimeFigureRow RowOf(const stats::CrimeFigure& f) {
  ports::CrimeFigureRow r;
  r.year = f.year;
  r.offence = std::string(stats::ToString(f.offence));
  r.measure = std::string(stats::ToString(f.measure));
  r.breakdown = std::string(stats::ToString(f.breakdown));
  r.category = f.category;
  r.value = f.value;
  r.source = f.source;
  return r;
}

// The position of a stored row in list order; words the lists lack go last.
auto ListKey(const ports::CrimeFigureRow& r) {
  auto rank = [](auto parsed) { return parsed ? static_cast<int>(*parsed) : 99; };
  auto breakdown = stats::ParseCrimeBreakdown(r.breakdown);
  size_t category = 99;
  if (breakdown) {
    const auto& list = stats::CrimeCategoriesOf(*breakdown);
    category = static_cast<size_t>(std::find(list.begin(), list.end(), r.category) - list.begin());
  }
  return std::make_tuple(r.year, rank(stats::ParseOffence(r.offence)),
                         rank(stats::ParseCrimeMeasure(r.measure)), rank(breakdown), category,
                         r.category);
}

// Parses `csv` and stores it as `caller`'s import in one unit of work
// (unless `only_if_first` and an import exists: nullopt), then audits it.
Result<std::optional<CrimeFigureImported>> Store(const Context& ctx, const Caller& caller,
                                                 std::string_view csv, bool only_if_first,
                                                 const ClientInfo& client) {
  auto parsed = stats::ParseCrimeFigures(csv, ThisYear(ctx));
  if (!parsed) return tl::unexpected(parsed.error());
  ports::CrimeFigureImportRow import;
  import.id = ctx.ids.NewId();
  import.organisation_id = caller.actor.organisation_id;
  import.user_id = caller.actor.user_id;
  import.imported_at_us = NowUs(ctx);
  std::set<int> years;
  std::set<std::string> sources;
  std::vector<ports::CrimeFigureRow> rows;
  rows.reserve(parsed->size());
  for (const auto& f : *parsed) {
    years.insert(f.year);
    sources.insert(f.source);
    rows.push_back(RowOf(f));
  }
  import.years.assign(years.begin(), years.end());
  import.sources.assign(sources.begin(), sources.end());
  import.figures = static_cast<int>(rows.size());
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    if (only_if_first) {
      auto earlier = (*uow)->crime_figures().Imports(1);
      if (!earlier) return tl::unexpected(earlier.error());
      if (!earlier->empty()) return std::optional<CrimeFigureImported>();
    }
    if (auto st = (*uow)->crime_figures().ReplaceYears(import, rows); !st) {
      return tl::unexpected(st.error());
    }
    if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
  }
  if (auto st = Audit(ctx, FiguresEvent(ctx, caller, kImported, "allowed", "crime_figure_import",
                                        import.id, client));
      !st) {
    return tl::unexpected(st.error());
  }
  return std::optional<CrimeFigureImported>(
      CrimeFigureImported{import.id, import.figures, import.years});
}

}  // namespace

Result<CrimeFigureImported> ImportCrimeFigures(const Context& ctx, const Caller& caller,
                                               std::string_view csv, const ClientInfo& client) {
  if (auto st = Require(access::Decide(caller.actor, access::Action::kStatisticsManage, {})); !st) {
    return tl::unexpected(Refused(ctx, caller, kImported, st.error(), client));
  }
  auto stored = Store(ctx, caller, csv, false, client);
  if (!stored) return tl::unexpected(stored.error());
  return std::move(**stored);
}

Result<std::optional<CrimeFigureImported>> ImportDemoCrimeFigures(const Context& ctx,
                                                                  std::string_view csv) {
  return Store(ctx, Caller{}, csv, true, ClientInfo{});
}

Result<std::vector<ports::CrimeFigureRow>> ListCrimeFigures(const Context& ctx,
                                                            const Caller& caller,
                                                            std::optional<int> from,
                                                            std::optional<int> to,
                                                            const ClientInfo& client) {
  if (auto st = Require(access::Decide(caller.actor, access::Action::kStatisticsRead, {})); !st) {
    return tl::unexpected(Refused(ctx, caller, kRead, st.error(), client));
  }
  const int last = to.value_or(ThisYear(ctx));
  const int first = from.value_or(last - kDefaultCrimeFigureYears + 1);
  if (first > last) {
    return Invalid("from", "order", "The first year comes after the last (`to`).");
  }
  if (last - first + 1 > kMaxCrimeFigureYears) {
    return Invalid("to", "range",
                   "At most " + std::to_string(kMaxCrimeFigureYears) + " years at a time.");
  }
  std::vector<ports::CrimeFigureRow> rows;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto found = CrimeFiguresOf(**uow, first, last);
    if (!found) return tl::unexpected(found.error());
    rows = std::move(*found);
  }
  auto e = FiguresEvent(ctx, caller, kRead, "allowed", "crime_figures",
                        std::to_string(first) + "-" + std::to_string(last), client);
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return rows;
}

Result<std::vector<ports::CrimeFigureRow>> CrimeFiguresOf(ports::UnitOfWork& uow, int year_from,
                                                          int year_to) {
  auto rows = uow.crime_figures().InYears(year_from, year_to);
  if (!rows) return tl::unexpected(rows.error());
  std::stable_sort(rows->begin(), rows->end(),
                   [](const auto& a, const auto& b) { return ListKey(a) < ListKey(b); });
  return std::move(*rows);
}

}  // namespace opennrm::app::statistics
