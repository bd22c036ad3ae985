// What a consultation discloses (referral_source_consultation.hpp): the
// facts the disclosure decision needs and the package document, built from
// the stored row and its opened body. Pure: no I/O, no clock.
#include <algorithm>
#include <chrono>

#include "app/referrals/referral_source_consultation.hpp"
#include "core/stockholm_date.hpp"
#include "domain/cases/date_of_birth.hpp"
#include "domain/cases/person_role.hpp"
#include "domain/hotline/situation.hpp"

namespace opennrm::app::referral_internal {

namespace {

CivilDate DayOfUs(long long at_us) {
  return StockholmDateOf(TimePoint(std::chrono::microseconds(at_us)));
}

bool Has(const std::vector<access::Section>& sections, access::Section s) {
  return std::find(sections.begin(), sections.end(), s) != sections.end();
}

cases::Gender GenderOf(const std::string& word) {
  switch (hotline::ParseGender(word).value_or(hotline::Gender::kUnknown)) {
    case hotline::Gender::kFemale:
      return cases::Gender::kFemale;
    case hotline::Gender::kMale:
      return cases::Gender::kMale;
    case hotline::Gender::kOther:
      return cases::Gender::kOther;
    case hotline::Gender::kUnknown:
      break;
  }
  return cases::Gender::kNotRecorded;
}

// A citizenship group names a country only when it is Swedish.
cases::Citizenship CitizenshipOf(const std::string& word) {
  if (hotline::ParseCitizenshipGroup(word) == hotline::CitizenshipGroup::kSwedish) {
    return cases::Citizenship{cases::CitizenshipStatus::kKnown, {"SE"}};
  }
  return cases::Citizenship{};
}

cases::ResidencePermit PermitOf(const ports::ConsultationRow& row) {
  if (!row.holds_residence_permit) return cases::ResidencePermit::kUnknown;
  return *row.holds_residence_permit ? cases::ResidencePermit::kHasPermit
                                     : cases::ResidencePermit::kNone;
}

// Sets the date of birth when recorded, else the approximate age as an
// estimate made on the day the contact came in. Filled in place: g++ 12 at
// -O2 warns (maybe-uninitialized) on returning an optional variant by value.
void SetBirth(const ports::ConsultationRow& row, const ports::ConsultationBody& body,
              cases::Person& p) {
  if (body.identity.date_of_birth) {
    p.date_of_birth.emplace(cases::DayOf(*body.identity.date_of_birth));
  } else if (row.approximate_age) {
    const int age = *row.approximate_age;
    p.date_of_birth.emplace(cases::AgeRange{age, age, DayOfUs(row.received_at_us)});
  }
}

ports::PackageIdentity IdentityOf(const ports::ConsultationRow& row,
                                  const ports::ConsultationBody& body) {
  cases::Person p;
  if (!body.identity.name.empty()) {
    p.names.push_back(cases::PersonName{cases::NameKind::kName, body.identity.name, ""});
  }
  SetBirth(row, body, p);
  // A child by the age group alone: the claim keeps the child track.
  p.claimed_minor = hotline::ParseAgeGroup(row.age_group) == hotline::AgeGroup::kChild;
  p.gender = GenderOf(row.gender);
  p.citizenship = CitizenshipOf(row.citizenship);
  p.residence_permit = PermitOf(row);
  return ports::PackageIdentity{std::string(cases::ToString(cases::PersonRole::kPresumedVictim)),
                                std::move(p)};
}

ports::PackageContact ContactOf(const ports::ConsultationBody& body) {
  cases::ContactDetails c;
  if (!body.identity.phone.empty()) c.phones.push_back(body.identity.phone);
  if (!body.identity.email.empty()) c.emails.push_back(body.identity.email);
  return ports::PackageContact{std::move(c)};
}

// The forms as a case records them: a sector or details where a case needs them.
std::vector<cases::Exploitation> FormsOf(const ports::ConsultationRow& row) {
  std::vector<cases::Exploitation> out;
  for (const auto& word : row.forms) {
    auto form = cases::ParseExploitationForm(word);
    if (!form) continue;
    cases::Exploitation e;
    e.form = *form;
    if (*form == cases::ExploitationForm::kLabour) {
      e.sector = cases::LabourSector::kOther;
      e.details = "The sector was not recorded in the hotline consultation.";
    } else if (*form == cases::ExploitationForm::kOther) {
      e.details = "Another form, as the hotline consultation's situation describes it.";
    }
    out.push_back(std::move(e));
  }
  return out;
}

ports::PackageAssessment AssessmentOf(const ports::ConsultationRow& row,
                                      const std::string& catalog_version, bool strip_places) {
  ports::PackageAssessment out;
  ports::ExploitationBody exploitation;
  exploitation.forms = FormsOf(row);
  if (!strip_places) {
    if (!row.municipality_code.empty()) {
      exploitation.places.municipalities.push_back(row.municipality_code);
      exploitation.places.exploitation_countries.push_back("SE");
    } else if (!row.abroad_country.empty()) {
      exploitation.places.exploitation_countries.push_back(row.abroad_country);
    }
  }
  out.exploitation = std::move(exploitation);
  if (!row.indicators.empty()) {
    cases::IndicatorsAssessment indicators;
    indicators.catalog_version = catalog_version;
    indicators.assessed_by = row.created_by;
    indicators.assessed_on = DayOfUs(row.received_at_us);
    for (const auto& id : row.indicators) {
      indicators.answers.push_back(cases::IndicatorResponse{
          id, cases::IndicatorAnswer::kYes,
          "Seen by the professional who contacted the hotline (" + row.code + ")."});
    }
    out.indicators = std::move(indicators);
  }
  return out;
}

ports::PackageNotes NotesOf(const ports::ConsultationRow& row,
                            const ports::ConsultationBody& body) {
  ports::PackageNotes out;
  if (!body.situation.empty()) {
    out.notes.push_back({row.id + "-situation", row.received_at_us, "",
                         "The situation described to the hotline:\n" + body.situation});
  }
  if (!body.advice.empty()) {
    out.notes.push_back({row.id + "-advice", row.updated_at_us, "",
                         "The advice the hotline gave:\n" + body.advice});
  }
  return out;
}

}  // namespace

const std::vector<access::Section>& ConsultationSections() {
  static const std::vector<access::Section> kSections{
      access::Section::kIdentity, access::Section::kContact, access::Section::kAssessment,
      access::Section::kNotes};
  return kSections;
}

void CheckConsultationSections(const std::vector<std::string>& sections, Problems& problems) {
  for (std::size_t i = 0; i < sections.size(); ++i) {
    auto s = access::ParseSection(sections[i]);
    if (s && !Has(ConsultationSections(), *s)) {
      problems.Add("sections[" + std::to_string(i) + "]", "not_in_source",
                   "A consultation holds only identity, contact, assessment and notes.");
    }
  }
}

referrals::CaseFacts ConsultationFacts(const ports::ConsultationRow& row,
                                       const ports::ConsultationBody& body, orgs::Kind owner_kind,
                                       CivilDate today) {
  referrals::CaseFacts f;  // person_id "": no person record, as in the consultation's consents
  f.owner_kind = owner_kind;
  bool child =
      hotline::ParseAgeGroup(row.age_group) == hotline::AgeGroup::kChild ||
      hotline::ParseIdentityBasis(row.identity_basis) == hotline::IdentityBasis::kReportOfConcern;
  if (row.approximate_age && *row.approximate_age < cases::kAdultAge) child = true;
  if (body.identity.date_of_birth &&
      cases::AgeOn(*body.identity.date_of_birth, today) < cases::kAdultAge) {
    child = true;
  }
  f.may_be_child = child;
  return f;
}

std::string CaseTypeForTopic(const std::string& topic) {
  switch (hotline::ParseTopic(topic).value_or(hotline::Topic::kOther)) {
    case hotline::Topic::kSuspectedTrafficking:
      return "trafficking_in_human_beings";
    case hotline::Topic::kHumanExploitation:
      return "human_exploitation";
    case hotline::Topic::kProstitution:
      return "prostitution_exit_support";
    default:
      return "";
  }
}

ports::PackageDocument ConsultationPackage(const ports::ConsultationRow& row,
                                           const ports::ConsultationBody& body,
                                           const PackageSender& sender,
                                           const referrals::ApprovedScope& scope, CivilDate today) {
  ports::PackageDocument doc;
  doc.sender_id = sender.id;
  doc.sender_name = sender.name;
  doc.case_code = row.code;
  doc.case_type = CaseTypeForTopic(row.topic);
  doc.sent_on = today;
  doc.is_protected = scope.warn_recipient_protected;
  std::vector<access::Section> done;
  for (access::Section section : scope.sections) {
    if (Has(done, section) || !Has(ConsultationSections(), section)) continue;
    done.push_back(section);
    switch (section) {
      case access::Section::kIdentity:
        doc.sections.emplace_back(IdentityOf(row, body));
        break;
      case access::Section::kContact:
        if (!scope.strip_places) doc.sections.emplace_back(ContactOf(body));
        break;
      case access::Section::kAssessment:
        doc.sections.emplace_back(AssessmentOf(row, sender.catalog_version, scope.strip_places));
        break;
      case access::Section::kNotes:
        doc.sections.emplace_back(NotesOf(row, body));
        break;
      default:
        break;
    }
  }
  return doc;
}

}  // namespace opennrm::app::referral_internal
