// ListAttachments and ReadAttachment (attachments.hpp): names and content
// opened for whoever may read the case, audited (durably) before returning.
#include "app/auth/internal.hpp"
#include "app/cases/attachments.hpp"
#include "app/cases/note_support.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

Result<AttachmentView> ViewOf(const Context& ctx, const ports::CaseAttachmentRow& row,
                              const std::map<std::string, std::string>& names) {
  auto name =
      Security(ctx).cipher.Open(AttachmentNameAt(row.organisation_id, row.id), row.name_sealed);
  if (!name) return Internal("An attachment's name could not be opened.");
  AttachmentView v;
  v.id = row.id;
  v.case_id = row.case_id;
  v.name = std::move(*name);
  v.media_type = row.media_type;
  v.size_bytes = row.size_bytes;
  v.created_by = row.created_by;
  auto it = names.find(row.created_by);
  if (it != names.end()) v.created_by_name = it->second;
  v.created_at_us = row.created_at_us;
  return v;
}

::opennrm::audit::Event ReadEvent(const Context& ctx, const Caller& caller, std::string action,
                                  const LoadedCase& loaded, const ClientInfo& client) {
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, std::move(action), "allowed", client.request_id);
  auto object = Object("case", loaded.row.id, loaded.row.organisation_id);
  object.sections = {"notes"};
  e.objects.push_back(std::move(object));
  SetReadPurpose(e, loaded);
  return e;
}

}  // namespace

Result<AttachmentList> ListAttachments(const Context& ctx, const Caller& caller,
                                       const std::string& case_id, int limit, int offset,
                                       const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (auto st = CheckPage(limit, offset, 100); !st) return tl::unexpected(st.error());
  std::optional<LoadedCase> loaded;
  ports::CaseAttachmentPage page;
  std::map<std::string, std::string> names;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    std::string owner;
    auto l = LoadAllowed(**uow, ctx, caller, case_id, access::Action::kRecordRead, &owner);
    if (!l) {
      uow->reset();
      return tl::unexpected(AuditDenied(ctx, caller, "case.attachments_read", case_id, owner,
                                        l.error(), client.request_id));
    }
    loaded = std::move(*l);
    auto found = (*uow)->case_notes().Attachments(case_id, limit, offset);
    if (!found) return tl::unexpected(found.error());
    page = std::move(*found);
    std::set<std::string> authors;
    for (const auto& a : page.items) authors.insert(a.created_by);
    auto named = DisplayNames(**uow, authors);
    if (!named) return tl::unexpected(named.error());
    names = std::move(*named);
  }
  AttachmentList out;
  out.total = page.total;
  auto e = ReadEvent(ctx, caller, "case.attachments_read", *loaded, client);
  for (const auto& row : page.items) {
    auto v = ViewOf(ctx, row, names);
    if (!v) return tl::unexpected(v.error());
    e.objects.push_back(Object("attachment", row.id, row.organisation_id));
    out.items.push_back(std::move(*v));
  }
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

Result<AttachmentFile> ReadAttachment(const Context& ctx, const Caller& caller,
                                      const std::string& case_id, const std::string& attachment_id,
                                      const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  std::optional<LoadedCase> loaded;
  std::optional<ports::CaseAttachmentRow> row;
  std::map<std::string, std::string> names;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    std::string owner;
    auto l = LoadAllowed(**uow, ctx, caller, case_id, access::Action::kRecordRead, &owner);
    if (!l) {
      uow->reset();
      return tl::unexpected(AuditDenied(ctx, caller, "case.attachment_read", case_id, owner,
                                        l.error(), client.request_id));
    }
    loaded = std::move(*l);
    auto found = (*uow)->case_notes().FindAttachment(case_id, attachment_id);
    if (!found) return tl::unexpected(found.error());
    if (!*found) return NotFound("No such attachment in this case.");
    row = std::move(*found);
    auto named = DisplayNames(**uow, {row->created_by});
    if (!named) return tl::unexpected(named.error());
    names = std::move(*named);
  }
  auto about = ViewOf(ctx, *row, names);
  if (!about) return tl::unexpected(about.error());
  auto content = Security(ctx).cipher.Open(AttachmentContentAt(row->organisation_id, row->id),
                                           row->content_sealed);
  if (!content) return Internal("An attachment could not be opened.");
  auto e = ReadEvent(ctx, caller, "case.attachment_read", *loaded, client);
  e.objects.push_back(Object("attachment", row->id, row->organisation_id));
  // Durable before the content is returned.
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return AttachmentFile{std::move(*about), std::move(*content)};
}

}  // namespace opennrm::app
