// ReferralRepository over a dialect-neutral SQL connection. Sealed parts and
// packages are binary and stored as base64 text (binary_text.hpp); lists of
// sections as comma-separated words. Lives inside one unit of work; not
// thread-safe.
#pragma once

#include "ports/referral_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlReferralRepository final : public ports::ReferralRepository {
 public:
  explicit SqlReferralRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const ports::ReferralRow& referral) override;
  Result<std::optional<ports::ReferralRow>> Find(const std::string& id) override;
  Status Update(const ports::ReferralRow& referral, long long expected_version) override;
  Result<long long> NextCodeNumber(int year) override;
  Result<std::vector<ports::ReferralRow>> SentFromCase(const std::string& source_kind,
                                                       const std::string& source_id) override;
  Result<ports::ReferralPage> Inbox(const ports::InboxFilter& filter) override;
  Result<std::vector<ports::ReferralRow>> RelyingOnConsent(const std::string& consent_id) override;
  Result<std::vector<ports::ReferralRow>> OpenDueBy(CivilDate day) override;
  Result<std::vector<ports::ReferralStatisticsRow>> ForStatistics(CivilDate from,
                                                                  CivilDate to) override;
  Status PutPackage(const std::string& referral_id, const std::string& sealed) override;
  Result<std::optional<std::string>> GetPackage(const std::string& referral_id) override;
  Result<bool> DeletePackage(const std::string& referral_id) override;
  Status AppendStep(const std::string& referral_id, const std::string& step, long long at_us,
                    const std::string& by_user_id, const std::string& organisation_id) override;
  Result<std::vector<ports::ReferralStepRow>> Steps(const std::string& referral_id) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
