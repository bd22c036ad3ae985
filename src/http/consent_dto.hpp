// A consent as JSON (docs/api/openapi.yaml "Consent" and
// "ConsultationConsent"): the same record whether it was taken on a case or
// on a hotline consultation; a case's names the case and the person, a
// consultation's names the consultation. Pure; thread-safe.
#pragma once

#include "app/referrals/consents.hpp"
#include "http/json_body.hpp"

namespace opennrm::http {

Json ConsentJson(const app::ConsentView& view);

}  // namespace opennrm::http
