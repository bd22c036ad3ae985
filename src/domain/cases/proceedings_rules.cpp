// CheckProceedings: the rules of recorded criminal proceedings.
#include <set>

#include "domain/cases/checks.hpp"
#include "domain/cases/offences.hpp"
#include "domain/cases/police_report.hpp"
#include "domain/cases/proceedings.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::cases {

namespace {

using detail::Item;
using detail::Path;

void CheckReportNumbers(const Proceedings& pr, const std::string& path, Problems& p) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < pr.police_report_numbers.size(); ++i) {
    const std::string field = Item(Path(path, "police_report_numbers"), i);
    auto number = NormalisePoliceReportNumber(pr.police_report_numbers[i]);
    if (!number) {
      p.Add(field, "format", "A police report number looks like 5000-K123456-26.");
    } else if (!seen.insert(*number).second) {
      p.Add(field, "duplicate", "The report number is listed twice.");
    }
  }
}

void CheckOffence(const OffenceRecord& o, const OffenceCatalog* catalog, const std::string& base,
                  Problems& p) {
  if (!catalog || !catalog->Find(o.offence_id)) {
    p.Add(Path(base, "offence_id"), "unknown_offence", "'" + o.offence_id + "' is no offence.");
    return;
  }
  const OffenceVersion* v = catalog->FindVersion(o.version_id);
  if (!v || v->offence_id != o.offence_id) {
    p.Add(Path(base, "version_id"), "unknown_version",
          "'" + o.version_id + "' is not a version of " + o.offence_id + ".");
    return;
  }
  if (!FindGrade(*v, o.grade)) {
    p.Add(Path(base, "grade"), "unknown_grade", "'" + o.grade + "' is no grade of " + v->id + ".");
  }
  if (o.committed && !IsValid(*o.committed)) {
    p.Add(Path(base, "committed"), "format", "A date as YYYY, YYYY-MM or YYYY-MM-DD.");
  } else if (o.committed && !InForceDuring(*v, Earliest(*o.committed), Latest(*o.committed))) {
    p.Add(Path(base, "version_id"), "offence_not_in_force",
          v->name_en + " was not in force when the act was committed.");
  }
  detail::CheckText(p, Path(base, "description"), o.description, detail::kMaxLongText, false);
  if (v->needs_description && text::Trim(o.description).empty()) {
    p.Add(Path(base, "description"), "description_required", "Describe the offence.");
  }
}

void CheckDecisions(const Proceedings& pr, CivilDate today, const std::string& path, Problems& p) {
  const auto& inv = pr.investigation;
  if (inv) {
    const std::string base = Path(path, "investigation");
    detail::CheckNotFuture(p, Path(base, "opened_on"), inv->opened_on, today);
    if (inv->closed_on && *inv->closed_on < inv->opened_on) {
      p.Add(Path(base, "closed_on"), "end_before_start", "Closed before it was opened.");
    }
    detail::CheckText(p, Path(base, "closing_reason"), inv->closing_reason, detail::kMaxLongText,
                      false);
  }
  const auto& pros = pr.prosecution;
  if (pros) {
    const std::string base = Path(path, "prosecution");
    if (!inv) {
      p.Add(base, "investigation_required", "A prosecution decision follows an investigation.");
    } else if (pros->decided_on < inv->opened_on) {
      p.Add(Path(base, "decided_on"), "before_investigation",
            "The decision cannot come before the investigation opened.");
    }
    detail::CheckNotFuture(p, Path(base, "decided_on"), pros->decided_on, today);
  }
  for (std::size_t i = 0; i < pr.judgments.size(); ++i) {
    const Judgment& j = pr.judgments[i];
    const std::string base = Item(Path(path, "judgments"), i);
    if (!pros || pros->outcome != ProsecutionOutcome::kIndictment) {
      p.Add(base, "judgment_without_indictment", "A court judges only after an indictment.");
    } else if (j.delivered_on < pros->decided_on) {
      p.Add(Path(base, "delivered_on"), "before_prosecution",
            "A judgment cannot come before the indictment.");
    }
    detail::CheckNotFuture(p, Path(base, "delivered_on"), j.delivered_on, today);
    detail::CheckText(p, Path(base, "court"), j.court, detail::kMaxShortText, true);
    detail::CheckText(p, Path(base, "case_number"), j.case_number, detail::kMaxShortText, false);
    bool convicted = j.verdict != Verdict::kAcquitted;
    if (convicted && !j.sentence) {
      p.Add(Path(base, "sentence"), "sentence_required", "A conviction has a sentence.");
    }
    if (!convicted && j.sentence) {
      p.Add(Path(base, "sentence"), "sentence_without_conviction", "An acquittal has no sentence.");
    }
    if (j.sentence && j.sentence->kind == SentenceKind::kPrison &&
        (j.sentence->months < 1 || j.sentence->months > 12 * 50)) {
      p.Add(Path(Path(base, "sentence"), "months"), "range", "Prison for 1 to 600 months.");
    }
  }
  for (std::size_t i = 0; i < pr.appeals.size(); ++i) {
    const Appeal& a = pr.appeals[i];
    const std::string base = Item(Path(path, "appeals"), i);
    if (a.from_level == CourtLevel::kSupremeCourt) {
      p.Add(Path(base, "from_level"), "no_higher_court", "The Supreme Court is the last instance.");
      continue;
    }
    bool found = false;
    for (const auto& j : pr.judgments) {
      if (j.level == a.from_level && !(a.lodged_on < j.delivered_on)) found = true;
    }
    if (!found) {
      p.Add(base, "appeal_without_judgment", "An appeal follows a judgment at that level.");
    }
    detail::CheckNotFuture(p, Path(base, "lodged_on"), a.lodged_on, today);
  }
}

void CheckInjuredParties(const Proceedings& pr, const RoleOf& role_of, CivilDate today,
                         const std::string& path, Problems& p) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < pr.injured_parties.size(); ++i) {
    const InjuredParty& ip = pr.injured_parties[i];
    const std::string base = Item(Path(path, "injured_parties"), i);
    auto role = role_of ? role_of(ip.person_id) : std::nullopt;
    if (!role) {
      p.Add(Path(base, "person_id"), "unknown_person", "The case holds no such person.");
    } else if (NeedsPublicAuthority(*role)) {
      p.Add(Path(base, "person_id"), "injured_party_role",
            "A suspect or buyer is not recorded as injured party here.");
    }
    if (!seen.insert(ip.person_id).second) {
      p.Add(Path(base, "person_id"), "duplicate", "The person is listed twice.");
    }
    if (ip.since) detail::CheckNotFuture(p, Path(base, "since"), *ip.since, today);
  }
}

}  // namespace

void CheckProceedings(const Proceedings& pr, orgs::Kind owner_kind, const RoleOf& role_of,
                      const Lookups& lookups, CivilDate today, const std::string& path,
                      Problems& p) {
  if (!orgs::IsPublicAuthority(owner_kind)) {
    p.Add(path, "proceedings_need_authority",
          "Only a public authority may record criminal proceedings.");
    return;
  }
  CheckReportNumbers(pr, path, p);
  for (std::size_t i = 0; i < pr.offences.size(); ++i) {
    CheckOffence(pr.offences[i], lookups.offences, Item(Path(path, "offences"), i), p);
  }
  CheckDecisions(pr, today, path, p);
  CheckInjuredParties(pr, role_of, today, path, p);
}

}  // namespace opennrm::cases
