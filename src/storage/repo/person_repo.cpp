#include "storage/repo/person_repo.hpp"

#include "storage/repo/binary_text.hpp"
#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

namespace {

using sql::Value;

constexpr const char* kColumns =
    "p.id, p.organisation_id, p.code, p.protection, p.identity_sealed, p.contact_sealed,"
    " p.merged_into, p.created_at_us, p.updated_at_us, p.version";

Result<ports::PersonRow> PersonAt(const sql::Rows& rows, size_t r, size_t at = 0) {
  ports::PersonRow p;
  p.id = rows.Text(r, at + 0);
  p.organisation_id = rows.Text(r, at + 1);
  p.code = rows.Text(r, at + 2);
  p.protection = rows.Text(r, at + 3);
  auto identity = FromBase64(rows.Text(r, at + 4), "persons.identity_sealed");
  if (!identity) return tl::unexpected(identity.error());
  p.identity_sealed = std::move(*identity);
  auto contact = FromBase64(rows.Text(r, at + 5), "persons.contact_sealed");
  if (!contact) return tl::unexpected(contact.error());
  p.contact_sealed = std::move(*contact);
  p.merged_into = OptTextAt(rows, r, at + 6);
  p.created_at_us = rows.Int(r, at + 7);
  p.updated_at_us = rows.Int(r, at + 8);
  p.version = rows.Int(r, at + 9);
  return p;
}

}  // namespace

