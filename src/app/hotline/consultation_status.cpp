// AssignConsultation, CloseConsultation and ReopenConsultation
// (consultations.hpp): a move in the queue, read, checked and written in one
// write transaction at the version the caller read, then audited.
#include <functional>

#include "app/auth/internal.hpp"
#include "app/hotline/consultation_support.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace consultation_internal;

namespace {

constexpr const char* kAssigned = "consultation.assigned";
constexpr const char* kClosed = "consultation.closed";
constexpr const char* kReopened = "consultation.reopened";

// Changes the row in place, in the write transaction; an error refuses the move.
using Move = std::function<Status(ports::UnitOfWork&, ports::ConsultationRow&, long long now_us)>;

Result<ConsultationView> MoveInQueue(const Context& ctx, const Caller& caller,
                                     const std::string& id, long long version, const char* action,
                                     const Move& move, const ClientInfo& client,
                                     std::vector<::opennrm::audit::ObjectRef> objects = {}) {
  const long long now_us = NowUs(ctx);
  ports::ConsultationRow row;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto loaded = LoadFor(**uow, caller, id);
    if (!loaded) {
      uow->reset();
      return tl::unexpected(RefusedOn(ctx, caller, action, id, loaded.error(), client.request_id));
    }
    row = std::move(*loaded);
    const long long expected = row.version;
    if (auto st = move(**uow, row, now_us); !st) return tl::unexpected(st.error());
    if (expected != version) return tl::unexpected(Stale());
    row.updated_at_us = now_us;
    row.version = expected + 1;
    if (auto st = (*uow)->consultations().Update(row, expected); !st) {
      if (st.error().code == ErrorCode::kConflict) return tl::unexpected(Stale());
      return tl::unexpected(st.error());
    }
    if (auto c = (*uow)->Commit(); !c) return tl::unexpected(c.error());
  }
  auto e = EventOn(ctx, caller, action, row.id, row.organisation_id, client.request_id);
  for (auto& o : objects) e.objects.push_back(std::move(o));
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  return ViewOf(ctx, **uow, row);
}

// Whether `user_id` is an active hotline operator of `org`.
Result<bool> IsOperatorOf(ports::UnitOfWork& uow, const std::string& user_id,
                          const std::string& org) {
  if (user_id.empty() || user_id.size() > 64) return false;
  auto u = uow.users().Find(user_id);
  if (!u) return tl::unexpected(u.error());
  if (!*u || !(*u)->active || (*u)->organisation_id != org) return false;
  const auto& roles = (*u)->roles;
  return std::find(roles.begin(), roles.end(), access::Role::kHotlineOperator) != roles.end();
}

}  // namespace

Result<ConsultationView> AssignConsultation(const Context& ctx, const Caller& caller,
                                            const std::string& id,
                                            const std::optional<std::string>& user_id,
                                            long long version, const ClientInfo& client) {
  Move move = [&](ports::UnitOfWork& uow, ports::ConsultationRow& row, long long now_us) {
    if (row.status == "closed") return Status(tl::unexpected(Closed()));
    if (user_id) {
      auto ok = IsOperatorOf(uow, *user_id, row.organisation_id);
      if (!ok) return Status(tl::unexpected(ok.error()));
      if (!*ok) {
        return Status(Invalid("user_id", "unknown_operator",
                              "Not an active hotline operator of the national unit."));
      }
      row.assigned_to = *user_id;
      if (!row.first_response_at_us) row.first_response_at_us = now_us;
    } else {
      row.assigned_to.clear();
    }
    if (row.status != "waiting_follow_up") {
      row.status = row.assigned_to.empty() ? "new" : "assigned";
    }
    return Ok();
  };
  std::vector<::opennrm::audit::ObjectRef> objects;
  if (user_id)
    objects.push_back(Object("user", user_id->substr(0, 64), caller.actor.organisation_id));
  return MoveInQueue(ctx, caller, id, version, kAssigned, move, client, std::move(objects));
}

Result<ConsultationView> CloseConsultation(const Context& ctx, const Caller& caller,
                                           const std::string& id, long long version,
                                           const ClientInfo& client) {
  Move move = [](ports::UnitOfWork&, ports::ConsultationRow& row, long long now_us) {
    if (row.status == "closed") return Status(tl::unexpected(Closed()));
    row.status = "closed";
    row.closed_at_us = now_us;
    return Ok();
  };
  return MoveInQueue(ctx, caller, id, version, kClosed, move, client);
}

Result<ConsultationView> ReopenConsultation(const Context& ctx, const Caller& caller,
                                            const std::string& id, long long version,
                                            const ClientInfo& client) {
  Move move = [](ports::UnitOfWork& uow, ports::ConsultationRow& row, long long) {
    if (row.status != "closed") {
      const char* detail = "Only a closed consultation can be reopened.";
      return Status(tl::unexpected(Error{ErrorCode::kConflict,
                                         detail,
                                         {FieldProblem{"status", "not_closed", detail}},
                                         "consultation-not-closed"}));
    }
    auto status = OpenStatusOf(uow, row);
    if (!status) return Status(tl::unexpected(status.error()));
    row.status = std::move(*status);
    row.closed_at_us.reset();
    return Ok();
  };
  return MoveInQueue(ctx, caller, id, version, kReopened, move, client);
}

}  // namespace opennrm::app
