// A case as the source of a referral (referral_source_case.hpp).
#include "app/referrals/referral_source_case.hpp"

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/person_support.hpp"
#include "app/referrals/snapshot.hpp"
#include "domain/cases/date_of_birth.hpp"
#include "domain/cases/person_role.hpp"

namespace opennrm::app::referral_internal {

using namespace case_internal;

namespace {

// The caller's standing on a loaded case.
SourceAccess AccessOf(const LoadedCase& l) {
  SourceAccess a;
  a.id = l.row.id;
  a.owner_organisation_id = l.row.organisation_id;
  a.owner_kind = l.resource.owner_kind;
  // As case_internal::SetReadPurpose states it.
  if (!l.resource.assigned && l.break_glass) {
    a.read_purpose = "break_glass";
    a.reason_id = l.break_glass->id;
  }
  return a;
}

// The person of the case the referral is about; problems name "person_id".
const ports::CasePerson* PersonOf(const std::vector<ports::CasePerson>& persons,
                                  const std::string& person_id, Problems& p) {
  if (person_id.empty()) {
    p.Add("person_id", "required", "Choose the person the referral is about.");
    return nullptr;
  }
  for (const auto& cp : persons) {
    if (cp.person.id != person_id) continue;
    if (cp.person.merged_into) {
      p.Add("person_id", "person_merged",
            "This record was merged into another one (" + *cp.person.merged_into +
                "); refer from there.");
      return nullptr;
    }
    return &cp;
  }
  p.Add("person_id", "not_in_case", "No such person in this case.");
  return nullptr;
}

}  // namespace

Result<SourceAccess> CaseSource::AuthoriseSend(std::unique_ptr<ports::UnitOfWork>& uow,
                                               const Context& ctx, const Caller& caller,
                                               const std::string& case_id,
                                               const std::string& event_action,
                                               const std::string& request_id) const {
  auto l = LoadForTeam(uow, ctx, caller, case_id, access::Action::kRecordWrite, event_action,
                       "Only the case's team sends referrals; break-glass reads.", request_id);
  if (!l) return tl::unexpected(l.error());
  return AccessOf(*l);
}

Result<SourceAccess> CaseSource::AuthoriseRead(ports::UnitOfWork& uow, const Context& ctx,
                                               const Caller& caller, const std::string& case_id,
                                               bool team_only, std::string* owner) const {
  const auto action = team_only ? access::Action::kRecordWrite : access::Action::kRecordRead;
  auto l = LoadAllowed(uow, ctx, caller, case_id, action, owner);
  if (!l) return tl::unexpected(l.error());
  if (team_only && !l->resource.assigned) {
    if (owner) *owner = l->row.organisation_id;
    return Forbidden("not-on-team", "Only the case's team acts on the referrals sent from it.");
  }
  return AccessOf(*l);
}

Result<std::optional<referrals::CaseFacts>> CaseSource::PersonFacts(
    const Context& ctx, ports::UnitOfWork& uow, const SourceAccess& source,
    const std::string& person_id, CivilDate today, Problems& problems) const {
  auto persons = uow.persons().OfCase(source.id);
  if (!persons) return tl::unexpected(persons.error());
  const ports::CasePerson* person = PersonOf(*persons, person_id, problems);
  if (!person) return std::nullopt;
  auto opened = OpenCasePerson(ctx, *person);
  if (!opened) return tl::unexpected(opened.error());
  referrals::CaseFacts facts;
  facts.person_id = person->person.id;
  facts.owner_kind = source.owner_kind;
  facts.includes_offence_roles = cases::NeedsPublicAuthority(opened->role);
  facts.protected_identity = person->person.protection != "none";
  facts.may_be_child =
      cases::MayBeChild(opened->person.date_of_birth, opened->person.claimed_minor, today);
  return std::optional<referrals::CaseFacts>(std::move(facts));
}

bool CaseSource::HoldsConsent(const ports::ConsentRow& consent, const std::string& case_id) const {
  return consent.case_id == case_id;
}

Result<std::string> CaseSource::Snapshot(const Context& ctx, ports::UnitOfWork& uow,
                                         const std::string& case_id, const std::string& person_id,
                                         const referrals::ApprovedScope& scope, CivilDate today,
                                         bool recipient_public_authority) const {
  return BuildPackageSnapshot(ctx, uow, case_id, person_id, scope, today,
                              recipient_public_authority);
}

Status CaseSource::RecordStep(ports::UnitOfWork& uow, const Context& ctx, const Caller& caller,
                              const ports::ReferralRow& row, const std::string& action,
                              std::vector<std::pair<std::string, std::string>> details) const {
  NewEntry entry{action, access::Section::kSupport, row.person_id, row.id, std::move(details)};
  auto appended = AppendEntry(uow, ctx, caller, row.source_id, std::move(entry));
  if (!appended) return tl::unexpected(appended.error());
  return Ok();
}

Result<std::vector<std::string>> CaseSource::TeamOf(ports::UnitOfWork& uow,
                                                    const std::string& case_id) const {
  auto team = uow.cases().Team(case_id);
  if (!team) return tl::unexpected(team.error());
  std::vector<std::string> out;
  for (const auto& m : *team) out.push_back(m.user_id);
  return out;
}

Result<std::string> CaseSource::CodeOf(ports::UnitOfWork& uow, const std::string& case_id) const {
  auto kase = uow.cases().Find(case_id);
  if (!kase) return tl::unexpected(kase.error());
  return *kase ? (*kase)->code : std::string();
}

::opennrm::audit::ObjectRef CaseSource::ListedObject(const SourceAccess& source) const {
  auto object = auth_internal::Object(kCaseSource, source.id, source.owner_organisation_id);
  object.sections = {"support"};  // the referrals sent are in the case's support section
  return object;
}

}  // namespace opennrm::app::referral_internal
