// The referral part of the canary (canary_test.cpp, issue 5): the free text
// a referral and its consent seal — the consent's note and the reason it was
// revoked, a justification, a reason for declining — and what a package
// carries (a person's name and document number, a note about them), each a
// marker that must reach neither the database files, a backup nor the log
// in the clear or in a plain encoding. Synthetic data only. Not thread-safe
// (one test thread).
#pragma once

#include <string>

#include "byte_search.hpp"
#include "session_client.hpp"

namespace opennrm::testing {

// In `case_id` (of `sender`'s organisation, `sender` on its team) adds a
// person and a note about them, records the person's consent (with a note)
// to a new NGO shelter (made by the system administrator `admin`, with a
// worker signed in on `port`), sends a referral on that consent which the
// shelter reads and accepts into a case of its own, revokes the consent
// (with a reason), and sends a second referral on a basis with a
// justification, which the shelter declines with a reason. Each text holds
// `tag` and is added to `secrets`; each is checked to be read back where it
// belongs (so the search looks for what was really stored). Fails the test
// (gtest assertions) on any refusal.
void AddReferralCanaries(int port, SessionClient& admin, SessionClient& sender,
                         const std::string& case_id, const std::string& tag, MarkerSearch& secrets);

}  // namespace opennrm::testing
