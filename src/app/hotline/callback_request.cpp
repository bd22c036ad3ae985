// The public call-back request: validate, file as a consultation in the
// national unit's queue, audit as written by nobody in particular.
#include "app/hotline/callback_request.hpp"

#include <algorithm>
#include <vector>

#include "app/auth/internal.hpp"
#include "app/hotline/consultation_support.hpp"
#include "core/stockholm_date.hpp"
#include "domain/hotline/consultation.hpp"
#include "domain/hotline/office_hours.hpp"
#include "domain/hotline/situation.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::app {

using namespace auth_internal;
using consultation_internal::ConsultationCode;
using consultation_internal::SealedRow;

namespace {

constexpr std::size_t kMaxPhoneBytes = 30;

std::string Trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

bool HasControlCharacters(const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

void CheckText(const std::string& field, const std::string& value, Problems& problems) {
  std::string v = Trimmed(value);
  if (v.empty()) {
    problems.Add(field, "required", "Fill this in.");
  } else if (v.size() > kCallbackMaxTextBytes) {
    problems.Add(field, "too_long",
                 "At most " + std::to_string(kCallbackMaxTextBytes) + " characters.");
  } else if (HasControlCharacters(v)) {
    problems.Add(field, "characters", "Line breaks and control characters are not allowed.");
  }
}

// Digits, spaces, hyphens, brackets and a leading +; 6 to 15 digits.
void CheckPhone(const std::string& value, Problems& problems) {
  std::string v = Trimmed(value);
  if (v.empty()) {
    problems.Add("phone", "required", "Give a phone number to call back.");
    return;
  }
  if (v.size() > kMaxPhoneBytes) {
    problems.Add("phone", "too_long", "At most " + std::to_string(kMaxPhoneBytes) + " characters.");
    return;
  }
  int digits = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || (c == '+' && i == 0))) {
      problems.Add("phone", "characters",
                   "Use digits, spaces, hyphens and a leading + only (e.g. 08-123 456 78).");
      return;
    }
  }
  if (digits < 6 || digits > 15) {
    problems.Add("phone", "format", "A phone number has 6 to 15 digits.");
  }
}

// ISO 639-3 of the language the professional wrote in.
std::string LanguageOf(const std::string& message_language) {
  return message_language == "en" ? "eng" : "swe";
}

// Whether `a` came before `b`: the first national unit made (the seeded one) keeps the queue.
bool Earlier(const orgs::Organisation& a, const orgs::Organisation& b) {
  return a.created_at_us != b.created_at_us ? a.created_at_us < b.created_at_us : a.id < b.id;
}

// The active national unit (the earliest made, should there be several);
// kInternal when the directory has none.
Result<orgs::Organisation> NationalUnit(const Context& ctx) {
  std::vector<orgs::Organisation> units;
  if (ctx.directory) {
    auto active = ctx.directory->Active(ctx.db);
    if (!active) return tl::unexpected(active.error());
    for (const auto& org : **active) {
      if (org.data.kind == orgs::Kind::kNationalUnit) units.push_back(org);
    }
  } else {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    ports::OrganisationFilter filter;
    filter.kind = orgs::Kind::kNationalUnit;
    filter.active = true;
    filter.limit = 200;
    filter.count_total = false;
    auto page = (*uow)->organisations().List(filter);
    if (!page) return tl::unexpected(page.error());
    units = std::move(page->items);
  }
  if (units.empty()) {
    return Internal(
        "No active national unit is in the directory: call-back requests have nowhere to go.");
  }
  return *std::min_element(units.begin(), units.end(), Earlier);
}

}  // namespace

Status CheckCallbackRequest(const CallbackRequest& request) {
  Problems problems;
  CheckText("name", request.name, problems);
  CheckText("organisation", request.organisation, problems);
  CheckPhone(request.phone, problems);
  if (request.topic.empty()) {
    problems.Add("topic", "required", "Choose what the call is about.");
  } else if (!hotline::ParseTopic(request.topic)) {
    problems.Add("topic", "unknown_code", "Choose one of the topics the form offers.");
  }
  if (!request.message_language.empty() && request.message_language != "sv" &&
      request.message_language != "en") {
    problems.Add("message_language", "unknown_code", "Use \"sv\" or \"en\".");
  }
  return problems.ToStatus("The call-back request breaks one or more rules.");
}

Status ReceiveCallbackRequest(const Context& ctx, const CallbackRequest& request,
                              const std::string& request_id) {
  if (auto st = CheckCallbackRequest(request); !st) return st;
  if (!ctx.hotline) return Internal("The hotline is not configured.");
  if (!ctx.consultation_codec) return Internal("The consultation codec is not set.");
  auto unit = NationalUnit(ctx);
  if (!unit) return tl::unexpected(unit.error());

  long long now = NowUs(ctx);
  hotline::Consultation c;
  c.id = ctx.ids.NewId();
  c.organisation_id = unit->id;
  c.channel = hotline::Channel::kWebRequest;
  c.received_at_us = now;
  c.caller.name = Trimmed(request.name);
  c.caller.organisation_name = Trimmed(request.organisation);
  c.caller.phone = Trimmed(request.phone);
  c.language = LanguageOf(request.message_language);
  c.topic = *hotline::ParseTopic(request.topic);
  c.urgency = hotline::Urgency::kNormal;
  c.identity_basis = hotline::IdentityBasis::kNone;
  c.status = hotline::QueueStatus::kNew;
  c.respond_by_us = hotline::RespondBy(ctx.hotline->office_hours, c.urgency, now, StockholmZone());
  c.created_by = "";
  c.created_at_us = c.updated_at_us = now;

  // Sealed before the write transaction opens; the code is drawn inside it.
  auto row = SealedRow(ctx, c);
  if (!row) return tl::unexpected(row.error());
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    int year = StockholmDateOf(ctx.clock.Now()).year;
    auto number = (*uow)->consultations().NextCodeNumber(year);
    if (!number) return tl::unexpected(number.error());
    c.code = ConsultationCode(year, *number);
    row->code = c.code;
    if (auto st = (*uow)->consultations().Insert(*row); !st) return tl::unexpected(st.error());
    if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
  }
  // Written by the public: no actor, no roles; the object names the id only.
  ::opennrm::audit::Event e =
      EventOf(ctx, access::Actor{}, "consultation.created", "allowed", request_id);
  e.objects.push_back(Object("consultation", c.id, c.organisation_id));
  e.purpose = "callback_request";
  return Audit(ctx, std::move(e));
}

}  // namespace opennrm::app
