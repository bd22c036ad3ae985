// ReadConsultation and ListHotlineOperators (consultations.hpp): read for
// the organisation's hotline operators, audited durably before the answer.
#include <algorithm>

#include "app/auth/internal.hpp"
#include "app/hotline/consultation_support.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace consultation_internal;

namespace {

constexpr const char* kRead = "consultation.read";
constexpr const char* kOperatorsRead = "consultation.operators_read";

}  // namespace

Result<ConsultationView> ReadConsultation(const Context& ctx, const Caller& caller,
                                          const std::string& id, const ClientInfo& client) {
  std::optional<ConsultationView> view;
  std::string org;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto row = LoadFor(**uow, caller, id);
    if (!row) {
      uow->reset();
      return tl::unexpected(RefusedOn(ctx, caller, kRead, id, row.error(), client.request_id));
    }
    org = row->organisation_id;
    auto v = ViewOf(ctx, **uow, *row);
    if (!v) return tl::unexpected(v.error());
    view = std::move(*v);
  }
  auto e = EventOn(ctx, caller, kRead, id, org, client.request_id);
  // Durable before the consultation is returned.
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return std::move(*view);
}

Result<std::vector<NamedRef>> ListHotlineOperators(const Context& ctx, const Caller& caller,
                                                   const ClientInfo& client) {
  if (auto st = RequireOperator(caller); !st) {
    return tl::unexpected(
        RefusedOn(ctx, caller, kOperatorsRead, "", st.error(), client.request_id));
  }
  const std::string& org = caller.actor.organisation_id;
  std::vector<NamedRef> out;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    ports::UserFilter f;
    f.organisation_id = org;
    f.role = access::Role::kHotlineOperator;
    f.active = true;
    f.limit = 200;
    for (;;) {
      auto page = (*uow)->users().List(f);
      if (!page) return tl::unexpected(page.error());
      for (const auto& u : page->items) out.push_back(NamedRef{u.id, u.display_name});
      f.offset += static_cast<int>(page->items.size());
      if (page->items.empty() || f.offset >= page->total) break;
    }
  }
  std::sort(out.begin(), out.end(), [](const NamedRef& a, const NamedRef& b) {
    return a.name != b.name ? a.name < b.name : a.id < b.id;
  });
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, kOperatorsRead, "allowed", client.request_id);
  e.objects.push_back(Object("organisation", org, org));
  e.purpose = "hotline";
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

}  // namespace opennrm::app
