#include "storage/repo/organisation_repo.hpp"

#include <map>

#include "domain/text/fold.hpp"
#include "storage/repo/binary_text.hpp"

namespace opennrm::storage::repo {

namespace {

using sql::Value;

constexpr const char* kColumns =
    "o.id, o.seed_key, o.name, o.kind, o.phone, o.email, o.website, o.postal_address,"
    " o.protected_address IS NOT NULL, o.coverage_scope, o.occupancy_occupied,"
    " o.occupancy_reported_on, o.active, o.version, o.created_at_us, o.updated_at_us";

orgs::Organisation FromRow(const sql::Rows& rows, size_t r) {
  orgs::Organisation o;
  o.id = rows.Text(r, 0);
  o.seed_key = rows.Text(r, 1);
  o.data.name = rows.Text(r, 2);
  o.data.kind = orgs::ParseKind(rows.Text(r, 3)).value_or(orgs::Kind::kOther);
  o.data.contact = {rows.Text(r, 4), rows.Text(r, 5), rows.Text(r, 6), rows.Text(r, 7)};
  std::string has_protected = rows.Text(r, 8);
  o.has_protected_address = has_protected == "1" || has_protected == "t" || has_protected == "true";
  o.data.coverage.scope =
      orgs::ParseScope(rows.Text(r, 9)).value_or(orgs::CoverageScope::kMunicipalities);
  if (!rows.IsNull(r, 10)) {
    o.data.occupancy = orgs::Occupancy{static_cast<int>(rows.Int(r, 10)), rows.Text(r, 11)};
  }
  o.data.active = rows.Int(r, 12) != 0;
  o.version = rows.Int(r, 13);
  o.created_at_us = rows.Int(r, 14);
  o.updated_at_us = rows.Int(r, 15);
  return o;
}

// The protected address arrives sealed (binary) from the use case; stored as
// base64. An empty string clears it (see Update).
Value SealedText(const std::optional<std::string>& s) {
  if (!s) return Value(sql::Null{});
  return s->empty() ? Value(std::string()) : Value(ToBase64(*s));
}

// Escapes LIKE wildcards; the pattern uses '\' as its escape character.
std::string LikeContains(const std::string& folded) {
  std::string out = "%";
  for (char c : folded) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

}  // namespace

Status SqlOrganisationRepository::Insert(const orgs::Organisation& o) {
  const auto& d = o.data;
  std::vector<Value> params{
      o.id,
      o.seed_key.empty() ? Value(sql::Null{}) : Value(o.seed_key),
      d.name,
      text::Fold(d.name),
      std::string(orgs::ToString(d.kind)),
      static_cast<long long>(orgs::IsPublicAuthority(d.kind)),
      d.contact.phone,
      d.contact.email,
      d.contact.website,
      d.contact.postal_address,
      SealedText(d.protected_address),
      std::string(orgs::ToString(d.coverage.scope)),
      d.occupancy ? Value(static_cast<long long>(d.occupancy->occupied)) : Value(sql::Null{}),
      d.occupancy ? Value(d.occupancy->reported_on) : Value(sql::Null{}),
      static_cast<long long>(d.active),
      o.version,
      o.created_at_us,
      o.updated_at_us};
  auto r = conn_.Execute(
      "INSERT INTO organisations (id, seed_key, name, name_folded, kind, public_authority, phone,"
      " email, website, postal_address, protected_address, coverage_scope, occupancy_occupied,"
      " occupancy_reported_on, active, version, created_at_us, updated_at_us) VALUES ($1, $2, $3,"
      " $4, $5, $6, $7, $8, $9, $10, NULLIF($11, ''), $12, $13, $14, $15, $16, $17, $18)",
      params);
  if (!r) return tl::unexpected(r.error());
  return WriteChildren(o);
}

Status SqlOrganisationRepository::BumpVersion() {
  auto r = conn_.Execute("UPDATE directory_state SET version = version + 1 WHERE id = 1", {});
  if (!r) return tl::unexpected(r.error());
  return {};
}

Result<long long> SqlOrganisationRepository::DirectoryVersion() {
  auto rows = conn_.Query("SELECT version FROM directory_state WHERE id = 1", {});
  if (!rows) return tl::unexpected(rows.error());
  return rows->size() ? rows->Int(0, 0) : 0;
}

Status SqlOrganisationRepository::WriteChildren(const orgs::Organisation& o) {
  if (auto st = BumpVersion(); !st) return st;
  for (const char* table : {"organisation_coverage", "organisation_services",
                            "organisation_languages", "organisation_capacity"}) {
    auto r =
        conn_.Execute(std::string("DELETE FROM ") + table + " WHERE organisation_id = $1", {o.id});
    if (!r) return tl::unexpected(r.error());
  }
  for (const auto& code : o.data.coverage.codes) {
    auto r = conn_.Execute(
        "INSERT INTO organisation_coverage (organisation_id, code) VALUES ($1, $2)", {o.id, code});
    if (!r) return tl::unexpected(r.error());
  }
  for (const auto& s : o.data.services) {
    auto r = conn_.Execute(
        "INSERT INTO organisation_services (organisation_id, service) VALUES ($1, $2)", {o.id, s});
    if (!r) return tl::unexpected(r.error());
  }
  for (const auto& l : o.data.languages) {
    auto r = conn_.Execute(
        "INSERT INTO organisation_languages (organisation_id, language) VALUES ($1, $2)",
        {o.id, l});
    if (!r) return tl::unexpected(r.error());
  }
  for (const auto& c : o.data.capacity) {
    auto r = conn_.Execute(
        "INSERT INTO organisation_capacity (organisation_id, gender, age_group, places)"
        " VALUES ($1, $2, $3, $4)",
        {o.id, c.gender, c.age_group, static_cast<long long>(c.places)});
    if (!r) return tl::unexpected(r.error());
  }
  return {};
}

Result<std::optional<orgs::Organisation>> SqlOrganisationRepository::Find(const std::string& id) {
  auto rows = conn_.Query(
      std::string("SELECT ") + kColumns + " FROM organisations o WHERE o.id = $1", {id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<orgs::Organisation>{};
  std::vector<orgs::Organisation> items{FromRow(*rows, 0)};
  if (auto st = LoadChildren(items); !st) return tl::unexpected(st.error());
  return std::optional<orgs::Organisation>(std::move(items[0]));
}

Result<std::optional<orgs::Organisation>> SqlOrganisationRepository::FindWithoutLists(
    const std::string& id) {
  auto rows = conn_.Query(
      std::string("SELECT ") + kColumns + " FROM organisations o WHERE o.id = $1", {id});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<orgs::Organisation>{};
  return std::optional<orgs::Organisation>(FromRow(*rows, 0));
}

Status SqlOrganisationRepository::Update(const orgs::Organisation& o, long long expected_version) {
  const auto& d = o.data;
  auto r = conn_.Execute(
      "UPDATE organisations SET name = $2, name_folded = $3, kind = $4, public_authority = $5,"
      " phone = $6, email = $7, website = $8, postal_address = $9,"
      " protected_address = NULLIF(COALESCE($10, protected_address), ''), coverage_scope = $11,"
      " occupancy_occupied = $12, occupancy_reported_on = $13, active = $14, version = $15,"
      " updated_at_us = $16 WHERE id = $1 AND version = $17",
      {o.id, d.name, text::Fold(d.name), std::string(orgs::ToString(d.kind)),
       static_cast<long long>(orgs::IsPublicAuthority(d.kind)), d.contact.phone, d.contact.email,
       d.contact.website, d.contact.postal_address, SealedText(d.protected_address),
       std::string(orgs::ToString(d.coverage.scope)),
       d.occupancy ? Value(static_cast<long long>(d.occupancy->occupied)) : Value(sql::Null{}),
       d.occupancy ? Value(d.occupancy->reported_on) : Value(sql::Null{}),
       static_cast<long long>(d.active), o.version, o.updated_at_us, expected_version});
  if (!r) return tl::unexpected(r.error());
  if (*r == 0) {
    return Fail(ErrorCode::kConflict,
                "The organisation was changed by someone else; reload it and try again.");
  }
  return WriteChildren(o);
}

Result<ports::OrganisationPage> SqlOrganisationRepository::List(
    const ports::OrganisationFilter& f) {
  std::string where = " WHERE 1 = 1";
  std::vector<Value> params;
  auto param = [&](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  if (f.kind) where += " AND o.kind = " + param(std::string(orgs::ToString(*f.kind)));
  if (f.active) where += " AND o.active = " + param(static_cast<long long>(*f.active));
  if (f.service) {
    where +=
        " AND EXISTS (SELECT 1 FROM organisation_services s WHERE s.organisation_id = o.id"
        " AND s.service = " +
        param(*f.service) + ")";
  }
  if (f.covers) {
    // Codes of the three kinds never collide (four digits, two digits, a
    // slug), and validation ties each code to its organisation's scope.
    std::string m = param(f.covers->municipality);
    std::string c = param(f.covers->county);
    std::string p = param(f.covers->police_region);
    where +=
        " AND (o.coverage_scope = 'national' OR o.id IN (SELECT c.organisation_id FROM"
        " organisation_coverage c WHERE c.code IN (" +
        m + ", " + c + ", " + p + ")))";
  }
  if (f.folded_text && !f.folded_text->empty()) {
    where += " AND o.name_folded LIKE " + param(LikeContains(*f.folded_text)) + " ESCAPE '\\'";
  }
  ports::OrganisationPage page;
  if (f.count_total) {
    auto count = conn_.Query("SELECT COUNT(*) FROM organisations o" + where, params);
    if (!count) return tl::unexpected(count.error());
    page.total = count->Int(0, 0);
    if (page.total == 0) return page;
  }
  std::string limit = param(static_cast<long long>(f.limit));
  std::string offset = param(static_cast<long long>(f.offset));
  auto rows = conn_.Query(std::string("SELECT ") + kColumns + " FROM organisations o" + where +
                              " ORDER BY o.name_folded, o.id LIMIT " + limit + " OFFSET " + offset,
                          params);
  if (!rows) return tl::unexpected(rows.error());
  for (size_t r = 0; r < rows->size(); ++r) page.items.push_back(FromRow(*rows, r));
  if (!f.count_total) page.total = static_cast<long long>(page.items.size());
  if (auto st = LoadChildren(page.items); !st) return tl::unexpected(st.error());
  return page;
}

Status SqlOrganisationRepository::LoadChildren(std::vector<orgs::Organisation>& items) {
  if (items.empty()) return {};
  std::map<std::string, orgs::Organisation*> by_id;
  std::vector<Value> ids;
  std::string in;
  for (auto& o : items) {
    by_id[o.id] = &o;
    ids.push_back(o.id);
    in += (in.empty() ? "$" : ", $") + std::to_string(ids.size());
  }
  auto each = [&](const std::string& sql, auto&& apply) -> Status {
    auto rows = conn_.Query(sql + " WHERE organisation_id IN (" + in + ") ORDER BY 1, 2", ids);
    if (!rows) return tl::unexpected(rows.error());
    for (size_t r = 0; r < rows->size(); ++r) apply(*by_id[rows->Text(r, 0)], *rows, r);
    return {};
  };
  if (auto st = each("SELECT organisation_id, code FROM organisation_coverage",
                     [](orgs::Organisation& o, const sql::Rows& rows, size_t r) {
                       o.data.coverage.codes.push_back(rows.Text(r, 1));
                     });
      !st) {
    return st;
  }
  if (auto st = each("SELECT organisation_id, service FROM organisation_services",
                     [](orgs::Organisation& o, const sql::Rows& rows, size_t r) {
                       o.data.services.push_back(rows.Text(r, 1));
                     });
      !st) {
    return st;
  }
  if (auto st = each("SELECT organisation_id, language FROM organisation_languages",
                     [](orgs::Organisation& o, const sql::Rows& rows, size_t r) {
                       o.data.languages.push_back(rows.Text(r, 1));
                     });
      !st) {
    return st;
  }
  return each("SELECT organisation_id, gender, age_group, places FROM organisation_capacity",
              [](orgs::Organisation& o, const sql::Rows& rows, size_t r) {
                o.data.capacity.push_back(
                    {rows.Text(r, 1), rows.Text(r, 2), static_cast<int>(rows.Int(r, 3))});
              });
}

Result<bool> SqlOrganisationRepository::SeedKeyExists(const std::string& seed_key) {
  auto rows = conn_.Query("SELECT 1 FROM organisations WHERE seed_key = $1", {seed_key});
  if (!rows) return tl::unexpected(rows.error());
  return rows->size() > 0;
}

}  // namespace opennrm::storage::repo
