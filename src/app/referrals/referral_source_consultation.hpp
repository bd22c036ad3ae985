// A hotline consultation as the source of a referral (referral_source.hpp;
// issue 6 point 3): with the person's consent, or for a child on the
// report-of-concern basis, the national unit passes on what a consultation
// recorded; it keeps no victims' cases itself. An anonymous consultation
// (identity_basis none) is never referred: the advice is what it records.
//
//   - who: users (not tokens) of an organisation of kind national_unit with
//     the role hotline_operator, on their own organisation's consultations,
//     as the consultation use cases decide (app/hotline/consultations.hpp):
//     kNotFound for a consultation of another organisation, exactly as for
//     one that does not exist; kForbidden for the organisation's other
//     users; any operator of the unit sends, reads and withdraws (a
//     consultation has no team);
//   - the person: a consultation describes one person, who has no person
//     record: the referral row's person_id is the consultation's id (the
//     send's input names it), while the disclosure decision's person_id is
//     "" like the person_id of a consent recorded on the consultation, so
//     that such a consent is that person's;
//   - the package (ConsultationPackage): identity (the name, the date of
//     birth, gender and citizenship as far as the consultation tells them),
//     contact (phone, e-mail), assessment (the forms of exploitation, the
//     place, the indicators seen) and notes (the situation and the advice as
//     two notes); no other section ("sections[i]": "not_in_source");
//   - the sender's history: the disclosure's audit event (a consultation has
//     no timeline); told of answers: the assigned operator, or every active
//     hotline operator of the unit while nobody is assigned.
// Internal; no state: thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/referrals/referral_source.hpp"
#include "ports/consultation_repository.hpp"
#include "ports/package_document.hpp"

namespace opennrm::app::referral_internal {

inline constexpr const char* kConsultationSource = "consultation";

class ConsultationSource final : public ReferralSource {
 public:
  std::string_view Kind() const override { return kConsultationSource; }

  Result<SourceAccess> AuthoriseSend(std::unique_ptr<ports::UnitOfWork>& uow, const Context& ctx,
                                     const Caller& caller, const std::string& consultation_id,
                                     const std::string& event_action,
                                     const std::string& request_id) const override;

  Result<SourceAccess> AuthoriseRead(ports::UnitOfWork& uow, const Context& ctx,
                                     const Caller& caller, const std::string& consultation_id,
                                     bool team_only, std::string* owner) const override;

  // "identity_basis": "anonymous_consultation" for an anonymous one;
  // "person_id": "not_in_source" unless it is the consultation's id.
  Result<std::optional<referrals::CaseFacts>> PersonFacts(
      const Context& ctx, ports::UnitOfWork& uow, const SourceAccess& source,
      const std::string& person_id, CivilDate today, Problems& problems) const override;

  bool HoldsConsent(const ports::ConsentRow& consent,
                    const std::string& consultation_id) const override;

  Result<std::string> Snapshot(const Context& ctx, ports::UnitOfWork& uow,
                               const std::string& consultation_id, const std::string& person_id,
                               const referrals::ApprovedScope& scope, CivilDate today,
                               bool recipient_public_authority) const override;

  // Nothing to append: the disclosure's audit event is the consultation's record of it.
  Status RecordStep(ports::UnitOfWork& uow, const Context& ctx, const Caller& caller,
                    const ports::ReferralRow& row, const std::string& action,
                    std::vector<std::pair<std::string, std::string>> details) const override;

  Result<std::vector<std::string>> TeamOf(ports::UnitOfWork& uow,
                                          const std::string& consultation_id) const override;

  Result<std::string> CodeOf(ports::UnitOfWork& uow,
                             const std::string& consultation_id) const override;

  ::opennrm::audit::ObjectRef ListedObject(const SourceAccess& source) const override;
};

// ---- Access to a consultation (shared with the consultation's consents) ----

// The consultation `id` for a hotline operator of its organisation, in
// `uow` (consultation_internal::LoadFor): kNotFound when there is none or
// it is another organisation's; kForbidden for a user of its organisation
// who is no hotline operator (then `owner`, if not null, gets that
// organisation).
Result<ports::ConsultationRow> LoadConsultationFor(ports::UnitOfWork& uow, const Caller& caller,
                                                   const std::string& id, std::string* owner);

// LoadConsultationFor for a step recorded as `event_action`: a refusal
// gives up `uow` and is audited (outcome "denied", object the consultation
// as asked; consultation_internal::RefusedOn) before it is returned.
Result<ports::ConsultationRow> LoadConsultationAudited(std::unique_ptr<ports::UnitOfWork>& uow,
                                                       const Context& ctx, const Caller& caller,
                                                       const std::string& id,
                                                       const std::string& event_action,
                                                       const std::string& request_id);

// The consultation as an audit event names it (type "consultation", its id
// and organisation; never its text).
::opennrm::audit::ObjectRef ConsultationObject(const std::string& id,
                                               const std::string& organisation_id);

// The audit purpose of what is done on a consultation.
inline constexpr const char* kHotlinePurpose = "hotline";

// ---- The package, as plain data (pure) -------------------------------------

// The sections a consultation holds: identity, contact, assessment, notes.
const std::vector<access::Section>& ConsultationSections();

// Adds "sections[i]": "not_in_source" for each known section word of
// `sections` a consultation does not hold (unknown words are the send's).
void CheckConsultationSections(const std::vector<std::string>& sections, Problems& problems);

// What the disclosure decision knows of the person a consultation
// describes on `today`: person_id "" (the person has no record, as in the
// consultation's consents); kept by `owner_kind`; may be a child when the age
// group is child, the identity basis is a report of concern, or the
// approximate age or the date of birth says under 18; no offence roles, no
// protection (the consultation records none).
referrals::CaseFacts ConsultationFacts(const ports::ConsultationRow& row,
                                       const ports::ConsultationBody& body, orgs::Kind owner_kind,
                                       CivilDate today);

// The case type a recipient's new case gets by default for the
// consultation's topic ("" when the topic names none: the recipient chooses).
std::string CaseTypeForTopic(const std::string& topic);

// The package document of `row` (its opened `body`) for `scope` on
// `today`, sent by `sender`: one part
// per disclosed section the consultation holds, in scope order; no contact
// and no place with scope.strip_places. The case code is the consultation's
// code; the person code is empty (the person has no record). The
// indicators seen are answered "yes" on the checklist `catalog_version`.
struct PackageSender {
  std::string id;
  std::string name;
  std::string catalog_version;  // the indicator checklist in use
};
ports::PackageDocument ConsultationPackage(const ports::ConsultationRow& row,
                                           const ports::ConsultationBody& body,
                                           const PackageSender& sender,
                                           const referrals::ApprovedScope& scope, CivilDate today);

}  // namespace opennrm::app::referral_internal
