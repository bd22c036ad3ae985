// The demo generator's plans for a fixed seed: deterministic, valid for the
// domain's own checks, and distributed as the tables say (within tolerances
// that hold for this seed and sample size).
#include "cli/demo/planner.hpp"

#include <gtest/gtest.h>

#include <map>

#include "cli/demo/demo_test_support.hpp"
#include "domain/cases/partial_date.hpp"

namespace opennrm::cli::demo {
namespace {

using testing::ShippedGeography;
using testing::ShippedLookups;
using testing::ShippedRules;

constexpr CivilDate kToday{2026, 3, 15};
constexpr std::uint64_t kSeed = 42;
constexpr int kSample = 20000;

const DemoWorld& World() {
  static const DemoWorld w = BuildWorld(ShippedGeography(), ShippedRules(),
                                        PlanOrganisations(ShippedGeography(), 20, kSeed), kToday);
  return w;
}

const std::vector<CasePlan>& Sample() {
  static const std::vector<CasePlan> plans = [] {
    std::vector<CasePlan> v;
    for (int i = 0; i < kSample; ++i) v.push_back(PlanCase(World(), kSeed, i));
    return v;
  }();
  return plans;
}

std::string Describe(const CasePlan& p) {
  std::string s = std::to_string(p.slot) + "|" + std::string(cases::ToString(p.type)) + "|" +
                  FormatIsoDate(p.opened_on);
  for (const auto& person : p.persons) {
    s += "|" + std::string(cases::ToString(person.role)) + ":" + std::to_string(person.age);
    for (const auto& n : person.person.names) s += ":" + n.latin + "/" + n.original;
  }
  for (const auto& f : p.forms) s += "|" + std::string(cases::ToString(f.form));
  for (const auto& m : p.places.municipalities) s += "|" + m;
  for (const auto& st : p.steps) s += "|" + st.track + "." + st.step + "@" + FormatIsoDate(st.on);
  for (const auto& c : p.clocks) s += "|" + c.rule + "@" + FormatIsoDate(c.starts_on);
  for (const auto& a : p.actions) {
    s += "|" + std::string(ToString(a.kind)) + ":" + a.track + ":" + a.id + "@" +
         FormatIsoDate(a.on);
  }
  return s;
}

const CitizenshipProfile* Profile(std::string_view country) {
  for (const auto& p : CitizenshipProfiles()) {
    if (p.country == country) return &p;
  }
  return nullptr;
}

std::string CountryOf(const PersonPlan& p) {
  const auto& c = p.person.citizenship;
  if (c.status == cases::CitizenshipStatus::kStateless) return "--";
  return c.countries.empty() ? "" : c.countries.front();
}

TEST(DemoPlanner, TheSameSeedAndIndexGiveTheSamePlanAnotherSeedAnother) {
  for (std::uint64_t i : {0ULL, 1ULL, 999ULL, 123456ULL}) {
    EXPECT_EQ(Describe(PlanCase(World(), kSeed, i)), Describe(PlanCase(World(), kSeed, i)));
  }
  int different = 0;
  for (std::uint64_t i = 0; i < 20; ++i) {
    if (Describe(PlanCase(World(), kSeed, i)) != Describe(PlanCase(World(), kSeed + 1, i))) {
      ++different;
    }
  }
  EXPECT_GE(different, 19);
}

TEST(DemoPlanner, EveryPlannedPersonPassesTheDomainsOwnChecks) {
  auto lookups = ShippedLookups();
  for (int i = 0; i < 3000; ++i) {
    for (const auto& p : Sample()[i].persons) {
      // What AddCasePerson sets before it validates.
      cases::Person person = p.person;
      person.id = "p-1";
      person.organisation_id = "o-1";
      person.code = cases::PersonCode{kToday.year, 1};
      auto st = cases::ValidatePerson(person, lookups, kToday);
      std::string problems;
      if (!st) {
        for (const auto& f : st.error().fields) problems += " " + f.field + ":" + f.rule;
      }
      ASSERT_TRUE(st) << "case " << i << ":" << problems;
    }
  }
}

TEST(DemoPlanner, ForeignNationalsOutsideTheEuHaveNoResidencePermitSwedesUnknown) {
  int none = 0;
  for (const auto& plan : Sample()) {
    for (const auto& p : plan.persons) {
      const std::string country = CountryOf(p);
      const auto* profile = Profile(country);
      bool outside_eu = !country.empty() && country != "SE" && profile && !profile->eu;
      EXPECT_EQ(p.person.residence_permit,
                outside_eu ? cases::ResidencePermit::kNone : cases::ResidencePermit::kUnknown)
          << country;
      none += outside_eu ? 1 : 0;
    }
  }
  EXPECT_GT(none, kSample / 4);
}

TEST(DemoPlanner, CitizenshipsFollowTheTableWithThailandFirst) {
  std::map<std::string, int> first_victims;
  for (const auto& p : Sample()) ++first_victims[CountryOf(p.persons.front())];
  double total = 0;
  for (const auto& p : CitizenshipProfiles()) total += p.weight;
  for (const char* c : {"TH", "RO", "UA", "NG", "SE", "BG"}) {
    double expected = Profile(c)->weight / total;
    EXPECT_NEAR(first_victims[c] / double(kSample), expected, 0.015) << c;
  }
  EXPECT_GT(first_victims["TH"], first_victims["RO"]);
  EXPECT_GT(first_victims["RO"], first_victims["UA"]);
  EXPECT_GT(first_victims[""], 0) << "some citizenships are not known";
  EXPECT_GT(first_victims["--"], 0) << "some persons are stateless";
}

TEST(DemoPlanner, LabourExploitationIsMoreFrequentThanSexualExploitation) {
  std::map<cases::ExploitationForm, int> forms;
  for (const auto& p : Sample()) {
    for (const auto& f : p.forms) ++forms[f.form];
  }
  EXPECT_GT(forms[cases::ExploitationForm::kLabour], 1.1 * forms[cases::ExploitationForm::kSexual]);
  EXPECT_GT(forms[cases::ExploitationForm::kForcedBegging], 0);
  EXPECT_GT(forms[cases::ExploitationForm::kForcedCriminality], 0);
  for (const auto& p : Sample()) {
    for (const auto& f : p.forms) {
      EXPECT_EQ(f.sector.has_value(), f.form == cases::ExploitationForm::kLabour);
    }
  }
}

TEST(DemoPlanner, TenToFifteenPercentOfPresumedVictimsAreChildren) {
  int victims = 0, children = 0;
  for (const auto& p : Sample()) {
    for (const auto& person : p.persons) {
      EXPECT_EQ(person.child, person.age < 18);
      if (person.role != cases::PersonRole::kPresumedVictim) continue;
      ++victims;
      children += person.child ? 1 : 0;
    }
  }
  double share = children / double(victims);
  EXPECT_GE(share, 0.10);
  EXPECT_LE(share, 0.15);
}

TEST(DemoPlanner, MunicipalitiesAreWeightedByPopulation) {
  const auto& g = ShippedGeography();
  const auto* stockholm = g.FindMunicipality("0180");
  ASSERT_NE(stockholm, nullptr);
  double population = 0;
  for (const auto& m : g.municipalities()) population += PopulationOf(m);
  DemoRandom r(kSeed);
  int hits = 0, small = 0;
  const int draws = 100000;
  for (int i = 0; i < draws; ++i) {
    const auto& m = g.municipalities()[World().municipalities.Draw(r)];
    hits += m.code == "0180" ? 1 : 0;
    small += PopulationOf(m) < 10000 ? 1 : 0;
  }
  EXPECT_NEAR(hits / double(draws), PopulationOf(*stockholm) / population, 0.005);
  EXPECT_LT(small / double(draws), 0.05) << "small municipalities are drawn rarely";
  // Municipal social services keep cases in proportion to their population.
  ASSERT_EQ(World().slots.front().municipality, "0180") << "the most populous comes first";
  double chosen = 0;
  for (const auto& s : World().slots) {
    if (s.kind == SlotKind::kMunicipalSocialServices) chosen += s.weight;
  }
  int municipal = 0, in_stockholm = 0;
  for (const auto& p : Sample()) {
    if (p.slot_kind != SlotKind::kMunicipalSocialServices) continue;
    ++municipal;
    in_stockholm += p.slot == 0 ? 1 : 0;
  }
  EXPECT_NEAR(in_stockholm / double(municipal), PopulationOf(*stockholm) / chosen, 0.02);
  EXPECT_NEAR(municipal / double(kSample), KeeperShares{}.municipal, 0.02);
}

TEST(DemoPlanner, NamesAreInTheOriginalScriptOfTheCitizenship) {
  int thai = 0, cyrillic = 0;
  for (const auto& p : Sample()) {
    for (const auto& person : p.persons) {
      if (person.person.names.empty()) continue;
      const auto& n = person.person.names.front();
      std::string c = CountryOf(person);
      if (c == "TH") {
        // Thai letters are three bytes from E0 B8 80 to E0 B9 BF.
        ASSERT_GE(n.original.size(), 3u);
        EXPECT_EQ(static_cast<unsigned char>(n.original[0]), 0xE0) << n.original;
        ++thai;
      }
      if (c == "UA" || c == "BG") {
        ASSERT_FALSE(n.original.empty());
        unsigned char lead = static_cast<unsigned char>(n.original[0]);
        EXPECT_TRUE(lead == 0xD0 || lead == 0xD1) << n.original;
        ++cyrillic;
      }
      if (c == "NG" || c == "RO" || c == "SE") {
        EXPECT_TRUE(n.original.empty()) << n.latin;
      }
      EXPECT_FALSE(n.latin.empty());
    }
  }
  EXPECT_GT(thai, 1000);
  EXPECT_GT(cyrillic, 1000);
}

TEST(DemoPlanner, DatesOfBirthAreSometimesPartialOrEstimatedAndProtectionIsRare) {
  int persons = 0, full = 0, partial = 0, ranges = 0, none = 0, protected_ = 0;
  for (const auto& p : Sample()) {
    for (const auto& person : p.persons) {
      ++persons;
      const auto& dob = person.person.date_of_birth;
      if (!dob) {
        ++none;
      } else if (const auto* d = std::get_if<cases::PartialDate>(&*dob)) {
        (d->day != 0 ? full : partial) += 1;
      } else {
        ++ranges;
      }
      protected_ += cases::IsProtected(person.person.protection) ? 1 : 0;
    }
  }
  EXPECT_GT(full / double(persons), 0.4);
  EXPECT_GT(partial / double(persons), 0.15);
  EXPECT_GT(ranges / double(persons), 0.1);
  EXPECT_GT(none, 0);
  EXPECT_GT(protected_, 0);
  EXPECT_LT(protected_ / double(persons), 0.02);
}

TEST(DemoPlanner, SuspectsAndProceedingsOnlyInCasesAnAuthorityKeeps) {
  std::map<cases::CaseType, int> types;
  int suspects = 0, proceedings = 0, reflection = 0, closed = 0;
  for (const auto& p : Sample()) {
    ++types[p.type];
    bool authority = p.slot_kind == SlotKind::kMunicipalSocialServices ||
                     p.slot_kind == SlotKind::kPoliceRegion ||
                     p.slot_kind == SlotKind::kRegionalCoordinator;
    for (const auto& person : p.persons) {
      if (cases::NeedsPublicAuthority(person.role)) {
        EXPECT_TRUE(authority);
        ++suspects;
      }
    }
    for (const auto& s : p.steps) {
      EXPECT_LE(s.on, kToday);
      EXPECT_GE(s.on, p.opened_on);
      if (s.track == "proceedings") {
        EXPECT_TRUE(authority);
        ++proceedings;
      }
    }
    ASSERT_FALSE(p.steps.empty());
    EXPECT_EQ(p.steps.front().step, "identification");
    for (const auto& c : p.clocks) {
      EXPECT_LE(c.applied_on, kToday);
      EXPECT_TRUE(c.pending || c.starts_on <= kToday);
      reflection += c.rule == "reflection_period" ? 1 : 0;
      if (c.rule == "reflection_period") {
        const auto& person = p.persons[static_cast<std::size_t>(c.person)].person;
        EXPECT_EQ(person.residence_permit, cases::ResidencePermit::kNone);
        EXPECT_TRUE(cases::CheckReflectionPeriodFor(person, "person_id"));
      }
    }
    if (p.closure) {
      ++closed;
      EXPECT_LE(*p.closed_on, kToday);
    }
  }
  EXPECT_EQ(types.size(), 5u) << "every case type occurs";
  EXPECT_GT(suspects, 0);
  EXPECT_GT(proceedings, 0);
  EXPECT_GT(reflection, 0);
  EXPECT_GT(closed, 0);
}

}  // namespace
}  // namespace opennrm::cli::demo
