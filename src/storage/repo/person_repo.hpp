// PersonRepository over a dialect-neutral SQL connection. Sealed parts are
// binary and stored as base64 text (binary_text.hpp). Lives inside one unit
// of work; not thread-safe.
#pragma once

#include "ports/person_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlPersonRepository final : public ports::PersonRepository {
 public:
  explicit SqlPersonRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const ports::PersonRow& p) override;
  Result<std::optional<ports::PersonRow>> Find(const std::string& id) override;
  Status Update(const ports::PersonRow& p, long long expected_version) override;
  Result<long long> NextCodeNumber(int year) override;
  Status AddToCase(const ports::CasePersonRow& link) override;
  Result<std::vector<ports::CasePerson>> OfCase(const std::string& case_id) override;
  Status IndexNames(const std::string& organisation_id, const std::string& person_id,
                    const std::vector<std::string>& digests) override;
  Result<std::vector<ports::FoundPerson>> FindByName(const ports::NameSearch& search) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
