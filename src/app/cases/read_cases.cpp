// Reading cases: one case, or the list of those the caller may see.
#include <set>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/cases.hpp"
#include "core/stockholm_date.hpp"
#include "domain/cases/exploitation.hpp"
#include "domain/tracks/track.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

// The municipality codes a place filter stands for.
std::set<std::string> MunicipalitiesOf(const geo::Geography& g, const std::string& field,
                                       const std::string& code) {
  std::set<std::string> out;
  for (const auto& m : g.municipalities()) {
    auto place = g.Locate(m.code);
    if (!place) continue;
    if ((field == "municipality" && m.code == code) ||
        (field == "county" && place->county && place->county->code == code) ||
        (field == "police_region" && place->police_region && place->police_region->id == code)) {
      out.insert(m.code);
    }
  }
  return out;
}

// Checks the narrowing filters of `query` into `f`; problems go to `problems`.
Status Narrowing(const Context& ctx, const CaseQuery& query, Problems& problems,
                 ports::CaseListFilter& f) {
  if (query.step && !query.track) {
    problems.Add("step", "requires_track", "A step filter needs a track.");
  }
  if (query.track) {
    auto kind = tracks::ParseTrackKind(*query.track);
    if (!kind) {
      problems.Add("track", "unknown_code", "track is support, proceedings or return.");
    } else if (query.step) {
      bool known = false;
      if (ctx.case_rules) {
        for (const auto& set : ctx.case_rules->steps) {
          const auto* t = set.FindTrack(*kind);
          if (t && t->FindStep(*query.step)) known = true;
        }
      }
      if (!known) problems.Add("step", "unknown_step", "No such step on that track.");
    }
    f.track = query.track;
    f.step = query.step;
  }
  for (const auto& form : query.forms) {
    if (!cases::ParseExploitationForm(form)) {
      problems.Add("form", "unknown_code", "Unknown form of exploitation: " + form.substr(0, 64));
    }
  }
  f.forms = query.forms;
  std::optional<std::set<std::string>> places;
  const std::pair<const char*, const std::optional<std::string>*> filters[] = {
      {"police_region", &query.police_region},
      {"county", &query.county},
      {"municipality", &query.municipality}};
  for (const auto& [field, value] : filters) {
    if (!*value) continue;
    if (!ctx.reference) return Internal("No reference data.");
    auto codes = MunicipalitiesOf(ctx.reference->geography, field, **value);
    if (codes.empty()) {
      problems.Add(field, std::string("unknown_") + field,
                   "Unknown code: " + (*value)->substr(0, 16));
      continue;
    }
    if (!places) {
      places = std::move(codes);
    } else {
      std::set<std::string> both;
      for (const auto& c : codes) {
        if (places->count(c)) both.insert(c);
      }
      places = std::move(both);
    }
  }
  if (places) {
    // Places that do not overlap match nothing: an impossible code keeps it so.
    f.municipalities.assign(places->begin(), places->end());
    if (f.municipalities.empty()) f.municipalities.push_back("-");
  }
  return Ok();
}

}  // namespace

std::string_view ToString(CaseAccess access) {
  return access == CaseAccess::kTeam ? "team" : "break_glass";
}

Result<CaseView> ReadCase(const Context& ctx, const Caller& caller, const std::string& case_id,
                          const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  std::string owner;
  auto loaded = LoadAllowed(**uow, ctx, caller, case_id, access::Action::kRecordRead, &owner);
  if (!loaded) {
    uow->reset();
    return tl::unexpected(
        AuditDenied(ctx, caller, "case.read", case_id, owner, loaded.error(), client.request_id));
  }
  auto view = case_internal::ViewOf(*loaded);
  uow->reset();
  // Durable before the case is returned.
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, "case.read", "allowed", client.request_id);
  e.objects.push_back(Object("case", loaded->row.id, loaded->row.organisation_id));
  if (view.access == CaseAccess::kBreakGlass) {
    e.purpose = "break_glass";
    e.reason_id = loaded->break_glass->id;
  } else {
    e.purpose = "assignment";
  }
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return view;
}

Result<CaseList> ListCases(const Context& ctx, const Caller& caller, const CaseQuery& query,
                           const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  // A list shows records of the caller's own organisation only: the policy
  // must allow reading such a record at all (a case role).
  access::Resource own;
  own.kind = access::ResourceKind::kRecord;
  own.owner_organisation_id = caller.actor.organisation_id;
  own.owner_kind = caller.actor.organisation_kind;
  own.assigned = true;
  if (auto d = access::Decide(caller.actor, access::Action::kRecordRead, own); !d) {
    return Forbidden("forbidden", "Your role does not keep cases (" + std::string(d.reason) + ").");
  }
  Problems problems;
  if (query.limit < 1 || query.limit > 200) {
    problems.Add("limit", "range", "limit must be between 1 and 200.");
  }
  if (query.offset < 0) problems.Add("offset", "range", "offset must not be negative.");
  if (query.status && *query.status != "open" && *query.status != "closed") {
    problems.Add("status", "unknown_code", "status is open or closed.");
  }
  for (size_t i = 0; i < query.types.size(); ++i) {
    if (!cases::ParseCaseType(query.types[i])) {
      problems.Add("type", "unknown_code", "Unknown case type: " + query.types[i].substr(0, 64));
    }
  }
  ports::CaseListFilter f;
  if (auto st = Narrowing(ctx, query, problems, f); !st) return tl::unexpected(st.error());
  if (auto st = problems.ToStatus(); !st) return tl::unexpected(st.error());
  f.organisation_id = caller.actor.organisation_id;
  f.viewer_user_id = caller.actor.user_id;
  f.viewer_session_id = caller.session->id;
  f.now_us = NowUs(ctx);
  f.status = query.status;
  f.types = query.types;
  f.assigned_only = query.assigned_to_me;
  if (query.overdue) f.overdue_before = FormatIsoDate(StockholmDateOf(ctx.clock.Now()));
  f.limit = query.limit;
  f.offset = query.offset;
  f.count_limit = kCaseListCountLimit;
  CaseList out;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto page = (*uow)->cases().List(f);
    if (!page) return tl::unexpected(page.error());
    out.total = page->total;
    out.total_capped = page->total_capped;
    for (const auto& row : page->items) out.items.push_back(SummaryOf(row));
  }
  // One event per request, listing every case returned (no sections: a
  // list shows no personal data yet).
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "cases.listed", "allowed", client.request_id);
  for (const auto& c : out.items) e.objects.push_back(Object("case", c.id, c.organisation_id));
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

}  // namespace opennrm::app
