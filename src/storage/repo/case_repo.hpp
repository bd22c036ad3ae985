// CaseRepository over a dialect-neutral SQL connection. Sealed reasons are
// binary and stored as base64 text (binary_text.hpp). Lives inside one unit
// of work; not thread-safe.
#pragma once

#include "ports/case_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

// A case's team in the order it is shown ($1: the case's id). Named so that its SQLite plan is
// tested (storage/sqlite/query_plans_test.cpp): every case request runs it.
inline constexpr const char* kCaseTeamQuery =
    "SELECT t.case_id, t.user_id, t.added_by, t.added_at_us, COALESCE(u.display_name, '')"
    " FROM case_team t LEFT JOIN users u ON u.id = t.user_id WHERE t.case_id = $1"
    " ORDER BY t.added_at_us, t.user_id";

class SqlCaseRepository final : public ports::CaseRepository {
 public:
  explicit SqlCaseRepository(sql::Connection& conn) : conn_(conn) {}
  Status Insert(const ports::CaseRow& c) override;
  Result<std::optional<ports::CaseRow>> Find(const std::string& id) override;
  Status Update(const ports::CaseRow& c, long long expected_version) override;
  Status Touch(const std::string& id, long long at_us) override;
  Result<long long> NextCodeNumber(int year) override;
  Result<ports::CasePage> List(const ports::CaseListFilter& filter) override;
  Result<bool> AddTeamMember(const ports::TeamMemberRow& m) override;
  Result<bool> RemoveTeamMember(const std::string& case_id, const std::string& user_id) override;
  Result<std::vector<ports::TeamMemberRow>> Team(const std::string& case_id) override;
  Status InsertBreakGlass(const ports::BreakGlassRow& b) override;
  Result<std::optional<ports::BreakGlassRow>> ActiveBreakGlass(const std::string& case_id,
                                                               const std::string& user_id,
                                                               const std::string& session_id,
                                                               long long now_us) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
