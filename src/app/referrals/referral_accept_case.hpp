// Taking a referral into a new case of the recipient's (AcceptReferral,
// referrals.hpp): what the package says about the sender's case type and the
// person, read back from the snapshot document (snapshot.hpp), and the new
// case created with that person through the case use cases. The app layer
// holds no JSON library: JsonMemberAt finds a member's raw text, which the
// record codec decodes exactly as it encoded it. Not part of the app's API.
// Thread-safe: no state; the functions reading a document are pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "domain/cases/person.hpp"
#include "ports/record_codec.hpp"

namespace opennrm::app::referral_internal {

// The raw JSON text of the member at `path` (the keys of nested objects,
// outermost first; empty: the whole value) in `document`; nullopt when a key
// is missing, a step is not an object, or the text is not well-formed JSON up
// to the end of that member. The first of repeated keys counts.
std::optional<std::string_view> JsonMemberAt(std::string_view document,
                                             const std::vector<std::string_view>& path);

// The text of `json` when it is exactly one JSON string (escapes decoded,
// \u to UTF-8); nullopt otherwise.
std::optional<std::string> JsonStringText(std::string_view json);

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
// The person and case type of a package document (format 1); kInternal when
// it is not a package of that format or a disclosed section cannot be decoded.
Result<PackagePerson> ReadPackagePerson(const ports::RecordCodec& codec, std::string_view document);

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
