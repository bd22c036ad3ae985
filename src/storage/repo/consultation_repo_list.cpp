// The queue's reads of SqlConsultationRepository (consultation_repo.hpp).
#include <algorithm>

#include "storage/repo/consultation_repo.hpp"
#include "storage/repo/consultation_repo_rows.hpp"

namespace opennrm::storage::repo {

namespace {

using sql::Value;

// Immediate danger first, then the nearest response target, then the oldest received.
constexpr const char* kQueueOrder =
    " ORDER BY immediate_danger DESC, respond_by_us, received_at_us, id";

}  // namespace

Result<ports::ConsultationPage> SqlConsultationRepository::List(
    const ports::ConsultationFilter& f) {
  std::vector<Value> params;
  auto param = [&](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  std::string where = " WHERE organisation_id = " + param(f.organisation_id);
  if (!f.statuses.empty()) {
    where += " AND status IN (";
    for (size_t i = 0; i < f.statuses.size(); ++i) where += (i ? ", " : "") + param(f.statuses[i]);
    where += ")";
  }
  if (f.assigned_to) where += " AND assigned_to = " + param(*f.assigned_to);
  if (f.overdue_at_us) {
    where += " AND first_response_at_us IS NULL AND status <> 'closed' AND respond_by_us < " +
             param(*f.overdue_at_us);
  }
  if (f.open_follow_up) {
    where +=
        " AND EXISTS (SELECT 1 FROM consultation_follow_ups fu"
        " WHERE fu.consultation_id = consultations.id AND fu.done_at_us IS NULL)";
  }
  if (f.topic) where += " AND topic = " + param(*f.topic);
  if (f.municipality_code) where += " AND municipality_code = " + param(*f.municipality_code);
  if (f.channel) where += " AND channel = " + param(*f.channel);
  if (f.received_from_us) where += " AND received_at_us >= " + param(*f.received_from_us);
  if (f.received_to_us) where += " AND received_at_us < " + param(*f.received_to_us);

  ports::ConsultationPage page;
  // A bounded count stops after kCountCap + 1 matches rather than visiting every one. The bound
  // is the count's own parameter (the page's follow the filter's), so the count gets a copy.
  std::vector<Value> count_params = params;
  count_params.emplace_back(kCountCap + 1);
  auto count = conn_.Query("SELECT COUNT(*) FROM (SELECT 1 FROM consultations" + where +
                               " LIMIT $" + std::to_string(count_params.size()) + ") AS bounded",
                           count_params);
  if (!count) return tl::unexpected(count.error());
  page.total = count->Int(0, 0);
  if (page.total > kCountCap) {
    page.total = kCountCap;
    page.total_capped = true;
  }
  // The port asks for 1..200; 0 reads only the total.
  const long long limit = std::clamp(f.limit, 0, 200);
  if (page.total == 0 || limit == 0) return page;
  std::string limit_at = param(limit);
  std::string offset_at = param(static_cast<long long>(std::max(f.offset, 0)));
  auto items = consultation_rows::ConsultationsOf(
      conn_.Query("SELECT " + consultation_rows::ColumnList() + " FROM consultations" + where +
                      kQueueOrder + " LIMIT " + limit_at + " OFFSET " + offset_at,
                  params));
  if (!items) return tl::unexpected(items.error());
  page.items = std::move(*items);
  return page;
}

Result<std::vector<ports::ConsultationRow>> SqlConsultationRepository::ReceivedBetween(
    const std::string& organisation_id, long long from_us, long long to_us, int limit) {
  return consultation_rows::ConsultationsOf(
      conn_.Query("SELECT " + consultation_rows::ColumnList() +
                      " FROM consultations WHERE organisation_id = $1 AND received_at_us >= $2"
                      " AND received_at_us < $3 ORDER BY received_at_us, id LIMIT $4",
                  {organisation_id, from_us, to_us, static_cast<long long>(std::max(limit, 0))}));
}

Result<std::vector<ports::ConsultationStatisticsRow>> SqlConsultationRepository::ForStatistics(
    long long from_us, long long to_us) {
  auto rows = conn_.Query(
      "SELECT c.id, c.organisation_id, c.channel, c.received_at_us, c.caller_organisation_id,"
      " c.topic, c.municipality_code, c.respond_by_us, c.first_response_at_us,"
      " CASE WHEN EXISTS (SELECT 1 FROM referrals r WHERE r.source_kind = 'consultation'"
      " AND r.source_id = c.id) THEN 1 ELSE 0 END"
      " FROM consultations c WHERE c.received_at_us >= $1 AND c.received_at_us < $2"
      " ORDER BY c.received_at_us, c.id",
      {from_us, to_us});
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::ConsultationStatisticsRow> out;
  out.reserve(rows->size());
  for (size_t r = 0; r < rows->size(); ++r) {
    ports::ConsultationStatisticsRow x;
    x.id = rows->Text(r, 0);
    x.organisation_id = rows->Text(r, 1);
    x.channel = rows->Text(r, 2);
    x.received_at_us = rows->Int(r, 3);
    x.caller_organisation_id = rows->IsNull(r, 4) ? "" : rows->Text(r, 4);
    x.topic = rows->Text(r, 5);
    x.municipality_code = rows->IsNull(r, 6) ? "" : rows->Text(r, 6);
    x.respond_by_us = rows->Int(r, 7);
    if (!rows->IsNull(r, 8)) x.first_response_at_us = rows->Int(r, 8);
    x.referred = rows->Int(r, 9) != 0;
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace opennrm::storage::repo
