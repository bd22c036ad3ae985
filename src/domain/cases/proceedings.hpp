// Criminal proceedings recorded in a case (rättsprocessen): police report
// numbers, the offences as dated versions, the preliminary investigation
// (förundersökning) and who leads it, the prosecution decision, judgments
// with sentences, appeals, and each victim's status as injured party
// (målsägande), Sweden's only formal status for a victim. Data about
// offences: only cases a public authority owns may hold proceedings. A
// victim's support never depends on them. Plain values; thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/cases/lookups.hpp"
#include "domain/cases/partial_date.hpp"
#include "domain/cases/person_role.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::cases {

enum class InvestigationLeader { kPolice, kProsecutor };
enum class ProsecutionOutcome {
  kIndictment,           // åtal
  kNoProsecution,        // beslut att inte väcka åtal / nedlagd förundersökning
  kProsecutionWaiver,    // åtalsunderlåtelse
  kSummaryPenaltyOrder,  // strafföreläggande
};
enum class CourtLevel { kDistrictCourt, kCourtOfAppeal, kSupremeCourt };
enum class Verdict { kConvicted, kPartlyConvicted, kAcquitted };
enum class SentenceKind {
  kPrison,               // fängelse
  kConditionalSentence,  // villkorlig dom
  kProbation,            // skyddstillsyn
  kFine,                 // böter
  kYouthService,         // ungdomstjänst
  kYouthCare,            // ungdomsvård
  kForensicCare,         // rättspsykiatrisk vård
  kOther,
};
enum class AppealedBy { kProsecutor, kDefendant, kInjuredParty };
enum class InjuredPartyStatus { kNotDecided, kInjuredParty, kNotInjuredParty };

std::string_view ToString(InvestigationLeader v);
std::string_view ToString(ProsecutionOutcome v);
std::string_view ToString(CourtLevel v);
std::string_view ToString(Verdict v);
std::string_view ToString(SentenceKind v);
std::string_view ToString(AppealedBy v);
std::string_view ToString(InjuredPartyStatus v);
std::optional<InvestigationLeader> ParseInvestigationLeader(std::string_view text);
std::optional<ProsecutionOutcome> ParseProsecutionOutcome(std::string_view text);
std::optional<CourtLevel> ParseCourtLevel(std::string_view text);
std::optional<Verdict> ParseVerdict(std::string_view text);
std::optional<SentenceKind> ParseSentenceKind(std::string_view text);
std::optional<AppealedBy> ParseAppealedBy(std::string_view text);
std::optional<InjuredPartyStatus> ParseInjuredPartyStatus(std::string_view text);

// One offence the proceedings concern, as the version in force when it was
// committed (the record keeps the version so later renames do not move it).
struct OffenceRecord {
  std::string offence_id;
  std::string version_id;
  std::string grade;                     // a grade id of the version
  std::optional<PartialDate> committed;  // when the act took place, if known
  std::string description;               // required for "other"
};

struct PreliminaryInvestigation {
  CivilDate opened_on;
  InvestigationLeader led_by = InvestigationLeader::kPolice;
  std::optional<CivilDate> closed_on;
  std::string closing_reason;
};

struct ProsecutionDecision {
  ProsecutionOutcome outcome = ProsecutionOutcome::kIndictment;
  CivilDate decided_on;
};

struct Sentence {
  SentenceKind kind = SentenceKind::kPrison;
  int months = 0;  // prison only: length in months
  std::string details;
};

struct Judgment {
  CourtLevel level = CourtLevel::kDistrictCourt;
  std::string court;        // e.g. "Stockholms tingsrätt"
  std::string case_number;  // the court's own number, e.g. "B 1234-26"
  CivilDate delivered_on;
  Verdict verdict = Verdict::kConvicted;
  std::optional<Sentence> sentence;  // required when (partly) convicted
  bool final = false;                // has gained legal force (laga kraft)
};

struct Appeal {
  CourtLevel from_level = CourtLevel::kDistrictCourt;  // the judgment appealed against
  AppealedBy by = AppealedBy::kProsecutor;
  CivilDate lodged_on;
};

struct InjuredParty {
  std::string person_id;
  InjuredPartyStatus status = InjuredPartyStatus::kNotDecided;
  std::optional<CivilDate> since;
};

struct Proceedings {
  std::vector<std::string> police_report_numbers;  // canonical, see police_report.hpp
  std::vector<OffenceRecord> offences;
  std::optional<PreliminaryInvestigation> investigation;
  std::optional<ProsecutionDecision> prosecution;
  std::vector<Judgment> judgments;
  std::vector<Appeal> appeals;
  std::vector<InjuredParty> injured_parties;
};

// The role of a person in the case, or nullopt when the case does not hold them.
using RoleOf = std::function<std::optional<PersonRole>(std::string_view person_id)>;

// Adds every broken rule under `path` ("proceedings"): first
// "proceedings_need_authority" when the owner is no public authority (and
// nothing else), then "format" for a police report number,
// "unknown_offence", "unknown_version", "unknown_grade",
// "offence_not_in_force", "description_required", "end_before_start",
// "not_future", "investigation_required", "before_investigation",
// "judgment_without_indictment", "before_prosecution", "sentence_required",
// "sentence_without_conviction", "range", "appeal_without_judgment",
// "no_higher_court", "unknown_person", "injured_party_role", "duplicate".
void CheckProceedings(const Proceedings& proceedings, orgs::Kind owner_kind, const RoleOf& role_of,
                      const Lookups& lookups, CivilDate today, const std::string& path,
                      Problems& problems);

}  // namespace opennrm::cases
