#include "storage/repo/case_clock_repo.hpp"

#include "storage/repo/sql_dates.hpp"
#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

namespace {

using sql::Value;

constexpr const char* kColumns =
    "id, case_id, organisation_id, person_id, rule_id, rule_version, rule_valid_from, kind,"
    " section, status, applicant, applied_on, decided_on, starts_on, ends_on, end_from_decision,"
    " conditions, stopped_on, stop_reason, recorded_by, recorded_at_us, updated_at_us, version";

ports::ClockRow ClockAt(const sql::Rows& rows, size_t r) {
  ports::ClockRow c;
  c.id = rows.Text(r, 0);
  c.case_id = rows.Text(r, 1);
  c.organisation_id = rows.Text(r, 2);
  c.person_id = rows.Text(r, 3);
  c.rule_id = rows.Text(r, 4);
  c.rule_version = static_cast<int>(rows.Int(r, 5));
  c.rule_valid_from = DateAt(rows, r, 6);
  c.kind = rows.Text(r, 7);
  c.section = rows.Text(r, 8);
  c.status = rows.Text(r, 9);
  c.applicant = rows.Text(r, 10);
  c.applied_on = OptDateAt(rows, r, 11);
  c.decided_on = OptDateAt(rows, r, 12);
  c.starts_on = OptDateAt(rows, r, 13);
  c.ends_on = OptDateAt(rows, r, 14);
  c.end_from_decision = rows.Int(r, 15) != 0;
  c.conditions = SplitWords(rows.Text(r, 16));
  c.stopped_on = OptDateAt(rows, r, 17);
  c.stop_reason = rows.Text(r, 18);
  c.recorded_by = rows.Text(r, 19);
  c.recorded_at_us = rows.Int(r, 20);
  c.updated_at_us = rows.Int(r, 21);
  c.version = rows.Int(r, 22);
  return c;
}

Result<std::vector<ports::ClockRow>> ClocksOf(Result<sql::Rows> rows) {
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::ClockRow> out;
  for (size_t r = 0; r < rows->size(); ++r) out.push_back(ClockAt(*rows, r));
  return out;
}

}  // namespace

