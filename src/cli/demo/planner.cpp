#include "cli/demo/planner.hpp"

#include <algorithm>

#include "cli/demo/action_planner.hpp"
#include "cli/demo/person_planner.hpp"
#include "cli/demo/track_planner.hpp"
#include "core/stockholm_date_math.hpp"
#include "domain/cases/partial_date.hpp"

namespace opennrm::cli::demo {

namespace {

using F = cases::ExploitationForm;
using cases::CaseType;
using cases::PersonRole;

template <typename T>
const T& Draw(const WeightedList<T>& list, DemoRandom& random) {
  std::vector<double> weights;
  for (const auto& item : list) weights.push_back(item.second);
  return list[random.Weighted(weights)].first;
}

const CitizenshipProfile& DrawProfile(const DemoWorld& w, DemoRandom& random) {
  return CitizenshipProfiles()[w.citizenships.Draw(random)];
}

const CitizenshipProfile& SwedishProfile() {
  for (const auto& p : CitizenshipProfiles()) {
    if (p.country == "SE") return p;
  }
  return CitizenshipProfiles().front();
}

void PlanKeeper(const DemoWorld& w, CasePlan& plan, DemoRandom& random) {
  const std::pair<SlotKind, double> kinds[] = {
      {SlotKind::kMunicipalSocialServices, w.shares.municipal},
      {SlotKind::kNgo, w.shares.ngo},
      {SlotKind::kPoliceRegion, w.shares.police},
      {SlotKind::kIom, w.shares.iom},
      {SlotKind::kRegionalCoordinator, w.shares.regional}};
  std::vector<double> weights;
  for (const auto& [kind, share] : kinds) {
    auto it = w.slots_by_kind.find(kind);
    weights.push_back(it == w.slots_by_kind.end() || it->second.empty() ? 0.0 : share);
  }
  plan.slot_kind = kinds[random.Weighted(weights)].first;
  plan.slot = w.slots_by_kind.at(plan.slot_kind).Draw(random);
}

std::vector<cases::Exploitation> PlanForms(const CitizenshipProfile& profile, DemoRandom& random) {
  std::vector<cases::Exploitation> forms;
  auto add = [&](F form) {
    for (const auto& f : forms) {
      if (f.form == form) return;
    }
    cases::Exploitation e;
    e.form = form;
    if (form == F::kLabour) e.sector = Draw(profile.sectors, random);
    forms.push_back(std::move(e));
  };
  add(Draw(profile.forms, random));
  if (random.Chance(0.10)) add(Draw(profile.forms, random));
  return forms;
}

CaseType PlanType(const CasePlan& plan, bool child, DemoRandom& random) {
  F primary = plan.forms.front().form;
  if (plan.slot_kind == SlotKind::kIom) {
    return random.Chance(0.85) ? CaseType::kReturnOnly : CaseType::kTraffickingInHumanBeings;
  }
  if (child && primary == F::kSexual && random.Chance(0.3)) {
    return CaseType::kChildSexualActPurchaseExploitation;
  }
  bool supports =
      plan.slot_kind == SlotKind::kMunicipalSocialServices || plan.slot_kind == SlotKind::kNgo;
  if (!child && primary == F::kSexual && supports && random.Chance(0.15)) {
    return CaseType::kProstitutionExitSupport;
  }
  bool exploitation =
      primary == F::kLabour || primary == F::kForcedBegging || primary == F::kForcedCriminality;
  double human_exploitation = exploitation ? 0.45 : 0.10;
  return random.Chance(human_exploitation) ? CaseType::kHumanExploitation
                                           : CaseType::kTraffickingInHumanBeings;
}

void PlanPersons(const DemoWorld& w, const CitizenshipProfile& profile, bool child, CasePlan& plan,
                 DemoRandom& random) {
  F primary = plan.forms.front().form;
  int victims = 1;
  if (primary == F::kLabour && random.Chance(0.12)) {
    victims = random.Between(2, 5);
  } else if (random.Chance(0.06)) {
    victims = 2;
  }
  for (int i = 0; i < victims; ++i) {
    const CitizenshipProfile& p = i == 0 || random.Chance(0.9) ? profile : DrawProfile(w, random);
    PersonDraw d{PersonRole::kPresumedVictim, random.Chance(FemaleShare(primary)),
                 DrawAge(child, random), plan.opened_on};
    plan.persons.push_back(PlanPerson(p, d, random));
  }
  const PersonPlan& first = plan.persons.front();
  bool adult_woman = !first.child && first.person.gender == cases::Gender::kFemale;
  if (adult_woman && random.Chance(0.06)) {
    PersonDraw d{PersonRole::kAccompanyingChild, random.Chance(0.5), random.Between(0, 10),
                 plan.opened_on};
    plan.persons.push_back(PlanPerson(profile, d, random));
  }
  if (random.Chance(0.04)) {
    const auto& p = random.Chance(0.5) ? SwedishProfile() : profile;
    PersonDraw d{PersonRole::kWitness, random.Chance(0.5), DrawAge(false, random), plan.opened_on};
    plan.persons.push_back(PlanPerson(p, d, random));
  }
  // Suspects and buyers only in cases an authority keeps.
  double suspects = plan.slot_kind == SlotKind::kPoliceRegion              ? 0.40
                    : plan.slot_kind == SlotKind::kMunicipalSocialServices ? 0.03
                                                                           : 0.0;
  if (random.Chance(suspects)) {
    const auto& p = random.Chance(0.6) ? profile : SwedishProfile();
    PersonDraw d{PersonRole::kSuspect, random.Chance(0.2), DrawAge(false, random), plan.opened_on};
    plan.persons.push_back(PlanPerson(p, d, random));
  }
  if (plan.slot_kind == SlotKind::kPoliceRegion && primary == F::kSexual && random.Chance(0.15)) {
    PersonDraw d{PersonRole::kBuyerOfSexualServices, false, random.Between(25, 70), plan.opened_on};
    plan.persons.push_back(PlanPerson(SwedishProfile(), d, random));
  }
}

std::string MunicipalityCode(const DemoWorld& w, std::size_t i) {
  return w.geography->municipalities()[i].code;
}

void PlanPlaces(const DemoWorld& w, const CitizenshipProfile& profile, CasePlan& plan,
                DemoRandom& random) {
  const OrganisationSlot& slot = w.slots[plan.slot];
  std::string where;
  if (plan.slot_kind == SlotKind::kMunicipalSocialServices && random.Chance(0.9)) {
    where = slot.municipality;
  } else if (!slot.police_region.empty() && w.by_region.count(slot.police_region) &&
             (plan.slot_kind != SlotKind::kNgo || random.Chance(0.7))) {
    where = MunicipalityCode(w, w.by_region.at(slot.police_region).Draw(random));
  } else {
    where = MunicipalityCode(w, w.municipalities.Draw(random));
  }
  plan.places.municipalities.push_back(where);
  if (random.Chance(0.15)) {
    std::string other = MunicipalityCode(w, w.municipalities.Draw(random));
    if (other != where) plan.places.municipalities.push_back(other);
  }
  std::string country(profile.country);
  bool foreign = !country.empty() && country != "--" && country != "SE";
  if (foreign && random.Chance(0.85)) plan.places.recruitment_countries.push_back(country);
  if (!profile.transit.empty() && random.Chance(0.4)) {
    plan.places.transit_countries.push_back(
        std::string(profile.transit[random.Below(profile.transit.size())]));
  }
  plan.places.exploitation_countries.push_back("SE");
  if (random.Chance(0.12)) {
    const char* near[] = {"NO", "DK", "FI", "DE"};
    plan.places.exploitation_countries.push_back(near[random.Below(4)]);
  }
  CivilDate from = AddDays(plan.opened_on, -random.Between(14, 900));
  double x = random.Unit();
  plan.period.from = x < 0.5    ? cases::PartialDate{from.year, from.month, 0}
                     : x < 0.75 ? cases::PartialDate{from.year, 0, 0}
                                : cases::DayOf(from);
  if (random.Chance(0.7))
    plan.period.to = cases::DayOf(AddDays(plan.opened_on, -random.Between(0, 13)));
}

}  // namespace

CasePlan PlanCase(const DemoWorld& world, std::uint64_t seed, std::uint64_t index) {
  DemoRandom random = DemoRandom::ForCase(seed, index);
  CasePlan plan;
  plan.index = index;
  // Over two years, more of them recent: open cases gather towards today.
  plan.opened_on = AddDays(world.today, -random.Between(0, random.Chance(0.15) ? 60 : 730));
  PlanKeeper(world, plan, random);
  const CitizenshipProfile& profile = DrawProfile(world, random);
  plan.forms = PlanForms(profile, random);
  bool child = random.Chance(ChildShare(plan.forms.front().form));
  plan.type = PlanType(plan, child, random);
  if (plan.type == CaseType::kChildSexualActPurchaseExploitation) child = true;
  PlanPersons(world, profile, child, plan, random);
  PlanPlaces(world, profile, plan, random);
  PlanTracks(world, profile, plan, random);
  PlanActions(world, plan, random);
  return plan;
}

}  // namespace opennrm::cli::demo
