#include "storage/repo/consultation_repo.hpp"

#include "storage/repo/binary_text.hpp"
#include "storage/repo/consultation_repo_rows.hpp"
#include "storage/repo/sql_dates.hpp"
#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

namespace {

using sql::Value;

constexpr const char* kFollowUpColumns =
    "id, consultation_id, due_on, text_sealed, created_by, created_at_us, done_at_us, done_by";

Result<ports::FollowUpRow> FollowUpAt(const sql::Rows& rows, size_t r) {
  ports::FollowUpRow f;
  f.id = rows.Text(r, 0);
  f.consultation_id = rows.Text(r, 1);
  f.due_on = OptDateAt(rows, r, 2);
  auto text = FromBase64(rows.Text(r, 3), "consultation_follow_ups.text_sealed");
  if (!text) return tl::unexpected(text.error());
  f.text_sealed = std::move(*text);
  f.created_by = rows.Text(r, 4);
  f.created_at_us = rows.Int(r, 5);
  f.done_at_us = OptIntAt(rows, r, 6);
  f.done_by = rows.Text(r, 7);
  return f;
}

}  // namespace

Status SqlConsultationRepository::Insert(const ports::ConsultationRow& row) {
  std::string names;
  std::string places;
  auto columns = consultation_rows::Columns(row);
  std::vector<Value> params;
  params.reserve(columns.size());
  for (auto& [name, value] : columns) {
    params.push_back(std::move(value));
    names += (names.empty() ? "" : ", ") + std::string(name);
    places += (places.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  auto r =
      conn_.Execute("INSERT INTO consultations (" + names + ") VALUES (" + places + ")", params);
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::optional<ports::ConsultationRow>> SqlConsultationRepository::Find(
    const std::string& id) {
  auto rows = conn_.Query(
      "SELECT " + consultation_rows::ColumnList() + " FROM consultations WHERE id = $1", {id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::ConsultationRow>();
  auto x = consultation_rows::ConsultationAt(*rows, 0);
  if (!x) return tl::unexpected(x.error());
  return std::optional<ports::ConsultationRow>(std::move(*x));
}

Status SqlConsultationRepository::Update(const ports::ConsultationRow& row,
                                         long long expected_version) {
  // Who keeps it, its code and who recorded it when never change.
  auto columns = consultation_rows::Columns(row);
  // Reserved up front: g++ 12 at -O2 warns (maybe-uninitialized) on moving
  // the values when the vector grows.
  std::vector<Value> params;
  params.reserve(columns.size() + 2);
  params.emplace_back(row.id);
  std::string sets;
  for (auto& [name, value] : columns) {
    if (consultation_rows::FixedAfterInsert(name)) continue;
    params.push_back(std::move(value));
    sets += (sets.empty() ? "" : ", ") + std::string(name) + " = $" + std::to_string(params.size());
  }
  params.push_back(expected_version);
  auto r = conn_.Execute("UPDATE consultations SET " + sets + " WHERE id = $1 AND version = $" +
                             std::to_string(params.size()),
                         params);
  if (!r) return tl::unexpected(r.error());
  if (*r == 0) {
    return Fail(ErrorCode::kConflict,
                "The consultation was changed by someone else; reload it and try again.");
  }
  return Ok();
}

Result<long long> SqlConsultationRepository::NextCodeNumber(int year) {
  // One statement, so two servers never get the same number.
  auto rows = conn_.Query(
      "INSERT INTO consultation_code_counters (year, last_number) VALUES ($1, 1)"
      " ON CONFLICT (year) DO UPDATE SET last_number ="
      " consultation_code_counters.last_number + 1 RETURNING last_number",
      {static_cast<long long>(year)});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() != 1) return Internal("The consultation code counter did not answer.");
  return rows->Int(0, 0);
}

Status SqlConsultationRepository::InsertFollowUp(const ports::FollowUpRow& f) {
  auto r = conn_.Execute(std::string("INSERT INTO consultation_follow_ups (") + kFollowUpColumns +
                             ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                         {f.id, f.consultation_id, OptDateValue(f.due_on), ToBase64(f.text_sealed),
                          f.created_by, f.created_at_us, OptInt(f.done_at_us), f.done_by});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<bool> SqlConsultationRepository::MarkFollowUpDone(const std::string& follow_up_id,
                                                         long long done_at_us,
                                                         const std::string& done_by) {
  auto r = conn_.Execute(
      "UPDATE consultation_follow_ups SET done_at_us = $2, done_by = $3"
      " WHERE id = $1 AND done_at_us IS NULL",
      {follow_up_id, done_at_us, done_by});
  if (!r) return tl::unexpected(r.error());
  return *r == 1;
}

Result<std::optional<ports::FollowUpRow>> SqlConsultationRepository::FindFollowUp(
    const std::string& follow_up_id) {
  auto rows = conn_.Query(
      std::string("SELECT ") + kFollowUpColumns + " FROM consultation_follow_ups WHERE id = $1",
      {follow_up_id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::FollowUpRow>();
  auto f = FollowUpAt(*rows, 0);
  if (!f) return tl::unexpected(f.error());
  return std::optional<ports::FollowUpRow>(std::move(*f));
}

Result<std::vector<ports::FollowUpRow>> SqlConsultationRepository::FollowUps(
    const std::string& consultation_id) {
  auto rows = conn_.Query(std::string("SELECT ") + kFollowUpColumns +
                              " FROM consultation_follow_ups WHERE consultation_id = $1"
                              " ORDER BY created_at_us, id",
                          {consultation_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::FollowUpRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    auto f = FollowUpAt(*rows, r);
    if (!f) return tl::unexpected(f.error());
    out.push_back(std::move(*f));
  }
  return out;
}

Status SqlConsultationRepository::AppendDangerStep(const ports::DangerStepRow& s) {
  // One statement numbers the step after the last; a concurrent append to the same consultation
  // gets kConflict from the primary key rather than a duplicate number. row.n is not read.
  auto r = conn_.Execute(
      "INSERT INTO consultation_danger_steps (consultation_id, n, step, done_at_us, recorded_by,"
      " recorded_at_us) VALUES ($1, (SELECT COALESCE(MAX(n), 0) + 1 FROM"
      " consultation_danger_steps WHERE consultation_id = $1), $2, $3, $4, $5)",
      {s.consultation_id, s.step, s.done_at_us, s.recorded_by, s.recorded_at_us});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::vector<ports::DangerStepRow>> SqlConsultationRepository::DangerSteps(
    const std::string& consultation_id) {
  auto rows = conn_.Query(
      "SELECT consultation_id, n, step, done_at_us, recorded_by, recorded_at_us"
      " FROM consultation_danger_steps WHERE consultation_id = $1 ORDER BY n",
      {consultation_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::DangerStepRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    out.push_back({rows->Text(r, 0), static_cast<int>(rows->Int(r, 1)), rows->Text(r, 2),
                   rows->Int(r, 3), rows->Text(r, 4), rows->Int(r, 5)});
  }
  return out;
}

}  // namespace opennrm::storage::repo
