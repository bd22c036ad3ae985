#include "domain/hotline/consultation.hpp"

#include <cctype>
#include <utility>

#include "domain/cases/enum_names.hpp"
#include "domain/orgs/validation.hpp"

namespace opennrm::hotline {

namespace {

using cases::detail::MakeNames;
using N = std::string_view;

constexpr auto kChannels = MakeNames<Channel>(std::pair{Channel::kPhone, N("phone")},
                                              std::pair{Channel::kEmail, N("email")},
                                              std::pair{Channel::kWebRequest, N("web_request")},
                                              std::pair{Channel::kInPerson, N("in_person")});

constexpr auto kUrgencies = MakeNames<Urgency>(
    std::pair{Urgency::kImmediateDanger, N("immediate_danger")},
    std::pair{Urgency::kUrgent, N("urgent")}, std::pair{Urgency::kNormal, N("normal")});

constexpr auto kStatuses = MakeNames<QueueStatus>(
    std::pair{QueueStatus::kNew, N("new")}, std::pair{QueueStatus::kAssigned, N("assigned")},
    std::pair{QueueStatus::kWaitingFollowUp, N("waiting_follow_up")},
    std::pair{QueueStatus::kClosed, N("closed")});

constexpr auto kBases = MakeNames<IdentityBasis>(
    std::pair{IdentityBasis::kNone, N("none")}, std::pair{IdentityBasis::kConsent, N("consent")},
    std::pair{IdentityBasis::kReportOfConcern, N("report_of_concern")});

constexpr auto kSteps = MakeNames<DangerStep>(
    std::pair{DangerStep::kCalled112, N("called_112")},
    std::pair{DangerStep::kCalledPolice, N("called_police")},
    std::pair{DangerStep::kCalledSocialServicesAfterHours, N("called_social_services_after_hours")},
    std::pair{DangerStep::kNotifiedRegionalCoordinator, N("notified_regional_coordinator")},
    std::pair{DangerStep::kAdvisedCallerToCall112, N("advised_caller_to_call_112")});

constexpr std::size_t kMaxLongText = 20000;  // characters
constexpr int kMaxAge = 120;
constexpr int kAdultAge = 18;
constexpr int kSecondsPerDay = 24 * 60 * 60;
constexpr int kMinutesPerDay = 24 * 60;

bool Knows(const std::function<bool(std::string_view)>& lookup, std::string_view code) {
  return lookup && lookup(code);
}

bool Blank(std::string_view text) {
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Characters, not bytes: UTF-8 continuation bytes are not counted.
std::size_t CharacterCount(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// Lenient, as for a case's contact details: digits with spaces, dashes,
// brackets and one leading '+'.
bool IsPlausiblePhone(std::string_view phone) {
  int digits = 0;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    char c = phone[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '+') {
      if (i != 0) return false;
    } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 3 && digits <= 15;
}

// A child by the age group, or by the approximate age when the group is unknown.
bool IsChild(const DescribedPerson& person) {
  if (person.age_group == AgeGroup::kChild) return true;
  return person.age_group == AgeGroup::kUnknown && person.approximate_age &&
         *person.approximate_age >= 0 && *person.approximate_age < kAdultAge;
}

void CheckPlace(const Consultation& c, const ConsultationLookups& lookups, Problems& p) {
  if (!c.municipality_code.empty() && !Knows(lookups.municipality_exists, c.municipality_code)) {
    p.Add("municipality_code", "unknown_municipality",
          "'" + c.municipality_code + "' is not a known municipality code.");
  }
  if (!c.abroad_country.empty() && !Knows(lookups.country_exists, c.abroad_country)) {
    p.Add("abroad_country", "unknown_country",
          "'" + c.abroad_country + "' is not a known country code.");
  }
  if (!c.municipality_code.empty() && !c.abroad_country.empty()) {
    p.Add("place", "both_places", "Give a municipality or a country abroad, not both.");
  }
}

void CheckCaller(const Consultation& c, Problems& p) {
  // In immediate danger nothing may hold the operator up: the organisation can follow.
  if (!c.immediate_danger && c.caller.organisation_id.empty() &&
      Blank(c.caller.organisation_name)) {
    p.Add("caller.organisation_name", "required",
          "Name the caller's organisation when it is not in the directory.");
  }
  if (c.channel == Channel::kWebRequest && Blank(c.caller.name)) {
    p.Add("caller.name", "required", "A call-back request needs the caller's name.");
  }
  if (!c.caller.phone.empty() && !IsPlausiblePhone(c.caller.phone)) {
    p.Add("caller.phone", "format", "Not a phone number.");
  }
  if (!c.caller.email.empty() && !orgs::IsValidEmail(c.caller.email)) {
    p.Add("caller.email", "format", "Not a valid e-mail address.");
  }
}

void CheckPerson(const DescribedPerson& person, Problems& p) {
  if (!person.approximate_age) return;
  const int age = *person.approximate_age;
  if (age < 0 || age > kMaxAge) {
    p.Add("person.approximate_age", "out_of_range", "An approximate age is 0 to 120 years.");
    return;
  }
  if ((person.age_group == AgeGroup::kChild && age >= kAdultAge) ||
      (person.age_group == AgeGroup::kAdult && age < kAdultAge)) {
    p.Add("person.age_group", "age_contradicts",
          "The age group and the approximate age disagree (a child is 0-17).");
  }
}

void CheckIdentity(const Consultation& c, CivilDate today, Problems& p) {
  const IdentityDetails& id = c.identity;
  if (c.identity_basis == IdentityBasis::kNone) {
    const char* detail =
        "Identity fields need the person's recorded consent (or, for a child, a report of "
        "concern).";
    if (!id.name.empty()) p.Add("identity.name", "consent_required", detail);
    if (id.date_of_birth) p.Add("identity.date_of_birth", "consent_required", detail);
    if (!id.phone.empty()) p.Add("identity.phone", "consent_required", detail);
    if (!id.email.empty()) p.Add("identity.email", "consent_required", detail);
  } else {
    if (!id.phone.empty() && !IsPlausiblePhone(id.phone)) {
      p.Add("identity.phone", "format", "Not a phone number.");
    }
    if (!id.email.empty() && !orgs::IsValidEmail(id.email)) {
      p.Add("identity.email", "format", "Not a valid e-mail address.");
    }
  }
  if (c.identity_basis == IdentityBasis::kReportOfConcern && !IsChild(c.person)) {
    p.Add("identity_basis", "child_only", "A report of concern applies to a child only.");
  }
  if (id.date_of_birth && today < *id.date_of_birth) {
    p.Add("identity.date_of_birth", "in_future", "A date of birth cannot be after today.");
  }
}

void CheckTexts(const Consultation& c, Problems& p) {
  if (CharacterCount(c.situation) > kMaxLongText) {
    p.Add("situation", "too_long", "At most 20,000 characters.");
  }
  if (c.identity_basis == IdentityBasis::kNone && LooksIdentifying(c.situation)) {
    p.Add("situation", "looks_identifying",
          "The text seems to hold a personal identity number, an e-mail address or a phone "
          "number; without consent a consultation stays anonymous.");
  }
  if (CharacterCount(c.advice) > kMaxLongText) {
    p.Add("advice", "too_long", "At most 20,000 characters.");
  }
}

void CheckEffort(const Consultation& c, Problems& p) {
  if (c.duration_seconds < 0 || c.duration_seconds > kSecondsPerDay) {
    p.Add("duration_seconds", "out_of_range", "A call lasts 0 seconds to a day.");
  }
  if (c.time_spent_minutes < 0 || c.time_spent_minutes > kMinutesPerDay) {
    p.Add("time_spent_minutes", "out_of_range", "Time spent is 0 minutes to a day.");
  }
}

void CheckOverrides(const Consultation& c, Problems& p) {
  for (std::size_t i = 0; i < c.overrides.size(); ++i) {
    const std::string base = "overrides[" + std::to_string(i) + "]";
    if (c.overrides[i].organisation_id.empty()) {
      p.Add(base + ".organisation_id", "required", "Name the organisation.");
    }
    if (Blank(c.overrides[i].reason)) {
      p.Add(base + ".reason", "required", "Say why the suggestion was overridden.");
    }
  }
}

}  // namespace

const std::vector<Channel>& AllChannels() {
  static const auto all = kChannels.All();
  return all;
}
std::string_view ToString(Channel channel) { return kChannels.Name(channel); }
std::optional<Channel> ParseChannel(std::string_view text) { return kChannels.Parse(text); }

const std::vector<Urgency>& AllUrgencies() {
  static const auto all = kUrgencies.All();
  return all;
}
std::string_view ToString(Urgency urgency) { return kUrgencies.Name(urgency); }
std::optional<Urgency> ParseUrgency(std::string_view text) { return kUrgencies.Parse(text); }

const std::vector<QueueStatus>& AllQueueStatuses() {
  static const auto all = kStatuses.All();
  return all;
}
std::string_view ToString(QueueStatus status) { return kStatuses.Name(status); }
std::optional<QueueStatus> ParseQueueStatus(std::string_view text) { return kStatuses.Parse(text); }

std::string_view ToString(IdentityBasis basis) { return kBases.Name(basis); }
std::optional<IdentityBasis> ParseIdentityBasis(std::string_view text) {
  return kBases.Parse(text);
}

const std::vector<DangerStep>& AllDangerSteps() {
  static const auto all = kSteps.All();
  return all;
}
std::string_view ToString(DangerStep step) { return kSteps.Name(step); }
std::optional<DangerStep> ParseDangerStep(std::string_view text) { return kSteps.Parse(text); }

bool IdentityDetails::Empty() const {
  return name.empty() && !date_of_birth && phone.empty() && email.empty();
}

Situation SituationOf(const Consultation& c) {
  Situation s;
  s.municipality_code = c.municipality_code;
  s.topic = c.topic;
  s.forms = c.person.forms;
  s.age_group = c.person.age_group;
  s.citizenship = c.person.citizenship;
  s.holds_residence_permit = c.person.holds_residence_permit;
  s.wants_to_report_to_police = c.person.wants_to_report_to_police;
  s.wish_to_return = c.person.wish_to_return;
  s.gender = c.person.gender;
  s.needs_shelter = c.person.needs_shelter;
  s.immediate_danger = c.immediate_danger;
  s.consents_to_sharing = c.identity_basis == IdentityBasis::kConsent;
  s.social_services_involve_police = c.person.social_services_involve_police;
  return s;
}

Urgency EffectiveUrgency(const Consultation& c) {
  return c.immediate_danger ? Urgency::kImmediateDanger : c.urgency;
}

Status CheckConsultation(const Consultation& consultation, const ConsultationLookups& lookups,
                         CivilDate today) {
  Problems p;
  CheckPlace(consultation, lookups, p);
  if (!Knows(lookups.language_exists, consultation.language)) {
    p.Add("language", "unknown_language",
          "'" + consultation.language + "' is not a known language code.");
  }
  CheckCaller(consultation, p);
  CheckPerson(consultation.person, p);
  CheckIdentity(consultation, today, p);
  CheckTexts(consultation, p);
  CheckEffort(consultation, p);
  CheckOverrides(consultation, p);
  return p.ToStatus("The consultation breaks one or more rules.");
}

}  // namespace opennrm::hotline
