// The package snapshot of a referral (issue 5 point 3): what a referral
// discloses is a snapshot of the chosen sections at the time of sending,
// about the one person the referral is about. Built from the sender's case
// through the same repositories and record codec the case page reads, with
// sealed fields opened under the sender organisation's key; the caller then
// seals the document to the recipient (ports::PackageSealer). Nothing is
// audited or written here: the referral use case audits the disclosure.
// Thread-safe: no state; `uow` is the caller's.
//
// The document is a ports::PackageDocument, turned into bytes by the
// context's package codec (storage/codec/package_document_codec.hpp gives
// the bytes: compact JSON, one member per disclosed section, in scope order,
// the records in the record codec's own encodings).
//
// Rules kept here (whatever the scope says):
//   - a section not in scope.sections has no key at all;
//   - only the referral's person: their records, clocks and notes; other
//     persons' ids are dropped from the proceedings' injured parties;
//   - with scope.strip_places, or for a protected person, no municipality,
//     country of a place, address or contact detail anywhere: no "contact"
//     section, the exploitation's places emptied, a safety plan's phone
//     numbers emptied, child-track municipalities left out;
//   - proceedings only from a case kept by a public authority;
//   - a suspect or buyer only from a public authority to a public authority.
#pragma once

#include <string>

#include "app/context.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/referrals/referral_decision.hpp"
#include "ports/database.hpp"
#include "ports/package_document.hpp"

namespace opennrm::app {

inline constexpr int kPackageSnapshotFormat = ports::kPackageDocumentFormat;

// The snapshot of `person_id` in `case_id` for `scope` on `today` (the
// sending day), read in `uow` (a read unit of work, or the referral's own:
// opening needs no new data key). kNotFound when the case does not exist or
// the person is not in it; kInvalid naming "person_id" with
// "suspect_data_only_to_authority" for a suspect or buyer unless the case's
// organisation and the recipient (`recipient_public_authority`) are public
// authorities; kInternal when a sealed part cannot be opened or decoded, or
// the context has no record codec or package codec.
Result<std::string> BuildPackageSnapshot(const Context& ctx, ports::UnitOfWork& uow,
                                         const std::string& case_id, const std::string& person_id,
                                         const referrals::ApprovedScope& scope, CivilDate today,
                                         bool recipient_public_authority);

}  // namespace opennrm::app