Status SqlPersonRepository::Insert(const ports::PersonRow& p) {
  auto r = conn_.Execute(
      "INSERT INTO persons (id, organisation_id, code, protection, identity_sealed,"
      " contact_sealed, merged_into, created_at_us, updated_at_us, version)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      {p.id, p.organisation_id, p.code, p.protection, ToBase64(p.identity_sealed),
       ToBase64(p.contact_sealed), OptText(p.merged_into), p.created_at_us, p.updated_at_us,
       p.version});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::optional<ports::PersonRow>> SqlPersonRepository::Find(const std::string& id) {
  auto rows =
      conn_.Query(std::string("SELECT ") + kColumns + " FROM persons p WHERE p.id = $1", {id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::PersonRow>();
  auto p = PersonAt(*rows, 0);
  if (!p) return tl::unexpected(p.error());
  return std::optional<ports::PersonRow>(std::move(*p));
}

Status SqlPersonRepository::Update(const ports::PersonRow& p, long long expected_version) {
  // The owner, code and creation time never change.
  auto r = conn_.Execute(
      "UPDATE persons SET protection = $2, identity_sealed = $3, contact_sealed = $4,"
      " merged_into = $5, updated_at_us = $6, version = $7 WHERE id = $1 AND version = $8",
      {p.id, p.protection, ToBase64(p.identity_sealed), ToBase64(p.contact_sealed),
       OptText(p.merged_into), p.updated_at_us, p.version, expected_version});
  if (!r) return tl::unexpected(r.error());
  if (*r == 0) {
    return Fail(ErrorCode::kConflict,
                "The person was changed by someone else; reload and try again.");
  }
  return Ok();
}

Result<long long> SqlPersonRepository::NextCodeNumber(int year) {
  auto rows = conn_.Query(
      "INSERT INTO person_code_counters (year, last_number) VALUES ($1, 1)"
      " ON CONFLICT (year) DO UPDATE SET last_number = person_code_counters.last_number + 1"
      " RETURNING last_number",
      {static_cast<long long>(year)});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() != 1) return Internal("The person code counter did not answer.");
  return rows->Int(0, 0);
}

Status SqlPersonRepository::AddToCase(const ports::CasePersonRow& l) {
  auto r = conn_.Execute(
      "INSERT INTO case_persons (case_id, person_id, role, added_by, added_at_us)"
      " VALUES ($1, $2, $3, $4, $5)",
      {l.case_id, l.person_id, l.role, l.added_by, l.added_at_us});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::vector<ports::CasePerson>> SqlPersonRepository::OfCase(const std::string& case_id) {
  auto rows = conn_.Query(
      std::string("SELECT cp.case_id, cp.person_id, cp.role, cp.added_by, cp.added_at_us, ") +
          kColumns +
          " FROM case_persons cp JOIN persons p ON p.id = cp.person_id WHERE cp.case_id = $1"
          " ORDER BY cp.added_at_us, p.code",
      {case_id});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::CasePerson> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    ports::CasePerson cp;
    cp.link = {rows->Text(r, 0), rows->Text(r, 1), rows->Text(r, 2), rows->Text(r, 3),
               rows->Int(r, 4)};
    auto p = PersonAt(*rows, r, 5);
    if (!p) return tl::unexpected(p.error());
    cp.person = std::move(*p);
    out.push_back(std::move(cp));
  }
  return out;
}

Status SqlPersonRepository::IndexNames(const std::string& organisation_id,
                                       const std::string& person_id,
                                       const std::vector<std::string>& digests) {
  auto deleted = conn_.Execute("DELETE FROM person_name_index WHERE person_id = $1", {person_id});
  if (!deleted) return tl::unexpected(deleted.error());
  for (const auto& d : digests) {
    auto r = conn_.Execute(
        "INSERT INTO person_name_index (organisation_id, digest, person_id) VALUES ($1, $2, $3)"
        " ON CONFLICT DO NOTHING",
        {organisation_id, d, person_id});
    if (!r) return tl::unexpected(r.error());
  }
  return Ok();
}

Result<std::vector<ports::FoundPerson>> SqlPersonRepository::FindByName(
    const ports::NameSearch& s) {
  std::vector<ports::FoundPerson> out;
  if (s.terms.empty() || s.limit < 1) return out;
  for (const auto& t : s.terms) {
    if (t.exact.empty() && t.phonetic.empty()) return out;  // a term without keys: nobody
  }
  std::vector<Value> params;
  auto param = [&](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  auto list = [&](const std::vector<std::string>& values) {
    std::string in;
    for (size_t i = 0; i < values.size(); ++i) in += (i ? ", " : "") + param(values[i]);
    return in;
  };
  std::string org = param(s.organisation_id);
  std::string viewer = param(s.viewer_user_id);
  std::string session = param(s.viewer_session_id);
  std::string now = param(s.now_us);
  // One index range per term, intersected: the persons with a digest of every term; and those
  // with an exact digest of every term.
  auto every = [&](bool exact_only) {
    std::string q;
    for (const auto& t : s.terms) {
      std::vector<std::string> digests = t.exact;
      if (!exact_only) digests.insert(digests.end(), t.phonetic.begin(), t.phonetic.end());
      if (digests.empty()) digests.push_back("-");  // no exact key: no exact match
      q += (q.empty() ? "" : " INTERSECT ") +
           std::string("SELECT i.person_id FROM person_name_index i WHERE i.organisation_id = ") +
           org + " AND i.digest IN (" + list(digests) + ")";
    }
    return q;
  };
  std::string matching = every(false);
  std::string exact = every(true);
  std::string hidden;
  if (!s.hidden_roles.empty()) hidden = " AND cp.role NOT IN (" + list(s.hidden_roles) + ")";
  // A person in several cases has a row per case: ask for more rows than persons.
  std::string limit = param(static_cast<long long>(s.limit) * 4);
  auto rows = conn_.Query(
      std::string("SELECT cp.case_id, cp.person_id, cp.role, cp.added_by, cp.added_at_us, ") +
          kColumns + ", CASE WHEN t.user_id IS NULL THEN 0 ELSE 1 END AS on_team" +
          ", CASE WHEN p.id IN (" + exact + ") THEN 1 ELSE 0 END AS exact" +
          " FROM persons p JOIN case_persons cp ON cp.person_id = p.id"
          " JOIN cases c ON c.id = cp.case_id"
          " LEFT JOIN case_team t ON t.case_id = c.id AND t.user_id = " +
          viewer + " WHERE p.organisation_id = " + org + " AND c.organisation_id = " + org +
          " AND p.id IN (" + matching + ")" + hidden +
          " AND (p.protection = 'none' OR t.user_id IS NOT NULL)"
          " AND (t.user_id IS NOT NULL OR EXISTS (SELECT 1 FROM break_glass b"
          " WHERE b.case_id = c.id AND b.user_id = " +
          viewer + " AND b.session_id = " + session + " AND b.expires_at_us > " + now +
          ")) ORDER BY exact DESC, p.id, on_team DESC, cp.case_id LIMIT " + limit,
      params);
  if (!rows) return tl::unexpected(rows.error());
  for (size_t r = 0; r < rows->size() && out.size() < static_cast<size_t>(s.limit); ++r) {
    if (!out.empty() && out.back().in_case.person.id == rows->Text(r, 1)) continue;
    ports::FoundPerson f;
    f.in_case.link = {rows->Text(r, 0), rows->Text(r, 1), rows->Text(r, 2), rows->Text(r, 3),
                      rows->Int(r, 4)};
    auto p = PersonAt(*rows, r, 5);
    if (!p) return tl::unexpected(p.error());
    f.in_case.person = std::move(*p);
    f.viewer_on_team = rows->Int(r, 15) == 1;
    f.exact = rows->Int(r, 16) == 1;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace opennrm::storage::repo
