#include "storage/repo/child_track_repo.hpp"

#include "storage/repo/binary_text.hpp"
#include "storage/repo/sql_dates.hpp"
#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

namespace {

using sql::Value;

constexpr const char* kAlertColumns =
    "id, case_id, organisation_id, person_id, opened_by, opened_at_us, resolved_by,"
    " resolved_at_us";

ports::MissingAlertRow AlertAt(const sql::Rows& rows, size_t r) {
  ports::MissingAlertRow a;
  a.id = rows.Text(r, 0);
  a.case_id = rows.Text(r, 1);
  a.organisation_id = rows.Text(r, 2);
  a.person_id = rows.Text(r, 3);
  a.opened_by = rows.Text(r, 4);
  a.opened_at_us = rows.Int(r, 5);
  a.resolved_by = rows.Text(r, 6);
  a.resolved_at_us = OptIntAt(rows, r, 7);
  return a;
}

}  // namespace

Status SqlChildTrackRepository::Insert(const ports::ChildTrackRow& c) {
  auto r = conn_.Execute(
      "INSERT INTO child_track_records (id, case_id, organisation_id, person_id, kind, on_date,"
      " municipality, recipient_organisation_id, outcome, note_sealed, recorded_by,"
      " recorded_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
      {c.id, c.case_id, c.organisation_id, c.person_id, c.kind, DateValue(c.on), c.municipality,
       c.recipient_organisation_id, c.outcome,
       c.note_sealed.empty() ? std::string() : ToBase64(c.note_sealed), c.recorded_by,
       c.recorded_at_us});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::vector<ports::ChildTrackRow>> SqlChildTrackRepository::OfCase(
    const std::string& case_id) {
  auto rows = conn_.Query(
      "SELECT id, case_id, organisation_id, person_id, kind, on_date, municipality,"
      " recipient_organisation_id, outcome, note_sealed, recorded_by, recorded_at_us"
      " FROM child_track_records WHERE case_id = $1 ORDER BY recorded_at_us, id",
      {case_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::ChildTrackRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    ports::ChildTrackRow c;
    c.id = rows->Text(r, 0);
    c.case_id = rows->Text(r, 1);
    c.organisation_id = rows->Text(r, 2);
    c.person_id = rows->Text(r, 3);
    c.kind = rows->Text(r, 4);
    c.on = DateAt(*rows, r, 5);
    c.municipality = rows->Text(r, 6);
    c.recipient_organisation_id = rows->Text(r, 7);
    c.outcome = rows->Text(r, 8);
    if (!rows->Text(r, 9).empty()) {
      auto note = FromBase64(rows->Text(r, 9), "child_track_records.note_sealed");
      if (!note) return tl::unexpected(note.error());
      c.note_sealed = std::move(*note);
    }
    c.recorded_by = rows->Text(r, 10);
    c.recorded_at_us = rows->Int(r, 11);
    out.push_back(std::move(c));
  }
  return out;
}

Result<bool> SqlChildTrackRepository::OpenAlert(const ports::MissingAlertRow& a) {
  // The partial unique index keeps one open alert per person and case.
  auto r = conn_.Execute(
      "INSERT INTO missing_child_alerts (id, case_id, organisation_id, person_id, opened_by,"
      " opened_at_us, resolved_by, resolved_at_us) VALUES ($1, $2, $3, $4, $5, $6, '', NULL)"
      " ON CONFLICT DO NOTHING",
      {a.id, a.case_id, a.organisation_id, a.person_id, a.opened_by, a.opened_at_us});
  if (!r) return tl::unexpected(r.error());
  return *r == 1;
}

Result<std::optional<ports::MissingAlertRow>> SqlChildTrackRepository::ResolveAlert(
    const std::string& case_id, const std::string& person_id, const std::string& by,
    long long at_us) {
  auto rows = conn_.Query(std::string("SELECT ") + kAlertColumns +
                              " FROM missing_child_alerts WHERE case_id = $1 AND person_id = $2"
                              " AND resolved_at_us IS NULL",
                          {case_id, person_id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::MissingAlertRow>();
  ports::MissingAlertRow a = AlertAt(*rows, 0);
  auto r = conn_.Execute(
      "UPDATE missing_child_alerts SET resolved_by = $2, resolved_at_us = $3"
      " WHERE id = $1 AND resolved_at_us IS NULL",
      {a.id, by, at_us});
  if (!r) return tl::unexpected(r.error());
  if (*r == 0) return std::optional<ports::MissingAlertRow>();
  a.resolved_by = by;
  a.resolved_at_us = at_us;
  return std::optional<ports::MissingAlertRow>(std::move(a));
}

Result<std::vector<ports::MissingAlertRow>> SqlChildTrackRepository::AlertsOfCase(
    const std::string& case_id) {
  auto rows = conn_.Query(std::string("SELECT ") + kAlertColumns +
                              " FROM missing_child_alerts WHERE case_id = $1"
                              " ORDER BY opened_at_us DESC, id DESC",
                          {case_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::MissingAlertRow> out;
  for (size_t r = 0; r < rows->size(); ++r) out.push_back(AlertAt(*rows, r));
  return out;
}

}  // namespace opennrm::storage::repo
