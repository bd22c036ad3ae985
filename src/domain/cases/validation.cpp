#include "domain/cases/validation.hpp"

#include <set>

#include "domain/cases/checks.hpp"

namespace opennrm::cases {

namespace {

using detail::Item;
using detail::Path;

void CheckOwnership(const CaseRecord& c, Problems& p) {
  if (!IsValid(c.code)) p.Add("code", "format", "Not a valid case code.");
  if (c.owning_organisation_id.empty()) {
    p.Add("owning_organisation_id", "required", "A case belongs to an organisation.");
  }
  if (c.team.empty()) p.Add("team", "required", "Assign at least one user to the case.");
  detail::CheckIds(p, "team", c.team);
}

void CheckRole(const CaseRecord& c, const CasePerson& cp, const std::string& base, Problems& p) {
  if (CaseMayHold(c.owner_kind, cp.role)) return;
  const char* rule =
      cp.role == PersonRole::kSuspect ? "suspect_needs_authority" : "buyer_needs_authority";
  p.Add(Path(base, "role"), rule,
        "Only a case owned by a public authority may record a " + std::string(ToString(cp.role)) +
            ".");
}

void CheckCasePerson(const CaseRecord& c, const CasePerson& cp, const Lookups& lookups,
                     CivilDate today, const std::string& base, Problems& p) {
  const Person& person = cp.person;
  CheckPerson(person, lookups, today, base, p);
  if (!person.organisation_id.empty() && person.organisation_id != c.owning_organisation_id) {
    p.Add(Path(base, "organisation_id"), "person_other_organisation",
          "A person record belongs to the organisation whose case holds it.");
  }
  if (person.merged_into) {
    p.Add(Path(base, "id"), "merged_person",
          "This record was merged into another one; use that record.");
  }
  CheckRole(c, cp, base, p);
  CheckWishes(cp.wishes, lookups, today, Path(base, "wishes"), p);
  if (cp.safety_plan) CheckSafetyPlan(*cp.safety_plan, today, Path(base, "safety_plan"), p);
  for (std::size_t i = 0; i < cp.conversations.size(); ++i) {
    CheckConversation(cp.conversations[i], person, lookups, today,
                      Item(Path(base, "conversations"), i), p);
  }
  for (std::size_t i = 0; i < cp.consents.size(); ++i) {
    CheckConsentTaking(cp.consents[i], person, lookups, today, Item(Path(base, "consents"), i), p);
  }
  if (cp.indicators) {
    CheckIndicators(*cp.indicators, lookups.indicators, today, Path(base, "indicators"), p);
  }
  if (cp.assessment) CheckAssessment(*cp.assessment, today, Path(base, "assessment"), p);
}

}  // namespace

Status ValidateCase(const CaseRecord& c, const Lookups& lookups, CivilDate today) {
  Problems p;
  CheckOwnership(c, p);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < c.persons.size(); ++i) {
    const std::string base = Item("persons", i);
    const CasePerson& cp = c.persons[i];
    if (cp.person.id.empty()) {
      p.Add(Path(base, "id"), "required", "A person has an id.");
    } else if (!ids.insert(cp.person.id).second) {
      p.Add(Path(base, "id"), "duplicate", "The person is in the case twice.");
    }
    CheckCasePerson(c, cp, lookups, today, base, p);
  }
  CheckExploitation(c.exploitation, "exploitation", p);
  CheckPlaces(c.places, lookups, "places", p);
  CheckPeriod(c.period, today, "period", p);
  if (c.proceedings) {
    RoleOf role_of = [&c](std::string_view id) -> std::optional<PersonRole> {
      const CasePerson* cp = FindPerson(c, id);
      return cp ? std::optional(cp->role) : std::nullopt;
    };
    CheckProceedings(*c.proceedings, c.owner_kind, role_of, lookups, today, "proceedings", p);
  }
  return p.ToStatus("The case breaks one or more rules.");
}

}  // namespace opennrm::cases
