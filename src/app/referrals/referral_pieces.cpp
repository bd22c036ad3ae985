#include "app/referrals/referral_pieces.hpp"

#include <algorithm>
#include <set>

#include "domain/cases/checks.hpp"

namespace opennrm::app::referral_internal {

namespace {

// Echoed input is cut so a problem never carries a long text back.
std::string Cut(const std::string& s) { return s.substr(0, 64); }

}  // namespace

ReferralChoice ParseChoice(const NewReferral& in, Problems& p) {
  ReferralChoice c;
  if (in.purpose.empty()) {
    p.Add("purpose", "required", "Choose the purpose of the referral.");
  } else if (auto purpose = referrals::ParsePurpose(in.purpose)) {
    c.purpose = *purpose;
  } else {
    p.Add("purpose", "unknown_code", "Unknown purpose: " + Cut(in.purpose));
  }
  for (std::size_t i = 0; i < in.sections.size(); ++i) {
    if (auto s = access::ParseSection(in.sections[i])) {
      c.sections.push_back(*s);
    } else {
      p.Add(cases::detail::Item("sections", i), "unknown_code",
            "Unknown section: " + Cut(in.sections[i]));
    }
  }
  if (!in.basis.empty()) {
    if (auto b = referrals::ParseBasisCode(in.basis)) {
      c.basis = *b;
    } else {
      p.Add("basis", "unknown_code", "Unknown legal basis: " + Cut(in.basis));
    }
  }
  if (in.delivery.empty() || in.delivery == kInApp || in.delivery == kOtherMeans) {
    c.delivery = in.delivery;
  } else {
    p.Add("delivery", "unknown_code", "Choose a delivery: in_app or other_means.");
  }
  return c;
}

std::string DeliveryFor(const std::string& asked, bool recipient_has_case_workers) {
  if (!asked.empty()) return asked;
  return recipient_has_case_workers ? kInApp : kOtherMeans;
}

Result<referrals::ReferralProgress> ProgressOf(const ports::ReferralRow& row) {
  auto purpose = referrals::ParsePurpose(row.purpose);
  auto status = referrals::ParseReferralStatus(row.status);
  if (!purpose || !status) return Internal("A stored referral has an unknown purpose or status.");
  referrals::ReferralProgress p;
  p.sender_organisation_id = row.sender_organisation_id;
  p.recipient_organisation_id = row.recipient_organisation_id;
  p.purpose = *purpose;
  p.status = *status;
  p.sent_on = row.sent_on;
  p.respond_by = row.respond_by;
  p.answered_on = row.answered_on;
  p.completed_on = row.completed_on;
  p.outcome = row.outcome;
  return p;
}

bool PackageAvailableTo(const ports::ReferralRow& row, bool sender_side) {
  const bool kept = row.status == "sent" || row.status == "accepted" || row.status == "completed";
  if (!kept) return false;
  return sender_side ? row.delivery == kOtherMeans : row.delivery == kInApp;
}

bool OverdueOn(const ports::ReferralRow& row, CivilDate today) {
  return row.status == "sent" && row.respond_by < today;
}

std::vector<std::string> Distinct(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& id : ids) {
    if (!id.empty() && seen.insert(id).second) out.push_back(id);
  }
  return out;
}

std::vector<::opennrm::audit::ObjectRef> DisclosureObjects(const ports::ReferralRow& row) {
  using ::opennrm::audit::ObjectRef;
  const std::string& sender = row.sender_organisation_id;
  std::vector<ObjectRef> out;
  out.push_back(ObjectRef{"referral", row.id, sender, {}});
  out.push_back(ObjectRef{row.source_kind, row.source_id, sender, row.sections});
  if (!row.person_id.empty()) out.push_back(ObjectRef{"person", row.person_id, sender, {}});
  // The recipient's own record: its auditors see what was disclosed to it.
  out.push_back(
      ObjectRef{"organisation", row.recipient_organisation_id, row.recipient_organisation_id, {}});
  if (row.consent_id) out.push_back(ObjectRef{"consent", *row.consent_id, sender, {}});
  out.push_back(
      ObjectRef{"legal_basis", row.basis_code + "@" + FormatIsoDate(row.basis_valid_from), "", {}});
  return out;
}

std::vector<std::pair<std::string, std::string>> SentEntryDetails(const ports::ReferralRow& row) {
  return {{"referral_code", row.code},
          {"recipient_organisation_id", row.recipient_organisation_id},
          {"purpose", row.purpose},
          {"sections", Joined(row.sections)},
          {"basis", row.basis_code}};
}

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ",") + w;
  return out;
}

}  // namespace opennrm::app::referral_internal
