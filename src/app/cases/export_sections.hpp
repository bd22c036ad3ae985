// The sections of a case export (export.hpp), one builder each. A builder
// reads what its section needs inside the export's read unit of work; sealed
// text is opened afterwards, outside it (an item's `sealed` with its
// location). Add a builder to ExportSectionBuilders() to export more. Not
// part of the app's API.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/cases/case_access.hpp"
#include "app/cases/export.hpp"
#include "ports/database.hpp"
#include "ports/field_cipher.hpp"

namespace opennrm::app::case_internal {

struct SourceItem {
  ExportItem item;
  std::string author_id;  // user id; its display name is filled in later
  // When set, the item's text is this sealed value, opened later.
  std::optional<std::pair<ports::FieldLocation, std::string>> sealed_text;
};

struct SourceSection {
  std::string name;
  std::vector<SourceItem> items;      // oldest first
  std::vector<std::string> sections;  // access sections the content belongs to
};

struct ExportSource {
  ports::UnitOfWork& uow;
  const Context& ctx;
  const LoadedCase& loaded;
  std::map<std::string, std::string> person_codes;  // person id -> pseudonymous code
};

using SectionBuilder = Result<SourceSection> (*)(ExportSource& source);

// Notes, attachments (listed, not their content), timeline: in this order.
const std::vector<SectionBuilder>& ExportSectionBuilders();

}  // namespace opennrm::app::case_internal
