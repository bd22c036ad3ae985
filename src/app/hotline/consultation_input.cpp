// CheckedInput (consultation_support.hpp): the caller's words parsed into a
// consultation, checked against the reference data, the indicator
// checklist, the directory and hotline::CheckConsultation; every broken rule
// named at once.
#include <climits>

#include "app/auth/internal.hpp"
#include "app/hotline/consultation_support.hpp"
#include "core/stockholm_date.hpp"

namespace opennrm::app::consultation_internal {

namespace {

constexpr std::size_t kMaxShort = 200;
constexpr std::size_t kMaxReason = 4000;
constexpr std::size_t kMaxListed = 200;
// A receipt may be stamped by a clock a little ahead of the server's.
constexpr long long kFutureSlackUs = 5LL * 60 * 1000000;

void ShortText(Problems& p, const std::string& field, const std::string& value,
               std::size_t max = kMaxShort) {
  if (value.size() > max) {
    p.Add(field, "max_length", "At most " + std::to_string(max) + " characters.");
  }
}

template <typename T, typename Parse>
void Code(Problems& p, const std::string& field, const std::string& word, Parse parse, T& out) {
  if (word.empty()) {
    p.Add(field, "required", "Choose a value.");
  } else if (auto v = parse(word)) {
    out = *v;
  } else {
    p.Add(field, "unknown_code", "Unknown value: " + word.substr(0, 64));
  }
}

int SmallInt(Problems& p, const std::string& field, long long value) {
  if (value < INT_MIN / 2 || value > INT_MAX / 2) {
    p.Add(field, "out_of_range", "The number is out of range.");
    return 0;
  }
  return static_cast<int>(value);
}

hotline::ConsultationLookups LookupsOf(const Context& ctx) {
  hotline::ConsultationLookups l;
  auto ref = ctx.reference;
  l.municipality_exists = [ref](std::string_view code) {
    return ref && ref->geography.FindMunicipality(code) != nullptr;
  };
  l.country_exists = [ref](std::string_view code) {
    // Two upper-case letters only: the catalogue also knows alpha-3 codes.
    return ref && code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' &&
           code[1] <= 'Z' && ref->catalogs.FindCountry(code) != nullptr;
  };
  l.language_exists = [ref](std::string_view code) {
    return ref && code.size() == 3 && ref->catalogs.FindLanguage(code) != nullptr;
  };
  return l;
}

void PersonOf(const Context& ctx, const DescribedPersonInput& in, hotline::DescribedPerson& out,
              Problems& p) {
  Code(p, "person.age_group", in.age_group, hotline::ParseAgeGroup, out.age_group);
  Code(p, "person.gender", in.gender, hotline::ParseGender, out.gender);
  Code(p, "person.citizenship", in.citizenship, hotline::ParseCitizenshipGroup, out.citizenship);
  if (in.approximate_age) {
    out.approximate_age = SmallInt(p, "person.approximate_age", *in.approximate_age);
  }
  out.holds_residence_permit = in.holds_residence_permit;
  if (in.forms.size() > kMaxListed) p.Add("person.forms", "too_many", "Too many forms.");
  for (std::size_t i = 0; i < in.forms.size() && i < kMaxListed; ++i) {
    if (auto f = cases::ParseExploitationForm(in.forms[i])) {
      out.forms.push_back(*f);
    } else {
      p.Add("person.forms[" + std::to_string(i) + "]", "unknown_code",
            "Unknown form of exploitation: " + in.forms[i].substr(0, 64));
    }
  }
  if (in.indicators.size() > kMaxListed) {
    p.Add("person.indicators", "too_many", "Too many indicators.");
  }
  const cases::IndicatorCatalog* catalog =
      ctx.case_rules && ctx.case_rules->indicators ? &*ctx.case_rules->indicators : nullptr;
  for (std::size_t i = 0; i < in.indicators.size() && i < kMaxListed; ++i) {
    if (catalog && catalog->Find(in.indicators[i])) {
      out.indicators.push_back(in.indicators[i]);
    } else {
      p.Add("person.indicators[" + std::to_string(i) + "]", "unknown_indicator",
            "Not an indicator of the checklist in use: " + in.indicators[i].substr(0, 64));
    }
  }
  out.wants_to_report_to_police = in.wants_to_report_to_police;
  out.wish_to_return = in.wish_to_return;
  out.needs_shelter = in.needs_shelter;
  out.social_services_involve_police = in.social_services_involve_police;
}

// Whether an active organisation `id` is in the directory.
Result<bool> InDirectory(ports::UnitOfWork& uow, const std::string& id) {
  if (id.size() > 64) return false;
  auto found = uow.organisations().FindWithoutLists(id);
  if (!found) return tl::unexpected(found.error());
  return found->has_value() && (*found)->data.active;
}

Status CheckOrganisations(ports::UnitOfWork& uow, const hotline::Consultation& c, Problems& p) {
  if (!c.caller.organisation_id.empty()) {
    auto known = InDirectory(uow, c.caller.organisation_id);
    if (!known) return tl::unexpected(known.error());
    if (!*known) {
      p.Add("caller.organisation_id", "unknown_organisation",
            "No such active organisation in the directory.");
    }
  }
  for (std::size_t i = 0; i < c.overrides.size(); ++i) {
    const std::string field = "overrides[" + std::to_string(i) + "]";
    if (c.overrides[i].organisation_id.empty()) {
      p.Add(field + ".organisation_id", "required", "Name the organisation.");
      continue;
    }
    auto known = InDirectory(uow, c.overrides[i].organisation_id);
    if (!known) return tl::unexpected(known.error());
    if (!*known) {
      p.Add(field + ".organisation_id", "unknown_organisation",
            "No such active organisation in the directory.");
    }
    ShortText(p, field + ".reason", c.overrides[i].reason, kMaxReason);
  }
  return Ok();
}

}  // namespace

Result<hotline::Consultation> CheckedInput(const Context& ctx, ports::UnitOfWork& uow,
                                           const ConsultationInput& in, long long now_us) {
  Problems p;
  hotline::Consultation c;
  Code(p, "channel", in.channel, hotline::ParseChannel, c.channel);
  Code(p, "topic", in.topic, hotline::ParseTopic, c.topic);
  Code(p, "urgency", in.urgency, hotline::ParseUrgency, c.urgency);
  Code(p, "identity_basis", in.identity_basis, hotline::ParseIdentityBasis, c.identity_basis);
  c.received_at_us = in.received_at_us.value_or(now_us);
  if (c.received_at_us < 0) {
    p.Add("received_at_us", "out_of_range", "A time after 1970.");
  } else if (c.received_at_us > now_us + kFutureSlackUs) {
    p.Add("received_at_us", "in_future", "A consultation cannot be received in the future.");
  }
  c.duration_seconds = SmallInt(p, "duration_seconds", in.duration_seconds);
  c.time_spent_minutes = SmallInt(p, "time_spent_minutes", in.time_spent_minutes);
  c.caller = in.caller;
  ShortText(p, "caller.organisation_id", c.caller.organisation_id, 64);
  ShortText(p, "caller.organisation_name", c.caller.organisation_name);
  ShortText(p, "caller.role", c.caller.role);
  ShortText(p, "caller.name", c.caller.name);
  ShortText(p, "caller.phone", c.caller.phone);
  ShortText(p, "caller.email", c.caller.email);
  c.language = in.language;
  c.interpreter = in.interpreter;
  c.municipality_code = in.municipality_code;
  c.abroad_country = in.abroad_country;
  c.situation = in.situation;
  PersonOf(ctx, in.person, c.person, p);
  c.immediate_danger = in.immediate_danger;
  c.identity = in.identity;
  ShortText(p, "identity.name", c.identity.name);
  ShortText(p, "identity.phone", c.identity.phone);
  ShortText(p, "identity.email", c.identity.email);
  c.advice = in.advice;
  if (in.overrides.size() > 50) p.Add("overrides", "too_many", "At most 50 overrides.");
  if (in.overrides.size() <= 50) c.overrides = in.overrides;
  if (auto st = CheckOrganisations(uow, c, p); !st) return tl::unexpected(st.error());
  const CivilDate today = StockholmDateOf(ctx.clock.Now());
  if (auto st = hotline::CheckConsultation(c, LookupsOf(ctx), today); !st) {
    for (const auto& f : st.error().fields) {
      bool seen = false;  // the parsing above names some rules already
      for (const auto& q : p.items()) seen = seen || q.field == f.field;
      if (!seen) p.Add(f.field, f.rule, f.detail);
    }
  }
  if (auto st = p.ToStatus("The consultation breaks one or more rules."); !st) {
    return tl::unexpected(st.error());
  }
  c.urgency = hotline::EffectiveUrgency(c);
  return c;
}

}  // namespace opennrm::app::consultation_internal
