// The attachment allow-list (attachments.hpp). Kept short on purpose: each
// type is one a case file needs (scanned letters and decisions, photos of
// documents, plain text) and one that a browser or viewer opens without
// running anything of the file's own. Office documents are zip archives that
// may carry macros; HTML and SVG may carry scripts.
#include "app/cases/attachments.hpp"

#include <algorithm>
#include <utility>

namespace opennrm::app {

namespace {

const std::vector<std::pair<std::string, std::string>>& Types() {
  static const std::vector<std::pair<std::string, std::string>> kTypes{
      {"application/pdf", ".pdf"},
      {"image/png", ".png"},
      {"image/jpeg", ".jpg"},
      {"text/plain", ".txt"},
  };
  return kTypes;
}

}  // namespace

const std::vector<std::string>& AllowedAttachmentTypes() {
  static const std::vector<std::string> kAllowed = [] {
    std::vector<std::string> out;
    for (const auto& [type, ext] : Types()) out.push_back(type);
    return out;
  }();
  return kAllowed;
}

bool IsAllowedAttachmentType(std::string_view media_type) {
  const auto& all = AllowedAttachmentTypes();
  return std::find(all.begin(), all.end(), media_type) != all.end();
}

std::string_view ExtensionOf(std::string_view media_type) {
  for (const auto& [type, ext] : Types()) {
    if (type == media_type) return ext;
  }
  return "";
}

}  // namespace opennrm::app
