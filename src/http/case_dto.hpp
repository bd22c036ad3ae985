// How a case looks in the API (schemas CaseSummary and Case): shared by the
// case routes and the track routes (closing and reopening answer the case).
#pragma once

#include "app/cases/cases.hpp"
#include "http/message.hpp"
#include "http/organisation_dto.hpp"

namespace opennrm::http {

Json CaseSummaryJson(const app::CaseSummary& s);
Json CaseJson(const app::CaseView& v);
// The case, or the problem.
Response CaseResponse(const Result<app::CaseView>& v, const Request& req, int status = 200);

}  // namespace opennrm::http
