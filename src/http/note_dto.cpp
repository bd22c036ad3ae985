#include "http/note_dto.hpp"

#include <cctype>

#include "http/organisation_dto.hpp"

namespace opennrm::http {

namespace {

bool EndsWithFolded(const std::string& name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = name[name.size() - suffix.size() + i];
    if (std::tolower(static_cast<unsigned char>(c)) != suffix[i]) return false;
  }
  return true;
}

}  // namespace

app::NewNote ReadNewNote(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  app::NewNote in;
  in.text = r.String("text", true).value_or("");
  // Absent or null: none (null is read as a nullable member so it counts as known).
  for (auto [name, field] :
       {std::pair{"person_id", &in.person_id}, std::pair{"corrects", &in.corrects}}) {
    if (r.IsNull(name)) {
      r.Object(name, false, true);
    } else {
      *field = r.String(name).value_or("");
    }
  }
  r.RejectUnknown();
  return in;
}

Json NoteJson(const app::NoteView& v) {
  return Json{{"id", v.id},
              {"case_id", v.case_id},
              {"person_id", v.person_id.empty() ? Json(nullptr) : Json(v.person_id)},
              {"corrects", v.corrects.empty() ? Json(nullptr) : Json(v.corrects)},
              {"corrected_by", v.corrected_by},
              {"text", v.text},
              {"section", "notes"},
              {"created_by", v.created_by},
              {"created_by_name", v.created_by_name},
              {"created_at", IsoTimestamp(v.created_at_us)}};
}

Json AttachmentJson(const app::AttachmentView& v) {
  return Json{{"id", v.id},
              {"case_id", v.case_id},
              {"name", v.name},
              {"media_type", v.media_type},
              {"size_bytes", v.size_bytes},
              {"section", "notes"},
              {"created_by", v.created_by},
              {"created_by_name", v.created_by_name},
              {"created_at", IsoTimestamp(v.created_at_us)}};
}

std::string DownloadName(const std::string& name, const std::string& media_type) {
  std::string_view ext = app::ExtensionOf(media_type);
  if (ext.empty()) return name.empty() ? "attachment" : name;
  if (EndsWithFolded(name, ext)) return name;
  if (ext == ".jpg" && EndsWithFolded(name, ".jpeg")) return name;
  return name + std::string(ext);
}

std::string ContentDisposition(const std::string& file_name) {
  static const char* kHex = "0123456789ABCDEF";
  std::string ascii;
  std::string encoded;
  for (unsigned char c : file_name) {
    bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    ascii += (plain || c == ' ') ? static_cast<char>(c) : '_';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xf];
    }
  }
  if (ascii.empty()) ascii = "attachment";
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace opennrm::http
