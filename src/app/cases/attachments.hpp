// Attachments to a case (case management, section "notes"): documents and
// pictures a team member adds, such as a scanned decision or a photo of a
// document. The file name and the content are sealed under the case's
// organisation's key. What a file is, is decided by its content (libmagic),
// never by its name or by what the sender declares, against a short
// allow-list; the size is limited by configuration ([attachments]
// max_bytes). Adding one appends "attachment.added" to the timeline;
// listing and downloading are audited. Thread-safe: every call opens its own
// units of work.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"

namespace opennrm::app {

// The longest file name, in bytes of UTF-8.
inline constexpr std::size_t kMaxAttachmentNameBytes = 255;

struct NewAttachment {
  std::string name;     // the file name as the user knows it (sealed; may identify)
  std::string content;  // the bytes
};

struct AttachmentView {
  std::string id;
  std::string case_id;
  std::string name;
  std::string media_type;  // found from the content
  long long size_bytes = 0;
  std::string created_by;
  std::string created_by_name;
  long long created_at_us = 0;
};

struct AttachmentList {
  std::vector<AttachmentView> items;  // newest first
  long long total = 0;
};

struct AttachmentFile {
  AttachmentView about;
  std::string content;
};

// The media types an attachment may have (found from its content): PDF,
// PNG, JPEG and plain text. Everything else, archives, office documents,
// HTML, SVG and programs included, is refused.
const std::vector<std::string>& AllowedAttachmentTypes();
bool IsAllowedAttachmentType(std::string_view media_type);
// The usual file name extension of an allowed type (".pdf"), "" otherwise.
std::string_view ExtensionOf(std::string_view media_type);

// Adds an attachment to a case the caller is on the team of. kInvalid naming
// "name" (required, too_long, encoding, path), "content" (required,
// too_large, forbidden_type); kNotFound when the caller may not see the case;
// kForbidden for a break-glass reader. Nothing is written when refused.
Result<AttachmentView> AddAttachment(const Context& ctx, const Caller& caller,
                                     const std::string& case_id, const NewAttachment& input,
                                     const ClientInfo& client);

// A page of the case's attachments (names opened, no content), newest first.
Result<AttachmentList> ListAttachments(const Context& ctx, const Caller& caller,
                                       const std::string& case_id, int limit, int offset,
                                       const ClientInfo& client);

// One attachment with its content; kNotFound when the case has no such one
// or the caller may not see the case.
Result<AttachmentFile> ReadAttachment(const Context& ctx, const Caller& caller,
                                      const std::string& case_id, const std::string& attachment_id,
                                      const ClientInfo& client);

}  // namespace opennrm::app
