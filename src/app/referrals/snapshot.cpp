// BuildPackageSnapshot (snapshot.hpp): loads the case, its organisation and
// the person, applies the rules that hold whatever the scope says, and
// writes one member per disclosed section (snapshot_sections.cpp).
#include "app/referrals/snapshot.hpp"

#include <algorithm>
#include <vector>

#include "app/referrals/snapshot_json.hpp"
#include "app/referrals/snapshot_sections.hpp"
#include "domain/cases/person_role.hpp"

namespace opennrm::app {

using namespace referral_internal;

Result<std::string> BuildPackageSnapshot(const Context& ctx, ports::UnitOfWork& uow,
                                         const std::string& case_id, const std::string& person_id,
                                         const referrals::ApprovedScope& scope, CivilDate today,
                                         bool recipient_public_authority) {
  if (!ctx.codec) return Internal("No record codec.");
  auto kase = uow.cases().Find(case_id);
  if (!kase) return tl::unexpected(kase.error());
  if (!*kase) return NotFound("The case does not exist.");
  auto org = uow.organisations().Find((*kase)->organisation_id);
  if (!org) return tl::unexpected(org.error());
  if (!*org) return Internal("The case's organisation is not in the directory.");
  const orgs::Kind owner_kind = (*org)->data.kind;
  auto persons = uow.persons().OfCase(case_id);
  if (!persons) return tl::unexpected(persons.error());
  const ports::CasePerson* person = nullptr;
  for (const auto& p : *persons) {
    if (p.person.id == person_id) person = &p;
  }
  if (!person) return NotFound("The person is not in the case.");
  auto role = cases::ParsePersonRole(person->link.role);
  if (!role) return Internal("The person's role is not a known role.");
  if (cases::NeedsPublicAuthority(*role) &&
      !(orgs::IsPublicAuthority(owner_kind) && recipient_public_authority)) {
    return Invalid("person_id", "suspect_data_only_to_authority",
                   "Data about suspects or buyers goes only from a public authority to a public "
                   "authority.");
  }
  const bool is_protected = person->person.protection != "none";
  SnapshotSource source{ctx, uow, **kase, owner_kind, *person, scope.strip_places || is_protected};

  JsonObject sections;
  std::vector<access::Section> done;
  for (access::Section section : scope.sections) {
    if (std::find(done.begin(), done.end(), section) != done.end()) continue;  // one key each
    done.push_back(section);
    auto value = SectionSnapshot(source, section);
    if (!value) return tl::unexpected(value.error());
    if (*value) sections.Raw(access::ToString(section), **value);
  }
  JsonObject doc;
  doc.Int("format", kPackageSnapshotFormat);
  doc.Raw("sender", JsonObject().Str("id", (*org)->id).Str("name", (*org)->data.name).Done());
  doc.Raw("case", JsonObject().Str("code", (*kase)->code).Str("type", (*kase)->type).Done());
  doc.Date("sent_on", today);
  doc.Str("person", person->person.code);
  if (is_protected || scope.warn_recipient_protected) doc.Bool("protected", true);
  doc.Raw("sections", sections.Done());
  return doc.Done();
}

}  // namespace opennrm::app
