// Pieces the notes, attachments and export use cases share (not part of the
// app's API): where their sealed values live, display names, and how a
// read's audit event states its purpose.
#pragma once

#include <map>
#include <set>
#include <string>

#include "app/cases/case_access.hpp"
#include "domain/audit/event.hpp"
#include "ports/database.hpp"
#include "ports/field_cipher.hpp"

namespace opennrm::app::case_internal {

ports::FieldLocation NoteBodyAt(const std::string& organisation_id, const std::string& note_id);
ports::FieldLocation AttachmentNameAt(const std::string& organisation_id, const std::string& id);
ports::FieldLocation AttachmentContentAt(const std::string& organisation_id, const std::string& id);

// The display names of users by id; a user who is gone maps to "".
Result<std::map<std::string, std::string>> DisplayNames(ports::UnitOfWork& uow,
                                                        const std::set<std::string>& user_ids);

// Sets the event's purpose: "break_glass" (with the opening's id) when the
// caller reads by break-glass, else "assignment".
void SetReadPurpose(::opennrm::audit::Event& event, const LoadedCase& loaded);

// kInvalid naming "limit" (1..max) or "offset" (0..1000000).
Status CheckPage(int limit, int offset, int max);

}  // namespace opennrm::app::case_internal
