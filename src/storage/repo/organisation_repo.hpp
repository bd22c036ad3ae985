// OrganisationRepository over a dialect-neutral SQL connection. Lives inside
// one unit of work; not thread-safe.
#pragma once

#include "ports/organisation_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlOrganisationRepository final : public ports::OrganisationRepository {
 public:
  explicit SqlOrganisationRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const orgs::Organisation& org) override;
  Result<std::optional<orgs::Organisation>> Find(const std::string& id) override;
  Result<std::optional<orgs::Organisation>> FindWithoutLists(const std::string& id) override;
  Status Update(const orgs::Organisation& org, long long expected_version) override;
  Result<ports::OrganisationPage> List(const ports::OrganisationFilter& filter) override;
  Result<bool> SeedKeyExists(const std::string& seed_key) override;
  Result<long long> DirectoryVersion() override;

 private:
  Status WriteChildren(const orgs::Organisation& org);
  Status BumpVersion();
  Status LoadChildren(std::vector<orgs::Organisation>& items);
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
