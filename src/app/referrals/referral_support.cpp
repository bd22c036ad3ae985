// What the referral use cases share (referral_support.hpp): field
// locations, the caller's side of a referral, the view of a stored one, the
// case-working users of an organisation, notices and the disclosure event.
#include "app/referrals/referral_support.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "app/auth/internal.hpp"
#include "app/referrals/referral_pieces.hpp"
#include "core/stockholm_date.hpp"
#include "domain/access/policy.hpp"

namespace opennrm::app::referral_internal {

using namespace auth_internal;

ports::FieldLocation JustificationAt(const std::string& sender_org, const std::string& id) {
  return ports::FieldLocation{sender_org, "referrals", "justification", id};
}

ports::FieldLocation DeclineReasonAt(const std::string& recipient_org, const std::string& id) {
  return ports::FieldLocation{recipient_org, "referrals", "decline", id};
}

ports::FieldLocation NoticeDetailAt(const std::string& org, const std::string& id) {
  return ports::FieldLocation{org, "notifications", "detail", id};
}

namespace {

// Whether the caller is a signed-in user of `organisation_id` with a case role.
bool CaseWorkerOf(const Caller& caller, const std::string& organisation_id) {
  if (caller.actor.IsToken() || !caller.session || !caller.user) return false;
  if (caller.actor.organisation_id != organisation_id) return false;
  return std::any_of(caller.actor.roles.begin(), caller.actor.roles.end(), access::HandlesCases);
}

// Names looked up once per id within one view.
class Names {
 public:
  explicit Names(ports::UnitOfWork& uow) : uow_(uow) {}

  Result<std::optional<orgs::Organisation>> Organisation(const std::string& id) {
    auto it = orgs_.find(id);
    if (it != orgs_.end()) return it->second;
    auto o = uow_.organisations().FindWithoutLists(id);
    if (!o) return tl::unexpected(o.error());
    orgs_[id] = *o;
    return std::move(*o);
  }

  Result<std::string> User(const std::string& id) {
    if (id.empty()) return std::string();
    auto it = users_.find(id);
    if (it != users_.end()) return it->second;
    auto u = uow_.users().Find(id);
    if (!u) return tl::unexpected(u.error());
    std::string name = *u ? (*u)->display_name : std::string();
    users_[id] = name;
    return name;
  }

