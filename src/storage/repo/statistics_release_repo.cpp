#include "storage/repo/statistics_release_repo.hpp"

#include "storage/codec/published_table_codec.hpp"

namespace opennrm::storage::repo {

namespace {

constexpr const char* kReleaseColumns =
    "year, number, published_at_us, published_by_organisation, published_by_user, tables";

ports::ReleaseRecord ReleaseAt(const sql::Rows& rows, size_t r) {
  ports::ReleaseRecord out;
  out.year = static_cast<int>(rows.Int(r, 0));
  out.number = static_cast<int>(rows.Int(r, 1));
  out.published_at_us = rows.Int(r, 2);
  out.published_by_organisation = rows.Text(r, 3);
  out.published_by_user = rows.Text(r, 4);
  out.tables = static_cast<int>(rows.Int(r, 5));
  return out;
}

}  // namespace

Status SqlStatisticsReleaseRepository::Insert(const ports::ReleaseRecord& release,
                                              const std::vector<ports::PublishedTable>& tables) {
  auto r = conn_.Execute(
      "INSERT INTO statistics_releases (year, number, published_at_us, published_by_organisation,"
      " published_by_user, tables) VALUES ($1, $2, $3, $4, $5, $6)",
      {static_cast<long long>(release.year), static_cast<long long>(release.number),
       release.published_at_us, release.published_by_organisation, release.published_by_user,
       static_cast<long long>(release.tables)});
  if (!r) {
    if (r.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict, "Release " + std::to_string(release.number) + " of " +
                                            std::to_string(release.year) +
                                            " was published at the same time; reload.");
    }
    return tl::unexpected(r.error());
  }
  for (const auto& t : tables) {
    auto w = conn_.Execute(
        "INSERT INTO statistics_release_tables (year, number, table_id, series, grp, body)"
        " VALUES ($1, $2, $3, $4, $5, $6)",
        {static_cast<long long>(release.year), static_cast<long long>(release.number), t.id,
         t.series, t.group, EncodePublishedTable(t)});
    if (!w) return tl::unexpected(w.error());
  }
  return Ok();
}

Result<std::vector<ports::ReleaseRecord>> SqlStatisticsReleaseRepository::Releases(
    std::optional<int> year) {
  std::vector<sql::Value> params;
  std::string sql = std::string("SELECT ") + kReleaseColumns + " FROM statistics_releases";
  if (year) {
    sql += " WHERE year = $1";
    params.emplace_back(static_cast<long long>(*year));
  }
  sql += " ORDER BY year, number";
  auto rows = conn_.Query(sql, params);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::ReleaseRecord> out;
  for (size_t r = 0; r < rows->size(); ++r) out.push_back(ReleaseAt(*rows, r));
  return out;
}

Result<std::optional<ports::ReleaseRecord>> SqlStatisticsReleaseRepository::Latest(int year) {
  auto rows = conn_.Query(std::string("SELECT ") + kReleaseColumns +
                              " FROM statistics_releases WHERE year = $1"
                              " ORDER BY number DESC LIMIT 1",
                          {static_cast<long long>(year)});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::ReleaseRecord>();
  return std::optional<ports::ReleaseRecord>(ReleaseAt(*rows, 0));
}

Result<std::optional<ports::PublishedTable>> SqlStatisticsReleaseRepository::Table(
    int year, int number, const std::string& id, const std::string& series) {
  auto rows = conn_.Query(
      "SELECT body FROM statistics_release_tables"
      " WHERE year = $1 AND number = $2 AND table_id = $3 AND series = $4",
      {static_cast<long long>(year), static_cast<long long>(number), id, series});
  if (!rows) return tl::unexpected(rows.error());
  if (rows->size() == 0) return std::optional<ports::PublishedTable>();
  auto t = DecodePublishedTable(rows->Text(0, 0));
  if (!t) return tl::unexpected(t.error());
  return std::optional<ports::PublishedTable>(std::move(*t));
}

Result<std::vector<ports::PublishedTable>> SqlStatisticsReleaseRepository::Tables(int year,
                                                                                  int number) {
  auto rows = conn_.Query(
      "SELECT body FROM statistics_release_tables WHERE year = $1 AND number = $2"
      " ORDER BY table_id, series",
      {static_cast<long long>(year), static_cast<long long>(number)});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::PublishedTable> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    auto t = DecodePublishedTable(rows->Text(r, 0));
    if (!t) return tl::unexpected(t.error());
    out.push_back(std::move(*t));
  }
  return out;
}

}  // namespace opennrm::storage::repo
