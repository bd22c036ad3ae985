// The pure pieces of the referral use cases (referral_send.cpp,
// referral_sent.cpp, referral_answer.cpp, referral_support.cpp): the words
// of the input as domain values, how a referral is delivered, a stored
// referral's lifecycle, what a stored referral lets each side do, the
// objects of its audit event and the details of its timeline entry. No
// I/O; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/referrals/referrals.hpp"
#include "domain/access/section.hpp"
#include "domain/audit/event.hpp"
#include "domain/referrals/legal_basis.hpp"
#include "domain/referrals/lifecycle.hpp"
#include "domain/referrals/purpose.hpp"
#include "ports/referral_repository.hpp"

namespace opennrm::app::referral_internal {

inline constexpr const char* kInApp = "in_app";
inline constexpr const char* kOtherMeans = "other_means";

// The words of a NewReferral as domain values.
struct ReferralChoice {
  std::optional<referrals::Purpose> purpose;  // nullopt when not a purpose word
  std::vector<access::Section> sections;      // the known ones, in the order given
  std::optional<referrals::BasisCode> basis;  // nullopt: none chosen ("")
  std::string delivery;                       // "", "in_app" or "other_means"
};
// The choice of `input`; adds "purpose" ("required", "unknown_code"),
// "sections[i]", "basis" and "delivery" ("unknown_code") to `problems`.
ReferralChoice ParseChoice(const NewReferral& input, Problems& problems);

// The delivery of a referral: the one `asked` for ("in_app",
// "other_means"), or for "" in_app when the recipient has a case-working
// user (`recipient_has_case_workers`), else other_means.
std::string DeliveryFor(const std::string& asked, bool recipient_has_case_workers);

// The lifecycle's view of a stored referral (referrals/lifecycle.hpp);
// kInternal for a stored purpose or status word it does not know.
Result<referrals::ReferralProgress> ProgressOf(const ports::ReferralRow& row);

// Whether the package of `row` may be opened now from `side`: while it is
// sent, accepted or completed, by the recipient when delivered in the app,
// by the sender when sent by other means (to print it).
bool PackageAvailableTo(const ports::ReferralRow& row, bool sender_side);

// Whether `row` still awaits an answer after its deadline on `today`.
bool OverdueOn(const ports::ReferralRow& row, CivilDate today);

// `ids` without repeats and empty ids, in first-seen order.
std::vector<std::string> Distinct(const std::vector<std::string>& ids);

// The records a step of `row` touches, as the disclosure's audit event
// names them (referrals.hpp): the referral, the source case with the
// disclosed sections, the person, the recipient organisation, the consent
// on that basis, and the basis as {legal_basis, "<code>@<valid_from>"}.
std::vector<::opennrm::audit::ObjectRef> DisclosureObjects(const ports::ReferralRow& row);

// The details of the timeline entry of a sent referral: its code, the
// recipient, the purpose, the sections disclosed and the basis (words and
// ids only; never personal data).
std::vector<std::pair<std::string, std::string>> SentEntryDetails(const ports::ReferralRow& row);

// Words joined by ",".
std::string Joined(const std::vector<std::string>& words);

}  // namespace opennrm::app::referral_internal
