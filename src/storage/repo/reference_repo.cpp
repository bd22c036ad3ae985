#include "storage/repo/reference_repo.hpp"

namespace opennrm::storage::repo {

namespace {
constexpr size_t kBatch = 100;
}

Status SqlReferenceRepository::InsertRows(const std::string& table,
                                          const std::vector<std::string>& columns,
                                          const std::vector<std::vector<sql::Value>>& rows) {
  std::string cols;
  for (const auto& c : columns) cols += (cols.empty() ? "" : ", ") + c;
  for (size_t start = 0; start < rows.size(); start += kBatch) {
    size_t end = std::min(rows.size(), start + kBatch);
    std::string sql = "INSERT INTO " + table + " (" + cols + ") VALUES ";
    std::vector<sql::Value> params;
    for (size_t r = start; r < end; ++r) {
      sql += r == start ? "(" : ", (";
      for (size_t c = 0; c < columns.size(); ++c) {
        params.push_back(rows[r][c]);
        sql += (c ? ", $" : "$") + std::to_string(params.size());
      }
      sql += ")";
    }
    auto res = conn_.Execute(sql, params);
    if (!res) return tl::unexpected(res.error());
  }
  return {};
}

Status SqlReferenceRepository::Replace(const ports::ReferenceData& d) {
  for (const char* table : {"population", "municipalities", "counties", "police_regions",
                            "countries", "languages", "services"}) {
    auto r = conn_.Execute(std::string("DELETE FROM ") + table, {});
    if (!r) return tl::unexpected(r.error());
  }
  std::vector<std::vector<sql::Value>> rows;
  for (const auto& p : d.geography.police_regions)
    rows.push_back({p.id, p.name, p.name_en, p.seat});
  if (auto st = InsertRows("police_regions", {"id", "name", "name_en", "seat"}, rows); !st)
    return st;
  rows.clear();
  for (const auto& c : d.geography.counties) {
    rows.push_back({c.code, c.name, c.short_name, c.letter, c.police_region});
  }
  if (auto st =
          InsertRows("counties", {"code", "name", "short_name", "letter", "police_region"}, rows);
      !st) {
    return st;
  }
  rows.clear();
  for (const auto& m : d.geography.municipalities) rows.push_back({m.code, m.name, m.county_code});
  if (auto st = InsertRows("municipalities", {"code", "name", "county_code"}, rows); !st) return st;
  rows.clear();
  for (const auto& p : d.geography.population) {
    rows.push_back(
        {p.level, p.code, static_cast<long long>(p.population.year), p.population.count});
  }
  if (auto st = InsertRows("population", {"level", "code", "year", "population"}, rows); !st)
    return st;
  rows.clear();
  for (const auto& c : d.countries)
    rows.push_back({c.alpha2, c.alpha3, c.numeric, c.name_en, c.name_sv});
  if (auto st =
          InsertRows("countries", {"alpha2", "alpha3", "numeric", "name_en", "name_sv"}, rows);
      !st) {
    return st;
  }
  rows.clear();
  for (const auto& l : d.languages) rows.push_back({l.code, l.name_en, l.name_sv, l.scope, l.type});
  if (auto st = InsertRows("languages", {"code", "name_en", "name_sv", "scope", "type"}, rows);
      !st) {
    return st;
  }
  rows.clear();
  long long pos = 0;
  for (const auto& s : d.services.services)
    rows.push_back({s.code, s.name_en, s.name_sv, s.group, pos++});
  if (auto st =
          InsertRows("services", {"code", "name_en", "name_sv", "group_name", "position"}, rows);
      !st) {
    return st;
  }
  auto r = conn_.Execute(
      "INSERT INTO reference_meta (key, value) VALUES ('services_version', $1)"
      " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      {d.services.version});
  if (!r) return tl::unexpected(r.error());
  return {};
}

Result<ports::ReferenceData> SqlReferenceRepository::Load() {
  ports::ReferenceData d;
  auto q = [&](const char* sql) { return conn_.Query(sql, {}); };
  auto regions = q("SELECT id, name, name_en, seat FROM police_regions ORDER BY id");
  if (!regions) return tl::unexpected(regions.error());
  for (size_t r = 0; r < regions->size(); ++r) {
    d.geography.police_regions.push_back(
        {regions->Text(r, 0), regions->Text(r, 1), regions->Text(r, 2), regions->Text(r, 3)});
  }
  auto counties =
      q("SELECT code, name, short_name, letter, police_region FROM counties ORDER BY code");
  if (!counties) return tl::unexpected(counties.error());
  for (size_t r = 0; r < counties->size(); ++r) {
    d.geography.counties.push_back({counties->Text(r, 0), counties->Text(r, 1),
                                    counties->Text(r, 2), counties->Text(r, 3),
                                    counties->Text(r, 4), std::nullopt});
  }
  auto munis = q("SELECT code, name, county_code FROM municipalities ORDER BY code");
  if (!munis) return tl::unexpected(munis.error());
  for (size_t r = 0; r < munis->size(); ++r) {
    d.geography.municipalities.push_back(
        {munis->Text(r, 0), munis->Text(r, 1), munis->Text(r, 2), std::nullopt});
  }
  // The latest year per place.
  auto pop = q("SELECT level, code, year, population FROM population ORDER BY level, code, year");
  if (!pop) return tl::unexpected(pop.error());
  for (size_t r = 0; r < pop->size(); ++r) {
    geo::PopulationFigure f{
        pop->Text(r, 1), pop->Text(r, 0), {pop->Int(r, 3), static_cast<int>(pop->Int(r, 2))}};
    if (!d.geography.population.empty() && d.geography.population.back().code == f.code &&
        d.geography.population.back().level == f.level) {
      d.geography.population.back() = f;
    } else {
      d.geography.population.push_back(f);
    }
  }
  auto countries =
      q("SELECT alpha2, alpha3, numeric, name_en, name_sv FROM countries ORDER BY alpha2");
  if (!countries) return tl::unexpected(countries.error());
  for (size_t r = 0; r < countries->size(); ++r) {
    d.countries.push_back({countries->Text(r, 0), countries->Text(r, 1), countries->Text(r, 2),
                           countries->Text(r, 3), countries->Text(r, 4)});
  }
  auto langs = q("SELECT code, name_en, name_sv, scope, type FROM languages ORDER BY code");
  if (!langs) return tl::unexpected(langs.error());
  for (size_t r = 0; r < langs->size(); ++r) {
    d.languages.push_back({langs->Text(r, 0), langs->Text(r, 1), langs->Text(r, 2),
                           langs->Text(r, 3), langs->Text(r, 4)});
  }
  auto services = q("SELECT code, name_en, name_sv, group_name FROM services ORDER BY position");
  if (!services) return tl::unexpected(services.error());
  for (size_t r = 0; r < services->size(); ++r) {
    d.services.services.push_back(
        {services->Text(r, 0), services->Text(r, 1), services->Text(r, 2), services->Text(r, 3)});
  }
  auto version = q("SELECT value FROM reference_meta WHERE key = 'services_version'");
  if (!version) return tl::unexpected(version.error());
  if (version->size() > 0) d.services.version = version->Text(0, 0);
  return d;
}

Result<std::string> SqlReferenceRepository::Fingerprint() {
  auto rows = conn_.Query("SELECT value FROM reference_meta WHERE key = 'fingerprint'", {});
  if (!rows) return tl::unexpected(rows.error());
  return rows->size() ? rows->Text(0, 0) : std::string();
}

Status SqlReferenceRepository::SetFingerprint(const std::string& fingerprint) {
  auto r = conn_.Execute(
      "INSERT INTO reference_meta (key, value) VALUES ('fingerprint', $1)"
      " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      {fingerprint});
  if (!r) return tl::unexpected(r.error());
  return {};
}

}  // namespace opennrm::storage::repo
