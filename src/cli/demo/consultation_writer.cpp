#include "cli/demo/consultation_writer.hpp"

#include <algorithm>
#include <chrono>

#include "app/organisations.hpp"
#include "core/stockholm_date.hpp"

namespace opennrm::cli::demo {

namespace {

TimePoint At(long long us) { return TimePoint(std::chrono::microseconds(us)); }

long long Us(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
}

Error Naming(const ConsultationPlan& plan, std::string_view what, Error e) {
  e.message = "Demo consultation " + std::to_string(plan.index) + ", " + std::string(what) + ": " +
              e.message;
  return e;
}

// One consultation being written: its own clock and context.
struct Run {
  const app::Context& base;
  FakeClock clock;
  app::Context ctx;
  long long now_us;  // the real now: nothing is dated after it

  explicit Run(const app::Context& b)
      : base(b),
        clock(b.clock.Now()),
        ctx{.db = b.db,
            .clock = clock,
            .ids = b.ids,
            .reference = b.reference,
            .directory = b.directory,
            .security = b.security,
            .case_rules = b.case_rules,
            .codec = b.codec,
            .package_codec = b.package_codec,
            .romaniser = b.romaniser,
            .sniffer = b.sniffer,
            .max_attachment_bytes = b.max_attachment_bytes,
            .hotline = b.hotline,
            .routing = b.routing,
            .consultation_codec = b.consultation_codec},
        now_us(Us(b.clock.Now())) {}

  // Sets the clock to `us`, or the real now when that is later; the moment set.
  long long Set(long long us) {
    us = std::min(us, now_us);
    clock.Set(At(us));
    return us;
  }
};

}  // namespace

Result<std::map<std::string, std::string>> SeededOrganisationIds(const app::Context& ctx) {
  std::map<std::string, std::string> out;
  app::OrganisationQuery q;
  q.active = std::nullopt;
  q.limit = 200;
  for (q.offset = 0;; q.offset += q.limit) {
    auto page = app::ListOrganisations(ctx, q);
    if (!page) return tl::unexpected(page.error());
    for (const auto& org : page->items) {
      if (!org.seed_key.empty()) out[org.seed_key] = org.id;
    }
    if (page->items.empty() || q.offset + q.limit >= page->total) break;
  }
  return out;
}

Result<WrittenConsultation> ConsultationWriter::Write(const ConsultationPlan& plan) const {
  if (operators_.empty()) return Internal("The demo has no hotline operator.");
  const Actor& op = operators_[plan.operator_index % operators_.size()];
  const app::Caller& caller = op.caller;
  const app::ClientInfo client{"127.0.0.1", "opennrm demo",
                               "demo-consultation-" + std::to_string(plan.index)};
  Run run(ctx_);

  app::ConsultationInput input = plan.input;
  if (!plan.caller_seed_key.empty()) {
    auto it = organisations_.find(plan.caller_seed_key);
    if (it != organisations_.end()) {
      input.caller.organisation_id = it->second;
    } else {
      input.caller.organisation_name = "Okänd organisation (demo)";  // directory without it
    }
  }
  const long long recorded = run.Set(plan.recorded_at_us);
  if (input.received_at_us) input.received_at_us = std::min(*input.received_at_us, recorded);
  auto created = app::CreateConsultation(run.ctx, caller, input, client);
  if (!created) return tl::unexpected(Naming(plan, "recording it", created.error()));
  WrittenConsultation out;
  out.consultation_id = created->consultation.id;
  const std::string& id = out.consultation_id;

  for (const auto& step : plan.danger_steps) {
    run.Set(std::max(step.done_at_us, plan.recorded_at_us) + 30LL * 1000000);
    auto done = app::RecordDangerStep(run.ctx, caller, id, step.step,
                                      std::min(step.done_at_us, Us(run.clock.Now())), client);
    if (!done) return tl::unexpected(Naming(plan, "danger step " + step.step, done.error()));
    ++out.danger_steps;
  }
  for (const auto& f : plan.follow_ups) {
    run.Set(f.written_at_us);
    auto due = f.due_on;
    if (due && *due < StockholmDateOf(run.clock.Now())) due = StockholmDateOf(run.clock.Now());
    auto added = app::AddFollowUp(run.ctx, caller, id, f.text, due, client);
    if (!added) return tl::unexpected(Naming(plan, "adding a follow-up", added.error()));
    ++out.follow_ups;
    if (!f.done_at_us) continue;
    run.Set(*f.done_at_us);
    auto done = app::MarkFollowUpDone(run.ctx, caller, id, added->id, client);
    if (!done) return tl::unexpected(Naming(plan, "a follow-up done", done.error()));
  }
  if (plan.closed_at_us) {
    run.Set(*plan.closed_at_us);
    long long version = created->consultation.version;
    if (!plan.follow_ups.empty() || !plan.danger_steps.empty()) {
      auto read = app::ReadConsultation(run.ctx, caller, id, client);
      if (!read) return tl::unexpected(Naming(plan, "reading it before closing", read.error()));
      version = read->consultation.version;
    }
    auto closed = app::CloseConsultation(run.ctx, caller, id, version, client);
    if (!closed) return tl::unexpected(Naming(plan, "closing it", closed.error()));
  }
  return out;
}

}  // namespace opennrm::cli::demo
