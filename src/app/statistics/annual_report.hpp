// The rapporteur's annual report (issue 7 item 7; GET
// /statistics/annual-report): the sections of a published year — headline,
// by region with rates per 100,000, gender, age, citizenship, forms,
// sectors, indicators, cooperation, time to support, hotline, the EU layout
// and the crime figures — each a table of the STORED release (so every table
// has passed disclosure control) with a short caption in Swedish and
// English generated from its published values only (stats/captions.hpp). A
// table the release lacks is left out. statistics.read; a read is audited as
// "statistics.annual_report_read", a CSV or JSON export as
// "statistics.exported". Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"
#include "domain/stats/captions.hpp"
#include "ports/statistics_release_repository.hpp"

namespace opennrm::app::statistics {

struct ReportSection {
  std::string id;  // "headline", "regions", "gender", ...
  stats::Caption caption;
  ports::PublishedTable table;
};

struct AnnualReport {
  ports::ReleaseRecord release;
  std::string series;  // the victims' series of the report (the national headline)
  std::vector<ReportSection> sections;
};

// kInvalid `year`; kNotFound (unpublished); kForbidden.
Result<AnnualReport> ReadAnnualReport(const Context& ctx, const Caller& caller,
                                      std::optional<int> year, bool export_file,
                                      const ClientInfo& client);

// The captions of one section from its published table (pure; `labels`
// names the areas).
stats::Caption CaptionOf(const std::string& section, int year, const ports::PublishedTable& table,
                         const stats::Labels& labels);

}  // namespace opennrm::app::statistics
