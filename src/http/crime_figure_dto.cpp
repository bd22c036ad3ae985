#include "http/crime_figure_dto.hpp"

#include <algorithm>
#include <cctype>

namespace opennrm::http {

namespace {

std::string Lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  size_t start = s.find_first_not_of(" \t");
  return start == std::string::npos ? "" : s.substr(start);
}

}  // namespace

nlohmann::json CrimeFigureJson(const ports::CrimeFigureRow& f) {
  return nlohmann::json{{"year", f.year},
                        {"offence", f.offence},
                        {"measure", f.measure},
                        {"breakdown", f.breakdown},
                        {"category", f.category},
                        {"value", f.value ? nlohmann::json(*f.value) : nlohmann::json(nullptr)},
                        {"source", f.source}};
}

nlohmann::json CrimeFiguresImportedJson(const app::statistics::CrimeFigureImported& imported) {
  return nlohmann::json{{"imported", imported.imported}, {"years", imported.years}};
}

Status RequireCsvMediaType(const std::optional<std::string>& content_type) {
  auto refuse = [] {
    return Fail(ErrorCode::kUnsupportedMedia, "Send the file as text/csv (UTF-8).",
                {{"Content-Type", "media_type", "Must be text/csv."}});
  };
  if (!content_type) return refuse();
  std::string v = Lower(*content_type);
  const auto semi = v.find(';');
  if (Trimmed(v.substr(0, semi)) != "text/csv") return refuse();
  if (semi == std::string::npos) return Ok();
  std::string params = v.substr(semi + 1);
  params.erase(
      std::remove_if(params.begin(), params.end(), [](char ch) { return ch == ' ' || ch == '"'; }),
      params.end());
  const auto at = params.find("charset=");
  if (at == std::string::npos) return Ok();
  std::string charset = params.substr(at + 8, params.find(';', at) - at - 8);
  return charset == "utf-8" || charset == "utf8" ? Ok() : refuse();
}

}  // namespace opennrm::http
