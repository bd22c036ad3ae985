#include "app/referrals/referral_accept_case.hpp"

#include <variant>

#include "app/cases/case_lookups.hpp"
#include "app/cases/cases.hpp"
#include "app/cases/persons.hpp"
#include "core/stockholm_date.hpp"

namespace opennrm::app::referral_internal {

PackagePerson PackagePersonOf(const ports::PackageDocument& document) {
  PackagePerson out;
  out.case_type = document.case_type;
  for (const auto& part : document.sections) {
    if (const auto* identity = std::get_if<ports::PackageIdentity>(&part)) {
      out.person = identity->identity;  // its identity fields; nothing of the sender's record
      out.identity_disclosed = true;
    }
  }
  out.person.id.clear();
  out.person.organisation_id.clear();
  out.person.code = {};
  out.person.contact = {};
  out.person.merged_into.reset();
  out.person.merged_from.clear();
  for (const auto& part : document.sections) {
    if (const auto* contact = std::get_if<ports::PackageContact>(&part)) {
      out.person.contact = contact->contact;
      out.contact_disclosed = true;
    }
  }
  // The package says protected, not how: the weakest protection keeps the
  // person out of the recipient's lists.
  out.person.protection = document.is_protected ? cases::ProtectionLevel::kSecrecyMarking
                                                : cases::ProtectionLevel::kNone;
  return out;
}

Result<PackagePerson> ReadPackagePerson(const ports::PackageDocumentCodec* codec,
                                        std::string_view document) {
  if (!codec) return Internal("No package codec.");
  auto decoded = codec->Decode(document);
  if (!decoded) return Internal("The package cannot be read: " + decoded.error().message);
  return PackagePersonOf(*decoded);
}

Result<NewCaseTarget> AcceptIntoNewCase(const Context& ctx, const Caller& caller,
                                        const std::string& case_type, const cases::Person& person,
                                        const ClientInfo& client) {
  // Checked as AddCasePerson will check it, before the case is created.
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  cases::Person probe = person;
  probe.id = "package";
  probe.organisation_id = caller.actor.organisation_id;
  probe.code = cases::PersonCode{today.year, 1};
  if (auto st = cases::ValidatePerson(probe, case_internal::LookupsOf(ctx), today); !st) {
    Error e = st.error();
    e.message =
        "The person in the package breaks a rule of a new case; take the referral into "
        "an existing case instead.";
    for (auto& f : e.fields) f.field = "package." + f.field;
    return tl::unexpected(std::move(e));
  }
  auto created = CreateCase(ctx, caller, NewCase{case_type}, client);
  if (!created) return tl::unexpected(created.error());
  NewCasePerson added;
  added.role = std::string(cases::ToString(cases::PersonRole::kPresumedVictim));
  added.person = person;
  auto in_case = AddCasePerson(ctx, caller, created->summary.id, added, client);
  if (!in_case) return tl::unexpected(in_case.error());
  return NewCaseTarget{created->summary.id, in_case->person.id};
}

}  // namespace opennrm::app::referral_internal
