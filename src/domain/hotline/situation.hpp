// What an operator of the hotline knows about a situation a professional
// describes, without identifying the person (GLOSSARY.md "Consultation"): the
// place, the topic, the forms of exploitation and the few facts routing needs.
// Plain values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/cases/exploitation.hpp"

namespace opennrm::hotline {

// What the contact is about (issue 6 point 1).
enum class Topic {
  kSuspectedTrafficking,  // with the form of exploitation
  kHumanExploitation,     // människoexploatering
  kProstitution,          // and support to leave it
  kChild,
  kDemand,  // buyers of sexual services
  kMethodAdvice,
  kOther,
};
const std::vector<Topic>& AllTopics();
std::string_view ToString(Topic topic);
std::optional<Topic> ParseTopic(std::string_view text);

// Routing only needs child (0-17) or adult; "unknown" when nobody knows.
enum class AgeGroup { kChild, kAdult, kUnknown };
const std::vector<AgeGroup>& AllAgeGroups();
std::string_view ToString(AgeGroup group);
std::optional<AgeGroup> ParseAgeGroup(std::string_view text);

// GLOSSARY.md "Citizenship group", folded to what routing needs (stateless
// counts as outside the EU/EEA).
enum class CitizenshipGroup { kSwedish, kEuEea, kOutsideEu, kUnknown };
const std::vector<CitizenshipGroup>& AllCitizenshipGroups();
std::string_view ToString(CitizenshipGroup group);
std::optional<CitizenshipGroup> ParseCitizenshipGroup(std::string_view text);
// Whether the group is known to be foreign nationals (EU/EEA or outside).
bool IsForeign(CitizenshipGroup group);

enum class Gender { kFemale, kMale, kOther, kUnknown };
const std::vector<Gender>& AllGenders();
std::string_view ToString(Gender gender);
std::optional<Gender> ParseGender(std::string_view text);

struct Situation {
  std::string municipality_code;  // four-digit SCB kommunkod
  Topic topic = Topic::kOther;
  std::vector<cases::ExploitationForm> forms;
  AgeGroup age_group = AgeGroup::kUnknown;
  CitizenshipGroup citizenship = CitizenshipGroup::kUnknown;
  std::optional<bool> holds_residence_permit;  // nullopt: not known
  bool wants_to_report_to_police = false;
  bool wish_to_return = false;
  Gender gender = Gender::kUnknown;
  bool needs_shelter = false;
  bool immediate_danger = false;
  bool consents_to_sharing = false;  // the person consents to their details being shared
  // For a child: social services have decided to involve the police.
  std::optional<bool> social_services_involve_police;
};

}  // namespace opennrm::hotline
