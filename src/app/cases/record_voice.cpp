// The person's voice and safety: wishes at each step (a list, only added to)
// and the safety plan (kept once, in versions).
#include "app/cases/record_store.hpp"

namespace opennrm::app {

using namespace case_internal;

Result<RecordView<cases::SafetyPlan>> RecordSafetyPlan(const Context& ctx, const Caller& caller,
                                                       const RecordPlace& at,
                                                       cases::SafetyPlan input,
                                                       const ClientInfo& client) {
  auto target = LoadForWrite(ctx, caller, at, kSafetyPlanKind, client);
  if (!target) return tl::unexpected(target.error());
  Problems p;
  cases::CheckSafetyPlan(input, target->today, "", p);
  if (auto st = p.ToStatus("The safety plan breaks one or more rules."); !st) {
    return tl::unexpected(st.error());
  }
  RecordWrite w{ctx.codec->EncodeSafetyPlan(input),
                "safety_plan",
                {{"made_on", FormatIsoDate(input.made_on)},
                 {"risks", std::to_string(input.risks.size())},
                 {"measures", std::to_string(input.measures.size())}},
                {}};
  if (input.review_on) w.details.push_back({"review_on", FormatIsoDate(*input.review_on)});
  auto saved = SaveRecord(ctx, caller, *target, kSafetyPlanKind, std::move(w), client);
  if (!saved) return tl::unexpected(saved.error());
  return RecordView<cases::SafetyPlan>{*saved, std::move(input)};
}

Result<VersionedRecord<cases::SafetyPlan>> ReadSafetyPlan(const Context& ctx, const Caller& caller,
                                                          const RecordPlace& at,
                                                          const ClientInfo& client) {
  auto rows = ReadVersions(ctx, caller, at, kSafetyPlanKind, client);
  if (!rows) return tl::unexpected(rows.error());
  return CurrentOf<cases::SafetyPlan>(
      ctx, *rows, [&](std::string_view b) { return ctx.codec->DecodeSafetyPlan(b); });
}

Result<RecordView<cases::Wish>> AddWish(const Context& ctx, const Caller& caller,
                                        const RecordPlace& at, cases::Wish input,
                                        const ClientInfo& client) {
  auto target = LoadForWrite(ctx, caller, at, kWishKind, client);
  if (!target) return tl::unexpected(target.error());
  input.recorded_by = caller.actor.user_id;
  // The domain checks a list ("path[i].field"): one wish is checked as
  // "w[0]" and its problems named by their own fields.
  Problems list;
  cases::CheckWishes({input}, target->lookups, target->today, "w", list);
  Problems p;
  for (const auto& item : list.items()) p.Add(item.field.substr(5), item.rule, item.detail);
  if (auto st = p.ToStatus("The wish breaks one or more rules."); !st) {
    return tl::unexpected(st.error());
  }
  RecordWrite w{ctx.codec->EncodeWish(input),
                "person_wishes_recorded",
                {{"step", input.step}, {"recorded_on", FormatIsoDate(input.recorded_on)}},
                {}};
  auto saved = SaveRecord(ctx, caller, *target, kWishKind, std::move(w), client);
  if (!saved) return tl::unexpected(saved.error());
  return RecordView<cases::Wish>{*saved, std::move(input)};
}

Result<std::vector<RecordView<cases::Wish>>> ListWishes(const Context& ctx, const Caller& caller,
                                                        const RecordPlace& at,
                                                        const ClientInfo& client) {
  auto rows = ReadVersions(ctx, caller, at, kWishKind, client);
  if (!rows) return tl::unexpected(rows.error());
  return ListOf<cases::Wish>(ctx, *rows,
                             [&](std::string_view b) { return ctx.codec->DecodeWish(b); });
}

}  // namespace opennrm::app
