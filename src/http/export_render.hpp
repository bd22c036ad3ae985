// The two forms of a case export (app/cases/export.hpp): a structured JSON
// file for the municipality's own case file system, and a printable,
// self-contained HTML document (inline print CSS; no scripts, fonts, images
// or any other resource fetched from anywhere). Times: RFC 3339 UTC ("Z") in
// the JSON file, Stockholm wall-clock time with its offset in the printable
// document ("2026-03-29 14:05:07 +02:00"). Pure; thread-safe.
#pragma once

#include <string>

#include "app/cases/export.hpp"
#include "http/json_body.hpp"

namespace opennrm::http {

// {"format":"opennrm.case-export","format_version":1,"case":{...},
//  "exported_at","exported_by","sections":{"notes":[...],...}}
Json ExportJson(const app::CaseExport& e);

// `lang` is "sv" or "en" (headings and labels; the records are as written).
std::string ExportHtml(const app::CaseExport& e, const std::string& lang);

// Text made safe inside HTML elements and attribute values.
std::string EscapeHtml(const std::string& text);

}  // namespace opennrm::http
