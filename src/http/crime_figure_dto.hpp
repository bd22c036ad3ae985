// The crime figures' JSON and request reading (issue 7 item 2): the answer
// items of GET /statistics/crime-figures and POST's summary, and the media
// type the import accepts. Pure mapping; thread-safe.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/statistics/crime_figures.hpp"
#include "core/error.hpp"

namespace opennrm::http {

// {"year", "offence", "measure", "breakdown", "category", "value": n|null, "source"}
nlohmann::json CrimeFigureJson(const ports::CrimeFigureRow& figure);
// {"imported": n, "years": [...]}
nlohmann::json CrimeFiguresImportedJson(const app::statistics::CrimeFigureImported& imported);

// kUnsupportedMedia naming "Content-Type" unless the value is text/csv
// (any case), with no charset or charset=utf-8.
Status RequireCsvMediaType(const std::optional<std::string>& content_type);

}  // namespace opennrm::http
