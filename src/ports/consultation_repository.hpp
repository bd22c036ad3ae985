// The hotline's consultations as stored (GLOSSARY.md "Consultation"; issue 6):
// what the queue and statistics filter on is plain (ids, codes, words,
// municipality, times); what a person said arrives sealed in one body under
// the national unit's data key (the caller's details, the situation, the
// identity details, the advice, the overrides), turned into bytes by a
// ConsultationCodec the storage layer implements. Follow-ups and the
// immediate-danger steps are rows of their own. Used inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/hotline/consultation.hpp"

namespace opennrm::ports {

// The sealed part of a consultation, as plain data.
struct ConsultationBody {
  hotline::Caller caller;
  std::string situation;
  hotline::IdentityDetails identity;
  std::string advice;
  std::vector<hotline::RoutingOverride> overrides;
};

// Turns a body into bytes and back (compact JSON in storage/codec). Stateless; thread-safe.
class ConsultationCodec {
 public:
  virtual ~ConsultationCodec() = default;
  virtual std::string EncodeBody(const ConsultationBody& body) const = 0;
  // kInternal when the bytes are not a body this codec wrote.
  virtual Result<ConsultationBody> DecodeBody(std::string_view bytes) const = 0;
};

struct ConsultationRow {
  std::string id;
  std::string code;             // "KON-2026-000123", unique
  std::string organisation_id;  // the national unit
  std::string channel;          // hotline::ToString(Channel)
  long long received_at_us = 0;
  int duration_seconds = 0;
  int time_spent_minutes = 0;
  std::string caller_organisation_id;  // "" when not in the directory
  std::string language;                // ISO 639-3
  bool interpreter = false;
  std::string topic;               // hotline::ToString(Topic)
  std::vector<std::string> forms;  // cases::ToString(ExploitationForm), as given
  std::string municipality_code;   // "" when abroad or unknown
  std::string abroad_country;      // "" unless abroad
  std::string age_group;           // hotline::ToString(AgeGroup)
  std::optional<int> approximate_age;
  std::string gender;       // hotline::ToString(Gender)
  std::string citizenship;  // hotline::ToString(CitizenshipGroup)
  std::optional<bool> holds_residence_permit;
  std::vector<std::string> indicators;  // indicator ids
  bool wants_to_report_to_police = false;
  bool wish_to_return = false;
  bool needs_shelter = false;
  std::optional<bool> social_services_involve_police;
  bool immediate_danger = false;
  std::string urgency;         // hotline::ToString(Urgency)
  std::string identity_basis;  // hotline::ToString(IdentityBasis)
  // ConsultationCodec::EncodeBody, sealed at (organisation_id,
  // "consultations", "body", id).
  std::string body_sealed;
  std::string status;       // hotline::ToString(QueueStatus)
  std::string assigned_to;  // user id; ""
  long long respond_by_us = 0;
  std::optional<long long> first_response_at_us;
  std::optional<long long> closed_at_us;
  std::string created_by;  // user id; "" for a public call-back request
  long long created_at_us = 0;
  long long updated_at_us = 0;
  long long version = 1;
};

// Which consultations a queue view shows; each unset field does not narrow.
struct ConsultationFilter {
  std::string organisation_id;             // required: the national unit's own
  std::vector<std::string> statuses;       // any of; empty: all
  std::optional<std::string> assigned_to;  // "" selects the unassigned
  // Only those whose response is overdue at this time: not yet responded
  // (first_response_at_us unset), not closed, respond_by_us < this.
  std::optional<long long> overdue_at_us;
  // Only those with a follow-up not done.
  bool open_follow_up = false;
  std::optional<std::string> topic;
  std::optional<std::string> municipality_code;
  std::optional<long long> received_from_us;  // inclusive
  std::optional<long long> received_to_us;    // exclusive
  std::optional<std::string> channel;
  int limit = 50;  // 1..200
  int offset = 0;
};

struct ConsultationPage {
  std::vector<ConsultationRow> items;
  long long total = 0;  // how many match the filter, whatever the page (at most 1,000 counted)
  bool total_capped = false;
};

// A follow-up the operator promised (call back, check with a municipality).
struct FollowUpRow {
  std::string id;
  std::string consultation_id;
  std::optional<CivilDate> due_on;
  // What to do, sealed at (organisation_id of the consultation,
  // "consultation_follow_ups", "text", id).
  std::string text_sealed;
  std::string created_by;
  long long created_at_us = 0;
  std::optional<long long> done_at_us;
  std::string done_by;  // "" while open
};

// An immediate-danger step and when it was done.
struct DangerStepRow {
  std::string consultation_id;
  int n = 0;                 // 1, 2, ... in the order recorded
  std::string step;          // hotline::ToString(DangerStep)
  long long done_at_us = 0;  // when it was done, as the operator says
  std::string recorded_by;   // user id; "system" for the automatic notification
  long long recorded_at_us = 0;
};

// A consultation as statistics count it (issue 7 item 5): the plain
// categories only, never the sealed body nor the caller's identity.
struct ConsultationStatisticsRow {
  std::string id;
  std::string organisation_id;
  std::string channel;
  long long received_at_us = 0;
  std::string caller_organisation_id;  // "" when not in the directory
  std::string topic;
  std::string municipality_code;  // "" when abroad or unknown
  long long respond_by_us = 0;
  std::optional<long long> first_response_at_us;
  bool referred = false;  // a referral was sent from it (whatever its answer)
};

class ConsultationRepository {
 public:
  virtual ~ConsultationRepository() = default;
  // kConflict if the id or code exists or a referenced organisation does not.
  virtual Status Insert(const ConsultationRow& row) = 0;
  virtual Result<std::optional<ConsultationRow>> Find(const std::string& id) = 0;
  // Stores every field but id, code, organisation_id, created_* if the stored
  // version is `expected_version`; kConflict otherwise.
  virtual Status Update(const ConsultationRow& row, long long expected_version) = 0;
  // The next number of the year's consultation codes: atomic across servers.
  virtual Result<long long> NextCodeNumber(int year) = 0;
  // A page of the queue: immediate danger first, then by respond_by_us, then
  // oldest received first; with the total.
  virtual Result<ConsultationPage> List(const ConsultationFilter& filter) = 0;
  // Every consultation of `organisation_id` received in [from_us, to_us),
  // oldest first (statistics and the demo's checks); at most `limit`.
  virtual Result<std::vector<ConsultationRow>> ReceivedBetween(const std::string& organisation_id,
                                                               long long from_us, long long to_us,
                                                               int limit) = 0;
  // Every consultation (of every organisation) received in [from_us, to_us),
  // oldest first (statistics; read-only).
  virtual Result<std::vector<ConsultationStatisticsRow>> ForStatistics(long long from_us,
                                                                       long long to_us) = 0;

  // kConflict if the id exists or the consultation does not.
  virtual Status InsertFollowUp(const FollowUpRow& row) = 0;
  // Marks a follow-up done (done_at_us, done_by); false if it is unknown or already done.
  virtual Result<bool> MarkFollowUpDone(const std::string& follow_up_id, long long done_at_us,
                                        const std::string& done_by) = 0;
  virtual Result<std::optional<FollowUpRow>> FindFollowUp(const std::string& follow_up_id) = 0;
  // The consultation's follow-ups, oldest first.
  virtual Result<std::vector<FollowUpRow>> FollowUps(const std::string& consultation_id) = 0;

  // Appends a danger step, numbered after the last one.
  virtual Status AppendDangerStep(const DangerStepRow& row) = 0;
  // The consultation's danger steps in the order recorded.
  virtual Result<std::vector<DangerStepRow>> DangerSteps(const std::string& consultation_id) = 0;
};

}  // namespace opennrm::ports
