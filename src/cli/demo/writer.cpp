#include "cli/demo/writer.hpp"

#include "app/cases/cases.hpp"
#include "app/cases/clocks.hpp"
#include "app/cases/persons.hpp"
#include "app/cases/records.hpp"
#include "app/cases/tracks.hpp"

namespace opennrm::cli::demo {

Result<WrittenCase> DemoWriter::Write(const CasePlan& plan) const {
  if (plan.slot >= actors_.size()) return Internal("A demo plan names an unknown organisation.");
  const Actor& actor = actors_[plan.slot];
  app::ClientInfo client{"127.0.0.1", "opennrm demo", "demo-" + std::to_string(plan.index)};
  auto created =
      app::CreateCase(ctx_, actor.caller, app::NewCase{std::string(ToString(plan.type))}, client);
  if (!created) return tl::unexpected(created.error());
  WrittenCase out;
  out.case_id = created->summary.id;
  std::vector<std::string> added_ids;
  for (const auto& p : plan.persons) {
    app::NewCasePerson input{std::string(cases::ToString(p.role)), p.person};
    auto added = app::AddCasePerson(ctx_, actor.caller, out.case_id, input, client);
    if (!added) return tl::unexpected(added.error());
    added_ids.push_back(added->person.id);
    ++out.persons;
  }
  std::vector<std::string> person_ids = std::move(added_ids);
  if (!plan.forms.empty()) {
    auto saved = app::RecordExploitation(
        ctx_, actor.caller, out.case_id,
        ports::ExploitationBody{plan.forms, plan.places, plan.period}, client);
    if (!saved) return tl::unexpected(saved.error());
  }
  for (const auto& clock : plan.clocks) {
    if (clock.person < 0 || static_cast<size_t>(clock.person) >= person_ids.size()) continue;
    app::NewClock in;
    in.rule_id = clock.rule;
    in.person_id = person_ids[static_cast<size_t>(clock.person)];
    in.applied_on = in.decided_on = in.starts_on = clock.starts_on;
    if (clock.rule == "reflection_period") {
      in.applicant = "social_welfare_board";
      in.conditions = {"foreign_national_without_residence_permit", "reason_to_believe_victim"};
    } else if (clock.rule == "residence_permit_cooperation") {
      in.applicant = "head_of_preliminary_investigation";
      in.conditions = {"needed_for_proceedings", "clearly_wants_to_cooperate",
                       "broke_contact_with_suspects", "public_order_and_security_allow"};
    } else {
      // DEMO EXTENSION (issue 4): the child-track clocks need their
      // child-track records first, the support programme's periods their
      // programme; planned, not written yet.
      continue;
    }
    auto applied = app::ApplyClock(ctx_, actor.caller, out.case_id, in, client);
    if (!applied) return tl::unexpected(applied.error());
  }
  // DEMO EXTENSION (issue 4): tracks — plan.steps in order (support,
  //   proceedings, return), each move with the records its step needs
  //   (indicators, assessment, safety plan, wishes, consent), through the
  //   record and track-move use cases.
  // DEMO EXTENSION (issue 4): safety plan, wishes, notes and tasks.
  if (plan.closure) {
    auto closed = app::CloseCase(ctx_, actor.caller, out.case_id,
                                 std::string(tracks::ToString(*plan.closure)), client);
    if (!closed) return tl::unexpected(closed.error());
  }
  return out;
}

}  // namespace opennrm::cli::demo
