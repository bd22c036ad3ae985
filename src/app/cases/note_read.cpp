// ListNotes (notes.hpp): notes opened for whoever may read the case; the
// read is audited (durably) before the text is returned.
#include <map>

#include "app/auth/internal.hpp"
#include "app/cases/note_support.hpp"
#include "app/cases/notes.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

Result<NoteList> ListNotes(const Context& ctx, const Caller& caller, const std::string& case_id,
                           int limit, int offset, const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  if (auto st = CheckPage(limit, offset, 100); !st) return tl::unexpected(st.error());
  std::optional<LoadedCase> loaded;
  ports::CaseNotePage page;
  std::map<std::string, std::string> names;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    std::string owner;
    auto l = LoadAllowed(**uow, ctx, caller, case_id, access::Action::kRecordRead, &owner);
    if (!l) {
      uow->reset();
      return tl::unexpected(AuditDenied(ctx, caller, "case.notes_read", case_id, owner, l.error(),
                                        client.request_id));
    }
    loaded = std::move(*l);
    auto found = (*uow)->case_notes().Notes(case_id, limit, offset);
    if (!found) return tl::unexpected(found.error());
    page = std::move(*found);
    std::set<std::string> authors;
    for (const auto& n : page.items) authors.insert(n.created_by);
    auto named = DisplayNames(**uow, authors);
    if (!named) return tl::unexpected(named.error());
    names = std::move(*named);
  }
  std::multimap<std::string, std::string> corrected_by(page.corrections.begin(),
                                                       page.corrections.end());
  NoteList out;
  out.total = page.total;
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "case.notes_read", "allowed", client.request_id);
  auto object = Object("case", case_id, loaded->row.organisation_id);
  object.sections = {"notes"};
  e.objects.push_back(std::move(object));
  for (auto& row : page.items) {
    auto text = Security(ctx).cipher.Open(NoteBodyAt(row.organisation_id, row.id), row.body_sealed);
    if (!text) return Internal("A note could not be opened.");
    NoteView v;
    v.id = row.id;
    v.case_id = row.case_id;
    v.person_id = row.person_id;
    v.corrects = row.corrects_id;
    auto [from, to] = corrected_by.equal_range(row.id);
    for (auto it = from; it != to; ++it) v.corrected_by.push_back(it->second);
    v.text = std::move(*text);
    v.created_by = row.created_by;
    v.created_by_name = names[row.created_by];
    v.created_at_us = row.created_at_us;
    e.objects.push_back(Object("note", row.id, row.organisation_id));
    out.items.push_back(std::move(v));
  }
  SetReadPurpose(e, *loaded);
  // Durable before the notes are returned.
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

}  // namespace opennrm::app
