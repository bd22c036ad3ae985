// A case (GLOSSARY.md): one organisation's record of its work with one or
// more persons: its code and type, the owning organisation and team, the
// persons with their roles and, per person, their wishes, safety plan,
// conversations, consents and assessments; the forms, places and period of
// exploitation, and criminal proceedings where an authority owns the case.
// Plain values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "domain/cases/assessment.hpp"
#include "domain/cases/codes.hpp"
#include "domain/cases/conversation.hpp"
#include "domain/cases/exploitation.hpp"
#include "domain/cases/indicators.hpp"
#include "domain/cases/person.hpp"
#include "domain/cases/person_role.hpp"
#include "domain/cases/places.hpp"
#include "domain/cases/proceedings.hpp"
#include "domain/cases/protected_identity.hpp"
#include "domain/cases/safety_plan.hpp"
#include "domain/cases/voice.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::cases {

enum class CaseType {
  kTraffickingInHumanBeings,            // människohandel
  kHumanExploitation,                   // människoexploatering
  kChildSexualActPurchaseExploitation,  // utnyttjande av barn genom köp av sexuell handling
  kProstitutionExitSupport,             // support to leave prostitution
  kReturnOnly,                          // the return programme only
};
std::vector<CaseType> AllCaseTypes();
std::string_view ToString(CaseType type);
std::optional<CaseType> ParseCaseType(std::string_view text);

// A person in the case, with everything the case records about them.
struct CasePerson {
  Person person;
  PersonRole role = PersonRole::kPresumedVictim;
  std::vector<Wish> wishes;
  std::optional<SafetyPlan> safety_plan;
  std::vector<Conversation> conversations;
  std::vector<ConsentTaking> consents;
  std::optional<IndicatorsAssessment> indicators;
  std::optional<PresumedVictimAssessment> assessment;
};

struct CaseRecord {
  std::string id;
  CaseCode code;
  CaseType type = CaseType::kTraffickingInHumanBeings;
  std::string owning_organisation_id;
  orgs::Kind owner_kind = orgs::Kind::kOther;
  std::vector<std::string> team;  // user ids of the owning organisation
  std::vector<CasePerson> persons;
  std::vector<Exploitation> exploitation;
  Places places;
  Period period;
  std::optional<Proceedings> proceedings;  // authority-owned cases only
};

// The organisation and team that own the case.
OwningTeam TeamOf(const CaseRecord& record);
// The person with `person_id` in the case, or nullptr.
const CasePerson* FindPerson(const CaseRecord& record, std::string_view person_id);
// How many persons the case counts as victims (presumed victims only).
int CountVictims(const CaseRecord& record);
// Whether `person` follows the child track on `on` (see MayBeChild).
bool OnChildTrack(const CasePerson& person, CivilDate on);
// Whether any person in the case follows the child track on `on`.
bool NeedsChildTrack(const CaseRecord& record, CivilDate on);
// The persons `viewer` may see by role: suspects and buyers are left out
// for those who may not handle them (see MayHandleRole).
std::vector<const CasePerson*> PersonsVisibleTo(const CaseRecord& record,
                                                const access::Actor& viewer);

}  // namespace opennrm::cases
