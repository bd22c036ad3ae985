// The consent ledger as stored (referrals, GLOSSARY.md "Consent"): the
// person's permission for one recipient organisation, one purpose and a set
// of sections, recorded on a case (or on a hotline consultation) by the
// organisation that keeps it, and its revocation. Ids, codes, dates and
// sections are plain so lists can filter; free text (interpreter details,
// the revocation's reason) arrives sealed.
// A consent once recorded never changes except by its revocation. Used
// inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm::ports {

struct ConsentRow {
  std::string id;
  std::string organisation_id;  // the controller: recorded it, keeps the case
  std::string case_id;          // "" for a consultation's consent
  std::string person_id;        // "" for a consultation's consent
  std::string consultation_id;  // "" for a case's consent
  std::string recipient_organisation_id;
  std::string purpose;                // referrals::ToString(Purpose)
  std::vector<std::string> sections;  // access::ToString(Section), in the order given
  CivilDate given_on;
  std::string form;      // referrals::ToString(ConsentForm)
  std::string language;  // ISO 639-3
  // How it was given (the interpreter and the like), sealed at
  // (organisation_id, "consents", "body", id); may be empty.
  std::string body_sealed;
  std::string taken_by;  // user id
  std::optional<CivilDate> revoked_on;
  std::string revoked_by;  // user id; "" while not revoked
  // The person's reason if they gave one, sealed at (organisation_id,
  // "consents", "revocation", id); may be empty.
  std::string revocation_sealed;
  long long created_at_us = 0;
  long long version = 1;
};

class ConsentRepository {
 public:
  virtual ~ConsentRepository() = default;
  // kConflict if the id exists, a referenced case, person, consultation or
  // organisation does not, or it names both or neither of a case (with its
  // person) and a consultation.
  virtual Status Insert(const ConsentRow& consent) = 0;
  virtual Result<std::optional<ConsentRow>> Find(const std::string& id) = 0;
  // Stores the revocation (revoked_on, revoked_by, revocation_sealed) and the
  // version of `consent` if the stored version is `expected_version`;
  // kConflict otherwise. Nothing else of a consent ever changes.
  virtual Status Update(const ConsentRow& consent, long long expected_version) = 0;
  // The consents recorded on the case, newest first (given_on, then recorded).
  virtual Result<std::vector<ConsentRow>> OfCase(const std::string& case_id) = 0;
  // The consents recorded on the consultation, newest first (as OfCase).
  virtual Result<std::vector<ConsentRow>> OfConsultation(const std::string& consultation_id) = 0;
  // The consents `organisation_id` recorded for the person, newest first.
  virtual Result<std::vector<ConsentRow>> OfPerson(const std::string& organisation_id,
                                                   const std::string& person_id) = 0;
};

}  // namespace opennrm::ports
