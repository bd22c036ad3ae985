// A consultation (GLOSSARY.md "Consultation"; issue 6 point 1): one contact
// with the hotline, recorded by the national unit, about a situation a
// professional describes. Anonymous unless the person consented to being
// identified (or, for a child, a report of concern applies): the structured
// identity fields are refused otherwise, and the free text is checked for
// what plainly identifies someone. Plain values and pure checks; thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/cases/exploitation.hpp"
#include "domain/hotline/identifying_text.hpp"
#include "domain/hotline/situation.hpp"

namespace opennrm::hotline {

enum class Channel { kPhone, kEmail, kWebRequest, kInPerson };
const std::vector<Channel>& AllChannels();
std::string_view ToString(Channel channel);
std::optional<Channel> ParseChannel(std::string_view text);

// How soon the national unit must respond (office_hours.hpp gives the due time).
enum class Urgency { kImmediateDanger, kUrgent, kNormal };
const std::vector<Urgency>& AllUrgencies();
std::string_view ToString(Urgency urgency);
std::optional<Urgency> ParseUrgency(std::string_view text);

// Where a consultation stands in the operators' queue (point 5).
enum class QueueStatus {
  kNew,              // nobody has taken it (a call-back request, an e-mail)
  kAssigned,         // an operator works it
  kWaitingFollowUp,  // advice given, an open follow-up remains
  kClosed,
};
const std::vector<QueueStatus>& AllQueueStatuses();
std::string_view ToString(QueueStatus status);
std::optional<QueueStatus> ParseQueueStatus(std::string_view text);

// Why identity fields may be recorded at all.
enum class IdentityBasis {
  kNone,             // anonymous: no identity field may be filled
  kConsent,          // the person consented to being identified
  kReportOfConcern,  // a child: the professional's duty to report applies
};
std::string_view ToString(IdentityBasis basis);
std::optional<IdentityBasis> ParseIdentityBasis(std::string_view text);

// The immediate-danger steps the operator is shown and records (point 2).
enum class DangerStep {
  kCalled112,
  kCalledPolice,                    // 114 14
  kCalledSocialServicesAfterHours,  // the municipality's socialjour
  kNotifiedRegionalCoordinator,     // done by the system when marked
  kAdvisedCallerToCall112,
};
const std::vector<DangerStep>& AllDangerSteps();
std::string_view ToString(DangerStep step);
std::optional<DangerStep> ParseDangerStep(std::string_view text);

// The professional who contacts the hotline (their own details, not the person's).
struct Caller {
  std::string organisation_id;    // in the directory; "" when theirs is not in it
  std::string organisation_name;  // free text when organisation_id is ""
  std::string role;               // e.g. "socialsekreterare"
  std::string name;
  std::string phone;  // as given; checked loosely (digits, spaces, +, -)
  std::string email;
};

// The identity of the person described, only with an identity basis.
struct IdentityDetails {
  std::string name;
  std::optional<CivilDate> date_of_birth;
  std::string phone;
  std::string email;
  bool Empty() const;
};

// The structured facts about the person, without identifying them.
struct DescribedPerson {
  AgeGroup age_group = AgeGroup::kUnknown;
  std::optional<int> approximate_age;  // 0..120
  Gender gender = Gender::kUnknown;
  CitizenshipGroup citizenship = CitizenshipGroup::kUnknown;
  std::optional<bool> holds_residence_permit;
  std::vector<cases::ExploitationForm> forms;
  std::vector<std::string>
      indicators;  // indicator ids of the checklist (data/rules/indicators.toml)
  bool wants_to_report_to_police = false;
  bool wish_to_return = false;
  bool needs_shelter = false;
  std::optional<bool> social_services_involve_police;  // a child: social services decided
};

// An organisation the operator added to, or removed from, the routing's
// suggestions, with the reason (point 4: "can override with a reason").
struct RoutingOverride {
  std::string organisation_id;
  bool added = true;  // false: a suggestion the operator set aside
  std::string reason;
};

struct Consultation {
  std::string id;
  std::string code;             // "KON-2026-000123"
  std::string organisation_id;  // the national unit that keeps it
  Channel channel = Channel::kPhone;
  long long received_at_us = 0;  // when the contact came in (the call began)
  int duration_seconds = 0;      // the call's length; 0 when not a call
  int time_spent_minutes = 0;    // the operator's time on it in all
  Caller caller;
  std::string language = "swe";  // ISO 639-3 of the contact
  bool interpreter = false;      // an interpreter took part
  Topic topic = Topic::kOther;
  std::string municipality_code;  // where; "" when abroad or not known
  std::string abroad_country;     // ISO 3166-1 alpha-2 when abroad; "" otherwise
  std::string situation;          // free text, warned against names
  DescribedPerson person;
  bool immediate_danger = false;
  Urgency urgency = Urgency::kNormal;
  IdentityBasis identity_basis = IdentityBasis::kNone;
  IdentityDetails identity;  // empty unless identity_basis is not kNone
  std::string advice;        // the advice given
  std::vector<RoutingOverride> overrides;
  QueueStatus status = QueueStatus::kNew;
  std::string assigned_to;                        // user id; "" when nobody
  long long respond_by_us = 0;                    // the response target (office_hours.hpp)
  std::optional<long long> first_response_at_us;  // when an operator first took it
  std::optional<long long> closed_at_us;
  std::string created_by;  // user id; "" for a public call-back request
  long long created_at_us = 0;
  long long updated_at_us = 0;
  long long version = 1;
};

// What the consultation tells routing (route.hpp).
Situation SituationOf(const Consultation& consultation);

// The urgency implied by the facts: immediate danger is always kImmediateDanger.
Urgency EffectiveUrgency(const Consultation& consultation);

// What the checks need to know from outside the consultation.
struct ConsultationLookups {
  // Whether a four-digit municipality code exists.
  std::function<bool(std::string_view)> municipality_exists;
  // Whether an ISO 3166-1 alpha-2 code names a country.
  std::function<bool(std::string_view)> country_exists;
  // Whether an ISO 639-3 code names a language.
  std::function<bool(std::string_view)> language_exists;
};

// Every broken rule of `consultation` on `today`, each naming its field:
//   "municipality_code" unknown_municipality; "abroad_country" unknown_country,
//   "place" both_places (both set); "language" unknown_language;
//   "person.approximate_age" out_of_range; "person.age_group" age_contradicts
//   (approximate age and group disagree); "identity.<field>" consent_required
//   when identity_basis is kNone and the field is filled; "identity_basis"
//   child_only for kReportOfConcern unless the person is a child;
//   "identity.date_of_birth" in_future; "situation" looks_identifying when
//   the text holds a Swedish personal identity number, an e-mail address or a
//   phone number while identity_basis is kNone; "situation" too_long (over
//   20,000 characters), "advice" too_long; "caller.organisation_name"
//   required when organisation_id is "" (not in immediate danger: nothing
//   holds the operator up then); "caller.name" required for channel
//   web_request; "duration_seconds"/"time_spent_minutes" out_of_range
//   (negative, or over a day); "overrides[i].reason" required.
// Unknown organisations are the app's to check (the directory).
Status CheckConsultation(const Consultation& consultation, const ConsultationLookups& lookups,
                         CivilDate today);

}  // namespace opennrm::hotline
