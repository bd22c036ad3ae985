#include "http/statistics_csv.hpp"

namespace opennrm::http {

namespace {

std::string Quoted(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

std::string StatisticsCsvCell(const stats::ProtectedCell& cell) {
  switch (cell.status) {
    case stats::CellStatus::kShown:
      return cell.value ? std::to_string(*cell.value) : "";
    case stats::CellStatus::kSuppressed:
      return "..";
    case stats::CellStatus::kUnknown:
      break;
  }
  return "";
}

std::string StatisticsCsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += Quoted(fields[i]);
  }
  return out + "\r\n";
}

}  // namespace opennrm::http
