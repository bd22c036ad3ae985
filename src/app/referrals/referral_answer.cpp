// AcceptReferral, DeclineReferral and CompleteReferral (referrals.hpp): the
// recipient's answer. Each reads the referral and the caller's side of it
// (the recipient's, else kNotFound), checks the version and the step
// (referrals/lifecycle.hpp), seals what it must (the reason, the notices)
// before any write transaction, then stores the step, its history entry, its
// consequences and the notices to the sender's case team in one write
// transaction, and audits it as a disclosure. Nothing is written on a refusal.
// An acceptance goes into an existing case of the recipient's, a new one
// (referral_accept_case.hpp), or, for the national unit, which keeps no
// cases, none.
#include <functional>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/case_log.hpp"
#include "app/referrals/referral_accept_case.hpp"
#include "app/referrals/referral_pieces.hpp"
#include "app/referrals/referral_source.hpp"
#include "app/referrals/referral_support.hpp"
#include "app/referrals/referrals.hpp"
#include "core/stockholm_date.hpp"
#include "domain/cases/case_record.hpp"
#include "domain/cases/keeper.hpp"
#include "domain/referrals/lifecycle.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace referral_internal;

namespace {

constexpr const char* kAccepted = "referral.accepted";
constexpr const char* kDeclined = "referral.declined";
constexpr const char* kCompleted = "referral.completed";

Error Stale() {
  return Error{ErrorCode::kConflict,
               "The referral was changed by someone else; reload it and try again.",
               {},
               "referral-changed"};
}

// What an answer reads before it decides.
struct Answering {
  ports::ReferralRow row;
  referrals::ReferralProgress progress;
  std::vector<std::string> sender_team;  // the source's team (TeamOf): told of the answer
};

// The referral for the recipient's answer, in `uow`: kNotFound unless the
// caller is on its recipient side; kConflict when it is not at
// `expected_version`.
Result<Answering> ReadForAnswer(ports::UnitOfWork& uow, const Context& ctx, const Caller& caller,
                                const std::string& referral_id, long long expected_version) {
  auto loaded = LoadReferralFor(uow, ctx, caller, referral_id, true);
  if (!loaded) return tl::unexpected(loaded.error());
  // The sender's side may not answer its own referral: as if there were none.
  if (loaded->side != ReferralSide::kRecipient) return NotFound("No such referral.");
  if (loaded->row.version != expected_version) return tl::unexpected(Stale());
  auto progress = ProgressOf(loaded->row);
  if (!progress) return tl::unexpected(progress.error());
  Answering a{std::move(loaded->row), std::move(*progress), {}};
  if (const ReferralSource* from = SourceOfKind(a.row.source_kind)) {
    auto team = from->TeamOf(uow, a.row.source_id);
    if (!team) return tl::unexpected(team.error());
    a.sender_team = std::move(*team);
  }
  return a;
}

// ReadForAnswer in a read unit of work of its own; a refusal is audited as
// `action` (denied) before it is returned.
Result<Answering> ReadAnswering(const Context& ctx, const Caller& caller,
                                const std::string& referral_id, long long expected_version,
                                const char* action, const std::string& request_id) {
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto read = ReadForAnswer(**uow, ctx, caller, referral_id, expected_version);
  if (!read) {
    uow->reset();
    return tl::unexpected(Refused(ctx, caller, action, referral_id, read.error(), request_id));
  }
  return read;
}

// Adds the fields of a refusal to `p`; false when it is not a kInvalid (then `other` holds it).
bool Collect(const Error& e, Problems& p, std::optional<Error>& other) {
  if (e.code != ErrorCode::kInvalid) {
    other = e;
    return false;
  }
  for (const auto& f : e.fields) p.Add(f.field, f.rule, f.detail);
  return true;
}

struct StepWords {
  const char* step;         // the history's word: "accept", "decline", "complete"
  const char* notice_kind;  // "referral_accepted", ...
  const char* action;       // the audit action
};

// Stores `row` (the step's changes made) at `expected` + 1 with the step in
// its history, `more` in the same transaction, and the notices to the
// sender's team; audits the disclosure (with `extra` objects); returns the
// recipient's view.
Result<ReferralView> StoreAnswer(const Context& ctx, const Caller& caller, const Answering& a,
                                 ports::ReferralRow row, const StepWords& words,
                                 const std::function<Status(ports::UnitOfWork&)>& more,
                                 std::vector<::opennrm::audit::ObjectRef> extra,
                                 const ClientInfo& client) {
  // Sealed before the write transaction (sealing may create a data key).
  auto notices = NoticesTo(ctx, a.sender_team, row.sender_organisation_id, words.notice_kind,
                           row.id, caller.actor.user_id, row.code);
  if (!notices) return tl::unexpected(notices.error());
  const long long now_us = NowUs(ctx);
  const long long expected = row.version;
  row.version = expected + 1;
  row.updated_at_us = now_us;
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto& db = **uow;
    if (auto st = db.referrals().Update(row, expected); !st) {
      if (st.error().code == ErrorCode::kConflict) return tl::unexpected(Stale());
      return tl::unexpected(st.error());
    }
    if (auto st = db.referrals().AppendStep(row.id, words.step, now_us, caller.actor.user_id,
                                            caller.actor.organisation_id);
        !st) {
      return tl::unexpected(st.error());
    }
    if (more) {
      if (auto st = more(db); !st) return tl::unexpected(st.error());
    }
    for (const auto& n : *notices) {
      if (auto st = db.notifications().Insert(n); !st) return tl::unexpected(st.error());
    }
    if (auto c = db.Commit(); !c) return tl::unexpected(c.error());
  }
  auto e = DisclosureEvent(ctx, caller, words.action, row, client.request_id);
  for (auto& o : extra) e.objects.push_back(std::move(o));
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  auto uow = ctx.db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  return ViewOf(ctx, **uow, row, ReferralSide::kRecipient, true);
}

