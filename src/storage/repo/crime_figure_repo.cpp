#include "storage/repo/crime_figure_repo.hpp"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo {

namespace {

// Rows per INSERT: 8 parameters each, well inside both databases' limits.
constexpr size_t kBatch = 200;

std::string JoinYears(const std::vector<int>& years) {
  std::string out;
  for (int y : years) out += (out.empty() ? "" : ",") + std::to_string(y);
  return out;
}

std::vector<int> SplitYears(const std::string& text) {
  std::vector<int> out;
  for (const auto& w : SplitWords(text)) {
    int y = 0;
    auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), y);
    if (ec == std::errc() && end == w.data() + w.size()) out.push_back(y);
  }
  return out;
}

std::string SourcesJson(const std::vector<std::string>& sources) {
  return nlohmann::json(sources).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> SourcesOf(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& s : j) {
    if (s.is_string()) out.push_back(s.get<std::string>());
  }
  return out;
}

Status InsertBatch(sql::Connection& conn, const std::string& import_id,
                   const std::vector<ports::CrimeFigureRow>& figures, size_t from, size_t to) {
  std::string q =
      "INSERT INTO crime_figures (year, offence, measure, breakdown, category, value, source,"
      " import_id) VALUES ";
  std::vector<sql::Value> params;
  params.reserve((to - from) * 8);
  for (size_t i = from; i < to; ++i) {
    const auto& f = figures[i];
    const size_t n = params.size();
    q += (i == from ? "(" : ", (");
    for (size_t k = 1; k <= 8; ++k) q += "$" + std::to_string(n + k) + (k < 8 ? ", " : ")");
    params.insert(params.end(), {static_cast<long long>(f.year), f.offence, f.measure, f.breakdown,
                                 f.category, OptInt(f.value), f.source, import_id});
  }
  auto r = conn.Execute(q, params);
  if (!r) return tl::unexpected(r.error());
  return Ok();
}

}  // namespace

Status SqlCrimeFigureRepository::ReplaceYears(const ports::CrimeFigureImportRow& import,
                                              const std::vector<ports::CrimeFigureRow>& figures) {
  for (const auto& f : figures) {
    if (std::find(import.years.begin(), import.years.end(), f.year) == import.years.end()) {
      return Internal("A crime figure of a year the import does not replace.");
    }
  }
  auto logged = conn_.Execute(
      "INSERT INTO crime_figure_imports (id, organisation_id, user_id, imported_at_us, years,"
      " sources, figures) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {import.id, import.organisation_id, import.user_id, import.imported_at_us,
       JoinYears(import.years), SourcesJson(import.sources),
       static_cast<long long>(import.figures)});
  if (!logged) return tl::unexpected(logged.error());
  for (int year : import.years) {
    auto gone =
        conn_.Execute("DELETE FROM crime_figures WHERE year = $1", {static_cast<long long>(year)});
    if (!gone) return tl::unexpected(gone.error());
  }
  for (size_t from = 0; from < figures.size(); from += kBatch) {
    const size_t to = std::min(figures.size(), from + kBatch);
    if (auto st = InsertBatch(conn_, import.id, figures, from, to); !st) return st;
  }
  return Ok();
}

Result<std::vector<ports::CrimeFigureRow>> SqlCrimeFigureRepository::InYears(int year_from,
                                                                             int year_to) {
  auto rows = conn_.Query(
      "SELECT year, offence, measure, breakdown, category, value, source, import_id"
      " FROM crime_figures WHERE year >= $1 AND year <= $2"
      " ORDER BY year, offence, measure, breakdown, category",
      {static_cast<long long>(year_from), static_cast<long long>(year_to)});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::CrimeFigureRow> out;
  out.reserve(rows->size());
  for (size_t r = 0; r < rows->size(); ++r) {
    ports::CrimeFigureRow f;
    f.year = static_cast<int>(rows->Int(r, 0));
    f.offence = rows->Text(r, 1);
    f.measure = rows->Text(r, 2);
    f.breakdown = rows->Text(r, 3);
    f.category = rows->Text(r, 4);
    f.value = OptIntAt(*rows, r, 5);
    f.source = rows->Text(r, 6);
    f.import_id = rows->Text(r, 7);
    out.push_back(std::move(f));
  }
  return out;
}

Result<std::vector<ports::CrimeFigureImportRow>> SqlCrimeFigureRepository::Imports(int limit) {
  auto rows = conn_.Query(
      "SELECT id, organisation_id, user_id, imported_at_us, years, sources, figures"
      " FROM crime_figure_imports ORDER BY imported_at_us DESC, id DESC LIMIT $1",
      {static_cast<long long>(std::max(limit, 0))});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::CrimeFigureImportRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    ports::CrimeFigureImportRow i;
    i.id = rows->Text(r, 0);
    i.organisation_id = rows->Text(r, 1);
    i.user_id = rows->Text(r, 2);
    i.imported_at_us = rows->Int(r, 3);
    i.years = SplitYears(rows->Text(r, 4));
    i.sources = SourcesOf(rows->Text(r, 5));
    i.figures = static_cast<int>(rows->Int(r, 6));
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace opennrm::storage::repo