Status SqlCaseClockRepository::Insert(const ports::ClockRow& c) {
  auto r = conn_.Execute(
      std::string("INSERT INTO case_clocks (") + kColumns +
          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,"
          " $18, $19, $20, $21, $22, $23)",
      {c.id,
       c.case_id,
       c.organisation_id,
       c.person_id,
       c.rule_id,
       static_cast<long long>(c.rule_version),
       DateValue(c.rule_valid_from),
       c.kind,
       c.section,
       c.status,
       c.applicant,
       OptDateValue(c.applied_on),
       OptDateValue(c.decided_on),
       OptDateValue(c.starts_on),
       OptDateValue(c.ends_on),
       static_cast<long long>(c.end_from_decision ? 1 : 0),
       JoinWords(c.conditions),
       OptDateValue(c.stopped_on),
       c.stop_reason,
       c.recorded_by,
       c.recorded_at_us,
       c.updated_at_us,
       c.version});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::optional<ports::ClockRow>> SqlCaseClockRepository::Find(const std::string& id) {
  auto rows =
      conn_.Query(std::string("SELECT ") + kColumns + " FROM case_clocks WHERE id = $1", {id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::ClockRow>();
  return std::optional<ports::ClockRow>(ClockAt(*rows, 0));
}

Status SqlCaseClockRepository::Update(const ports::ClockRow& c, long long expected_version) {
  // The case, person, rule version and who recorded it never change.
  auto r = conn_.Execute(
      "UPDATE case_clocks SET status = $2, applicant = $3, applied_on = $4, decided_on = $5,"
      " starts_on = $6, ends_on = $7, end_from_decision = $8, conditions = $9, stopped_on = $10,"
      " stop_reason = $11, updated_at_us = $12, version = $13 WHERE id = $1 AND version = $14",
      {c.id, c.status, c.applicant, OptDateValue(c.applied_on), OptDateValue(c.decided_on),
       OptDateValue(c.starts_on), OptDateValue(c.ends_on),
       static_cast<long long>(c.end_from_decision ? 1 : 0), JoinWords(c.conditions),
       OptDateValue(c.stopped_on), c.stop_reason, c.updated_at_us, c.version, expected_version});
  if (!r) return tl::unexpected(r.error());
  if (*r == 0) {
    return Fail(ErrorCode::kConflict,
                "The clock was changed by someone else; reload it and try again.");
  }
  return Ok();
}

Result<std::vector<ports::ClockRow>> SqlCaseClockRepository::OfCase(const std::string& case_id) {
  return ClocksOf(
      conn_.Query(std::string("SELECT ") + kColumns +
                      " FROM case_clocks WHERE case_id = $1 ORDER BY recorded_at_us, id",
                  {case_id}));
}

Result<std::vector<ports::ClockRow>> SqlCaseClockRepository::RunningEndingBy(CivilDate by) {
  // ISO dates order as text. A claim is keyed by the last day it was for, so a renewal (a new
  // last day) arms the overdue reminder again.
  return ClocksOf(conn_.Query(std::string("SELECT ") + kColumns +
                                  " FROM case_clocks WHERE status = 'running' AND ends_on <= $1"
                                  " AND NOT EXISTS (SELECT 1 FROM case_reminders_sent s"
                                  " WHERE s.subject_id = case_clocks.id AND s.reminder = 'overdue'"
                                  " AND s.on_date = case_clocks.ends_on)"
                                  " ORDER BY ends_on, id",
                              {DateValue(by)}));
}

Status SqlCaseClockRepository::AddRenewal(const ports::ClockRenewalRow& n) {
  auto r = conn_.Execute(
      "INSERT INTO case_clock_renewals (clock_id, n, applicant, applied_on, decided_on,"
      " previous_end, ends_on, recorded_by, recorded_at_us)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {n.clock_id, static_cast<long long>(n.n), n.applicant, OptDateValue(n.applied_on),
       DateValue(n.decided_on), DateValue(n.previous_end), DateValue(n.ends_on), n.recorded_by,
       n.recorded_at_us});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::vector<ports::ClockRenewalRow>> SqlCaseClockRepository::Renewals(
    const std::string& clock_id) {
  auto rows = conn_.Query(
      "SELECT clock_id, n, applicant, applied_on, decided_on, previous_end, ends_on, recorded_by,"
      " recorded_at_us FROM case_clock_renewals WHERE clock_id = $1 ORDER BY n",
      {clock_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::ClockRenewalRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    ports::ClockRenewalRow n;
    n.clock_id = rows->Text(r, 0);
    n.n = static_cast<int>(rows->Int(r, 1));
    n.applicant = rows->Text(r, 2);
    n.applied_on = OptDateAt(*rows, r, 3);
    n.decided_on = DateAt(*rows, r, 4);
    n.previous_end = DateAt(*rows, r, 5);
    n.ends_on = DateAt(*rows, r, 6);
    n.recorded_by = rows->Text(r, 7);
    n.recorded_at_us = rows->Int(r, 8);
    out.push_back(std::move(n));
  }
  return out;
}

Result<bool> SqlCaseClockRepository::ClaimReminder(const std::string& subject_id,
                                                   const std::string& reminder, CivilDate on,
                                                   long long at_us) {
  // One statement: two servers claiming at once get one true between them.
  auto r = conn_.Execute(
      "INSERT INTO case_reminders_sent (subject_id, reminder, on_date, sent_at_us)"
      " VALUES ($1, $2, $3, $4) ON CONFLICT (subject_id, reminder, on_date) DO NOTHING",
      {subject_id, reminder, DateValue(on), at_us});
  if (!r) return tl::unexpected(r.error());
  return *r == 1;
}

}  // namespace opennrm::storage::repo
