// BuildPackageSnapshot (snapshot.hpp): loads the case, its organisation and
// the person, applies the rules that hold whatever the scope says, takes one
// part per disclosed section (snapshot_sections.cpp) and encodes the
// document with the context's package codec.
#include "app/referrals/snapshot.hpp"

#include <algorithm>
#include <vector>

#include "app/referrals/snapshot_sections.hpp"
#include "domain/cases/person_role.hpp"

namespace opennrm::app {

using namespace referral_internal;

Result<std::string> BuildPackageSnapshot(const Context& ctx, ports::UnitOfWork& uow,
                                         const std::string& case_id, const std::string& person_id,
                                         const referrals::ApprovedScope& scope, CivilDate today,
                                         bool recipient_public_authority) {
  if (!ctx.codec || !ctx.package_codec) return Internal("No record codec or package codec.");
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

  ports::PackageDocument doc;
  doc.sender_id = (*org)->id;
  doc.sender_name = (*org)->data.name;
  doc.case_code = (*kase)->code;
  doc.case_type = (*kase)->type;
  doc.sent_on = today;
  doc.person_code = person->person.code;
  doc.is_protected = is_protected || scope.warn_recipient_protected;
  std::vector<access::Section> done;
  for (access::Section section : scope.sections) {
    if (std::find(done.begin(), done.end(), section) != done.end()) continue;  // one key each
    done.push_back(section);
    auto part = SectionSnapshot(source, section);
    if (!part) return tl::unexpected(part.error());
    if (*part) doc.sections.push_back(std::move(**part));
  }
  return ctx.package_codec->Encode(doc);
}

}  // namespace opennrm::app
