// A case as the source of a referral (referral_source.hpp): the case's team
// sends and withdraws, whoever may read the case (the team, a break-glass
// reader) reads the referrals sent from it; the person is one of the case's
// persons; the package is the case's snapshot (BuildPackageSnapshot); the
// sender's steps go to the case's timeline (section support); the case's
// team is told of answers and reminders. Internal; no state: thread-safe.
#pragma once

#include "app/referrals/referral_source.hpp"

namespace opennrm::app::referral_internal {

class CaseSource final : public ReferralSource {
 public:
  std::string_view Kind() const override { return kCaseSource; }

  Result<SourceAccess> AuthoriseSend(std::unique_ptr<ports::UnitOfWork>& uow, const Context& ctx,
                                     const Caller& caller, const std::string& case_id,
                                     const std::string& event_action,
                                     const std::string& request_id) const override;

  Result<SourceAccess> AuthoriseRead(ports::UnitOfWork& uow, const Context& ctx,
                                     const Caller& caller, const std::string& case_id,
                                     bool team_only, std::string* owner) const override;

  Result<std::optional<referrals::CaseFacts>> PersonFacts(
      const Context& ctx, ports::UnitOfWork& uow, const SourceAccess& source,
      const std::string& person_id, CivilDate today, Problems& problems) const override;

  bool HoldsConsent(const ports::ConsentRow& consent, const std::string& case_id) const override;

  Result<std::string> Snapshot(const Context& ctx, ports::UnitOfWork& uow,
                               const std::string& case_id, const std::string& person_id,
                               const referrals::ApprovedScope& scope, CivilDate today,
                               bool recipient_public_authority) const override;

  Status RecordStep(ports::UnitOfWork& uow, const Context& ctx, const Caller& caller,
                    const ports::ReferralRow& row, const std::string& action,
                    std::vector<std::pair<std::string, std::string>> details) const override;

  Result<std::vector<std::string>> TeamOf(ports::UnitOfWork& uow,
                                          const std::string& case_id) const override;

  Result<std::string> CodeOf(ports::UnitOfWork& uow, const std::string& case_id) const override;

  ::opennrm::audit::ObjectRef ListedObject(const SourceAccess& source) const override;
};

}  // namespace opennrm::app::referral_internal
