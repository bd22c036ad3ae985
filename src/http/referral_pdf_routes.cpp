// GET /api/v1/referrals/{id}/summary.pdf?lang=sv|en: the printable summary
// of a referral as a PDF (http/referral_pdf.hpp), for whoever may read its
// package (app::ReadPackage: the same access rules and the same audit event
// "referral.package_read" — the summary is a package read). Thin: check the
// query, read the package, look up the sender's public contact in the
// directory, render, answer as a download named after the referral's code.
#include "app/organisations.hpp"
#include "app/referrals/consents.hpp"
#include "app/referrals/referrals.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/note_dto.hpp"
#include "http/problem.hpp"
#include "http/referral_pdf.hpp"

namespace opennrm::http {

namespace {

// The day the consent a referral relied on was given, when the caller may
// read the consent ledger of the source case (the sender's side); nullopt
// otherwise: the summary then names the consent by its id only.
std::optional<CivilDate> ConsentGivenOn(const app::Context& ctx, const Request& req,
                                        const app::ReferralView& r) {
  if (!r.consent_id || r.source_id.empty()) return std::nullopt;
  auto consents = app::ListConsents(ctx, CallerOf(req), r.source_id, ClientOf(req));
  if (!consents) return std::nullopt;
  for (const auto& c : *consents) {
    if (c.consent.id == *r.consent_id) return c.consent.given_on;
  }
  return std::nullopt;
}

Response SummaryPdf(const app::Context& ctx, const Request& req) {
  std::string lang = req.Query("lang").value_or("sv");
  Problems p;
  if (lang != "sv" && lang != "en") p.Add("lang", "unknown_code", "Choose lang=sv or lang=en.");
  if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
  auto package = app::ReadPackage(ctx, CallerOf(req), req.path_params.at("id"), ClientOf(req));
  if (!package) return ProblemResponse(package.error(), req);
  ReferralSummary summary;
  summary.referral = package->referral;
  summary.package = nlohmann::ordered_json::parse(package->document, nullptr, false);
  if (summary.package.is_discarded()) summary.package = nullptr;
  // The sender's public contact from the directory (a shelter's protected
  // address is never part of it); none found leaves the contact empty
  // rather than the summary unprintable.
  if (auto sender = app::GetOrganisation(ctx, summary.referral.sender_organisation_id)) {
    summary.sender_contact = sender->data.contact;
  }
  summary.consent_given_on = ConsentGivenOn(ctx, req, summary.referral);
  auto pdf = ReferralSummaryPdf(summary, lang);
  if (!pdf) return ProblemResponse(pdf.error(), req);
  Response r;
  r.content_type = "application/pdf";
  r.body = std::move(*pdf);
  r.headers.emplace_back("Content-Disposition", ContentDisposition(summary.referral.code + ".pdf"));
  return r;
}

}  // namespace

void AddReferralPdfRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;
  router.Add({"GET",
              "/api/v1/referrals/{id}/summary.pdf",
              [c](const Request& req) { return SummaryPdf(*c, req); },
              0,
              {"lang"}});
}

}  // namespace opennrm::http
