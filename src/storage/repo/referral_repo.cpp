#include "storage/repo/referral_repo.hpp"

#include <algorithm>

#include "storage/repo/binary_text.hpp"
#include "storage/repo/sql_dates.hpp"
#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

namespace {

using sql::Value;

constexpr const char* kColumns =
    "id, code, sender_organisation_id, source_kind, source_id, person_id,"
    " recipient_organisation_id, purpose, sections, withheld, strip_places, protected_warning,"
    " basis_code, basis_valid_from, consent_id, justification_sealed, status, sent_on,"
    " respond_by, sent_by, answered_on, answered_by, decline_sealed, completed_on, outcome,"
    " recipient_case_id, delivery, created_at_us, updated_at_us, version";

// Awaiting an answer first, then the nearest deadline.
constexpr const char* kInboxOrder =
    " ORDER BY CASE WHEN status = 'sent' THEN 0 ELSE 1 END, respond_by, created_at_us, id";

// Section words are stable identifiers without commas.

Value Flag(bool b) { return static_cast<long long>(b ? 1 : 0); }

Result<ports::ReferralRow> ReferralAt(const sql::Rows& rows, size_t r) {
  ports::ReferralRow x;
  x.id = rows.Text(r, 0);
  x.code = rows.Text(r, 1);
  x.sender_organisation_id = rows.Text(r, 2);
  x.source_kind = rows.Text(r, 3);
  x.source_id = rows.Text(r, 4);
  x.person_id = rows.Text(r, 5);
  x.recipient_organisation_id = rows.Text(r, 6);
  x.purpose = rows.Text(r, 7);
  x.sections = SplitWords(rows.Text(r, 8));
  x.withheld = SplitWords(rows.Text(r, 9));
  x.strip_places = rows.Int(r, 10) != 0;
  x.protected_warning = rows.Int(r, 11) != 0;
  x.basis_code = rows.Text(r, 12);
  x.basis_valid_from = DateAt(rows, r, 13);
  x.consent_id = OptTextAt(rows, r, 14);
  auto justification = FromBase64(rows.Text(r, 15), "referrals.justification_sealed");
  if (!justification) return tl::unexpected(justification.error());
  x.justification_sealed = std::move(*justification);
  x.status = rows.Text(r, 16);
  x.sent_on = DateAt(rows, r, 17);
  x.respond_by = DateAt(rows, r, 18);
  x.sent_by = rows.Text(r, 19);
  x.answered_on = OptDateAt(rows, r, 20);
  x.answered_by = rows.Text(r, 21);
  auto decline = FromBase64(rows.Text(r, 22), "referrals.decline_sealed");
  if (!decline) return tl::unexpected(decline.error());
  x.decline_sealed = std::move(*decline);
  x.completed_on = OptDateAt(rows, r, 23);
  x.outcome = rows.Text(r, 24);
  x.recipient_case_id = OptTextAt(rows, r, 25);
  x.delivery = rows.Text(r, 26);
  x.created_at_us = rows.Int(r, 27);
  x.updated_at_us = rows.Int(r, 28);
  x.version = rows.Int(r, 29);
  return x;
}

Result<std::vector<ports::ReferralRow>> ReferralsOf(Result<sql::Rows> rows) {
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::ReferralRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    auto x = ReferralAt(*rows, r);
    if (!x) return tl::unexpected(x.error());
    out.push_back(std::move(*x));
  }
  return out;
}

}  // namespace

