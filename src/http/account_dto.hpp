// JSON shapes of the security core's API: accounts, sessions, tokens,
// notifications (docs/api/openapi.yaml). Never a secret, except the ones a
// response exists to show once (one-time passwords, tokens, recovery codes).
#pragma once

#include "app/auth/my_account.hpp"
#include "app/auth/views.hpp"
#include "app/notifications.hpp"
#include "http/json_body.hpp"
#include "ports/api_token_repository.hpp"

namespace opennrm::http {

Json UserJson(const app::UserSummary& u, bool administration = false);
Json SessionJson(const app::SessionView& s);
Json SessionSummaryJson(const app::SessionSummary& s);
Json TokenJson(const ports::ApiTokenRecord& t);
Json NotificationJson(const app::NotificationView& n);

// The body of a handler's response for a request, or a problem.
Response JsonOr(const Result<Json>& r, const Request& req, int status = 200);

// Reads a JSON object body with the given string members (all required
// unless listed in `optional`); problems name each field.
Result<std::map<std::string, std::string>> ReadStrings(
    const Request& req, const std::vector<std::string>& required,
    const std::vector<std::string>& optional = {});

}  // namespace opennrm::http
