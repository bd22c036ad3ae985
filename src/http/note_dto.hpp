// JSON and headers of notes and attachments: reading a new note from a
// request body, writing notes and attachments, and the file name and
// Content-Disposition of a download.
#pragma once

#include <string>

#include "app/cases/attachments.hpp"
#include "app/cases/notes.hpp"
#include "http/json_body.hpp"

namespace opennrm::http {

// Reads {text, person_id?, corrects?}; types checked here, rules by the use case.
app::NewNote ReadNewNote(const Json& body, Problems& problems);

Json NoteJson(const app::NoteView& v);
Json AttachmentJson(const app::AttachmentView& v);

// The name a download is saved under: the stored name, ending in the usual
// extension of the type found from the content (appended when it does not),
// so a file never opens as something other than what it is.
std::string DownloadName(const std::string& name, const std::string& media_type);

// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>`
// (RFC 6266 / RFC 8187): no quote, backslash or control byte reaches the header.
std::string ContentDisposition(const std::string& file_name);

}  // namespace opennrm::http
