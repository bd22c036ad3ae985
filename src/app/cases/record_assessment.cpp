// The assessment records of a person: the indicators checklist answered and
// the presumed-victim assessment.
#include "app/cases/record_store.hpp"

namespace opennrm::app {

using namespace case_internal;

Result<RecordView<cases::IndicatorsAssessment>> RecordIndicators(const Context& ctx,
                                                                 const Caller& caller,
                                                                 const RecordPlace& at,
                                                                 cases::IndicatorsAssessment input,
                                                                 const ClientInfo& client) {
  auto target = LoadForWrite(ctx, caller, at, kIndicatorsKind, client);
  if (!target) return tl::unexpected(target.error());
  if (input.assessed_by.empty()) input.assessed_by = caller.actor.user_id;
  Problems p;
  cases::CheckIndicators(input, target->lookups.indicators, target->today, "", p);
  if (auto st =
          CheckUser(ctx, target->loaded.row.organisation_id, input.assessed_by, "assessed_by", p);
      !st) {
    return tl::unexpected(st.error());
  }
  if (auto st = p.ToStatus("The indicators assessment breaks one or more rules."); !st) {
    return tl::unexpected(st.error());
  }
  int yes = 0;
  for (const auto& a : input.answers) yes += a.answer == cases::IndicatorAnswer::kYes;
  RecordWrite w{ctx.codec->EncodeIndicators(input),
                "indicators_recorded",
                {{"catalog_version", input.catalog_version},
                 {"answered", std::to_string(input.answers.size())},
                 {"yes", std::to_string(yes)}},
                {}};
  auto saved = SaveRecord(ctx, caller, *target, kIndicatorsKind, std::move(w), client);
  if (!saved) return tl::unexpected(saved.error());
  return RecordView<cases::IndicatorsAssessment>{*saved, std::move(input)};
}

Result<VersionedRecord<cases::IndicatorsAssessment>> ReadIndicators(const Context& ctx,
                                                                    const Caller& caller,
                                                                    const RecordPlace& at,
                                                                    const ClientInfo& client) {
  auto rows = ReadVersions(ctx, caller, at, kIndicatorsKind, client);
  if (!rows) return tl::unexpected(rows.error());
  return CurrentOf<cases::IndicatorsAssessment>(
      ctx, *rows, [&](std::string_view b) { return ctx.codec->DecodeIndicators(b); });
}

Result<RecordView<cases::PresumedVictimAssessment>> RecordAssessment(
    const Context& ctx, const Caller& caller, const RecordPlace& at,
    cases::PresumedVictimAssessment input, const ClientInfo& client) {
  auto target = LoadForWrite(ctx, caller, at, kAssessmentKind, client);
  if (!target) return tl::unexpected(target.error());
  if (input.assessed_by.empty()) input.assessed_by = caller.actor.user_id;
  Problems p;
  cases::CheckAssessment(input, target->today, "", p);
  const std::string& org = target->loaded.row.organisation_id;
  if (auto st = CheckUser(ctx, org, input.assessed_by, "assessed_by", p); !st) {
    return tl::unexpected(st.error());
  }
  if (input.review) {
    if (auto st = CheckUser(ctx, org, input.review->reviewed_by, "review.reviewed_by", p); !st) {
      return tl::unexpected(st.error());
    }
  }
  if (auto st = p.ToStatus("The assessment breaks one or more rules."); !st) {
    return tl::unexpected(st.error());
  }
  std::vector<std::pair<std::string, std::string>> details{
      {"conclusion", std::string(cases::ToString(input.conclusion))},
      {"assessed_on", FormatIsoDate(input.assessed_on)},
      {"reviewed", input.review ? "yes" : "no"}};
  // Only a conclusion that the person is a presumed victim satisfies the
  // step definitions' fact; other conclusions are kept all the same.
  std::string fact =
      input.conclusion == cases::Conclusion::kPresumedVictim ? "presumed_victim_assessment" : "";
  RecordWrite w{ctx.codec->EncodeAssessment(input), fact, std::move(details), {}};
  auto saved = SaveRecord(ctx, caller, *target, kAssessmentKind, std::move(w), client);
  if (!saved) return tl::unexpected(saved.error());
  return RecordView<cases::PresumedVictimAssessment>{*saved, std::move(input)};
}

Result<VersionedRecord<cases::PresumedVictimAssessment>> ReadAssessment(const Context& ctx,
                                                                        const Caller& caller,
                                                                        const RecordPlace& at,
                                                                        const ClientInfo& client) {
  auto rows = ReadVersions(ctx, caller, at, kAssessmentKind, client);
  if (!rows) return tl::unexpected(rows.error());
  return CurrentOf<cases::PresumedVictimAssessment>(
      ctx, *rows, [&](std::string_view b) { return ctx.codec->DecodeAssessment(b); });
}

const cases::IndicatorCatalog* IndicatorChecklist(const Context& ctx) {
  return ctx.case_rules && ctx.case_rules->indicators ? &*ctx.case_rules->indicators : nullptr;
}

}  // namespace opennrm::app
