// ConsentRepository over a dialect-neutral SQL connection. Sealed parts are
// binary and stored as base64 text (binary_text.hpp); sections as
// comma-separated words; the case's or the consultation's columns a consent
// is not recorded on are null. Lives inside one unit of work; not thread-safe.
#pragma once

#include "ports/consent_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlConsentRepository final : public ports::ConsentRepository {
 public:
  explicit SqlConsentRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const ports::ConsentRow& consent) override;
  Result<std::optional<ports::ConsentRow>> Find(const std::string& id) override;
  Status Update(const ports::ConsentRow& consent, long long expected_version) override;
  Result<std::vector<ports::ConsentRow>> OfCase(const std::string& case_id) override;
  Result<std::vector<ports::ConsentRow>> OfConsultation(
      const std::string& consultation_id) override;
  Result<std::vector<ports::ConsentRow>> OfPerson(const std::string& organisation_id,
                                                  const std::string& person_id) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
