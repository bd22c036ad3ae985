// Taking a referral into a new case of the recipient's (AcceptReferral,
// referrals.hpp): what the package says about the sender's case type and the
// person, read back from the snapshot document (snapshot.hpp), and the new
// case created with that person through the case use cases. The document is
// decoded by the context's package codec (ports/package_document.hpp): the
// app layer holds no serialisation format. Not part of the app's API.
// Thread-safe: no state.
#pragma once

#include <string>
#include <string_view>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "domain/cases/person.hpp"
#include "ports/package_document.hpp"

namespace opennrm::app::referral_internal {

// What a package tells the recipient about the person and the sender's case.
struct PackagePerson {
  std::string case_type;  // "case"."type": the sender's case type; "" when absent
  // Identity (and contact) when those sections were disclosed; otherwise no
  // names: the person's code in the recipient's case stands in. A protected
  // person (the package's "protected") gets the weakest protection level
  // (the package does not say which): kept out of the recipient's lists.
  cases::Person person;
  bool identity_disclosed = false;
  bool contact_disclosed = false;
};
// The person and case type of a package document's bytes, decoded by
// `codec`; kInternal when there is no codec, or the bytes are not a package
// it reads (another format, a section that cannot be decoded).
Result<PackagePerson> ReadPackagePerson(const ports::PackageDocumentCodec* codec,
                                        std::string_view document);

// The person and case type a decoded package document tells.
PackagePerson PackagePersonOf(const ports::PackageDocument& document);

struct NewCaseTarget {
  std::string case_id;
  std::string person_id;
};
// Creates a case of `case_type` for the caller's organisation (CreateCase,
// the caller on its team) and adds `person` to it as the presumed victim
// (AddCasePerson). The person is checked first (cases::ValidatePerson;
// fields named "package.<field>") so that a refusal writes nothing; a
// failure after the case was created leaves that case, empty.
Result<NewCaseTarget> AcceptIntoNewCase(const Context& ctx, const Caller& caller,
                                        const std::string& case_type, const cases::Person& person,
                                        const ClientInfo& client);

}  // namespace opennrm::app::referral_internal