Status SqlReferralRepository::Insert(const ports::ReferralRow& x) {
  auto r = conn_.Execute(
      "INSERT INTO referrals (id, code, sender_organisation_id, source_kind, source_id, person_id,"
      " recipient_organisation_id, purpose, sections, withheld, strip_places, protected_warning,"
      " basis_code, basis_valid_from, consent_id, justification_sealed, status, sent_on,"
      " respond_by, sent_by, answered_on, answered_by, decline_sealed, completed_on, outcome,"
      " recipient_case_id, delivery, created_at_us, updated_at_us, version) VALUES ($1, $2, $3,"
      " $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,"
      " $23, $24, $25, $26, $27, $28, $29, $30)",
      {x.id,
       x.code,
       x.sender_organisation_id,
       x.source_kind,
       x.source_id,
       x.person_id,
       x.recipient_organisation_id,
       x.purpose,
       JoinWords(x.sections),
       JoinWords(x.withheld),
       Flag(x.strip_places),
       Flag(x.protected_warning),
       x.basis_code,
       DateValue(x.basis_valid_from),
       OptText(x.consent_id),
       ToBase64(x.justification_sealed),
       x.status,
       DateValue(x.sent_on),
       DateValue(x.respond_by),
       x.sent_by,
       OptDateValue(x.answered_on),
       x.answered_by,
       ToBase64(x.decline_sealed),
       OptDateValue(x.completed_on),
       x.outcome,
       OptText(x.recipient_case_id),
       x.delivery,
       x.created_at_us,
       x.updated_at_us,
       x.version});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::optional<ports::ReferralRow>> SqlReferralRepository::Find(const std::string& id) {
  auto rows =
      conn_.Query(std::string("SELECT ") + kColumns + " FROM referrals WHERE id = $1", {id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::ReferralRow>();
  auto x = ReferralAt(*rows, 0);
  if (!x) return tl::unexpected(x.error());
  return std::optional<ports::ReferralRow>(std::move(*x));
}

Status SqlReferralRepository::Update(const ports::ReferralRow& x, long long expected_version) {
  // What was disclosed, to whom, on which basis and when never changes: only the steps' results.
  auto r = conn_.Execute(
      "UPDATE referrals SET status = $2, answered_on = $3, answered_by = $4, decline_sealed = $5,"
      " completed_on = $6, outcome = $7, recipient_case_id = $8, updated_at_us = $9,"
      " version = $10 WHERE id = $1 AND version = $11",
      {x.id, x.status, OptDateValue(x.answered_on), x.answered_by, ToBase64(x.decline_sealed),
       OptDateValue(x.completed_on), x.outcome, OptText(x.recipient_case_id), x.updated_at_us,
       x.version, expected_version});
  if (!r) return tl::unexpected(r.error());
  if (*r == 0) {
    return Fail(ErrorCode::kConflict,
                "The referral was changed by someone else; reload it and try again.");
  }
  return Ok();
}

Result<long long> SqlReferralRepository::NextCodeNumber(int year) {
  // One statement, so two servers never get the same number.
  auto rows = conn_.Query(
      "INSERT INTO referral_code_counters (year, last_number) VALUES ($1, 1)"
      " ON CONFLICT (year) DO UPDATE SET last_number = referral_code_counters.last_number + 1"
      " RETURNING last_number",
      {static_cast<long long>(year)});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() != 1) return Internal("The referral code counter did not answer.");
  return rows->Int(0, 0);
}

Result<std::vector<ports::ReferralRow>> SqlReferralRepository::SentFromCase(
    const std::string& source_kind, const std::string& source_id) {
  return ReferralsOf(conn_.Query(std::string("SELECT ") + kColumns +
                                     " FROM referrals WHERE source_kind = $1 AND source_id = $2"
                                     " ORDER BY created_at_us DESC, id DESC",
                                 {source_kind, source_id}));
}

Result<ports::ReferralPage> SqlReferralRepository::Inbox(const ports::InboxFilter& f) {
  std::vector<Value> params;
  auto param = [&](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  std::string where = " WHERE recipient_organisation_id = " + param(f.recipient_organisation_id);
  if (!f.statuses.empty()) {
    where += " AND status IN (";
    for (size_t i = 0; i < f.statuses.size(); ++i) where += (i ? ", " : "") + param(f.statuses[i]);
    where += ")";
  }
  if (f.purpose) where += " AND purpose = " + param(*f.purpose);
  if (f.sender_organisation_id) {
    where += " AND sender_organisation_id = " + param(*f.sender_organisation_id);
  }
  if (f.respond_by_on_or_before) {
    where += " AND respond_by <= " + param(DateValue(*f.respond_by_on_or_before));
  }
  ports::ReferralPage page;
  auto count = conn_.Query("SELECT COUNT(*) FROM referrals" + where, params);
  if (!count) return tl::unexpected(count.error());
  page.total = count->Int(0, 0);
  if (page.total == 0) return page;
  std::string limit = param(static_cast<long long>(std::max(f.limit, 0)));
  std::string offset = param(static_cast<long long>(std::max(f.offset, 0)));
  auto items =
      ReferralsOf(conn_.Query(std::string("SELECT ") + kColumns + " FROM referrals" + where +
                                  kInboxOrder + " LIMIT " + limit + " OFFSET " + offset,
                              params));
  if (!items) return tl::unexpected(items.error());
  page.items = std::move(*items);
  return page;
}

Result<std::vector<ports::ReferralRow>> SqlReferralRepository::RelyingOnConsent(
    const std::string& consent_id) {
  return ReferralsOf(conn_.Query(std::string("SELECT ") + kColumns +
                                     " FROM referrals WHERE consent_id = $1"
                                     " ORDER BY created_at_us, id",
                                 {consent_id}));
}

Result<std::vector<ports::ReferralRow>> SqlReferralRepository::OpenDueBy(CivilDate day) {
  return ReferralsOf(conn_.Query(std::string("SELECT ") + kColumns +
                                     " FROM referrals WHERE status = 'sent'"
                                     " AND answered_on IS NULL AND respond_by <= $1"
                                     " ORDER BY respond_by, created_at_us, id",
                                 {DateValue(day)}));
}

Result<std::vector<ports::ReferralStatisticsRow>> SqlReferralRepository::ForStatistics(
    CivilDate from, CivilDate to) {
  // ISO dates compare as text; a referral from a consultation carries the
  // consultation's received time (NULL for a case, or a consultation gone).
  auto rows = conn_.Query(
      "SELECT r.id, r.sender_organisation_id, r.recipient_organisation_id, r.source_kind,"
      " r.status, r.sent_on, r.answered_on, c.received_at_us,"
      " c.municipality_code"
      " FROM referrals r LEFT JOIN consultations c"
      " ON r.source_kind = 'consultation' AND c.id = r.source_id"
      " WHERE (r.sent_on >= $1 AND r.sent_on <= $2)"
      " OR (r.status IN ('accepted', 'completed') AND r.answered_on >= $1 AND r.answered_on <= $2)"
      " ORDER BY r.sent_on, r.id",
      {DateValue(from), DateValue(to)});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::ReferralStatisticsRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    ports::ReferralStatisticsRow x;
    x.id = rows->Text(r, 0);
    x.sender_organisation_id = rows->Text(r, 1);
    x.recipient_organisation_id = rows->Text(r, 2);
    x.source_kind = rows->Text(r, 3);
    x.status = rows->Text(r, 4);
    x.sent_on = DateAt(*rows, r, 5);
    if (x.status == "accepted" || x.status == "completed") x.accepted_on = OptDateAt(*rows, r, 6);
    if (!rows->IsNull(r, 7)) x.consultation_received_at_us = rows->Int(r, 7);
    if (!rows->IsNull(r, 8)) x.consultation_municipality_code = rows->Text(r, 8);
    out.push_back(std::move(x));
  }
  return out;
}

Status SqlReferralRepository::PutPackage(const std::string& referral_id,
                                         const std::string& sealed) {
  auto r = conn_.Execute("INSERT INTO referral_packages (referral_id, sealed) VALUES ($1, $2)",
                         {referral_id, ToBase64(sealed)});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::optional<std::string>> SqlReferralRepository::GetPackage(
    const std::string& referral_id) {
  auto rows =
      conn_.Query("SELECT sealed FROM referral_packages WHERE referral_id = $1", {referral_id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<std::string>();
  auto bytes = FromBase64(rows->Text(0, 0), "referral_packages.sealed");
  if (!bytes) return tl::unexpected(bytes.error());
  return std::optional<std::string>(std::move(*bytes));
}

Result<bool> SqlReferralRepository::DeletePackage(const std::string& referral_id) {
  auto r = conn_.Execute("DELETE FROM referral_packages WHERE referral_id = $1", {referral_id});
  if (!r) return tl::unexpected(r.error());
  return *r > 0;
}

Status SqlReferralRepository::AppendStep(const std::string& referral_id, const std::string& step,
                                         long long at_us, const std::string& by_user_id,
                                         const std::string& organisation_id) {
  // One statement numbers the step after the last; a concurrent append of the same referral
  // gets kConflict from the primary key rather than a duplicate number.
  auto r = conn_.Execute(
      "INSERT INTO referral_steps (referral_id, n, step, at_us, by_user_id, organisation_id)"
      " VALUES ($1, (SELECT COALESCE(MAX(n), 0) + 1 FROM referral_steps WHERE referral_id = $1),"
      " $2, $3, $4, $5)",
      {referral_id, step, at_us, by_user_id, organisation_id});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::vector<ports::ReferralStepRow>> SqlReferralRepository::Steps(
    const std::string& referral_id) {
  auto rows = conn_.Query(
      "SELECT referral_id, n, step, at_us, by_user_id, organisation_id FROM referral_steps"
      " WHERE referral_id = $1 ORDER BY n",
      {referral_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::ReferralStepRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    out.push_back({rows->Text(r, 0), static_cast<int>(rows->Int(r, 1)), rows->Text(r, 2),
                   rows->Int(r, 3), rows->Text(r, 4), rows->Text(r, 5)});
  }
  return out;
}

}  // namespace opennrm::storage::repo
