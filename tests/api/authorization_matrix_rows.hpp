// The parts of the authorization matrix (authorization_matrix_table.hpp), one
// per area, and the rows several routes share. Each part returns its rows in
// the order they run; authorization_matrix_table.cpp joins the parts.
// Constants only: thread-safe.
#pragma once

#include <vector>

#include "authorization_matrix_table.hpp"

namespace opennrm::testing::matrix {

// clang-format off
//                                           anon inc tok nar | sys oad hot reg soc pol pro mig iom ngo sta aud nau
inline constexpr const char* kEveryone     = "A A A A | A A A A A A A A A A A A A";
inline constexpr const char* kReference    = "U F A F | A A A A A A A A A A A A A";
inline constexpr const char* kDirectory    = "U F A A | A A A A A A A A A A A A A";
inline constexpr const char* kSysadminOnly = "U F F F | A F F F F F F F F F F F F";
inline constexpr const char* kAnySession   = "U A F F | A A A A A A A A A A A A A";
inline constexpr const char* kActiveUser   = "U F F F | A A A A A A A A A A A A A";
inline constexpr const char* kOwnAccount   = "U F D D | A A A A A A A A A A A A A";
inline constexpr const char* kMineSelf     = "- F - - | A A A A A A A A A A A A A";
inline constexpr const char* kMineOther    = "U F D D | N N N N N N N N N N N N N";
inline constexpr const char* kAuditReader  = "U F A F | F F F F F F F F F F F A A";
// clang-format on

// Health, metrics, reference data and the directory of organisations.
std::vector<RouteRows> PublicRows();
// Signing in, one's own account, accounts of organisations and API tokens.
std::vector<RouteRows> AccountRows();
// The audit log.
std::vector<RouteRows> AuditRows();
// Cases: creating, listing, name search, one case, its team, timeline, persons.
std::vector<RouteRows> CaseRows();
// Notes, attachments and the export of a case.
std::vector<RouteRows> NoteRows();
// Records of a case: the person's voice, safety and assessment; the exploitation.
std::vector<RouteRows> RecordRows();
// Tracks, facts, closure, criminal proceedings and break-glass.
std::vector<RouteRows> TrackRows();
// Clocks, tasks, the child track and one's own tasks.
std::vector<RouteRows> ClockRows();
// The consent ledger of a case.
std::vector<RouteRows> ConsentRows();
// Referrals: the rules, sending and the sent list of a case, the inbox, one
// referral, its package and its steps.
std::vector<RouteRows> ReferralRows();
// The hotline's routing: routing a situation, the setup, reloading the rules.
std::vector<RouteRows> RoutingRows();
// The operators' knowledge base: searching, reading, writing, archiving.
std::vector<RouteRows> KnowledgeRows();
// The hotline's consultations: the queue, one consultation and its steps, the operators.
std::vector<RouteRows> HotlineRows();

// A consultation as the source of a referral: its consents and referrals.
std::vector<RouteRows> ConsultationReferralRows();

// Published statistics: publishing a year, the publications, the catalogue, a
// published table and the release log.
std::vector<RouteRows> StatisticsPublicationRows();
// Official crime figures: the national unit's import and the list.
std::vector<RouteRows> CrimeFigureRows();

}  // namespace opennrm::testing::matrix
