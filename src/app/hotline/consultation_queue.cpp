// ListConsultations (consultations.hpp): the operators' queue — a view and
// filters become a ports::ConsultationFilter on the caller's organisation;
// the counts of the views come with every page. Lines carry nothing of
// what a person said. Audited as one read of the queue.
#include "app/auth/internal.hpp"
#include "app/hotline/consultation_support.hpp"
#include "core/stockholm_date.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace consultation_internal;

namespace {

constexpr const char* kListed = "consultation.list_read";

// Narrows `f` to `view` for the caller `me` at `now_us`; false for an unknown view.
bool ApplyView(const std::string& view, const std::string& me, long long now_us,
               ports::ConsultationFilter& f) {
  const std::vector<std::string> open = {"new", "assigned", "waiting_follow_up"};
  if (view == "all") return true;
  if (view == "new" || view == "assigned" || view == "waiting_follow_up" || view == "closed") {
    f.statuses = {view};
  } else if (view == "mine") {
    f.statuses = {"assigned", "waiting_follow_up"};
    f.assigned_to = me;
  } else if (view == "overdue") {
    f.statuses = open;
    f.overdue_at_us = now_us;
  } else {
    return false;
  }
  return true;
}

ports::ConsultationFilter FilterOf(const Caller& caller, const ConsultationQuery& q,
                                   long long now_us, Problems& p) {
  ports::ConsultationFilter f;
  f.organisation_id = caller.actor.organisation_id;
  if (!ApplyView(q.view, caller.actor.user_id, now_us, f)) {
    p.Add("view", "unknown_code",
          "Choose all, new, mine, assigned, waiting_follow_up, overdue or closed.");
  }
  if (q.topic) {
    if (hotline::ParseTopic(*q.topic)) {
      f.topic = *q.topic;
    } else {
      p.Add("topic", "unknown_code", "Unknown topic: " + q.topic->substr(0, 64));
    }
  }
  if (q.channel) {
    if (hotline::ParseChannel(*q.channel)) {
      f.channel = *q.channel;
    } else {
      p.Add("channel", "unknown_code", "Unknown channel: " + q.channel->substr(0, 64));
    }
  }
  if (q.municipality_code) {
    if (q.municipality_code->size() != 4) {
      p.Add("municipality", "format", "A municipality code has four digits.");
    }
    f.municipality_code = *q.municipality_code;
  }
  if (q.from) f.received_from_us = ToEpochMicros(StockholmStartOfDay(*q.from));
  if (q.to) f.received_to_us = ToEpochMicros(StockholmEndOfDay(*q.to));
  if (q.from && q.to && *q.to < *q.from) {
    p.Add("to", "before_from", "The last day comes on or after the first.");
  }
  if (q.limit < 1 || q.limit > 200) p.Add("limit", "range", "limit must be between 1 and 200.");
  if (q.offset < 0 || q.offset > 1000000) {
    p.Add("offset", "range", "offset must be between 0 and 1000000.");
  }
  f.limit = q.limit;
  f.offset = q.offset;
  return f;
}

// How many consultations of the organisation `view` holds.
Result<long long> CountOf(ports::UnitOfWork& uow, const Caller& caller, const std::string& view,
                          long long now_us) {
  ports::ConsultationFilter f;
  f.organisation_id = caller.actor.organisation_id;
  ApplyView(view, caller.actor.user_id, now_us, f);
  f.limit = 1;
  auto page = uow.consultations().List(f);
  if (!page) return tl::unexpected(page.error());
  return page->total;
}

Result<ConsultationSummary> SummaryOf(ports::UnitOfWork& uow, NameBook& names,
                                      const ports::ConsultationRow& r, long long now_us) {
  ConsultationSummary s;
  s.id = r.id;
  s.code = r.code;
  s.channel = r.channel;
  s.received_at_us = r.received_at_us;
  s.topic = r.topic;
  s.municipality_code = r.municipality_code;
  s.abroad_country = r.abroad_country;
  s.immediate_danger = r.immediate_danger;
  s.urgency = r.urgency;
  s.status = r.status;
  auto assigned = names.User(r.assigned_to);
  if (!assigned) return tl::unexpected(assigned.error());
  s.assigned_to = std::move(*assigned);
  s.respond_by_us = r.respond_by_us;
  s.overdue = Overdue(r, now_us);
  auto org = names.Organisation(r.caller_organisation_id);
  if (!org) return tl::unexpected(org.error());
  s.caller_organisation = std::move(*org);
  auto follow_ups = uow.consultations().FollowUps(r.id);
  if (!follow_ups) return tl::unexpected(follow_ups.error());
  for (const auto& f : *follow_ups) s.open_follow_ups += f.done_at_us ? 0 : 1;
  return s;
}

}  // namespace

Result<ConsultationList> ListConsultations(const Context& ctx, const Caller& caller,
                                           const ConsultationQuery& query,
                                           const ClientInfo& client) {
  if (auto st = RequireOperator(caller); !st) {
    return tl::unexpected(RefusedOn(ctx, caller, kListed, "", st.error(), client.request_id));
  }
  const long long now_us = NowUs(ctx);
  Problems p;
  ports::ConsultationFilter filter = FilterOf(caller, query, now_us, p);
  if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());
  ConsultationList out;
  out.limit = query.limit;
  out.offset = query.offset;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto& db = **uow;
    auto page = db.consultations().List(filter);
    if (!page) return tl::unexpected(page.error());
    out.total = page->total;
    out.total_capped = page->total_capped;
    NameBook names(db);
    for (const auto& r : page->items) {
      auto s = SummaryOf(db, names, r, now_us);
      if (!s) return tl::unexpected(s.error());
      out.items.push_back(std::move(*s));
    }
    auto fresh = CountOf(db, caller, "new", now_us);
    auto mine = CountOf(db, caller, "mine", now_us);
    auto overdue = CountOf(db, caller, "overdue", now_us);
    auto waiting = CountOf(db, caller, "waiting_follow_up", now_us);
    for (const auto* r : {&fresh, &mine, &overdue, &waiting}) {
      if (!*r) return tl::unexpected(r->error());
    }
    out.counts = QueueCounts{*fresh, *mine, *overdue, *waiting};
  }
  const std::string& org = caller.actor.organisation_id;
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, kListed, "allowed", client.request_id);
  e.objects.push_back(Object("organisation", org, org));
  for (const auto& s : out.items) e.objects.push_back(Object("consultation", s.id, org));
  e.purpose = "hotline";
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

}  // namespace opennrm::app
