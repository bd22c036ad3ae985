#include "domain/cases/case_record.hpp"

#include <algorithm>

#include "domain/cases/enum_names.hpp"

namespace opennrm::cases {

namespace {

using N = std::string_view;

constexpr auto kTypes = detail::MakeNames<CaseType>(
    std::pair{CaseType::kTraffickingInHumanBeings, N("trafficking_in_human_beings")},
    std::pair{CaseType::kHumanExploitation, N("human_exploitation")},
    std::pair{CaseType::kChildSexualActPurchaseExploitation,
              N("child_sexual_act_purchase_exploitation")},
    std::pair{CaseType::kProstitutionExitSupport, N("prostitution_exit_support")},
    std::pair{CaseType::kReturnOnly, N("return_only")});

}  // namespace

std::vector<CaseType> AllCaseTypes() { return kTypes.All(); }
std::string_view ToString(CaseType type) { return kTypes.Name(type); }
std::optional<CaseType> ParseCaseType(std::string_view text) { return kTypes.Parse(text); }

OwningTeam TeamOf(const CaseRecord& record) {
  return OwningTeam{record.owning_organisation_id, record.team};
}

const CasePerson* FindPerson(const CaseRecord& record, std::string_view person_id) {
  for (const auto& p : record.persons) {
    if (p.person.id == person_id) return &p;
  }
  return nullptr;
}

int CountVictims(const CaseRecord& record) {
  return static_cast<int>(
      std::count_if(record.persons.begin(), record.persons.end(),
                    [](const CasePerson& p) { return CountsAsVictim(p.role); }));
}

bool OnChildTrack(const CasePerson& person, CivilDate on) {
  return MayBeChild(person.person.date_of_birth, person.person.claimed_minor, on);
}

bool NeedsChildTrack(const CaseRecord& record, CivilDate on) {
  return std::any_of(record.persons.begin(), record.persons.end(),
                     [&](const CasePerson& p) { return OnChildTrack(p, on); });
}

std::vector<const CasePerson*> PersonsVisibleTo(const CaseRecord& record,
                                                const access::Actor& viewer) {
  std::vector<const CasePerson*> out;
  for (const auto& p : record.persons) {
    if (MayHandleRole(viewer, p.role)) out.push_back(&p);
  }
  return out;
}

}  // namespace opennrm::cases
