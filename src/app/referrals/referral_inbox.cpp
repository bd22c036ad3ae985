// ListInbox, ReadReferral and ReadPackage (referrals.hpp): what the recipient
// (and, for one referral, the sender) reads. Each authorises, reads in one
// read unit of work, closes it, and makes its audit event durable before the
// answer is returned. A refusal to see a referral is audited as denied.
#include <algorithm>

#include "app/auth/internal.hpp"
#include "app/cases/case_access.hpp"
#include "app/referrals/referral_pieces.hpp"
#include "app/referrals/referral_support.hpp"
#include "app/referrals/referrals.hpp"
#include "domain/access/policy.hpp"
#include "domain/referrals/lifecycle.hpp"
#include "domain/referrals/purpose.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace referral_internal;

namespace {

constexpr const char* kInboxRead = "referral.inbox_read";
constexpr const char* kRead = "referral.read";
constexpr const char* kPackageRead = "referral.package_read";

// The inbox's filter for the caller's organisation; the problems of the query added to `p`.
ports::InboxFilter FilterOf(const Caller& caller, const InboxQuery& query, Problems& p) {
  ports::InboxFilter f;
  f.recipient_organisation_id = caller.actor.organisation_id;
  for (const auto& s : query.statuses) {
    if (!referrals::ParseReferralStatus(s)) {
      p.Add("status", "unknown_code",
            "Unknown status: " + s.substr(0, 64) +
                "; choose sent, accepted, declined, withdrawn or completed.");
    }
  }
  f.statuses = query.statuses;
  if (query.purpose && !referrals::ParsePurpose(*query.purpose)) {
    p.Add("purpose", "unknown_code", "Unknown purpose: " + query.purpose->substr(0, 64));
  }
  f.purpose = query.purpose;
  f.sender_organisation_id = query.sender_organisation_id;
  f.respond_by_on_or_before = query.respond_by_on_or_before;
  if (query.limit < 1 || query.limit > 200) {
    p.Add("limit", "range", "limit must be between 1 and 200.");
  }
  if (query.offset < 0) p.Add("offset", "range", "offset must not be negative.");
  f.limit = query.limit;
  f.offset = query.offset;
  return f;
}

}  // namespace

Result<InboxPage> ListInbox(const Context& ctx, const Caller& caller, const InboxQuery& query,
                            const ClientInfo& client) {
  if (auto st = case_internal::RequireUser(caller); !st) return tl::unexpected(st.error());
  const auto& roles = caller.actor.roles;
  if (std::none_of(roles.begin(), roles.end(), access::HandlesCases)) {
    return Forbidden("forbidden", "Only users with a case role see the referral inbox.");
  }
  Problems p;
  ports::InboxFilter filter = FilterOf(caller, query, p);
  if (auto st = p.ToStatus(); !st) return tl::unexpected(st.error());
  InboxPage out;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto page = (*uow)->referrals().Inbox(filter);
    if (!page) return tl::unexpected(page.error());
    out.total = page->total;
    for (const auto& row : page->items) {
      auto view = ViewOf(ctx, **uow, row, ReferralSide::kRecipient, false);
      if (!view) return tl::unexpected(view.error());
      out.items.push_back(std::move(*view));
    }
  }
  // One event per request, naming every referral returned (no sections: the
  // list shows what was disclosed to whom, not the package).
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, kInboxRead, "allowed", client.request_id);
  for (const auto& v : out.items) {
    e.objects.push_back(Object("referral", v.id, v.sender_organisation_id));
  }
  e.purpose = "disclosure";
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

Result<ReferralView> ReadReferral(const Context& ctx, const Caller& caller,
                                  const std::string& referral_id, const ClientInfo& client) {
  std::optional<ReferralView> view;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto loaded = LoadReferralFor(**uow, ctx, caller, referral_id, false);
    if (!loaded) {
      uow->reset();
      return tl::unexpected(
          Refused(ctx, caller, kRead, referral_id, loaded.error(), client.request_id));
    }
    auto v = ViewOf(ctx, **uow, loaded->row, loaded->side, true);
    if (!v) return tl::unexpected(v.error());
    view = std::move(*v);
  }
  ::opennrm::audit::Event e = EventOf(ctx, caller.actor, kRead, "allowed", client.request_id);
  e.objects.push_back(Object("referral", view->id, view->sender_organisation_id));
  e.purpose = "disclosure";
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return std::move(*view);
}

Result<PackageView> ReadPackage(const Context& ctx, const Caller& caller,
                                const std::string& referral_id, const ClientInfo& client) {
  if (!Security(ctx).packages) return Internal("No package sealer.");
  ports::ReferralRow row;
  std::string sealed;
  std::optional<ReferralView> view;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    // The sender's side only through the source case's team: a break-glass
    // reader of the case sees the referral, never the package.
    auto loaded = LoadReferralFor(**uow, ctx, caller, referral_id, true);
    if (loaded && !PackageAvailableTo(loaded->row, loaded->side == ReferralSide::kSender)) {
      loaded = NotFound("No such referral.");
    }
    if (!loaded) {
      uow->reset();
      return tl::unexpected(
          Refused(ctx, caller, kPackageRead, referral_id, loaded.error(), client.request_id));
    }
    auto package = (*uow)->referrals().GetPackage(loaded->row.id);
    if (!package) return tl::unexpected(package.error());
    if (!*package) return NotFound("The package is no longer available (declined or withdrawn).");
    sealed = std::move(**package);
    auto v = ViewOf(ctx, **uow, loaded->row, loaded->side, true);
    if (!v) return tl::unexpected(v.error());
    view = std::move(*v);
    row = std::move(loaded->row);
  }
  // Sealed to the recipient when delivered in the app, to the sender itself
  // when sent by other means (so that it can print it).
  const std::string& sealed_to =
      row.delivery == kOtherMeans ? row.sender_organisation_id : row.recipient_organisation_id;
  auto document = Security(ctx).packages->Open(sealed_to, row.id, sealed);
  if (!document) return Internal("The referral's package could not be opened.");
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, kPackageRead, "allowed", client.request_id);
  e.objects.push_back(Object("referral", row.id, row.sender_organisation_id));
  auto source = Object(row.source_kind, row.source_id, row.sender_organisation_id);
  source.sections = row.sections;
  e.objects.push_back(std::move(source));
  auto person = Object("person", row.person_id, row.sender_organisation_id);
  person.sections = row.sections;
  e.objects.push_back(std::move(person));
  e.purpose = "disclosure";
  if (auto st = AuditBeforeAnswer(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return PackageView{std::move(*view), std::move(*document)};
}

}  // namespace opennrm::app
