// The role a person has in one case (GLOSSARY.md "Person"). Only presumed
// victims are counted as victims: an accompanying child is recorded, never
// counted. Suspects and buyers of sexual services are data about offences,
// which only public authorities may hold (GDPR Art. 10; Data Protection Act
// 2018:218 ch. 3 §8): they appear only in cases an authority owns, and NGO
// and IOM roles can neither create nor see them. Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/access/actor.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::cases {

enum class PersonRole {
  kPresumedVictim,
  kAccompanyingChild,  // a victim's child who came along: recorded, not counted
  kWitness,
  kSuspect,                // authority-owned cases only
  kBuyerOfSexualServices,  // authority-owned cases only
};

std::vector<PersonRole> AllPersonRoles();
// "presumed_victim", "accompanying_child", "witness", "suspect",
// "buyer_of_sexual_services".
std::string_view ToString(PersonRole role);
std::optional<PersonRole> ParsePersonRole(std::string_view text);

// Whether a person in this role counts as a victim in figures.
bool CountsAsVictim(PersonRole role);
// Whether the role is data about an offence (suspect, buyer).
bool NeedsPublicAuthority(PersonRole role);
// Whether a case owned by an organisation of `owner_kind` may hold the role.
bool CaseMayHold(orgs::Kind owner_kind, PersonRole role);
// Whether `actor` may create or see a person in this role: for offence
// roles, a user of a public authority holding a case role other than the
// NGO or IOM ones. Tokens never may (deny by default).
bool MayHandleRole(const access::Actor& actor, PersonRole role);

}  // namespace opennrm::cases
