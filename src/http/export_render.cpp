#include "http/export_render.hpp"

#include <map>

#include "core/stockholm_time.hpp"
#include "http/organisation_dto.hpp"

namespace opennrm::http {

namespace {

constexpr int kFormatVersion = 1;

struct Labels {
  const char* title;
  const char* organisation;
  const char* code;
  const char* type;
  const char* status;
  const char* opened;
  const char* exported;
  const char* by;
  const char* when;
  const char* what;
  const char* content;
  const char* none;
  const char* times;
  std::map<std::string, const char*> sections;
};

const Labels& LabelsFor(const std::string& lang) {
  static const Labels kSv{"Utdrag ur ärende",
                          "Organisation",
                          "Ärende",
                          "Ärendetyp",
                          "Status",
                          "Öppnat",
                          "Utdrag gjort",
                          "Av",
                          "När",
                          "Vad",
                          "Innehåll",
                          "Inget registrerat.",
                          "Tider i svensk tid (Europe/Stockholm), med skillnaden mot UTC.",
                          {{"notes", "Anteckningar"},
                           {"attachments", "Bilagor (förtecknade)"},
                           {"timeline", "Beslut och händelser"}}};
  static const Labels kEn{"Case record extract",
                          "Organisation",
                          "Case",
                          "Case type",
                          "Status",
                          "Opened",
                          "Extract made",
                          "By",
                          "When",
                          "What",
                          "Content",
                          "Nothing recorded.",
                          "Times in Swedish time (Europe/Stockholm), with the offset from UTC.",
                          {{"notes", "Notes"},
                           {"attachments", "Attachments (listed)"},
                           {"timeline", "Decisions and events"}}};
  return lang == "en" ? kEn : kSv;
}

// The built-in print style: readable on screen, A4 on paper, no resources.
constexpr const char* kStyle =
    "body{font-family:serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#000;"
    "background:#fff;line-height:1.4}"
    "h1{font-size:1.5rem;margin-bottom:.5rem}h2{font-size:1.2rem;margin-top:2rem;"
    "border-bottom:1px solid #000}"
    "dl.case{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}"
    "dl.case dt{font-weight:bold}dl.case dd{margin:0}"
    "table{width:100%;border-collapse:collapse}th,td{border:1px solid #999;padding:.3rem;"
    "vertical-align:top;text-align:left}"
    ".text{white-space:pre-wrap;overflow-wrap:anywhere}.details{font-size:.9em;color:#333}"
    "@page{size:A4;margin:2cm}"
    "@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}";

std::string Detail(const std::vector<std::pair<std::string, std::string>>& details) {
  std::string out;
  for (const auto& [k, v] : details) {
    if (!out.empty()) out += "; ";
    out += EscapeHtml(k) + ": " + EscapeHtml(v);
  }
  return out;
}

// What a person reads: Stockholm wall-clock time with its offset.
std::string LocalTime(long long epoch_us) {
  return FormatStockholmTime(TimePoint(std::chrono::microseconds(epoch_us)));
}

}  // namespace

std::string EscapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Json ExportJson(const app::CaseExport& e) {
  Json sections = Json::object();
  for (const auto& s : e.sections) {
    Json items = Json::array();
    for (const auto& item : s.items) {
      Json details = Json::object();
      for (const auto& [k, v] : item.details) details[k] = v;
      items.push_back(Json{{"id", item.id},
                           {"at", IsoTimestamp(item.at_us)},
                           {"by", item.by},
                           {"kind", item.kind},
                           {"text", item.text.empty() ? Json(nullptr) : Json(item.text)},
                           {"details", std::move(details)}});
    }
    sections[s.name] = std::move(items);
  }
  const auto& c = e.summary;
  return Json{{"format", "opennrm.case-export"},
              {"format_version", kFormatVersion},
              {"case",
               {{"id", c.id},
                {"code", c.code},
                {"type", std::string(cases::ToString(c.type))},
                {"status", c.status},
                {"organisation_id", c.organisation_id},
                {"organisation_name", e.organisation_name},
                {"created_at", IsoTimestamp(c.created_at_us)}}},
              {"exported_at", IsoTimestamp(e.exported_at_us)},
              {"exported_by", e.exported_by},
              {"sections", std::move(sections)}};
}

std::string ExportHtml(const app::CaseExport& e, const std::string& lang) {
  const Labels& l = LabelsFor(lang);
  const auto& c = e.summary;
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"" + std::string(lang == "en" ? "en" : "sv") + "\">\n<head>";
  h += "<meta charset=\"utf-8\">";
  // Nothing in this document may fetch or run anything, wherever it is opened.
  h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
       "style-src 'unsafe-inline'\">";
  h += "<title>" + EscapeHtml(std::string(l.title) + " " + c.code) + "</title>";
  h += "<style>" + std::string(kStyle) + "</style></head>\n<body>\n";
  h += "<h1>" + EscapeHtml(std::string(l.title) + " " + c.code) + "</h1>\n<dl class=\"case\">";
  auto row = [&h](const char* label, const std::string& value) {
    h += "<dt>" + std::string(label) + "</dt><dd>" + EscapeHtml(value) + "</dd>";
  };
  row(l.organisation, e.organisation_name);
  row(l.code, c.code);
  row(l.type, std::string(cases::ToString(c.type)));
  row(l.status, c.status);
  row(l.opened, LocalTime(c.created_at_us));
  row(l.exported, LocalTime(e.exported_at_us) + " (" + e.exported_by + ")");
  h += "</dl>\n<p class=\"details\">" + std::string(l.times) + "</p>\n";
  for (const auto& s : e.sections) {
    auto name = l.sections.find(s.name);
    h += "<section><h2>" + EscapeHtml(name != l.sections.end() ? name->second : s.name) + "</h2>";
    if (s.items.empty()) {
      h += "<p>" + std::string(l.none) + "</p></section>\n";
      continue;
    }
    h += "<table><thead><tr><th>" + std::string(l.when) + "</th><th>" + l.by + "</th><th>" +
         l.what + "</th><th>" + l.content + "</th></tr></thead><tbody>";
    for (const auto& item : s.items) {
      h += "<tr><td>" + LocalTime(item.at_us) + "</td><td>" + EscapeHtml(item.by) + "</td><td>" +
           EscapeHtml(item.kind) + "<div class=\"details\">" + Detail(item.details) +
           "</div></td><td class=\"text\">" + EscapeHtml(item.text) + "</td></tr>";
    }
    h += "</tbody></table></section>\n";
  }
  h += "</body>\n</html>\n";
  return h;
}

}  // namespace opennrm::http
