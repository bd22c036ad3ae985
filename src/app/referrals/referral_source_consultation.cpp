// A consultation as the source of a referral (referral_source_consultation.hpp):
// who may act on it, the person it describes, its package, the users told.
#include "app/referrals/referral_source_consultation.hpp"

#include <algorithm>

#include "app/auth/internal.hpp"
#include "app/hotline/consultation_support.hpp"

namespace opennrm::app::referral_internal {

using namespace auth_internal;

namespace {

// The opened body of a consultation (the caller's details, the situation,
// the identity, the advice).
Result<ports::ConsultationBody> OpenBody(const Context& ctx, const ports::ConsultationRow& row) {
  if (!ctx.consultation_codec) return Internal("No consultation codec.");
  auto bytes = Security(ctx).cipher.Open(
      ports::FieldLocation{row.organisation_id, "consultations", "body", row.id}, row.body_sealed);
  if (!bytes) return Internal("A consultation could not be opened.");
  return ctx.consultation_codec->DecodeBody(*bytes);
}

Result<ports::ConsultationRow> Find(ports::UnitOfWork& uow, const std::string& id) {
  auto row = uow.consultations().Find(id);
  if (!row) return tl::unexpected(row.error());
  if (!*row) return NotFound("No such consultation.");
  return std::move(**row);
}

SourceAccess AccessOf(const Caller& caller, const ports::ConsultationRow& row) {
  SourceAccess a;
  a.id = row.id;
  a.owner_organisation_id = row.organisation_id;
  a.owner_kind = caller.actor.organisation_kind;  // the caller's own: a national unit
  a.read_purpose = kHotlinePurpose;
  return a;
}

}  // namespace

// ---- Access ------------------------------------------------------------------

Result<ports::ConsultationRow> LoadConsultationFor(ports::UnitOfWork& uow, const Caller& caller,
                                                   const std::string& id, std::string* owner) {
  auto row = consultation_internal::LoadFor(uow, caller, id);
  // Refused for a user of its own organisation who is no operator.
  if (!row && row.error().code == ErrorCode::kForbidden && owner) {
    *owner = caller.actor.organisation_id;
  }
  return row;
}

Result<ports::ConsultationRow> LoadConsultationAudited(std::unique_ptr<ports::UnitOfWork>& uow,
                                                       const Context& ctx, const Caller& caller,
                                                       const std::string& id,
                                                       const std::string& event_action,
                                                       const std::string& request_id) {
  auto row = consultation_internal::LoadFor(*uow, caller, id);
  if (!row) {
    uow.reset();
    return tl::unexpected(
        consultation_internal::RefusedOn(ctx, caller, event_action, id, row.error(), request_id));
  }
  return row;
}

::opennrm::audit::ObjectRef ConsultationObject(const std::string& id,
                                               const std::string& organisation_id) {
  return Object(kConsultationSource, id, organisation_id);
}

// ---- ReferralSource ----------------------------------------------------------

Result<SourceAccess> ConsultationSource::AuthoriseSend(std::unique_ptr<ports::UnitOfWork>& uow,
                                                       const Context& ctx, const Caller& caller,
                                                       const std::string& consultation_id,
                                                       const std::string& event_action,
                                                       const std::string& request_id) const {
  auto row = LoadConsultationAudited(uow, ctx, caller, consultation_id, event_action, request_id);
  if (!row) return tl::unexpected(row.error());
  return AccessOf(caller, *row);
}

Result<SourceAccess> ConsultationSource::AuthoriseRead(ports::UnitOfWork& uow, const Context&,
                                                       const Caller& caller,
                                                       const std::string& consultation_id, bool,
                                                       std::string* owner) const {
  // A consultation has no team: every operator of the unit acts on it.
  auto row = LoadConsultationFor(uow, caller, consultation_id, owner);
  if (!row) return tl::unexpected(row.error());
  return AccessOf(caller, *row);
}

Result<std::optional<referrals::CaseFacts>> ConsultationSource::PersonFacts(
    const Context& ctx, ports::UnitOfWork& uow, const SourceAccess& source,
    const std::string& person_id, CivilDate today, Problems& problems) const {
  if (person_id != source.id) {
    problems.Add("person_id", "not_in_source", "A consultation describes one person: itself.");
    return std::nullopt;
  }
  auto row = Find(uow, source.id);
  if (!row) return tl::unexpected(row.error());
  if (hotline::ParseIdentityBasis(row->identity_basis).value_or(hotline::IdentityBasis::kNone) ==
      hotline::IdentityBasis::kNone) {
    problems.Add("identity_basis", "anonymous_consultation",
                 "An anonymous consultation is never referred: without the person's consent "
                 "(or, for a child, a report of concern) the advice is what it records.");
    return std::nullopt;
  }
  auto body = OpenBody(ctx, *row);
  if (!body) return tl::unexpected(body.error());
  return std::optional<referrals::CaseFacts>(
      ConsultationFacts(*row, *body, source.owner_kind, today));
}

bool ConsultationSource::HoldsConsent(const ports::ConsentRow& consent,
                                      const std::string& consultation_id) const {
  return !consultation_id.empty() && consent.consultation_id == consultation_id;
}

Result<std::string> ConsultationSource::Snapshot(const Context& ctx, ports::UnitOfWork& uow,
                                                 const std::string& consultation_id,
                                                 const std::string&,
                                                 const referrals::ApprovedScope& scope,
                                                 CivilDate today, bool) const {
  if (!ctx.package_codec) return Internal("No package codec.");
  auto row = Find(uow, consultation_id);
  if (!row) return tl::unexpected(row.error());
  auto body = OpenBody(ctx, *row);
  if (!body) return tl::unexpected(body.error());
  auto org = uow.organisations().FindWithoutLists(row->organisation_id);
  if (!org) return tl::unexpected(org.error());
  if (!*org) return Internal("The consultation's organisation is not in the directory.");
  PackageSender sender{(*org)->id, (*org)->data.name, ""};
  if (ctx.case_rules && ctx.case_rules->indicators) {
    sender.catalog_version = ctx.case_rules->indicators->version();
  }
  return ctx.package_codec->Encode(ConsultationPackage(*row, *body, sender, scope, today));
}

Status ConsultationSource::RecordStep(ports::UnitOfWork&, const Context&, const Caller&,
                                      const ports::ReferralRow&, const std::string&,
                                      std::vector<std::pair<std::string, std::string>>) const {
  return Ok();
}

Result<std::vector<std::string>> ConsultationSource::TeamOf(
    ports::UnitOfWork& uow, const std::string& consultation_id) const {
  auto row = uow.consultations().Find(consultation_id);
  if (!row) return tl::unexpected(row.error());
  std::vector<std::string> out;
  if (!*row) return out;
  if (!(*row)->assigned_to.empty()) {
    out.push_back((*row)->assigned_to);
    return out;
  }
  ports::UserFilter f;
  f.organisation_id = (*row)->organisation_id;
  f.active = true;
  f.limit = 200;
  for (;;) {
    auto page = uow.users().List(f);
    if (!page) return tl::unexpected(page.error());
    for (const auto& u : page->items) {
      if (std::find(u.roles.begin(), u.roles.end(), access::Role::kHotlineOperator) !=
          u.roles.end()) {
        out.push_back(u.id);
      }
    }
    f.offset += static_cast<int>(page->items.size());
    if (page->items.empty() || f.offset >= page->total) break;
  }
  return out;
}

Result<std::string> ConsultationSource::CodeOf(ports::UnitOfWork& uow,
                                               const std::string& consultation_id) const {
  auto row = uow.consultations().Find(consultation_id);
  if (!row) return tl::unexpected(row.error());
  return *row ? (*row)->code : std::string();
}

::opennrm::audit::ObjectRef ConsultationSource::ListedObject(const SourceAccess& source) const {
  return ConsultationObject(source.id, source.owner_organisation_id);
}

}  // namespace opennrm::app::referral_internal
