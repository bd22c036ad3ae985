#include "http/referral_dto.hpp"

#include "http/clock_dto.hpp"

namespace opennrm::http {

namespace {

// An optional string that may also be given as null (taken as absent).
std::optional<std::string> NullableString(ObjectReader& r, const std::string& name) {
  if (r.IsNull(name)) {
    r.Object(name, false, true);  // marks it read
    return std::nullopt;
  }
  return r.String(name);
}

long long ReadVersion(ObjectReader& r) { return r.Integer("version", true).value_or(0); }

Json DateOrNull(const std::optional<CivilDate>& d) {
  if (!d) return nullptr;
  return FormatIsoDate(*d);
}

Json StringOrNull(const std::optional<std::string>& s) {
  if (!s) return nullptr;
  return *s;
}

Json KindsJson(const std::vector<orgs::Kind>& kinds) {
  Json out = Json::array();
  for (auto k : kinds) out.push_back(std::string(orgs::ToString(k)));
  return out;
}

Json Party(const std::string& id, const std::string& name) {
  return Json{{"id", id}, {"name", name}};
}

// The basis as a referral carries it: the entry applied on the day sent.
Json AppliedBasisJson(const referrals::BasisRule& b) {
  return Json{{"code", std::string(referrals::ToString(b.code))},
              {"title_sv", b.title_sv},
              {"title_en", b.title_en},
              {"legal_reference_sv", b.legal_reference_sv},
              {"legal_reference_en", b.legal_reference_en},
              {"valid_from", FormatIsoDate(b.valid_from)},
              {"needs_check", b.needs_check}};
}

// The basis as the referral dialog offers it, with its limits.
Json BasisRuleJson(const referrals::BasisRule& b) {
  Json j = AppliedBasisJson(b);
  j["justification_required"] = b.justification_required;
  j["recipient_kinds"] = KindsJson(b.recipient_kinds);
  j["child_only"] = b.child_only;
  j["immediate_danger_only"] = b.immediate_danger_only;
  j["valid_to"] = DateOrNull(b.valid_to);
  return j;
}

Json PurposeRuleJson(const referrals::PurposeRule& p) {
  Json sections = Json::array();
  for (auto s : p.suggested_sections) sections.push_back(std::string(access::ToString(s)));
  return Json{{"purpose", std::string(referrals::ToString(p.purpose))},
              {"response_days", p.response_days},
              {"outcomes", p.outcomes},
              {"usual_recipient_kinds", KindsJson(p.usual_recipient_kinds)},
              {"suggested_sections", std::move(sections)}};
}

Json StepJson(const app::ReferralStepView& s) {
  return Json{{"step", s.step},
              {"at_us", s.at_us},
              {"by", Party(s.by_user_id, s.by_display_name)},
              {"organisation_id", s.organisation_id}};
}

}  // namespace

namespace {

// A NewReferral's fields; "person_id" only when `with_person` (a case's).
app::NewReferral ReadReferralFields(const Json& body, Problems& problems, bool with_person) {
  ObjectReader r(body, "", problems);
  app::NewReferral in;
  if (with_person) in.person_id = r.String("person_id", true).value_or("");
  in.recipient_organisation_id = r.String("recipient_organisation_id", true).value_or("");
  in.purpose = r.String("purpose", true).value_or("");
  in.sections = r.Strings("sections", true).value_or(std::vector<std::string>{});
  // No basis chosen is the use case's refusal ("basis": "no_basis").
  in.basis = NullableString(r, "basis").value_or("");
  in.consent_id = NullableString(r, "consent_id");
  in.justification = NullableString(r, "justification").value_or("");
  in.immediate_danger = r.Bool("immediate_danger").value_or(false);
  in.delivery = NullableString(r, "delivery").value_or("");
  r.RejectUnknown();
  return in;
}

}  // namespace

app::NewReferral ReadNewReferral(const Json& body, Problems& problems) {
  return ReadReferralFields(body, problems, true);
}

app::NewReferral ReadNewConsultationReferral(const Json& body, Problems& problems) {
  return ReadReferralFields(body, problems, false);
}

app::Acceptance ReadAcceptance(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  app::Acceptance in;
  in.expected_version = ReadVersion(r);
  in.case_id = NullableString(r, "case_id");
  in.person_id = NullableString(r, "person_id");
  in.case_type = NullableString(r, "case_type").value_or("");
  r.RejectUnknown();
  return in;
}

DeclineInput ReadDecline(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  DeclineInput in;
  in.version = ReadVersion(r);
  in.reason = r.String("reason", true).value_or("");
  r.RejectUnknown();
  return in;
}

long long ReadWithdrawal(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  long long version = ReadVersion(r);
  r.RejectUnknown();
  return version;
}

CompletionInput ReadCompletion(const Json& body, Problems& problems) {
  ObjectReader r(body, "", problems);
  CompletionInput in;
  in.version = ReadVersion(r);
  in.completed_on = ReadDate(r, "completed_on", problems, true).value_or(CivilDate{});
  in.outcome = r.String("outcome", true).value_or("");
  r.RejectUnknown();
  return in;
}

app::InboxQuery ReadInboxQuery(const Request& request, Problems& problems) {
  app::InboxQuery q;
  q.statuses = request.ListQuery("status");
  q.purpose = request.Query("purpose");
  q.sender_organisation_id = request.Query("from");
  if (auto due = request.Query("due_by")) {
    q.respond_by_on_or_before = ParseIsoDate(*due);
    if (!q.respond_by_on_or_before) problems.Add("due_by", "format", "A date is YYYY-MM-DD.");
  }
  q.limit = static_cast<int>(request.IntQuery("limit", 50, 1, 200, problems));
  q.offset = static_cast<int>(request.IntQuery("offset", 0, 0, 1000000, problems));
  return q;
}

Json ReferralJson(const app::ReferralView& v) {
  Json sections = v.sections;
  Json withheld = v.withheld;
  const bool from_case = v.source_kind == "case";
  Json source{{"kind", v.source_kind}};
  if (!v.source_id.empty()) {
    source["id"] = v.source_id;
    source["code"] = v.case_code;
    if (from_case) source["case_code"] = v.case_code;
  }
  // A consultation's person has no record of its own (its id is the consultation's).
  Json person = nullptr;
  if (from_case && !v.person_id.empty()) {
    person = Json{{"id", v.person_id}, {"code", v.person_code}};
  }
  Json steps = Json::array();
  for (const auto& s : v.steps) steps.push_back(StepJson(s));
  return Json{{"id", v.id},
              {"code", v.code},
              {"sender", Party(v.sender_organisation_id, v.sender_name)},
              {"recipient", Party(v.recipient_organisation_id, v.recipient_name)},
              {"source", std::move(source)},
              {"person", std::move(person)},
              {"purpose", v.purpose},
              {"sections", std::move(sections)},
              {"withheld", std::move(withheld)},
              {"strip_places", v.strip_places},
              {"protected_warning", v.protected_warning},
              {"basis", AppliedBasisJson(v.basis)},
              {"consent_id", StringOrNull(v.consent_id)},
              {"justification", v.justification},
              {"status", v.status},
              {"sent_on", FormatIsoDate(v.sent_on)},
              {"respond_by", FormatIsoDate(v.respond_by)},
              {"overdue", v.overdue},
              {"sent_by", Party(v.sent_by, v.sent_by_name)},
              {"answered_on", DateOrNull(v.answered_on)},
              {"decline_reason", v.decline_reason},
              {"completed_on", DateOrNull(v.completed_on)},
              {"outcome", v.outcome},
              {"recipient_case_id", StringOrNull(v.recipient_case_id)},
              {"delivery", v.delivery},
              {"package_available", v.package_available},
              {"steps", std::move(steps)},
              {"version", v.version}};
}

Json ReferralRulesJson(const app::ReferralRulesView& v) {
  Json bases = Json::array();
  for (const auto& b : v.bases) bases.push_back(BasisRuleJson(b));
  Json purposes = Json::array();
  for (const auto& p : v.purposes) purposes.push_back(PurposeRuleJson(p));
  return Json{{"sender_kind", v.sender_kind},
              {"bases", std::move(bases)},
              {"purposes", std::move(purposes)}};
}

Result<Json> PackageJson(const app::PackageView& v) {
  Json document = Json::parse(v.document, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    return Internal("The package's document is not a JSON object.");
  }
  return Json{{"referral", ReferralJson(v.referral)}, {"package", std::move(document)}};
}

}  // namespace opennrm::http
