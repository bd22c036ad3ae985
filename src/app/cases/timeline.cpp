// Reading a case's timeline: the log of every change, oldest first.
#include <map>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/cases.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

Result<Timeline> ReadTimeline(const Context& ctx, const Caller& caller, const std::string& case_id,
                              int limit, int offset, const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  Problems problems;
  if (limit < 1 || limit > 500) problems.Add("limit", "range", "limit must be between 1 and 500.");
  if (offset < 0) problems.Add("offset", "range", "offset must not be negative.");
  if (auto st = problems.ToStatus(); !st) return tl::unexpected(st.error());
  Timeline out;
  std::optional<LoadedCase> loaded;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    std::string owner;
    auto l = LoadAllowed(**uow, ctx, caller, case_id, access::Action::kRecordRead, &owner);
    if (!l) {
      uow->reset();
      return tl::unexpected(AuditDenied(ctx, caller, "case.timeline_read", case_id, owner,
                                        l.error(), client.request_id));
    }
    loaded = std::move(*l);
    auto page = (*uow)->case_log().Entries(case_id, limit, offset);
    if (!page) return tl::unexpected(page.error());
    out.total = page->total;
    std::map<std::string, std::string> names;
    for (auto& e : page->items) {
      // Section by section: what a caller may not read is left out.
      auto section = access::ParseSection(e.section);
      if (!section ||
          !access::Decide(caller.actor, access::Action::kRecordRead, loaded->resource, *section)) {
        continue;
      }
      if (!names.count(e.recorded_by)) {
        auto user = (*uow)->users().Find(e.recorded_by);
        if (!user) return tl::unexpected(user.error());
        names[e.recorded_by] = *user ? (*user)->display_name : "";
      }
      TimelineEntry t;
      t.id = std::move(e.id);
      t.seq = e.seq;
      t.kind = std::move(e.kind);
      t.section = std::move(e.section);
      t.person_id = std::move(e.person_id);
      t.subject_id = std::move(e.subject_id);
      t.details = std::move(e.details);
      t.recorded_by_name = names[e.recorded_by];
      t.recorded_by = std::move(e.recorded_by);
      t.recorded_at_us = e.recorded_at_us;
      out.items.push_back(std::move(t));
    }
  }
  // Durable before the timeline is returned; it names sections, not content.
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "case.timeline_read", "allowed", client.request_id);
  e.objects.push_back(Object("case", loaded->row.id, loaded->row.organisation_id));
  if (loaded->break_glass && !loaded->resource.assigned) {
    e.purpose = "break_glass";
    e.reason_id = loaded->break_glass->id;
  } else {
    e.purpose = "assignment";
  }
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

}  // namespace opennrm::app
