#include "storage/repo/statistics_fact_repo.hpp"

#include <nlohmann/json.hpp>

namespace opennrm::storage::repo {

namespace {

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + items[i];
  return out;
}

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  for (char c : text) {
    if (c == ',') {
      out.push_back(item);
      item.clear();
    } else {
      item.push_back(c);
    }
  }
  if (!item.empty()) out.push_back(item);
  return out;
}

std::string Tuples(const std::vector<std::vector<std::string>>& rows) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& r : rows) a.push_back(r);
  return a.dump();
}

Result<std::vector<std::vector<std::string>>> ParseTuples(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_array()) return Internal("A statistics row is damaged.");
  std::vector<std::vector<std::string>> out;
  for (const auto& r : j) {
    if (!r.is_array()) return Internal("A statistics row is damaged.");
    std::vector<std::string> row;
    for (const auto& v : r) {
      if (!v.is_string()) return Internal("A statistics row is damaged.");
      row.push_back(v.get<std::string>());
    }
    out.push_back(std::move(row));
  }
  return out;
}

constexpr const char* kSelectRows =
    "SELECT case_id, person_id, organisation_id, organisation_kind, recorded_on, gender,"
    " age_group, citizenship_group, citizenship_country, protected, case_type, forms, sectors,"
    " police_region, county, steps, clocks, status, outcome, closed_on, updated_at_us"
    " FROM statistics_facts";

