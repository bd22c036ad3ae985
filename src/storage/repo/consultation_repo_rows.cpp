#include "storage/repo/consultation_repo_rows.hpp"

#include <cstring>

#include "storage/repo/binary_text.hpp"
#include "storage/repo/sql_values.hpp"

namespace opennrm::storage::repo::consultation_rows {

namespace {

using sql::Value;

Value Flag(bool b) { return static_cast<long long>(b ? 1 : 0); }
Value OptFlag(const std::optional<bool>& b) { return b ? Flag(*b) : Value(sql::Null{}); }
Value Int(int v) { return static_cast<long long>(v); }
Value OptInt32(const std::optional<int>& v) {
  return v ? Value(static_cast<long long>(*v)) : Value(sql::Null{});
}

std::optional<bool> OptFlagAt(const sql::Rows& rows, size_t r, size_t c) {
  if (rows.IsNull(r, c)) return std::nullopt;
  return rows.Int(r, c) != 0;
}

}  // namespace

std::vector<std::pair<const char*, Value>> Columns(const ports::ConsultationRow& x) {
  return {
      {"id", x.id},
      {"code", x.code},
      {"organisation_id", x.organisation_id},
      {"channel", x.channel},
      {"received_at_us", x.received_at_us},
      {"duration_seconds", Int(x.duration_seconds)},
      {"time_spent_minutes", Int(x.time_spent_minutes)},
      {"caller_organisation_id", TextOrNull(x.caller_organisation_id)},
      {"language", x.language},
      {"interpreter", Flag(x.interpreter)},
      {"topic", x.topic},
      {"forms", JoinWords(x.forms)},
      {"municipality_code", x.municipality_code},
      {"abroad_country", x.abroad_country},
      {"age_group", x.age_group},
      {"approximate_age", OptInt32(x.approximate_age)},
      {"gender", x.gender},
      {"citizenship", x.citizenship},
      {"holds_residence_permit", OptFlag(x.holds_residence_permit)},
      {"indicators", JoinWords(x.indicators)},
      {"wants_to_report_to_police", Flag(x.wants_to_report_to_police)},
      {"wish_to_return", Flag(x.wish_to_return)},
      {"needs_shelter", Flag(x.needs_shelter)},
      {"social_services_involve_police", OptFlag(x.social_services_involve_police)},
      {"immediate_danger", Flag(x.immediate_danger)},
      {"urgency", x.urgency},
      {"identity_basis", x.identity_basis},
      {"body_sealed", ToBase64(x.body_sealed)},
      {"status", x.status},
      {"assigned_to", x.assigned_to},
      {"respond_by_us", x.respond_by_us},
      {"first_response_at_us", OptInt(x.first_response_at_us)},
      {"closed_at_us", OptInt(x.closed_at_us)},
      {"created_by", x.created_by},
      {"created_at_us", x.created_at_us},
      {"updated_at_us", x.updated_at_us},
      {"version", x.version},
  };
}

const std::string& ColumnList() {
  static const std::string kList = [] {
    std::string out;
    for (const auto& [name, value] : Columns(ports::ConsultationRow{})) {
      out += (out.empty() ? "" : ", ") + std::string(name);
    }
    return out;
  }();
  return kList;
}

bool FixedAfterInsert(const char* column) {
  for (const char* fixed : {"id", "code", "organisation_id", "created_by", "created_at_us"}) {
    if (std::strcmp(column, fixed) == 0) return true;
  }
  return false;
}

Result<ports::ConsultationRow> ConsultationAt(const sql::Rows& rows, size_t r) {
  ports::ConsultationRow x;
  x.id = rows.Text(r, 0);
  x.code = rows.Text(r, 1);
  x.organisation_id = rows.Text(r, 2);
  x.channel = rows.Text(r, 3);
  x.received_at_us = rows.Int(r, 4);
  x.duration_seconds = static_cast<int>(rows.Int(r, 5));
  x.time_spent_minutes = static_cast<int>(rows.Int(r, 6));
  x.caller_organisation_id = rows.Text(r, 7);
  x.language = rows.Text(r, 8);
  x.interpreter = rows.Int(r, 9) != 0;
  x.topic = rows.Text(r, 10);
  x.forms = SplitWords(rows.Text(r, 11));
  x.municipality_code = rows.Text(r, 12);
  x.abroad_country = rows.Text(r, 13);
  x.age_group = rows.Text(r, 14);
  if (auto age = OptIntAt(rows, r, 15)) x.approximate_age = static_cast<int>(*age);
  x.gender = rows.Text(r, 16);
  x.citizenship = rows.Text(r, 17);
  x.holds_residence_permit = OptFlagAt(rows, r, 18);
  x.indicators = SplitWords(rows.Text(r, 19));
  x.wants_to_report_to_police = rows.Int(r, 20) != 0;
  x.wish_to_return = rows.Int(r, 21) != 0;
  x.needs_shelter = rows.Int(r, 22) != 0;
  x.social_services_involve_police = OptFlagAt(rows, r, 23);
  x.immediate_danger = rows.Int(r, 24) != 0;
  x.urgency = rows.Text(r, 25);
  x.identity_basis = rows.Text(r, 26);
  auto body = FromBase64(rows.Text(r, 27), "consultations.body_sealed");
  if (!body) return tl::unexpected(body.error());
  x.body_sealed = std::move(*body);
  x.status = rows.Text(r, 28);
  x.assigned_to = rows.Text(r, 29);
  x.respond_by_us = rows.Int(r, 30);
  x.first_response_at_us = OptIntAt(rows, r, 31);
  x.closed_at_us = OptIntAt(rows, r, 32);
  x.created_by = rows.Text(r, 33);
  x.created_at_us = rows.Int(r, 34);
  x.updated_at_us = rows.Int(r, 35);
  x.version = rows.Int(r, 36);
  return x;
}

Result<std::vector<ports::ConsultationRow>> ConsultationsOf(Result<sql::Rows> rows) {
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::ConsultationRow> out;
  for (size_t r = 0; r < rows->size(); ++r) {
    auto x = ConsultationAt(*rows, r);
    if (!x) return tl::unexpected(x.error());
    out.push_back(std::move(*x));
  }
  return out;
}

}  // namespace opennrm::storage::repo::consultation_rows