// The case and person an acceptance into an existing case names, checked in
// `uow`: the caller on the case's team (case_internal::LoadForTeam: another
// organisation's case is kNotFound), the person in it and not merged.
Status CheckExistingCase(std::unique_ptr<ports::UnitOfWork>& uow, const Context& ctx,
                         const Caller& caller, const Acceptance& input, Problems& p,
                         const std::string& request_id) {
  auto loaded = case_internal::LoadForTeam(
      uow, ctx, caller, *input.case_id, access::Action::kRecordWrite, kAccepted,
      "Only the case's team takes a referral into it; break-glass reads.", request_id);
  if (!loaded) return tl::unexpected(loaded.error());
  auto persons = uow->persons().OfCase(*input.case_id);
  if (!persons) return tl::unexpected(persons.error());
  const ports::CasePerson* found = nullptr;
  for (const auto& cp : *persons) {
    if (cp.person.id == *input.person_id) found = &cp;
  }
  if (!found) {
    p.Add("person_id", "not_in_case", "No such person in this case.");
  } else if (found->person.merged_into) {
    p.Add("person_id", "not_in_case",
          "This record was merged into another one (" + *found->person.merged_into +
              "); name that one.");
  }
  return Ok();
}

// Where an acceptance takes the referral.
enum class Into { kExistingCase, kNewCase, kNoCase };

Into IntoOf(const Caller& caller, const Acceptance& input) {
  if (input.case_id || input.person_id) return Into::kExistingCase;
  // The national unit keeps no cases (cases::KindKeepsCases): it accepts
  // without one, unless it names a case type (which CreateCase refuses).
  if (input.case_type.empty() && !cases::KindKeepsCases(caller.actor.organisation_kind)) {
    return Into::kNoCase;
  }
  return Into::kNewCase;
}

// A new case for the accepted referral: its type as asked, else the
// package's; its person from the package (none when sent by other means:
// the recipient read it on paper). `sealed` is the package (in-app only).
Result<NewCaseTarget> NewCaseFor(const Context& ctx, const Caller& caller, const Answering& a,
                                 const std::optional<std::string>& sealed,
                                 const std::string& asked_type, const ClientInfo& client) {
  PackagePerson from_package;
  if (a.row.delivery == kInApp) {
    if (!sealed) return Internal("The referral's package is missing.");
    if (!Security(ctx).packages) return Internal("No package sealer.");
    auto document =
        Security(ctx).packages->Open(a.row.recipient_organisation_id, a.row.id, *sealed);
    if (!document) return Internal("The referral's package could not be opened.");
    auto read = ReadPackagePerson(ctx.package_codec, *document);
    if (!read) return tl::unexpected(read.error());
    from_package = std::move(*read);
  }
  const std::string type = asked_type.empty() ? from_package.case_type : asked_type;
  if (type.empty()) return Invalid("case_type", "required", "Choose the type of the new case.");
  if (!cases::ParseCaseType(type)) {
    return Invalid("case_type", "unknown_code",
                   "The package's case type is not known here; choose the type of the new case.");
  }
  return AcceptIntoNewCase(ctx, caller, type, from_package.person, client);
}

}  // namespace

