#include "http/consent_dto.hpp"

#include "http/organisation_dto.hpp"
#include "http/record_dto.hpp"

namespace opennrm::http {

Json ConsentJson(const app::ConsentView& v) {
  const auto& c = v.consent;
  Json sections = Json::array();
  for (auto s : c.sections) sections.push_back(std::string(access::ToString(s)));
  Json j{{"id", c.id},
         {"recipient_organisation_id", c.recipient_organisation_id},
         {"recipient_name", v.recipient_name},
         {"purpose", std::string(referrals::ToString(c.purpose))},
         {"sections", std::move(sections)},
         {"given_on", FormatIsoDate(c.given_on)},
         {"form", std::string(referrals::ToString(c.form))},
         {"language", c.language},
         {"interpreter", InterpreterJson(c.interpreter)},
         {"note", v.note},
         {"taken_by", c.taken_by},
         {"status", c.revocation ? "revoked" : "given"},
         {"revoked_on", nullptr},
         {"revoked_by", nullptr},
         {"revocation_reason", nullptr},
         {"recorded_at", IsoTimestamp(v.recorded_at_us)},
         {"version", v.version}};
  if (v.consultation_id.empty()) {
    j["case_id"] = v.case_id;
    j["person_id"] = c.person_id;
    j["person_code"] = v.person_code;
  } else {
    j["consultation_id"] = v.consultation_id;
  }
  if (c.revocation) {
    j["revoked_on"] = FormatIsoDate(c.revocation->revoked_on);
    j["revoked_by"] = c.revocation->revoked_by;
    j["revocation_reason"] = c.revocation->reason;
  }
  return j;
}

}  // namespace opennrm::http
