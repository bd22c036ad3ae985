#include "domain/access/section.hpp"

#include <array>
#include <utility>

namespace opennrm::access {

namespace {

constexpr std::array<std::pair<Section, std::string_view>, 9> kSections{{
    {Section::kIdentity, "identity"},
    {Section::kContact, "contact"},
    {Section::kNeedsSafety, "needs_safety"},
    {Section::kAssessment, "assessment"},
    {Section::kSupport, "support"},
    {Section::kChildProtection, "child_protection"},
    {Section::kProceedings, "proceedings"},
    {Section::kReturn, "return"},
    {Section::kNotes, "notes"},
}};

}  // namespace

const std::vector<Section>& AllSections() {
  static const std::vector<Section> kAll = [] {
    std::vector<Section> v;
    for (const auto& [s, _] : kSections) v.push_back(s);
    return v;
  }();
  return kAll;
}

std::string_view ToString(Section section) {
  for (const auto& [s, name] : kSections) {
    if (s == section) return name;
  }
  return "";
}

std::optional<Section> ParseSection(std::string_view text) {
  for (const auto& [s, name] : kSections) {
    if (name == text) return s;
  }
  return std::nullopt;
}

}  // namespace opennrm::access
