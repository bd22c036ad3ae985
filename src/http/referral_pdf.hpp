// The printable summary of a referral as a PDF (issue 5 point 6: a
// referral to an organisation without users is printed and sent by other
// means). The same content as the web app's print page
// (web/src/features/referrals/PrintSummaryPage.tsx): the referral's code,
// the sender organisation and its contact, the recipient, purpose, dates,
// the legal basis with its reference (and the consent it relied on), the
// justification, the sections disclosed and withheld, the protected-person
// warning, then the package's contents section by section; a footer on
// every page with page numbers. Labels in Swedish or English; the records
// are as written. An output format like http/export_render.hpp: takes plain
// values, gives bytes. Pure apart from reading the font files; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "app/referrals/referrals.hpp"
#include "core/date.hpp"
#include "domain/orgs/organisation.hpp"
#include "http/json_body.hpp"
#include "http/pdf_writer.hpp"

namespace opennrm::http {

struct ReferralSummary {
  app::ReferralView referral;
  orgs::Contact sender_contact;  // the sender organisation's public contact
  // The package document (app/referrals/snapshot.hpp), parsed keeping its
  // members in the document's order; null when it can no longer be read.
  nlohmann::ordered_json package;
  std::optional<CivilDate> consent_given_on;  // with basis consent, when the caller may see it
};

// The summary in `lang` ("sv" or "en"). kInternal when the fonts cannot be
// loaded or libharu fails; text the font cannot show is replaced.
Result<std::string> ReferralSummaryPdf(const ReferralSummary& summary, const std::string& lang,
                                       const PdfOptions& options = {});

}  // namespace opennrm::http
