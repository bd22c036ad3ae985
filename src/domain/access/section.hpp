// The closed list of sections of a case (GLOSSARY.md): the unit that access
// and disclosure are decided on. Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace opennrm::access {

enum class Section {
  kIdentity,         // names, aliases, date of birth, documents
  kContact,          // contact details and whereabouts
  kNeedsSafety,      // wishes, safety plan, needs
  kAssessment,       // indicators, presumed-victim assessment
  kSupport,          // support track, clocks, tasks
  kChildProtection,  // the child track
  kProceedings,      // criminal proceedings
  kReturn,           // safe return
  kNotes,            // notes and attachments
};

const std::vector<Section>& AllSections();
std::string_view ToString(Section section);
std::optional<Section> ParseSection(std::string_view text);

}  // namespace opennrm::access
