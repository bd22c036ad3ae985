// Creating a case: owned by the caller's organisation, with the caller on
// its team, following the step definitions in force today.
#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/cases.hpp"
#include "core/stockholm_date.hpp"
#include "domain/cases/codes.hpp"
#include "domain/cases/keeper.hpp"
#include "domain/tracks/definition_history.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

Result<CaseView> CreateCase(const Context& ctx, const Caller& caller, const NewCase& input,
                            const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  access::Resource resource;
  resource.kind = access::ResourceKind::kRecord;
  resource.owner_organisation_id = caller.actor.organisation_id;
  resource.owner_kind = caller.actor.organisation_kind;
  resource.assigned = true;  // the creator goes on the team
  // A new record has no existence to hide: any refusal is 403.
  if (auto d = access::Decide(caller.actor, access::Action::kRecordWrite, resource); !d) {
    return Forbidden("forbidden", "Your role does not keep cases (" + std::string(d.reason) + ").");
  }
  if (!cases::KindKeepsCases(caller.actor.organisation_kind)) {
    return tl::unexpected(
        Error{ErrorCode::kForbidden,
              "The national unit keeps hotline consultations, not cases; the organisation that "
              "supports the person keeps the case.",
              {},
              "organisation-keeps-no-cases"});
  }
  auto type = cases::ParseCaseType(input.type);
  if (!type) {
    return Invalid("type", "unknown_code",
                   "Choose a case type: trafficking_in_human_beings, human_exploitation, "
                   "child_sexual_act_purchase_exploitation, prostitution_exit_support or "
                   "return_only.");
  }
  if (!ctx.case_rules) return Internal("Case rules are not loaded.");
  TimePoint now = ctx.clock.Now();
  CivilDate today = StockholmDateOf(now);
  const tracks::DefinitionSet* steps = tracks::InForceOn(ctx.case_rules->steps, today);
  if (!steps) return Internal("No step definitions are in force today.");

  ports::CaseRow row;
  row.id = ctx.ids.NewId();
  row.organisation_id = caller.actor.organisation_id;
  row.type = std::string(cases::ToString(*type));
  row.steps_version = steps->version;
  row.created_by = caller.actor.user_id;
  row.created_at_us = row.updated_at_us = NowUs(ctx);
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto number = (*uow)->cases().NextCodeNumber(today.year);
    if (!number) return tl::unexpected(number.error());
    row.code = cases::ToString(cases::CaseCode{today.year, *number});
    if (auto st = (*uow)->cases().Insert(row); !st) return tl::unexpected(st.error());
    auto added = (*uow)->cases().AddTeamMember(
        {row.id, caller.actor.user_id, caller.actor.user_id, row.created_at_us});
    if (!added) return tl::unexpected(added.error());
    auto entry =
        AppendEntry(**uow, ctx, caller, row.id,
                    {"case.created", access::Section::kSupport, "", "", {{"type", row.type}}});
    if (!entry) return tl::unexpected(entry.error());
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "case.created", "allowed", client.request_id);
  e.objects.push_back(Object("case", row.id, row.organisation_id));
  e.purpose = "assignment";
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto loaded = LoadAllowed(**uow, ctx, caller, row.id, access::Action::kRecordRead);
  if (!loaded) return tl::unexpected(loaded.error());
  return case_internal::ViewOf(*loaded);
}

}  // namespace opennrm::app
