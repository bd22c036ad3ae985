// AddAttachment (attachments.hpp): authorise, check name, size and type by
// content, seal name and content, write attachment and timeline entry in one
// transaction, audit.
#include "app/auth/internal.hpp"
#include "app/cases/attachments.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/note_support.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

Status CheckName(const std::string& name) {
  if (!text::IsCleanUtf8(name)) {
    return Invalid("name", "encoding", "The file name must be UTF-8 without control characters.");
  }
  if (text::Trim(name).empty()) return Invalid("name", "required", "Give the file a name.");
  if (name.size() > kMaxAttachmentNameBytes) {
    return Invalid(
        "name", "too_long",
        "A file name holds at most " + std::to_string(kMaxAttachmentNameBytes) + " bytes.");
  }
  if (name.find_first_of("/\\") != std::string::npos) {
    return Invalid("name", "path", "A file name has no folders (no / or \\).");
  }
  return Ok();
}

// Size and type: the type from the content alone.
Result<std::string> CheckContent(const Context& ctx, const std::string& content) {
  if (content.empty()) return Invalid("content", "required", "The file is empty.");
  if (static_cast<long long>(content.size()) > ctx.max_attachment_bytes) {
    return Invalid(
        "content", "too_large",
        "An attachment may hold at most " + std::to_string(ctx.max_attachment_bytes) + " bytes.");
  }
  if (!ctx.sniffer) return Internal("Attachments are not set up.");
  auto type = ctx.sniffer->MediaTypeOf(content);
  if (!type) return tl::unexpected(type.error());
  if (!IsAllowedAttachmentType(*type)) {
    return Invalid("content", "forbidden_type",
                   "This kind of file (" + *type +
                       ") cannot be attached; attach a PDF, PNG or JPEG picture, or plain text.");
  }
  return *type;
}

}  // namespace

Result<AttachmentView> AddAttachment(const Context& ctx, const Caller& caller,
                                     const std::string& case_id, const NewAttachment& input,
                                     const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  std::optional<LoadedCase> loaded;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto l = LoadForTeam(
        *uow, ctx, caller, case_id, access::Action::kRecordWrite, "case.attachment_added",
        "Only the case's team adds attachments; break-glass reads.", client.request_id);
    if (!l) return tl::unexpected(l.error());
    loaded = std::move(*l);
  }
  if (auto st = CheckName(input.name); !st) return tl::unexpected(st.error());
  auto media_type = CheckContent(ctx, input.content);
  if (!media_type) return tl::unexpected(media_type.error());
  const std::string& org = loaded->row.organisation_id;
  AttachmentView view;
  view.id = ctx.ids.NewId();
  view.case_id = case_id;
  view.name = input.name;
  view.media_type = *media_type;
  view.size_bytes = static_cast<long long>(input.content.size());
  view.created_by = caller.actor.user_id;
  view.created_by_name = caller.user ? caller.user->display_name : "";
  view.created_at_us = NowUs(ctx);
  // Sealed before the write transaction (sealing may create a data key).
  auto& cipher = Security(ctx).cipher;
  auto name = cipher.Seal(AttachmentNameAt(org, view.id), input.name);
  if (!name) return tl::unexpected(name.error());
  auto content = cipher.Seal(AttachmentContentAt(org, view.id), input.content);
  if (!content) return tl::unexpected(content.error());
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    ports::CaseAttachmentRow row{view.id,
                                 case_id,
                                 org,
                                 std::move(*name),
                                 view.media_type,
                                 view.size_bytes,
                                 std::move(*content),
                                 view.created_by,
                                 view.created_at_us};
    if (auto st = (*uow)->case_notes().AddAttachment(row); !st) return tl::unexpected(st.error());
    NewEntry entry{"attachment.added", access::Section::kNotes, "", view.id, {}};
    entry.details.emplace_back("media_type", view.media_type);
    entry.details.emplace_back("size_bytes", std::to_string(view.size_bytes));
    if (auto e = AppendEntry(**uow, ctx, caller, case_id, std::move(entry)); !e) {
      return tl::unexpected(e.error());
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "case.attachment_added", "allowed", client.request_id);
  auto object = Object("case", case_id, org);
  object.sections = {"notes"};
  e.objects.push_back(std::move(object));
  e.objects.push_back(Object("attachment", view.id, org));
  e.purpose = "assignment";
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return view;
}

}  // namespace opennrm::app
