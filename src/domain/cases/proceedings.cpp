// The stable words of the proceedings' closed lists.
#include "domain/cases/proceedings.hpp"
#include "domain/cases/enum_names.hpp"

namespace opennrm::cases {

namespace {

using N = std::string_view;

constexpr auto kLeaders = detail::MakeNames<InvestigationLeader>(
    std::pair{InvestigationLeader::kPolice, N("police")},
    std::pair{InvestigationLeader::kProsecutor, N("prosecutor")});

constexpr auto kOutcomes = detail::MakeNames<ProsecutionOutcome>(
    std::pair{ProsecutionOutcome::kIndictment, N("indictment")},
    std::pair{ProsecutionOutcome::kNoProsecution, N("no_prosecution")},
    std::pair{ProsecutionOutcome::kProsecutionWaiver, N("prosecution_waiver")},
    std::pair{ProsecutionOutcome::kSummaryPenaltyOrder, N("summary_penalty_order")});

constexpr auto kLevels =
    detail::MakeNames<CourtLevel>(std::pair{CourtLevel::kDistrictCourt, N("district_court")},
                                  std::pair{CourtLevel::kCourtOfAppeal, N("court_of_appeal")},
                                  std::pair{CourtLevel::kSupremeCourt, N("supreme_court")});

constexpr auto kVerdicts =
    detail::MakeNames<Verdict>(std::pair{Verdict::kConvicted, N("convicted")},
                               std::pair{Verdict::kPartlyConvicted, N("partly_convicted")},
                               std::pair{Verdict::kAcquitted, N("acquitted")});

constexpr auto kSentences = detail::MakeNames<SentenceKind>(
    std::pair{SentenceKind::kPrison, N("prison")},
    std::pair{SentenceKind::kConditionalSentence, N("conditional_sentence")},
    std::pair{SentenceKind::kProbation, N("probation")}, std::pair{SentenceKind::kFine, N("fine")},
    std::pair{SentenceKind::kYouthService, N("youth_service")},
    std::pair{SentenceKind::kYouthCare, N("youth_care")},
    std::pair{SentenceKind::kForensicCare, N("forensic_care")},
    std::pair{SentenceKind::kOther, N("other")});

constexpr auto kAppellants =
    detail::MakeNames<AppealedBy>(std::pair{AppealedBy::kProsecutor, N("prosecutor")},
                                  std::pair{AppealedBy::kDefendant, N("defendant")},
                                  std::pair{AppealedBy::kInjuredParty, N("injured_party")});

constexpr auto kStatuses = detail::MakeNames<InjuredPartyStatus>(
    std::pair{InjuredPartyStatus::kNotDecided, N("not_decided")},
    std::pair{InjuredPartyStatus::kInjuredParty, N("injured_party")},
    std::pair{InjuredPartyStatus::kNotInjuredParty, N("not_injured_party")});

}  // namespace

std::string_view ToString(InvestigationLeader v) { return kLeaders.Name(v); }
std::string_view ToString(ProsecutionOutcome v) { return kOutcomes.Name(v); }
std::string_view ToString(CourtLevel v) { return kLevels.Name(v); }
std::string_view ToString(Verdict v) { return kVerdicts.Name(v); }
std::string_view ToString(SentenceKind v) { return kSentences.Name(v); }
std::string_view ToString(AppealedBy v) { return kAppellants.Name(v); }
std::string_view ToString(InjuredPartyStatus v) { return kStatuses.Name(v); }

std::optional<InvestigationLeader> ParseInvestigationLeader(std::string_view text) {
  return kLeaders.Parse(text);
}
std::optional<ProsecutionOutcome> ParseProsecutionOutcome(std::string_view text) {
  return kOutcomes.Parse(text);
}
std::optional<CourtLevel> ParseCourtLevel(std::string_view text) { return kLevels.Parse(text); }
std::optional<Verdict> ParseVerdict(std::string_view text) { return kVerdicts.Parse(text); }
std::optional<SentenceKind> ParseSentenceKind(std::string_view text) {
  return kSentences.Parse(text);
}
std::optional<AppealedBy> ParseAppealedBy(std::string_view text) { return kAppellants.Parse(text); }
std::optional<InjuredPartyStatus> ParseInjuredPartyStatus(std::string_view text) {
  return kStatuses.Parse(text);
}

}  // namespace opennrm::cases
