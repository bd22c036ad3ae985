#include "storage/repo/case_track_repo.hpp"

#include "storage/repo/binary_text.hpp"

namespace opennrm::storage::repo {

namespace {

constexpr const char* kProceedingsColumns =
    "id, case_id, organisation_id, version, body_sealed, recorded_by, recorded_at_us";

Result<ports::ProceedingsRow> ProceedingsAt(const sql::Rows& rows, size_t r) {
  ports::ProceedingsRow p;
  p.id = rows.Text(r, 0);
  p.case_id = rows.Text(r, 1);
  p.organisation_id = rows.Text(r, 2);
  p.version = rows.Int(r, 3);
  auto body = FromBase64(rows.Text(r, 4), "case_proceedings.body_sealed");
  if (!body) return tl::unexpected(body.error());
  p.body_sealed = std::move(*body);
  p.recorded_by = rows.Text(r, 5);
  p.recorded_at_us = rows.Int(r, 6);
  return p;
}

Error Moved() {
  return Error{ErrorCode::kConflict,
               "The track was moved by someone else; reload the case and try again.",
               {},
               "track-moved"};
}

}  // namespace

Result<std::vector<ports::CaseTrackRow>> SqlCaseTrackRepository::OfCase(
    const std::string& case_id) {
  auto rows = conn_.Query(
      "SELECT case_id, track, step, steps_version, entered_at_us, entered_by FROM case_tracks"
      " WHERE case_id = $1 ORDER BY track",
      {case_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::CaseTrackRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    out.push_back({rows->Text(r, 0), rows->Text(r, 1), rows->Text(r, 2), rows->Text(r, 3),
                   rows->Int(r, 4), rows->Text(r, 5)});
  }
  return out;
}

Status SqlCaseTrackRepository::Move(const ports::CaseTrackRow& t,
                                    const std::optional<std::string>& expected_step) {
  if (!expected_step) {
    // Starting the track: the primary key turns a race into a conflict.
    auto r = conn_.Execute(
        "INSERT INTO case_tracks (case_id, track, step, steps_version, entered_at_us, entered_by)"
        " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id, track) DO NOTHING",
        {t.case_id, t.track, t.step, t.steps_version, t.entered_at_us, t.entered_by});
    if (!r) return tl::unexpected(r.error());
    if (*r == 0) return tl::unexpected(Moved());
    return Ok();
  }
  auto r = conn_.Execute(
      "UPDATE case_tracks SET step = $3, steps_version = $4, entered_at_us = $5, entered_by = $6"
      " WHERE case_id = $1 AND track = $2 AND step = $7",
      {t.case_id, t.track, t.step, t.steps_version, t.entered_at_us, t.entered_by, *expected_step});
  if (!r) return tl::unexpected(r.error());
  if (*r == 0) return tl::unexpected(Moved());
  return Ok();
}

Result<std::optional<ports::ProceedingsRow>> SqlCaseTrackRepository::LatestProceedings(
    const std::string& case_id) {
  auto rows = conn_.Query(std::string("SELECT ") + kProceedingsColumns +
                              " FROM case_proceedings WHERE case_id = $1"
                              " ORDER BY version DESC LIMIT 1",
                          {case_id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::ProceedingsRow>();
  auto p = ProceedingsAt(*rows, 0);
  if (!p) return tl::unexpected(p.error());
  return std::optional<ports::ProceedingsRow>(std::move(*p));
}

Result<std::vector<ports::ProceedingsRow>> SqlCaseTrackRepository::ProceedingsVersions(
    const std::string& case_id) {
  auto rows = conn_.Query(std::string("SELECT ") + kProceedingsColumns +
                              " FROM case_proceedings WHERE case_id = $1 ORDER BY version",
                          {case_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::ProceedingsRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    auto p = ProceedingsAt(*rows, r);
    if (!p) return tl::unexpected(p.error());
    out.push_back(std::move(*p));
  }
  return out;
}

Status SqlCaseTrackRepository::InsertProceedings(const ports::ProceedingsRow& p) {
  auto r = conn_.Execute(std::string("INSERT INTO case_proceedings (") + kProceedingsColumns +
                             ") VALUES ($1, $2, $3, $4, $5, $6, $7)",
                         {p.id, p.case_id, p.organisation_id, p.version, ToBase64(p.body_sealed),
                          p.recorded_by, p.recorded_at_us});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

}  // namespace opennrm::storage::repo
