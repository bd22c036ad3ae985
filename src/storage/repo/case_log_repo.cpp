#include "storage/repo/case_log_repo.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace opennrm::storage::repo {

namespace {

std::string DetailsJson(const std::vector<std::pair<std::string, std::string>>& details) {
  // An array of pairs keeps the order the use case gave.
  nlohmann::json a = nlohmann::json::array();
  for (const auto& [k, v] : details) a.push_back({k, v});
  return a.dump();
}

Result<std::vector<std::pair<std::string, std::string>>> ParseDetails(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_array()) return Internal("A case log entry's details are damaged.");
  for (const auto& p : j) {
    if (!p.is_array() || p.size() != 2 || !p[0].is_string() || !p[1].is_string()) {
      return Internal("A case log entry's details are damaged.");
    }
    out.emplace_back(p[0].get<std::string>(), p[1].get<std::string>());
  }
  return out;
}

}  // namespace

Status SqlCaseLogRepository::Append(ports::CaseEntryRow& e) {
  // The next number within the case, taken in the same statement as the
  // insert; UNIQUE (case_id, seq) turns a race between servers into a
  // conflict rather than a gap or a duplicate.
  auto rows = conn_.Query(
      "INSERT INTO case_entries (id, case_id, organisation_id, seq, kind, section, person_id,"
      " subject_id, details, recorded_by, recorded_at_us)"
      " SELECT $1, $2, $3, COALESCE(MAX(seq), 0) + 1, $4, $5, $6, $7, $8, $9, $10"
      " FROM case_entries WHERE case_id = $2 RETURNING seq",
      {e.id, e.case_id, e.organisation_id, e.kind, e.section, e.person_id, e.subject_id,
       DetailsJson(e.details), e.recorded_by, e.recorded_at_us});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() != 1) return Internal("The case log did not take the entry.");
  e.seq = rows->Int(0, 0);
  return Ok();
}

namespace {

constexpr const char* kEntryColumns =
    "SELECT id, case_id, organisation_id, seq, kind, section, person_id, subject_id, details,"
    " recorded_by, recorded_at_us FROM case_entries";

Result<std::vector<ports::CaseEntryRow>> EntriesAt(const sql::Rows& rows) {
  std::vector<ports::CaseEntryRow> out;
  for (size_t r = 0; r < rows.size(); ++r) {
    ports::CaseEntryRow e;
    e.id = rows.Text(r, 0);
    e.case_id = rows.Text(r, 1);
    e.organisation_id = rows.Text(r, 2);
    e.seq = rows.Int(r, 3);
    e.kind = rows.Text(r, 4);
    e.section = rows.Text(r, 5);
    e.person_id = rows.Text(r, 6);
    e.subject_id = rows.Text(r, 7);
    auto details = ParseDetails(rows.Text(r, 8));
    if (!details) return tl::unexpected(details.error());
    e.details = std::move(*details);
    e.recorded_by = rows.Text(r, 9);
    e.recorded_at_us = rows.Int(r, 10);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

Result<std::vector<ports::CaseEntryRow>> SqlCaseLogRepository::EntriesOfKind(
    const std::string& case_id, const std::string& kind) {
  auto rows =
      conn_.Query(std::string(kEntryColumns) + " WHERE case_id = $1 AND kind = $2 ORDER BY seq",
                  {case_id, kind});
  if (!rows) return tl::unexpected(rows.error());
  return EntriesAt(*rows);
}

Result<ports::CaseEntryPage> SqlCaseLogRepository::Entries(const std::string& case_id, int limit,
                                                           int offset) {
  ports::CaseEntryPage page;
  auto count = conn_.Query("SELECT COUNT(*) FROM case_entries WHERE case_id = $1", {case_id});
  if (!count) return tl::unexpected(count.error());
  page.total = count->Int(0, 0);
  if (page.total == 0) return page;
  auto rows = conn_.Query(
      std::string(kEntryColumns) + " WHERE case_id = $1 ORDER BY seq LIMIT $2 OFFSET $3",
      {case_id, static_cast<long long>(std::max(limit, 0)),
       static_cast<long long>(std::max(offset, 0))});
  if (!rows) return tl::unexpected(rows.error());
  auto items = EntriesAt(*rows);
  if (!items) return tl::unexpected(items.error());
  page.items = std::move(*items);
  return page;
}

Result<bool> SqlCaseLogRepository::AddFact(const ports::CaseFactRow& f) {
  auto r = conn_.Execute(
      "INSERT INTO case_facts (case_id, fact, person_id, entry_id, recorded_by, recorded_at_us)"
      " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id, fact, person_id) DO NOTHING",
      {f.case_id, f.fact, f.person_id, f.entry_id, f.recorded_by, f.recorded_at_us});
  if (!r) return tl::unexpected(r.error());
  return *r == 1;
}

Result<std::vector<ports::CaseFactRow>> SqlCaseLogRepository::Facts(const std::string& case_id) {
  auto rows = conn_.Query(
      "SELECT f.case_id, f.fact, f.person_id, f.entry_id, f.recorded_by, f.recorded_at_us"
      " FROM case_facts f JOIN case_entries e ON e.id = f.entry_id WHERE f.case_id = $1"
      " ORDER BY e.seq, f.fact, f.person_id",
      {case_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::CaseFactRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    out.push_back({rows->Text(r, 0), rows->Text(r, 1), rows->Text(r, 2), rows->Text(r, 3),
                   rows->Text(r, 4), rows->Int(r, 5)});
  }
  return out;
}

}  // namespace opennrm::storage::repo
