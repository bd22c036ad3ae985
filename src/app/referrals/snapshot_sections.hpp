// The sections of a package snapshot (snapshot.hpp), one builder each: what
// the case holds about the referral's person in that section, as the part of
// the package document (ports/package_document.hpp) for that section. Not
// part of the app's API. Thread-safe: no state; the source's unit of work is
// the caller's.
#pragma once

#include <optional>
#include <string>

#include "app/context.hpp"
#include "domain/access/section.hpp"
#include "domain/orgs/organisation.hpp"
#include "ports/case_repository.hpp"
#include "ports/database.hpp"
#include "ports/package_document.hpp"
#include "ports/person_repository.hpp"

namespace opennrm::app::referral_internal {

struct SnapshotSource {
  const Context& ctx;
  ports::UnitOfWork& uow;
  const ports::CaseRow& kase;
  orgs::Kind owner_kind = orgs::Kind::kOther;
  const ports::CasePerson& person;  // the one the referral is about
  bool strip_places = false;        // no place, address or contact detail anywhere
};

// The part of the document for `section` about the source's person; nullopt
// when the section is left out as a whole (contact while places are
// stripped). kInvalid "sections"/"section_not_in_case" for proceedings from a
// case no public authority keeps; kInternal when a sealed part cannot be
// opened or decoded.
Result<std::optional<ports::PackageSection>> SectionSnapshot(SnapshotSource& source,
                                                             access::Section section);

}  // namespace opennrm::app::referral_internal
