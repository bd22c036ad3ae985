#include "app/cases/case_log.hpp"

#include "app/auth/internal.hpp"
#include "app/cases/statistics_facts.hpp"

namespace opennrm::app::case_internal {

Result<ports::CaseEntryRow> AppendEntry(ports::UnitOfWork& uow, const Context& ctx,
                                        const Caller& caller, const std::string& case_id,
                                        NewEntry entry) {
  auto found = uow.cases().Find(case_id);
  if (!found) return tl::unexpected(found.error());
  if (!*found) return tl::unexpected(Error{ErrorCode::kNotFound, "No such case.", {}, "not-found"});
  ports::CaseEntryRow row;
  row.id = ctx.ids.NewId();
  row.case_id = case_id;
  row.organisation_id = (*found)->organisation_id;
  row.kind = std::move(entry.kind);
  row.section = std::string(access::ToString(entry.section));
  row.person_id = std::move(entry.person_id);
  row.subject_id = std::move(entry.subject_id);
  row.details = std::move(entry.details);
  row.recorded_by = caller.actor.user_id;
  row.recorded_at_us = auth_internal::NowUs(ctx);
  if (auto st = uow.case_log().Append(row); !st) return tl::unexpected(st.error());
  if (auto st = uow.cases().Touch(case_id, row.recorded_at_us); !st) {
    return tl::unexpected(st.error());
  }
  if (auto st = RefreshCaseFacts(uow, ctx, case_id, row.recorded_at_us); !st) {
    return tl::unexpected(st.error());
  }
  return row;
}

Status RecordFact(ports::UnitOfWork& uow, const Context& ctx, const Caller& caller,
                  const std::string& case_id, const std::string& fact, const std::string& person_id,
                  const std::string& entry_id) {
  ports::CaseFactRow row{
      case_id, fact, person_id, entry_id, caller.actor.user_id, auth_internal::NowUs(ctx)};
  auto added = uow.case_log().AddFact(row);
  if (!added) return tl::unexpected(added.error());
  return Ok();
}

}  // namespace opennrm::app::case_internal
