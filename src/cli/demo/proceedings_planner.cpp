#include "cli/demo/proceedings_planner.hpp"

#include <algorithm>
#include <cstdio>

#include "core/stockholm_date_math.hpp"

namespace opennrm::cli::demo {

namespace {

using namespace cases;

// The offences a case of this type and these forms concerns, most serious first.
std::vector<std::string> OffenceIds(const CasePlan& plan) {
  std::vector<std::string> ids;
  switch (plan.type) {
    case CaseType::kHumanExploitation:
      ids.push_back("human_exploitation");
      break;
    case CaseType::kChildSexualActPurchaseExploitation:
      ids.push_back("child_sexual_act_purchase");
      break;
    default:
      ids.push_back("trafficking_in_human_beings");
  }
  bool sexual = std::any_of(plan.forms.begin(), plan.forms.end(), [](const Exploitation& e) {
    return e.form == ExploitationForm::kSexual;
  });
  if (sexual && plan.type != CaseType::kChildSexualActPurchaseExploitation) {
    ids.push_back("procuring");
  }
  for (const auto& p : plan.persons) {
    if (p.role == PersonRole::kBuyerOfSexualServices) {
      ids.push_back("purchase_of_sex");
      break;
    }
  }
  return ids;
}

std::vector<OffenceRecord> Offences(const DemoWorld& w, const CasePlan& plan, DemoRandom& random) {
  std::vector<OffenceRecord> out;
  if (!w.rules || !w.rules->offences) return out;
  CivilDate committed = AddDays(plan.opened_on, -random.Between(7, 120));
  for (const auto& id : OffenceIds(plan)) {
    const OffenceVersion* v = w.rules->offences->InForce(id, committed);
    if (!v || v->grades.empty() || v->needs_description) continue;
    OffenceRecord o;
    o.offence_id = id;
    o.version_id = v->id;
    o.grade = v->grades.front().id;
    if (FindGrade(*v, "gross") && random.Chance(0.2)) o.grade = "gross";
    o.committed = DayOf(committed);
    out.push_back(std::move(o));
  }
  return out;
}

std::string ReportNumber(CivilDate on, DemoRandom& random) {
  const int units[] = {1000, 2000, 3000, 4000, 5000, 6000, 7000};
  char text[32];
  std::snprintf(text, sizeof text, "%d-K%d-%02d", units[random.Below(7)],
                random.Between(10000, 999999), on.year % 100);
  return text;
}

Judgment JudgmentOf(CourtLevel level, CivilDate on, DemoRandom& random) {
  const char* district[] = {"Stockholms tingsrätt", "Göteborgs tingsrätt", "Malmö tingsrätt",
                            "Uppsala tingsrätt", "Örebro tingsrätt"};
  const char* appeal[] = {"Svea hovrätt", "Hovrätten för Västra Sverige",
                          "Hovrätten över Skåne "
                          "och Blekinge"};
  Judgment j;
  j.level = level;
  j.court =
      level == CourtLevel::kDistrictCourt ? district[random.Below(5)] : appeal[random.Below(3)];
  char number[24];
  std::snprintf(number, sizeof number, "B %d-%02d", random.Between(100, 19999), on.year % 100);
  j.case_number = number;
  j.delivered_on = on;
  j.verdict = std::array{Verdict::kConvicted, Verdict::kPartlyConvicted,
                         Verdict::kAcquitted}[random.Weighted({65, 15, 20})];
  if (j.verdict != Verdict::kAcquitted) {
    Sentence s;
    s.kind = random.Chance(0.85) ? SentenceKind::kPrison : SentenceKind::kConditionalSentence;
    if (s.kind == SentenceKind::kPrison) s.months = random.Between(6, 96);
    j.sentence = s;
  }
  return j;
}

}  // namespace

Proceedings ProceedingsAt(const DemoWorld& w, const CasePlan& plan, const Proceedings& before,
                          const std::string& step, CivilDate on, DemoRandom& random) {
  Proceedings p = before;
  if (step == "reported") {
    p.police_report_numbers.push_back(ReportNumber(on, random));
    if (p.offences.empty()) p.offences = Offences(w, plan, random);
    if (p.injured_parties.empty())
      p.injured_parties.push_back({"0", InjuredPartyStatus::kNotDecided, {}});
  } else if (step == "preliminary_investigation") {
    p.investigation = PreliminaryInvestigation{
        on, random.Chance(0.7) ? InvestigationLeader::kProsecutor : InvestigationLeader::kPolice,
        std::nullopt, ""};
    for (auto& party : p.injured_parties) {
      party.status = InjuredPartyStatus::kInjuredParty;
      party.since = on;
    }
  } else if (step == "prosecution_decision") {
    if (p.investigation) p.investigation->closed_on = on;  // complete: the prosecutor decides
  } else if (step == "trial") {
    p.prosecution = ProsecutionDecision{ProsecutionOutcome::kIndictment, on};
  } else if (step == "discontinued") {
    if (p.investigation && p.investigation->closed_on) {
      p.prosecution =
          ProsecutionDecision{random.Chance(0.8) ? ProsecutionOutcome::kNoProsecution
                                                 : ProsecutionOutcome::kProsecutionWaiver,
                              on};
    } else if (p.investigation) {
      p.investigation->closed_on = on;
      p.investigation->closing_reason =
          random.Chance(0.7) ? "insufficient_evidence" : "no_offence_established";
    }
  } else if (step == "judgment") {
    CourtLevel level = p.appeals.empty() ? CourtLevel::kDistrictCourt : CourtLevel::kCourtOfAppeal;
    p.judgments.push_back(JudgmentOf(level, on, random));
  } else if (step == "appeal") {
    CourtLevel from = p.judgments.empty() ? CourtLevel::kDistrictCourt : p.judgments.back().level;
    p.appeals.push_back(Appeal{from,
                               std::array{AppealedBy::kDefendant, AppealedBy::kProsecutor,
                                          AppealedBy::kInjuredParty}[random.Weighted({60, 35, 5})],
                               on});
  } else if (step == "legally_binding") {
    if (!p.judgments.empty()) p.judgments.back().final = true;
  }
  return p;
}

}  // namespace opennrm::cli::demo
