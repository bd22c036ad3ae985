#include "storage/codec/published_table_codec.hpp"

#include <nlohmann/json.hpp>

namespace opennrm::storage {

namespace {

using Json = nlohmann::json;

Json CellJson(const stats::ProtectedCell& c) {
  switch (c.status) {
    case stats::CellStatus::kShown:
      return c.value ? Json(*c.value) : Json(nullptr);
    case stats::CellStatus::kSuppressed:
      return "s";
    case stats::CellStatus::kUnknown:
      break;
  }
  return nullptr;
}

Json RateJson(const stats::ProtectedRate& r) {
  switch (r.status) {
    case stats::CellStatus::kShown:
      return r.value ? Json(*r.value) : Json(nullptr);
    case stats::CellStatus::kSuppressed:
      return "s";
    case stats::CellStatus::kUnknown:
      break;
  }
  return nullptr;
}

Json Cells(const std::vector<stats::ProtectedCell>& cells) {
  Json a = Json::array();
  for (const auto& c : cells) a.push_back(CellJson(c));
  return a;
}

Json Rates(const std::vector<stats::ProtectedRate>& rates) {
  Json a = Json::array();
  for (const auto& r : rates) a.push_back(RateJson(r));
  return a;
}

// Decoding failures are bugs or a damaged database: kInternal, no data in the message.
struct Bad {};

const Json& At(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) throw Bad{};
  return *it;
}

std::string Text(const Json& j, const char* key) {
  const Json& v = At(j, key);
  if (!v.is_string()) throw Bad{};
  return v.get<std::string>();
}

bool Flag(const Json& j, const char* key) {
  const Json& v = At(j, key);
  if (!v.is_boolean()) throw Bad{};
  return v.get<bool>();
}

int Int(const Json& j, const char* key) {
  const Json& v = At(j, key);
  if (!v.is_number_integer()) throw Bad{};
  return v.get<int>();
}

std::vector<std::string> Words(const Json& j) {
  if (!j.is_array()) throw Bad{};
  std::vector<std::string> out;
  for (const auto& w : j) {
    if (!w.is_string()) throw Bad{};
    out.push_back(w.get<std::string>());
  }
  return out;
}

stats::ProtectedCell CellOf(const Json& j) {
  stats::ProtectedCell c;
  if (j.is_null()) return c;
  if (j.is_string() && j.get<std::string>() == "s") {
    c.status = stats::CellStatus::kSuppressed;
    c.because = stats::HiddenBecause::kEarlierRelease;  // hidden in a stored release
    return c;
  }
  if (!j.is_number_integer()) throw Bad{};
  c.status = stats::CellStatus::kShown;
  c.value = j.get<long long>();
  return c;
}

stats::ProtectedRate RateOf(const Json& j) {
  stats::ProtectedRate r;
  if (j.is_null()) return r;
  if (j.is_string() && j.get<std::string>() == "s") {
    r.status = stats::CellStatus::kSuppressed;
    return r;
  }
  if (!j.is_number()) throw Bad{};
  r.status = stats::CellStatus::kShown;
  r.value = j.get<double>();
  return r;
}

std::vector<stats::ProtectedCell> CellList(const Json& j, size_t size) {
  if (!j.is_array() || j.size() != size) throw Bad{};
  std::vector<stats::ProtectedCell> out;
  for (const auto& c : j) out.push_back(CellOf(c));
  return out;
}

std::vector<stats::ProtectedRate> RateList(const Json& j, size_t size) {
  if (!j.is_array() || j.size() != size) throw Bad{};
  std::vector<stats::ProtectedRate> out;
  for (const auto& r : j) out.push_back(RateOf(r));
  return out;
}

}  // namespace

std::string EncodePublishedTable(const ports::PublishedTable& p) {
  const auto& t = p.table;
  Json x = Json::array();
  for (const auto& row : t.cells) x.push_back(Cells(row));
  Json sh = Json::array();
  for (const auto& [column, rates] : p.shares) sh.push_back(Json::array({column, Rates(rates)}));
  Json j{{"v", 1},
         {"id", p.id},
         {"g", p.group},
         {"s", p.series},
         {"rd", p.row_dimension},
         {"cd", p.column_dimension},
         {"geo", p.geography},
         {"off", p.official},
         {"sb", p.share_base},
         {"th", t.policy.threshold},
         {"rb", t.policy.rounding_base},
         {"rau", t.rows_add_up},
         {"cau", t.columns_add_up},
         {"r", t.rows},
         {"c", t.columns},
         {"x", std::move(x)},
         {"rt", Cells(t.row_totals)},
         {"ct", Cells(t.column_totals)},
         {"t", CellJson(t.total)},
         {"rate", Rates(p.rates_per_100000)},
         {"sh", std::move(sh)}};
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<ports::PublishedTable> DecodePublishedTable(std::string_view text) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Internal("A stored statistics table is damaged.");
  try {
    if (Int(j, "v") != 1) throw Bad{};
    ports::PublishedTable p;
    p.id = Text(j, "id");
    p.group = Text(j, "g");
    p.series = Text(j, "s");
    p.row_dimension = Text(j, "rd");
    p.column_dimension = Text(j, "cd");
    p.geography = Text(j, "geo");
    p.official = Flag(j, "off");
    p.share_base = Text(j, "sb");
    auto& t = p.table;
    t.policy.threshold = Int(j, "th");
    t.policy.rounding_base = Int(j, "rb");
    t.rows_add_up = Flag(j, "rau");
    t.columns_add_up = Flag(j, "cau");
    t.rows = Words(At(j, "r"));
    t.columns = Words(At(j, "c"));
    const Json& x = At(j, "x");
    if (!x.is_array() || x.size() != t.rows.size()) throw Bad{};
    for (const auto& row : x) t.cells.push_back(CellList(row, t.columns.size()));
    t.row_totals = CellList(At(j, "rt"), t.rows.size());
    t.column_totals = CellList(At(j, "ct"), t.columns.size());
    t.total = CellOf(At(j, "t"));
    const Json& rate = At(j, "rate");
    if (!rate.is_array() || (!rate.empty() && rate.size() != t.rows.size())) throw Bad{};
    p.rates_per_100000 = RateList(rate, rate.size());
    const Json& sh = At(j, "sh");
    if (!sh.is_array()) throw Bad{};
    for (const auto& s : sh) {
      if (!s.is_array() || s.size() != 2 || !s[0].is_string()) throw Bad{};
      p.shares.emplace_back(s[0].get<std::string>(), RateList(s[1], t.rows.size()));
    }
    return p;
  } catch (const Bad&) {
    return Internal("A stored statistics table is damaged.");
  } catch (const Json::exception&) {
    return Internal("A stored statistics table is damaged.");
  }
}

}  // namespace opennrm::storage
