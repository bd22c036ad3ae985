#include "app/cases/note_support.hpp"

namespace opennrm::app::case_internal {

ports::FieldLocation NoteBodyAt(const std::string& organisation_id, const std::string& note_id) {
  return {organisation_id, "case_notes", "body", note_id};
}

ports::FieldLocation AttachmentNameAt(const std::string& organisation_id, const std::string& id) {
  return {organisation_id, "case_attachments", "name", id};
}

ports::FieldLocation AttachmentContentAt(const std::string& organisation_id,
                                         const std::string& id) {
  return {organisation_id, "case_attachments", "content", id};
}

Result<std::map<std::string, std::string>> DisplayNames(ports::UnitOfWork& uow,
                                                        const std::set<std::string>& user_ids) {
  std::map<std::string, std::string> out;
  for (const auto& id : user_ids) {
    auto user = uow.users().Find(id);
    if (!user) return tl::unexpected(user.error());
    out[id] = *user ? (*user)->display_name : "";
  }
  return out;
}

void SetReadPurpose(::opennrm::audit::Event& event, const LoadedCase& loaded) {
  if (!loaded.resource.assigned && loaded.break_glass) {
    event.purpose = "break_glass";
    event.reason_id = loaded.break_glass->id;
  } else {
    event.purpose = "assignment";
  }
}

Status CheckPage(int limit, int offset, int max) {
  Problems p;
  if (limit < 1 || limit > max) {
    p.Add("limit", "range", "limit must be between 1 and " + std::to_string(max) + ".");
  }
  if (offset < 0 || offset > 1000000) {
    p.Add("offset", "range", "offset must be between 0 and 1000000.");
  }
  return p.ToStatus();
}

}  // namespace opennrm::app::case_internal
