#include "storage/repo/case_record_repo.hpp"

#include "storage/repo/binary_text.hpp"
#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

Status SqlCaseRecordRepository::Add(const ports::CaseRecordRow& r) {
  auto done = conn_.Execute(
      "INSERT INTO case_records (id, case_id, organisation_id, person_id, kind, body_sealed,"
      " recorded_by, recorded_at_us, superseded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {r.id, r.case_id, r.organisation_id, r.person_id, r.kind, ToBase64(r.body_sealed),
       r.recorded_by, r.recorded_at_us, OptText(r.superseded_by)});
  if (!done) return tl::unexpected(done.error());
  return Ok();
}

Status SqlCaseRecordRepository::Supersede(const ports::CaseRecordRow& r) {
  if (auto st = Add(r); !st) return st;
  auto done = conn_.Execute(
      "UPDATE case_records SET superseded_by = $1 WHERE case_id = $2 AND person_id = $3"
      " AND kind = $4 AND superseded_by IS NULL AND id <> $1",
      {r.id, r.case_id, r.person_id, r.kind});
  if (!done) return tl::unexpected(done.error());
  return Ok();
}

Result<std::vector<ports::CaseRecordRow>> SqlCaseRecordRepository::Versions(
    const std::string& case_id, const std::string& person_id, const std::string& kind) {
  auto rows = conn_.Query(
      "SELECT id, case_id, organisation_id, person_id, kind, body_sealed, recorded_by,"
      " recorded_at_us, superseded_by FROM case_records"
      " WHERE case_id = $1 AND person_id = $2 AND kind = $3 ORDER BY recorded_at_us, id",
      {case_id, person_id, kind});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::CaseRecordRow> out;
  for (size_t i = 0; i < rows->size(); ++i) {
    ports::CaseRecordRow r;
    r.id = rows->Text(i, 0);
    r.case_id = rows->Text(i, 1);
    r.organisation_id = rows->Text(i, 2);
    r.person_id = rows->Text(i, 3);
    r.kind = rows->Text(i, 4);
    auto body = FromBase64(rows->Text(i, 5), "case_records.body_sealed");
    if (!body) return tl::unexpected(body.error());
    r.body_sealed = std::move(*body);
    r.recorded_by = rows->Text(i, 6);
    r.recorded_at_us = rows->Int(i, 7);
    r.superseded_by = OptTextAt(*rows, i, 8);
    out.push_back(std::move(r));
  }
  return out;
}

Status SqlCaseRecordRepository::IndexExploitation(const std::string& case_id,
                                                  const std::vector<ports::CaseFormRow>& forms,
                                                  const std::vector<ports::CasePlaceRow>& places) {
  for (const char* table : {"case_forms", "case_places"}) {
    auto done =
        conn_.Execute(std::string("DELETE FROM ") + table + " WHERE case_id = $1", {case_id});
    if (!done) return tl::unexpected(done.error());
  }
  for (const auto& f : forms) {
    auto done = conn_.Execute(
        "INSERT INTO case_forms (case_id, form, sector) VALUES ($1, $2, $3)"
        " ON CONFLICT DO NOTHING",
        {case_id, f.form, f.sector});
    if (!done) return tl::unexpected(done.error());
  }
  for (const auto& p : places) {
    auto done = conn_.Execute(
        "INSERT INTO case_places (case_id, kind, code) VALUES ($1, $2, $3)"
        " ON CONFLICT DO NOTHING",
        {case_id, p.kind, p.code});
    if (!done) return tl::unexpected(done.error());
  }
  return Ok();
}

Status SqlCaseRecordRepository::ForgetMunicipalities(const std::string& case_id) {
  auto done = conn_.Execute("DELETE FROM case_places WHERE case_id = $1 AND kind = 'municipality'",
                            {case_id});
  if (!done) return tl::unexpected(done.error());
  return Ok();
}

Result<std::vector<ports::CaseFormRow>> SqlCaseRecordRepository::Forms(const std::string& case_id) {
  auto rows = conn_.Query(
      "SELECT form, sector FROM case_forms WHERE case_id = $1 ORDER BY form, sector", {case_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::CaseFormRow> out;
  for (size_t i = 0; i < rows->size(); ++i) out.push_back({rows->Text(i, 0), rows->Text(i, 1)});
  return out;
}

Result<std::vector<ports::CasePlaceRow>> SqlCaseRecordRepository::Places(
    const std::string& case_id) {
  auto rows = conn_.Query(
      "SELECT kind, code FROM case_places WHERE case_id = $1 ORDER BY kind, code", {case_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::CasePlaceRow> out;
  for (size_t i = 0; i < rows->size(); ++i) out.push_back({rows->Text(i, 0), rows->Text(i, 1)});
  return out;
}

}  // namespace opennrm::storage::repo
