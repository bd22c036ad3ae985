#include "domain/hotline/situation.hpp"

#include <utility>

namespace opennrm::hotline {

namespace {

template <class E>
using Names = std::vector<std::pair<E, std::string_view>>;

const Names<Topic>& TopicNames() {
  static const Names<Topic> names = {
      {Topic::kSuspectedTrafficking, "suspected_trafficking"},
      {Topic::kHumanExploitation, "human_exploitation"},
      {Topic::kProstitution, "prostitution"},
      {Topic::kChild, "child"},
      {Topic::kDemand, "demand"},
      {Topic::kMethodAdvice, "method_advice"},
      {Topic::kOther, "other"},
  };
  return names;
}

const Names<AgeGroup>& AgeNames() {
  static const Names<AgeGroup> names = {
      {AgeGroup::kChild, "child"}, {AgeGroup::kAdult, "adult"}, {AgeGroup::kUnknown, "unknown"}};
  return names;
}

const Names<CitizenshipGroup>& CitizenshipNames() {
  static const Names<CitizenshipGroup> names = {{CitizenshipGroup::kSwedish, "swedish"},
                                                {CitizenshipGroup::kEuEea, "eu_eea"},
                                                {CitizenshipGroup::kOutsideEu, "outside_eu"},
                                                {CitizenshipGroup::kUnknown, "unknown"}};
  return names;
}

const Names<Gender>& GenderNames() {
  static const Names<Gender> names = {{Gender::kFemale, "female"},
                                      {Gender::kMale, "male"},
                                      {Gender::kOther, "other"},
                                      {Gender::kUnknown, "unknown"}};
  return names;
}

template <class E>
std::vector<E> Values(const Names<E>& names) {
  std::vector<E> out;
  for (const auto& [value, name] : names) out.push_back(value);
  return out;
}

template <class E>
std::string_view NameOf(const Names<E>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return "unknown";
}

template <class E>
std::optional<E> Parse(const Names<E>& names, std::string_view text) {
  for (const auto& [v, name] : names) {
    if (name == text) return v;
  }
  return std::nullopt;
}

}  // namespace

const std::vector<Topic>& AllTopics() {
  static const auto all = Values(TopicNames());
  return all;
}
std::string_view ToString(Topic topic) { return NameOf(TopicNames(), topic); }
std::optional<Topic> ParseTopic(std::string_view text) { return Parse(TopicNames(), text); }

const std::vector<AgeGroup>& AllAgeGroups() {
  static const auto all = Values(AgeNames());
  return all;
}
std::string_view ToString(AgeGroup group) { return NameOf(AgeNames(), group); }
std::optional<AgeGroup> ParseAgeGroup(std::string_view text) { return Parse(AgeNames(), text); }

const std::vector<CitizenshipGroup>& AllCitizenshipGroups() {
  static const auto all = Values(CitizenshipNames());
  return all;
}
std::string_view ToString(CitizenshipGroup group) { return NameOf(CitizenshipNames(), group); }
std::optional<CitizenshipGroup> ParseCitizenshipGroup(std::string_view text) {
  return Parse(CitizenshipNames(), text);
}
bool IsForeign(CitizenshipGroup group) {
  return group == CitizenshipGroup::kEuEea || group == CitizenshipGroup::kOutsideEu;
}

const std::vector<Gender>& AllGenders() {
  static const auto all = Values(GenderNames());
  return all;
}
std::string_view ToString(Gender gender) { return NameOf(GenderNames(), gender); }
std::optional<Gender> ParseGender(std::string_view text) { return Parse(GenderNames(), text); }

}  // namespace opennrm::hotline
