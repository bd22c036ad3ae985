#include "storage/repo/case_note_repo.hpp"

#include "storage/repo/binary_text.hpp"
#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

namespace {

using sql::Value;

constexpr const char* kNoteColumns =
    "id, case_id, organisation_id, person_id, corrects_id, body_sealed, created_by, created_at_us";
constexpr const char* kAttachmentColumns =
    "id, case_id, organisation_id, name_sealed, media_type, size_bytes, created_by, created_at_us";

Result<ports::CaseNoteRow> NoteAt(const sql::Rows& rows, size_t r) {
  ports::CaseNoteRow n;
  n.id = rows.Text(r, 0);
  n.case_id = rows.Text(r, 1);
  n.organisation_id = rows.Text(r, 2);
  n.person_id = rows.Text(r, 3);  // "" for null
  n.corrects_id = rows.Text(r, 4);
  auto body = FromBase64(rows.Text(r, 5), "case_notes.body_sealed");
  if (!body) return tl::unexpected(body.error());
  n.body_sealed = std::move(*body);
  n.created_by = rows.Text(r, 6);
  n.created_at_us = rows.Int(r, 7);
  return n;
}

// Columns as kAttachmentColumns; the content, when asked for, follows them.
Result<ports::CaseAttachmentRow> AttachmentAt(const sql::Rows& rows, size_t r, bool content) {
  ports::CaseAttachmentRow a;
  a.id = rows.Text(r, 0);
  a.case_id = rows.Text(r, 1);
  a.organisation_id = rows.Text(r, 2);
  auto name = FromBase64(rows.Text(r, 3), "case_attachments.name_sealed");
  if (!name) return tl::unexpected(name.error());
  a.name_sealed = std::move(*name);
  a.media_type = rows.Text(r, 4);
  a.size_bytes = rows.Int(r, 5);
  a.created_by = rows.Text(r, 6);
  a.created_at_us = rows.Int(r, 7);
  if (content) {
    auto bytes = FromBase64(rows.Text(r, 8), "case_attachments.content_sealed");
    if (!bytes) return tl::unexpected(bytes.error());
    a.content_sealed = std::move(*bytes);
  }
  return a;
}

Result<long long> Count(sql::Connection& conn, const char* table, const std::string& case_id) {
  auto rows =
      conn.Query(std::string("SELECT COUNT(*) FROM ") + table + " WHERE case_id = $1", {case_id});
  if (!rows) return tl::unexpected(rows.error());
  return rows->Int(0, 0);
}

}  // namespace

Status SqlCaseNoteRepository::AddNote(const ports::CaseNoteRow& n) {
  auto r = conn_.Execute(
      std::string("INSERT INTO case_notes (") + kNoteColumns +
          ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {n.id, n.case_id, n.organisation_id, TextOrNull(n.person_id), TextOrNull(n.corrects_id),
       ToBase64(n.body_sealed), n.created_by, n.created_at_us});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::optional<ports::CaseNoteRow>> SqlCaseNoteRepository::FindNote(
    const std::string& case_id, const std::string& id) {
  auto rows = conn_.Query(
      std::string("SELECT ") + kNoteColumns + " FROM case_notes WHERE case_id = $1 AND id = $2",
      {case_id, id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::CaseNoteRow>();
  auto n = NoteAt(*rows, 0);
  if (!n) return tl::unexpected(n.error());
  return std::optional<ports::CaseNoteRow>(std::move(*n));
}

Result<ports::CaseNotePage> SqlCaseNoteRepository::Notes(const std::string& case_id, int limit,
                                                         int offset) {
  ports::CaseNotePage page;
  auto total = Count(conn_, "case_notes", case_id);
  if (!total) return tl::unexpected(total.error());
  page.total = *total;
  auto rows = conn_.Query(std::string("SELECT ") + kNoteColumns +
                              " FROM case_notes WHERE case_id = $1"
                              " ORDER BY created_at_us DESC, id DESC LIMIT $2 OFFSET $3",
                          {case_id, static_cast<long long>(limit), static_cast<long long>(offset)});
  if (!rows) return tl::unexpected(rows.error());
  for (size_t r = 0; r < rows->size(); ++r) {
    auto n = NoteAt(*rows, r);
    if (!n) return tl::unexpected(n.error());
    page.items.push_back(std::move(*n));
  }
  auto corrections = conn_.Query(
      "SELECT corrects_id, id FROM case_notes WHERE case_id = $1 AND corrects_id IS NOT NULL"
      " ORDER BY created_at_us, id",
      {case_id});
  if (!corrections) return tl::unexpected(corrections.error());
  for (size_t r = 0; r < corrections->size(); ++r) {
    page.corrections.emplace_back(corrections->Text(r, 0), corrections->Text(r, 1));
  }
  return page;
}

Status SqlCaseNoteRepository::AddAttachment(const ports::CaseAttachmentRow& a) {
  auto r = conn_.Execute(std::string("INSERT INTO case_attachments (") + kAttachmentColumns +
                             ", content_sealed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                         {a.id, a.case_id, a.organisation_id, ToBase64(a.name_sealed), a.media_type,
                          a.size_bytes, a.created_by, a.created_at_us, ToBase64(a.content_sealed)});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<ports::CaseAttachmentPage> SqlCaseNoteRepository::Attachments(const std::string& case_id,
                                                                     int limit, int offset) {
  ports::CaseAttachmentPage page;
  auto total = Count(conn_, "case_attachments", case_id);
  if (!total) return tl::unexpected(total.error());
  page.total = *total;
  auto rows = conn_.Query(std::string("SELECT ") + kAttachmentColumns +
                              " FROM case_attachments WHERE case_id = $1"
                              " ORDER BY created_at_us DESC, id DESC LIMIT $2 OFFSET $3",
                          {case_id, static_cast<long long>(limit), static_cast<long long>(offset)});
  if (!rows) return tl::unexpected(rows.error());
  for (size_t r = 0; r < rows->size(); ++r) {
    auto a = AttachmentAt(*rows, r, false);
    if (!a) return tl::unexpected(a.error());
    page.items.push_back(std::move(*a));
  }
  return page;
}

Result<std::optional<ports::CaseAttachmentRow>> SqlCaseNoteRepository::FindAttachment(
    const std::string& case_id, const std::string& id) {
  auto rows = conn_.Query(std::string("SELECT ") + kAttachmentColumns +
                              ", content_sealed FROM case_attachments"
                              " WHERE case_id = $1 AND id = $2",
                          {case_id, id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::CaseAttachmentRow>();
  auto a = AttachmentAt(*rows, 0, true);
  if (!a) return tl::unexpected(a.error());
  return std::optional<ports::CaseAttachmentRow>(std::move(*a));
}

}  // namespace opennrm::storage::repo
