// The export of a social-services case (case management): the notes and
// the decisions recorded in its timeline, for the municipality's own case
// file, which social services are obliged to keep. The export is assembled
// from sections (notes, attachments listed, timeline); later parts of case
// management add theirs in export_sections.cpp. Only the case's team of a
// case kept by municipal social services may export; every export is
// audited with purpose "export". Rendering (HTML, JSON) is the HTTP layer's.
// Thread-safe: every call opens its own units of work.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/cases/cases.hpp"
#include "app/context.hpp"

namespace opennrm::app {

struct ExportItem {
  std::string id;       // the record's id (note, attachment, timeline entry)
  long long at_us = 0;  // when it was recorded
  std::string by;       // the author's display name ("" if the account is gone)
  std::string kind;     // a stable word: "note", "attachment", "note.added", ...
  std::string text;     // free text written by the team (notes); "" otherwise
  // Stable words, ids, codes and dates, e.g. {"corrects", id}, {"person", "P-2026-000001"}.
  std::vector<std::pair<std::string, std::string>> details;
};

struct ExportSection {
  std::string name;               // stable: "notes", "attachments", "timeline"
  std::vector<ExportItem> items;  // oldest first
};

struct CaseExport {
  CaseSummary summary;
  std::string organisation_name;
  std::string exported_by;  // display name
  long long exported_at_us = 0;
  std::vector<ExportSection> sections;
};

// The export of a case; kNotFound when the caller may not see it;
// kForbidden ("not-on-team") for break-glass readers and ("not-social-services")
// for a case not kept by municipal social services.
Result<CaseExport> ExportCase(const Context& ctx, const Caller& caller, const std::string& case_id,
                              const ClientInfo& client);

}  // namespace opennrm::app