Result<ReferralView> AcceptReferral(const Context& ctx, const Caller& caller,
                                    const std::string& referral_id, const Acceptance& input,
                                    const ClientInfo& client) {
  if (!ctx.codec) return Internal("No record codec.");
  const Into into = IntoOf(caller, input);
  Problems p;
  if (into == Into::kExistingCase) {
    if (!input.case_id || input.case_id->empty()) {
      p.Add("case_id", "required", "Name the case that holds the person, with the person.");
    }
    if (!input.person_id || input.person_id->empty()) {
      p.Add("person_id", "required", "Name the person in the case, with the case.");
    }
  } else if (!input.case_type.empty() && !cases::ParseCaseType(input.case_type)) {
    p.Add("case_type", "unknown_code", "Unknown case type: " + input.case_type.substr(0, 64));
  }
  std::optional<Answering> a;
  std::optional<std::string> sealed;  // the package, for a new case
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto read = ReadForAnswer(**uow, ctx, caller, referral_id, input.expected_version);
    if (!read) {
      uow->reset();
      return tl::unexpected(
          Refused(ctx, caller, kAccepted, referral_id, read.error(), client.request_id));
    }
    a = std::move(*read);
    if (into == Into::kExistingCase && p.empty()) {
      if (auto st = CheckExistingCase(*uow, ctx, caller, input, p, client.request_id); !st) {
        return tl::unexpected(st.error());
      }
    } else if (into == Into::kNewCase && a->row.delivery == kInApp) {
      auto package = (*uow)->referrals().GetPackage(a->row.id);
      if (!package) return tl::unexpected(package.error());
      sealed = std::move(*package);
    }
  }
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  std::optional<Error> other;
  auto accepted = referrals::Accept(a->progress, caller.actor.organisation_id, today);
  if (!accepted && !Collect(accepted.error(), p, other)) return tl::unexpected(*other);
  if (auto st = p.ToStatus("The referral cannot be accepted."); !st) {
    return tl::unexpected(st.error());
  }
  std::optional<NewCaseTarget> target;
  if (into == Into::kExistingCase) {
    target = NewCaseTarget{*input.case_id, *input.person_id};
  } else if (into == Into::kNewCase) {
    auto created = NewCaseFor(ctx, caller, *a, sealed, input.case_type, client);
    if (!created) return tl::unexpected(created.error());
    target = std::move(*created);
  }
  ports::ReferralRow row = a->row;
  row.status = std::string(referrals::ToString(accepted->status));
  row.answered_on = accepted->answered_on;
  row.answered_by = caller.actor.user_id;
  if (!target) {
    return StoreAnswer(ctx, caller, *a, std::move(row), {"accept", "referral_accepted", kAccepted},
                       nullptr, {}, client);
  }
  row.recipient_case_id = target->case_id;
  auto entry = [&](ports::UnitOfWork& db) -> Status {
    case_internal::NewEntry e{kAccepted,
                              access::Section::kSupport,
                              target->person_id,
                              row.id,
                              {{"referral", row.code},
                               {"sender_organisation_id", row.sender_organisation_id},
                               {"purpose", row.purpose},
                               {"sections", Joined(row.sections)}}};
    auto appended = case_internal::AppendEntry(db, ctx, caller, target->case_id, std::move(e));
    if (!appended) return tl::unexpected(appended.error());
    return Ok();
  };
  std::vector<::opennrm::audit::ObjectRef> extra{
      Object("case", target->case_id, caller.actor.organisation_id),
      Object("person", target->person_id, caller.actor.organisation_id)};
  return StoreAnswer(ctx, caller, *a, std::move(row), {"accept", "referral_accepted", kAccepted},
                     entry, std::move(extra), client);
}

Result<ReferralView> DeclineReferral(const Context& ctx, const Caller& caller,
                                     const std::string& referral_id, const std::string& reason,
                                     long long expected_version, const ClientInfo& client) {
  auto a = ReadAnswering(ctx, caller, referral_id, expected_version, kDeclined, client.request_id);
  if (!a) return tl::unexpected(a.error());
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  auto declined = referrals::Decline(a->progress, caller.actor.organisation_id, today, reason);
  if (!declined) return tl::unexpected(declined.error());
  ports::ReferralRow row = a->row;
  // Sealed before the write transaction (sealing may create a data key).
  auto sealed =
      Security(ctx).cipher.Seal(DeclineReasonAt(row.recipient_organisation_id, row.id), reason);
  if (!sealed) return tl::unexpected(sealed.error());
  row.status = std::string(referrals::ToString(declined->status));
  row.answered_on = declined->answered_on;
  row.answered_by = caller.actor.user_id;
  row.decline_sealed = std::move(*sealed);
  // The package goes with the refusal: nothing of it stays readable.
  auto drop = [&](ports::UnitOfWork& db) -> Status {
    auto deleted = db.referrals().DeletePackage(row.id);
    if (!deleted) return tl::unexpected(deleted.error());
    return Ok();
  };
  return StoreAnswer(ctx, caller, *a, std::move(row), {"decline", "referral_declined", kDeclined},
                     drop, {}, client);
}

Result<ReferralView> CompleteReferral(const Context& ctx, const Caller& caller,
                                      const std::string& referral_id, CivilDate completed_on,
                                      const std::string& outcome, long long expected_version,
                                      const ClientInfo& client) {
  if (!ctx.case_rules) return Internal("Case rules are not loaded.");
  auto a = ReadAnswering(ctx, caller, referral_id, expected_version, kCompleted, client.request_id);
  if (!a) return tl::unexpected(a.error());
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  auto done = referrals::Complete(a->progress, caller.actor.organisation_id, completed_on, outcome,
                                  today, ctx.case_rules->referral_purposes);
  if (!done) return tl::unexpected(done.error());
  ports::ReferralRow row = a->row;
  row.status = std::string(referrals::ToString(done->status));
  row.completed_on = done->completed_on;
  row.outcome = done->outcome;
  return StoreAnswer(ctx, caller, *a, std::move(row),
                     {"complete", "referral_completed", kCompleted}, nullptr, {}, client);
}

}  // namespace opennrm::app
