// A hotline consultation as the source of a referral (issue 6 point 3): the
// consents recorded on it and the referrals sent from it. With the person's
// consent (or, for a child, on the report-of-concern basis) the national
// unit refers what the consultation recorded, typically to the municipal
// social services or the regional coordinator; an anonymous consultation is
// never referred (referral_source_consultation.hpp says what a package
// holds and who may act).
//
// Who: users of a national unit with the role hotline_operator, on their own
// organisation's consultations; kNotFound for a consultation of another
// organisation (as for one that does not exist), kForbidden for the
// organisation's other users.
// Every step is audited (purpose "hotline"; a referral as a disclosure, as
// referrals.hpp says); refusals too. A consent is revoked with RevokeConsent
// (consents.hpp). Thread-safe: every call opens its own units of work.
#pragma once

#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "app/referrals/consents.hpp"
#include "app/referrals/referrals.hpp"

namespace opennrm::app {

// Records a consent on a consultation of the caller's organisation: the
// consent of the person the consultation describes (input.person_id is not
// used; the view's consent.person_id is ""). kInvalid as
// RecordConsent ("recipient_organisation_id": "unknown_organisation",
// "inactive_organisation", "own_organisation"; "purpose", "form",
// "sections[i]": "unknown_code"; "note"; and referrals::ValidateConsent's
// rules but the person's languages, which a consultation does not record).
// Nothing is written on a refusal.
Result<ConsentView> RecordConsultationConsent(const Context& ctx, const Caller& caller,
                                              const std::string& consultation_id,
                                              const NewConsent& input, const ClientInfo& client);

// The consents of a consultation, newest first; audited before they are returned.
Result<std::vector<ConsentView>> ListConsultationConsents(const Context& ctx, const Caller& caller,
                                                          const std::string& consultation_id,
                                                          const ClientInfo& client);

// Sends a referral from a consultation of the caller's organisation, as
// SendReferral does from a case (input.person_id is not used: the person is
// the one the consultation describes). kInvalid as SendReferral, and
// "identity_basis": "anonymous_consultation" for an anonymous consultation,
// "sections[i]": "not_in_source" for a section a consultation does not hold
// (only identity, contact, assessment and notes); "consent_id":
// "unknown_consent" for a consent not recorded on this consultation.
Result<ReferralView> SendConsultationReferral(const Context& ctx, const Caller& caller,
                                              const std::string& consultation_id,
                                              const NewReferral& input, const ClientInfo& client);

// The referrals sent from a consultation, newest first; audited before they are returned.
Result<std::vector<ReferralView>> ListConsultationReferrals(const Context& ctx,
                                                            const Caller& caller,
                                                            const std::string& consultation_id,
                                                            const ClientInfo& client);

}  // namespace opennrm::app