// The rows of a kSelectRows answer.
Result<std::vector<ports::StatisticsFactRow>> RowsOf(const sql::Rows& rows) {
  std::vector<ports::StatisticsFactRow> out;
  out.reserve(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    ports::StatisticsFactRow row;
    auto& p = row.person;
    p.case_id = rows.Text(r, 0);
    p.person_id = rows.Text(r, 1);
    p.organisation_id = rows.Text(r, 2);
    p.organisation_kind = rows.Text(r, 3);
    p.recorded_on = rows.Text(r, 4);
    p.gender = rows.Text(r, 5);
    p.age_group = rows.Text(r, 6);
    p.citizenship_group = rows.Text(r, 7);
    p.citizenship_country = rows.Text(r, 8);
    p.is_protected = rows.Int(r, 9) != 0;
    auto& f = row.facts;
    f.case_type = rows.Text(r, 10);
    f.forms = Split(rows.Text(r, 11));
    f.sectors = Split(rows.Text(r, 12));
    f.police_region = rows.Text(r, 13);
    f.county = rows.Text(r, 14);
    auto steps = ParseTuples(rows.Text(r, 15));
    if (!steps) return tl::unexpected(steps.error());
    f.steps = std::move(*steps);
    auto clocks = ParseTuples(rows.Text(r, 16));
    if (!clocks) return tl::unexpected(clocks.error());
    f.clocks = std::move(*clocks);
    f.status = rows.Text(r, 17);
    f.outcome = rows.Text(r, 18);
    f.closed_on = rows.Text(r, 19);
    f.updated_at_us = rows.Int(r, 20);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

Status SqlStatisticsFactRepository::AddVictim(const ports::VictimCategoriesRow& p,
                                              const ports::CaseFactsRow& f) {
  auto r = conn_.Execute(
      "INSERT INTO statistics_facts (case_id, person_id, organisation_id, organisation_kind,"
      " case_type, recorded_on, gender, age_group, citizenship_group, citizenship_country,"
      " protected, forms, sectors, police_region, county, steps, clocks, status, outcome,"
      " closed_on, updated_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
      " $13, $14, $15, $16, $17, $18, $19, $20, $21)",
      {p.case_id,
       p.person_id,
       p.organisation_id,
       p.organisation_kind,
       f.case_type,
       p.recorded_on,
       p.gender,
       p.age_group,
       p.citizenship_group,
       p.citizenship_country,
       static_cast<long long>(p.is_protected ? 1 : 0),
       Joined(f.forms),
       Joined(f.sectors),
       f.police_region,
       f.county,
       Tuples(f.steps),
       Tuples(f.clocks),
       f.status,
       f.outcome,
       f.closed_on,
       f.updated_at_us});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Status SqlStatisticsFactRepository::UpdateCase(const std::string& case_id,
                                               const ports::CaseFactsRow& f) {
  auto r = conn_.Execute(
      "UPDATE statistics_facts SET case_type = $2, forms = $3, sectors = $4, police_region = $5,"
      " county = $6, steps = $7, clocks = $8, status = $9, outcome = $10, closed_on = $11,"
      " updated_at_us = $12 WHERE case_id = $1",
      {case_id, f.case_type, Joined(f.forms), Joined(f.sectors), f.police_region, f.county,
       Tuples(f.steps), Tuples(f.clocks), f.status, f.outcome, f.closed_on, f.updated_at_us});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Result<std::vector<ports::StatisticsFactRow>> SqlStatisticsFactRepository::OfCase(
    const std::string& case_id) {
  auto rows =
      conn_.Query(std::string(kSelectRows) + " WHERE case_id = $1 ORDER BY person_id", {case_id});
  if (!rows) return tl::unexpected(rows.error());
  return RowsOf(*rows);
}

Result<std::vector<ports::StatisticsFactRow>> SqlStatisticsFactRepository::ChangedSince(
    long long since_us, size_t limit, const std::optional<ports::StatisticsFactCursor>& after) {
  const auto n = static_cast<long long>(limit);
  // One bound only, so that the index range starts at the page: with both,
  // SQLite starts at `since` and filters every key up to the cursor, and the
  // fact cache's first load of 1,000,000 rows in pages of 5,000 took 25 s
  // instead of 13 s (docs/benchmarks.md). A cursor at or after `since`
  // implies the rest; one before it excludes nothing that `since` keeps.
  auto rows = after && after->updated_at_us >= since_us
                  ? conn_.Query(std::string(kSelectRows) +
                                    " WHERE (updated_at_us, case_id, person_id) > ($1, $2, $3)"
                                    " ORDER BY updated_at_us, case_id, person_id LIMIT $4",
                                {after->updated_at_us, after->case_id, after->person_id, n})
                  : conn_.Query(std::string(kSelectRows) +
                                    " WHERE updated_at_us >= $1"
                                    " ORDER BY updated_at_us, case_id, person_id LIMIT $2",
                                {since_us, n});
  if (!rows) return tl::unexpected(rows.error());
  return RowsOf(*rows);
}

Result<std::vector<ports::StatisticsFactRemoval>> SqlStatisticsFactRepository::RemovedSince(
    long long since_us) {
  auto rows = conn_.Query(
      "SELECT case_id, person_id, organisation_id, removed_at_us FROM statistics_fact_removals"
      " WHERE removed_at_us >= $1 ORDER BY removed_at_us, case_id, person_id",
      {since_us});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::StatisticsFactRemoval> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    out.push_back({rows->Text(r, 0), rows->Text(r, 1), rows->Text(r, 2), rows->Int(r, 3)});
  }
  return out;
}

Result<long long> SqlStatisticsFactRepository::PruneRemovals(long long before_us) {
  return conn_.Execute("DELETE FROM statistics_fact_removals WHERE removed_at_us < $1",
                       {before_us});
}

Status SqlStatisticsFactRepository::RemoveVictim(const std::string& case_id,
                                                 const std::string& person_id,
                                                 long long removed_at_us) {
  auto recorded = conn_.Execute(
      "INSERT INTO statistics_fact_removals (case_id, person_id, organisation_id, removed_at_us)"
      " SELECT case_id, person_id, organisation_id, $3 FROM statistics_facts"
      " WHERE case_id = $1 AND person_id = $2",
      {case_id, person_id, removed_at_us});
  if (!recorded) return tl::unexpected(recorded.error());
  auto r = conn_.Execute("DELETE FROM statistics_facts WHERE case_id = $1 AND person_id = $2",
                         {case_id, person_id});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

Status SqlStatisticsFactRepository::MarkProtected(const std::string& case_id,
                                                  const std::string& person_id) {
  auto r = conn_.Execute(
      "UPDATE statistics_facts SET protected = 1, citizenship_country = ''"
      " WHERE case_id = $1 AND person_id = $2",
      {case_id, person_id});
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

}  // namespace opennrm::storage::repo
