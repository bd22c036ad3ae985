// What the consultation use cases share (consultation_*.cpp): who may act,
// loading a consultation of the caller's organisation, where its text is
// sealed, a stored row turned into the domain value and back, views with
// names, the audit events, the input checked into a consultation, and the
// immediate-danger notices. Internal; thread-safe (no state of its own).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/hotline/consultations.hpp"
#include "domain/audit/event.hpp"
#include "ports/consultation_repository.hpp"
#include "ports/database.hpp"
#include "ports/field_cipher.hpp"
#include "ports/notification_repository.hpp"

namespace opennrm::app::consultation_internal {

// (organisation, "consultations", "body", id).
ports::FieldLocation BodyAt(const std::string& org, const std::string& id);
// (organisation, "consultation_follow_ups", "text", id).
ports::FieldLocation FollowUpTextAt(const std::string& org, const std::string& id);

// Ok for a signed-in user of a national unit holding hotline_operator;
// kForbidden otherwise (tokens included).
Status RequireOperator(const Caller& caller);

// The stored consultation if it is of the caller's organisation and the
// caller may work it: kNotFound when there is none (or another
// organisation's), kForbidden for a caller of the organisation who is no
// operator. Call RefusedOn with the error outside any transaction.
Result<ports::ConsultationRow> LoadFor(ports::UnitOfWork& uow, const Caller& caller,
                                       const std::string& id);

// Records a refused `action` on consultation `id` (outcome "denied"), then
// gives back `refusal` (errors other than kNotFound/kForbidden unrecorded).
Error RefusedOn(const Context& ctx, const Caller& caller, const std::string& action,
                const std::string& id, Error refusal, const std::string& request_id);

// The audit event of `action` on consultation `id` of `org`, purpose "hotline".
::opennrm::audit::Event EventOn(const Context& ctx, const Caller& caller, const std::string& action,
                                const std::string& id, const std::string& org,
                                const std::string& request_id);

// kConflict: changed by someone else, and closed ("status": "closed").
Error Stale();
Error Closed();

// "KON-<year>-<six digits>".
std::string ConsultationCode(int year, long long number);

// The input checked against the rules and reference data into a
// consultation (id, code, organisation and queue fields left for the
// caller); kInvalid naming every broken rule. Reads the directory in `uow`.
Result<hotline::Consultation> CheckedInput(const Context& ctx, ports::UnitOfWork& uow,
                                           const ConsultationInput& input, long long now_us);

// The row of `c` with its body sealed (seal before a write transaction opens).
Result<ports::ConsultationRow> SealedRow(const Context& ctx, const hotline::Consultation& c);
// The stored row opened into a consultation; kInternal when unreadable.
Result<hotline::Consultation> Opened(const Context& ctx, const ports::ConsultationRow& row);

// Where a consultation stands once it is not closed: waiting for an open
// follow-up, else with its operator, else in the queue (a status word).
Result<std::string> OpenStatusOf(ports::UnitOfWork& uow, const ports::ConsultationRow& row);

// Whether the row's response is overdue at `now_us`.
bool Overdue(const ports::ConsultationRow& row, long long now_us);

// Names of users and organisations looked up once each within one answer.
class NameBook {
 public:
  explicit NameBook(ports::UnitOfWork& uow) : uow_(uow) {}
  // nullopt for "" (and "system"); the id with "" when unknown.
  Result<std::optional<NamedRef>> User(const std::string& id);
  // nullopt for "" or an organisation not in the directory.
  Result<std::optional<NamedRef>> Organisation(const std::string& id);

 private:
  ports::UnitOfWork& uow_;
  std::vector<std::pair<std::string, std::optional<NamedRef>>> users_;
  std::vector<std::pair<std::string, std::optional<NamedRef>>> orgs_;
};

// The full view of `row` (opened), with its follow-ups and danger steps, read in `uow`.
Result<ConsultationView> ViewOf(const Context& ctx, ports::UnitOfWork& uow,
                                const ports::ConsultationRow& row);
// A follow-up's view, its text opened under the consultation's organisation.
Result<FollowUpView> FollowUpViewOf(const Context& ctx, NameBook& names, const std::string& org,
                                    const ports::FollowUpRow& row);
Result<DangerStepView> DangerStepViewOf(NameBook& names, const ports::DangerStepRow& row);

// What an immediate-danger alert writes: the notices (sealed) to the users
// of the regional coordinator organisations covering the municipality, and
// the system's danger step. Read and sealed before the write transaction.
struct DangerAlert {
  std::vector<ports::NotificationRecord> notices;
  ports::DangerStepRow step;  // n filled by storage
  std::vector<std::string> coordinator_organisations;
};
// The alert for `c` (its code, municipality); `actor_user_id` caused it.
Result<DangerAlert> PrepareDangerAlert(const Context& ctx, const hotline::Consultation& c,
                                       const std::string& actor_user_id);
// Writes the alert in `uow` (the caller's write transaction).
Status WriteDangerAlert(ports::UnitOfWork& uow, const DangerAlert& alert);

}  // namespace opennrm::app::consultation_internal
