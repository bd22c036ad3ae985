#include "cli/demo/person_planner.hpp"

#include <algorithm>
#include <cstdio>

#include "core/stockholm_date_math.hpp"
#include "domain/cases/date_of_birth.hpp"
#include "domain/cases/partial_date.hpp"

namespace opennrm::cli::demo {

namespace {

constexpr NameOrigin kAllOrigins[] = {
    NameOrigin::kThai,     NameOrigin::kRomanian, NameOrigin::kUkrainian,  NameOrigin::kBulgarian,
    NameOrigin::kNigerian, NameOrigin::kSwedish,  NameOrigin::kVietnamese, NameOrigin::kPolish,
    NameOrigin::kChinese,  NameOrigin::kArabic};

// A birth day on which the person is exactly `age` on `on`.
CivilDate BirthDay(int age, CivilDate on, DemoRandom& random) {
  return AddDays(AddMonths(on, -12 * age), -random.Between(1, 364));
}

// Fills `out` in place: g++ 12 at -O2 warns (maybe-uninitialized) on
// returning an optional<variant> by value.
void DrawDateOfBirth(int age, CivilDate on, DemoRandom& random,
                     std::optional<cases::DateOfBirth>& out) {
  CivilDate birth = BirthDay(age, on, random);
  double x = random.Unit();
  if (x < 0.50) {
    out.emplace(cases::DayOf(birth));
  } else if (x < 0.60) {
    out.emplace(cases::PartialDate{birth.year, birth.month, 0});
  } else if (x < 0.75) {
    out.emplace(cases::PartialDate{birth.year, 0, 0});
  } else if (x < 0.93) {
    int lo = std::max(0, age - random.Between(0, 2));
    int hi = std::min(cases::kMaxAge, age + random.Between(1, 3));
    out.emplace(cases::AgeRange{lo, hi, on});
  } else {
    out.reset();
  }
}

cases::ProtectionLevel DrawProtection(const CitizenshipProfile& profile, DemoRandom& random) {
  double x = random.Unit();
  if (profile.country == "SE") {
    if (x < 0.05) return cases::ProtectionLevel::kSecrecyMarking;
    if (x < 0.07) return cases::ProtectionLevel::kProtectedRegistration;
    if (x < 0.075) return cases::ProtectionLevel::kAssumedIdentity;
    return cases::ProtectionLevel::kNone;
  }
  return x < 0.003 ? cases::ProtectionLevel::kSecrecyMarking : cases::ProtectionLevel::kNone;
}

}  // namespace

int DrawAge(bool child, DemoRandom& random) {
  if (child) return random.Chance(0.85) ? random.Between(13, 17) : random.Between(6, 12);
  double x = random.Unit();
  if (x < 0.55) return random.Between(18, 30);
  if (x < 0.90) return random.Between(31, 45);
  return random.Between(46, 64);
}

PersonPlan PlanPerson(const CitizenshipProfile& profile, const PersonDraw& draw,
                      DemoRandom& random) {
  PersonPlan plan;
  plan.role = draw.role;
  plan.age = draw.age;
  plan.child = draw.age < cases::kAdultAge;
  // Persons whose citizenship is not known yet may come from any group.
  plan.names =
      profile.country.empty() ? kAllOrigins[random.Below(std::size(kAllOrigins))] : profile.names;
  cases::Person& p = plan.person;
  if (random.Chance(0.97)) {
    p.names.push_back(MakeName(plan.names, draw.female, random));
    if (random.Chance(0.10)) p.names.push_back(MakeAlias(plan.names, draw.female, random));
  }
  DrawDateOfBirth(draw.age, draw.on, random, p.date_of_birth);
  p.claimed_minor = plan.child && random.Chance(0.3);
  double g = random.Unit();
  p.gender = g < 0.01      ? cases::Gender::kOther
             : g < 0.02    ? cases::Gender::kNotRecorded
             : draw.female ? cases::Gender::kFemale
                           : cases::Gender::kMale;
  if (profile.country.empty()) {
    p.citizenship.status = cases::CitizenshipStatus::kUnknown;
  } else if (profile.country == "--") {
    p.citizenship.status = cases::CitizenshipStatus::kStateless;
  } else {
    p.citizenship.status = cases::CitizenshipStatus::kKnown;
    p.citizenship.countries.push_back(std::string(profile.country));
  }
  // Outside the EU/EEA and not Swedish: no residence permit (the reflection
  // period's group); Swedish and EU/EEA citizens and unknowns left unknown.
  if (p.citizenship.status != cases::CitizenshipStatus::kUnknown && profile.country != "SE" &&
      !profile.eu) {
    p.residence_permit = cases::ResidencePermit::kNone;
  }
  p.languages.push_back(std::string(profile.language));
  for (const auto& [language, chance] : profile.also) {
    if (random.Chance(chance)) p.languages.push_back(std::string(language));
  }
  if (p.citizenship.status == cases::CitizenshipStatus::kKnown && profile.country != "SE" &&
      random.Chance(0.35)) {
    cases::IdentityDocument doc;
    doc.type = cases::DocumentType::kPassport;
    char number[16];
    std::snprintf(number, sizeof number, "DEMO%07d", random.Between(0, 9999999));
    doc.number = number;
    doc.issuing_country = std::string(profile.country);
    doc.expires_on = AddDays(draw.on, random.Between(100, 3000));
    p.documents.push_back(std::move(doc));
  }
  if (random.Chance(0.3)) {
    // 070-174 06 05 to 070-174 06 99: numbers Sweden keeps for fiction.
    char phone[24];
    std::snprintf(phone, sizeof phone, "+46 70 174 06 %02d", random.Between(5, 99));
    p.contact.phones.push_back(phone);
  }
  p.protection = DrawProtection(profile, random);
  return plan;
}

}  // namespace opennrm::cli::demo
