// Which organisations keep cases about persons. The national unit owns
// hotline consultations, never victims' cases (GLOSSARY.md); every other kind
// of organisation in the directory may keep its own. Pure; thread-safe.
#pragma once

#include "domain/orgs/organisation.hpp"

namespace opennrm::cases {

// Whether an organisation of `kind` may own (create and keep) cases.
inline bool KindKeepsCases(orgs::Kind kind) { return kind != orgs::Kind::kNationalUnit; }

}  // namespace opennrm::cases