 private:
  ports::UnitOfWork& uow_;
  std::map<std::string, std::optional<orgs::Organisation>> orgs_;
  std::map<std::string, std::string> users_;
};

// The table's entry applied: code, sender kind and valid_from as stored.
// An entry no longer in the table keeps its code and day.
referrals::BasisRule BasisOf(const Context& ctx, referrals::BasisCode code, orgs::Kind sender_kind,
                             CivilDate valid_from) {
  if (ctx.case_rules) {
    for (const auto& r : ctx.case_rules->disclosure_bases.rules()) {
      if (r.code == code && r.valid_from == valid_from && referrals::AllowsSender(r, sender_kind)) {
        return r;
      }
    }
  }
  referrals::BasisRule r;
  r.code = code;
  r.valid_from = valid_from;
  return r;
}

}  // namespace

Result<LoadedReferral> LoadReferralFor(ports::UnitOfWork& uow, const Context& ctx,
                                       const Caller& caller, const std::string& referral_id,
                                       bool team_only) {
  if (referral_id.empty() || referral_id.size() > 64) return NotFound("No such referral.");
  auto found = uow.referrals().Find(referral_id);
  if (!found) return tl::unexpected(found.error());
  if (!*found) return NotFound("No such referral.");
  LoadedReferral out;
  out.row = std::move(**found);
  const ReferralSource* from = SourceOfKind(out.row.source_kind);
  if (from && !caller.actor.IsToken()) {
    auto s = from->AuthoriseRead(uow, ctx, caller, out.row.source_id, team_only, nullptr);
    if (s) {
      out.side = ReferralSide::kSender;
      out.from = from;
      out.source = std::move(*s);
      return out;
    }
    if (s.error().code != ErrorCode::kNotFound && s.error().code != ErrorCode::kForbidden) {
      return tl::unexpected(s.error());
    }
  }
  if (CaseWorkerOf(caller, out.row.recipient_organisation_id)) {
    out.side = ReferralSide::kRecipient;
    return out;
  }
  return NotFound("No such referral.");
}

Result<ReferralView> ViewOf(const Context& ctx, ports::UnitOfWork& uow,
                            const ports::ReferralRow& row, ReferralSide side, bool with_steps) {
  const bool sender_side = side == ReferralSide::kSender;
  Names names(uow);
  ReferralView v;
  v.id = row.id;
  v.code = row.code;
  v.sender_organisation_id = row.sender_organisation_id;
  v.recipient_organisation_id = row.recipient_organisation_id;
  auto sender = names.Organisation(row.sender_organisation_id);
  if (!sender) return tl::unexpected(sender.error());
  if (*sender) v.sender_name = (*sender)->data.name;
  auto recipient = names.Organisation(row.recipient_organisation_id);
  if (!recipient) return tl::unexpected(recipient.error());
  if (*recipient) v.recipient_name = (*recipient)->data.name;
  v.source_kind = row.source_kind;
  if (sender_side) {
    v.source_id = row.source_id;
    v.person_id = row.person_id;
    if (const ReferralSource* from = SourceOfKind(row.source_kind)) {
      auto code = from->CodeOf(uow, row.source_id);
      if (!code) return tl::unexpected(code.error());
      v.case_code = std::move(*code);
    }
    if (!row.person_id.empty()) {
      auto person = uow.persons().Find(row.person_id);
      if (!person) return tl::unexpected(person.error());
      if (*person) v.person_code = (*person)->code;
    }
  }
  v.purpose = row.purpose;
  v.sections = row.sections;
  v.withheld = row.withheld;
  v.strip_places = row.strip_places;
  v.protected_warning = row.protected_warning;
  auto code = referrals::ParseBasisCode(row.basis_code);
  if (!code) return Internal("A stored referral has an unknown legal basis.");
  const orgs::Kind sender_kind = *sender ? (*sender)->data.kind : orgs::Kind::kOther;
  v.basis = BasisOf(ctx, *code, sender_kind, row.basis_valid_from);
  v.consent_id = row.consent_id;
  auto& cipher = Security(ctx).cipher;
  if (!row.justification_sealed.empty()) {
    auto text =
        cipher.Open(JustificationAt(row.sender_organisation_id, row.id), row.justification_sealed);
    if (!text) return Internal("A referral's justification could not be opened.");
    v.justification = std::move(*text);
  }
  v.status = row.status;
  v.sent_on = row.sent_on;
  v.respond_by = row.respond_by;
  v.overdue = OverdueOn(row, StockholmDateOf(ctx.clock.Now()));
  v.sent_by = row.sent_by;
  auto sent_by = names.User(row.sent_by);
  if (!sent_by) return tl::unexpected(sent_by.error());
  v.sent_by_name = std::move(*sent_by);
  v.answered_on = row.answered_on;
  if (row.status == "declined" && !row.decline_sealed.empty()) {
    auto reason =
        cipher.Open(DeclineReasonAt(row.recipient_organisation_id, row.id), row.decline_sealed);
    if (!reason) return Internal("A referral's reason for declining could not be opened.");
    v.decline_reason = std::move(*reason);
  }
  v.completed_on = row.completed_on;
  v.outcome = row.outcome;
  if (!sender_side) v.recipient_case_id = row.recipient_case_id;
  v.delivery = row.delivery;
  v.package_available = PackageAvailableTo(row, sender_side);
  v.version = row.version;
  if (with_steps) {
    auto steps = uow.referrals().Steps(row.id);
    if (!steps) return tl::unexpected(steps.error());
    for (const auto& s : *steps) {
      auto name = names.User(s.by_user_id);
      if (!name) return tl::unexpected(name.error());
      v.steps.push_back(
          ReferralStepView{s.step, s.at_us, s.by_user_id, std::move(*name), s.organisation_id});
    }
  }
  return v;
}

Result<std::vector<std::string>> CaseWorkersOf(ports::UnitOfWork& uow,
                                               const std::string& organisation_id) {
  std::vector<std::string> out;
  if (organisation_id.empty()) return out;
  ports::UserFilter f;
  f.organisation_id = organisation_id;
  f.active = true;
  f.limit = 200;
  for (;;) {
    auto page = uow.users().List(f);
    if (!page) return tl::unexpected(page.error());
    for (const auto& u : page->items) {
      if (std::any_of(u.roles.begin(), u.roles.end(), access::HandlesCases)) {
        out.push_back(u.id);
      }
    }
    f.offset += static_cast<int>(page->items.size());
    if (page->items.empty() || f.offset >= page->total) break;
  }
  return out;
}

Result<std::vector<ports::NotificationRecord>> NoticesTo(
    const Context& ctx, const std::vector<std::string>& user_ids,
    const std::string& organisation_id, const std::string& kind, const std::string& referral_id,
    const std::string& actor_user_id, const std::string& detail) {
  std::vector<ports::NotificationRecord> out;
  const long long now_us = NowUs(ctx);
  for (const auto& user_id : Distinct(user_ids)) {
    ports::NotificationRecord n;
    n.id = ctx.ids.NewId();
    n.user_id = user_id;
    n.organisation_id = organisation_id;
    n.kind = kind;
    n.subject_type = "referral";
    n.subject_id = referral_id;
    n.actor_user_id = actor_user_id;
    n.created_at_us = now_us;
    if (!detail.empty()) {
      auto sealed = Security(ctx).cipher.Seal(NoticeDetailAt(organisation_id, n.id), detail);
      if (!sealed) return tl::unexpected(sealed.error());
      n.detail_sealed = std::move(*sealed);
    }
    out.push_back(std::move(n));
  }
  return out;
}

::opennrm::audit::Event DisclosureEvent(const Context& ctx, const Caller& caller,
                                        const std::string& action, const ports::ReferralRow& row,
                                        const std::string& request_id) {
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, action, "allowed", request_id);
  e.objects = DisclosureObjects(row);
  e.purpose = "disclosure";
  return e;
}

Error AuditRefusal(const Context& ctx, const Caller& caller, const std::string& action,
                   std::string_view type, const std::string& id, const std::string& owner,
                   Error refusal, const std::string& request_id) {
  if (refusal.code != ErrorCode::kNotFound && refusal.code != ErrorCode::kForbidden) {
    return refusal;
  }
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, action, "denied", request_id);
  // Recorded as asked: an id that names nothing is kept, without an owner.
  e.objects.push_back(Object(std::string(type), id.substr(0, 64), owner));
  if (auto st = Audit(ctx, std::move(e)); !st) return st.error();
  return refusal;
}

Error Refused(const Context& ctx, const Caller& caller, const std::string& action,
              const std::string& referral_id, Error refusal, const std::string& request_id) {
  return AuditRefusal(ctx, caller, action, "referral", referral_id, "", std::move(refusal),
                      request_id);
}

std::string ReferralCode(int year, long long number) {
  char digits[32];
  std::snprintf(digits, sizeof digits, "%06lld", number);
  return "REF-" + std::to_string(year) + "-" + digits;
}

}  // namespace opennrm::app::referral_internal
