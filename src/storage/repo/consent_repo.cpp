#include "storage/repo/consent_repo.hpp"

#include "storage/repo/binary_text.hpp"
#include "storage/repo/sql_dates.hpp"
#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

namespace {

constexpr const char* kColumns =
    "id, organisation_id, case_id, person_id, recipient_organisation_id, purpose, sections,"
    " given_on, form, language, body_sealed, taken_by, revoked_on, revoked_by, revocation_sealed,"
    " created_at_us, version, consultation_id";

// Section words are stable identifiers without commas. A consent is recorded
// on a case or on a consultation: the other's columns are null ("" here).

Result<ports::ConsentRow> ConsentAt(const sql::Rows& rows, size_t r) {
  ports::ConsentRow c;
  c.id = rows.Text(r, 0);
  c.organisation_id = rows.Text(r, 1);
  c.case_id = rows.Text(r, 2);
  c.person_id = rows.Text(r, 3);
  c.recipient_organisation_id = rows.Text(r, 4);
  c.purpose = rows.Text(r, 5);
  c.sections = SplitWords(rows.Text(r, 6));
  c.given_on = DateAt(rows, r, 7);
  c.form = rows.Text(r, 8);
  c.language = rows.Text(r, 9);
  auto body = FromBase64(rows.Text(r, 10), "consents.body_sealed");
  if (!body) return tl::unexpected(body.error());
  c.body_sealed = std::move(*body);
  c.taken_by = rows.Text(r, 11);
  c.revoked_on = OptDateAt(rows, r, 12);
  c.revoked_by = rows.Text(r, 13);
  auto reason = FromBase64(rows.Text(r, 14), "consents.revocation_sealed");
  if (!reason) return tl::unexpected(reason.error());
  c.revocation_sealed = std::move(*reason);
  c.created_at_us = rows.Int(r, 15);
  c.version = rows.Int(r, 16);
  c.consultation_id = rows.Text(r, 17);
  return c;
}

Result<std::vector<ports::ConsentRow>> ConsentsOf(Result<sql::Rows> rows) {
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::ConsentRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    auto c = ConsentAt(*rows, r);
    if (!c) return tl::unexpected(c.error());
    out.push_back(std::move(*c));
  }
  return out;
}

}  // namespace

Status SqlConsentRepository::Insert(const ports::ConsentRow& c) {
  auto r = conn_.Execute(
      "INSERT INTO consents (id, organisation_id, case_id, person_id, recipient_organisation_id,"
      " purpose, sections, given_on, form, language, body_sealed, taken_by, revoked_on,"
      " revoked_by, revocation_sealed, created_at_us, version, consultation_id) VALUES ($1, $2,"
      " $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
      {c.id, c.organisation_id, TextOrNull(c.case_id), TextOrNull(c.person_id),
       c.recipient_organisation_id, c.purpose, JoinWords(c.sections), DateValue(c.given_on), c.form,
       c.language, ToBase64(c.body_sealed), c.taken_by, OptDateValue(c.revoked_on), c.revoked_by,
       ToBase64(c.revocation_sealed), c.created_at_us, c.version, TextOrNull(c.consultation_id)});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::optional<ports::ConsentRow>> SqlConsentRepository::Find(const std::string& id) {
  auto rows = conn_.Query(std::string("SELECT ") + kColumns + " FROM consents WHERE id = $1", {id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::ConsentRow>();
  auto c = ConsentAt(*rows, 0);
  if (!c) return tl::unexpected(c.error());
  return std::optional<ports::ConsentRow>(std::move(*c));
}

Status SqlConsentRepository::Update(const ports::ConsentRow& c, long long expected_version) {
  // What the person consented to is a record of its own: only the revocation changes.
  auto r = conn_.Execute(
      "UPDATE consents SET revoked_on = $2, revoked_by = $3, revocation_sealed = $4, version = $5"
      " WHERE id = $1 AND version = $6",
      {c.id, OptDateValue(c.revoked_on), c.revoked_by, ToBase64(c.revocation_sealed), c.version,
       expected_version});
  if (!r) return tl::unexpected(r.error());
  if (*r == 0) {
    return Fail(ErrorCode::kConflict,
                "The consent was changed by someone else; reload it and try again.");
  }
  return Ok();
}

Result<std::vector<ports::ConsentRow>> SqlConsentRepository::OfCase(const std::string& case_id) {
  return ConsentsOf(conn_.Query(std::string("SELECT ") + kColumns +
                                    " FROM consents WHERE case_id = $1"
                                    " ORDER BY given_on DESC, created_at_us DESC, id DESC",
                                {case_id}));
}

Result<std::vector<ports::ConsentRow>> SqlConsentRepository::OfConsultation(
    const std::string& consultation_id) {
  return ConsentsOf(conn_.Query(std::string("SELECT ") + kColumns +
                                    " FROM consents WHERE consultation_id = $1"
                                    " ORDER BY given_on DESC, created_at_us DESC, id DESC",
                                {consultation_id}));
}

Result<std::vector<ports::ConsentRow>> SqlConsentRepository::OfPerson(
    const std::string& organisation_id, const std::string& person_id) {
  return ConsentsOf(conn_.Query(std::string("SELECT ") + kColumns +
                                    " FROM consents WHERE organisation_id = $1 AND person_id = $2"
                                    " ORDER BY given_on DESC, created_at_us DESC, id DESC",
                                {organisation_id, person_id}));
}

}  // namespace opennrm::storage::repo
