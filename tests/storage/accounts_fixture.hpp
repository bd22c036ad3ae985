// Helpers for the account contract tests (users, sessions, tokens, keys,
// notifications): organisations and users to hang records on, committed
// units of work, and values that expose lossy storage. Synthetic data only.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "storage_fixture.hpp"

namespace opennrm::testing {

// Inside a TEST: fails the test (with the error's message) unless `expr`
// succeeded.
#define ASSERT_OK(expr)                                        \
  do {                                                         \
    auto opennrm_ok_result = (expr);                           \
    ASSERT_TRUE(opennrm_ok_result.has_value())                 \
        << #expr << ": " << opennrm_ok_result.error().message; \
  } while (0)

// The error code of a result that must have failed.
#define EXPECT_FAILS_WITH(expr, expected_code)                              \
  do {                                                                      \
    auto opennrm_fail_result = (expr);                                      \
    ASSERT_FALSE(opennrm_fail_result.has_value()) << #expr << " succeeded"; \
    EXPECT_EQ(opennrm_fail_result.error().code, expected_code)              \
        << #expr << ": " << opennrm_fail_result.error().message;            \
  } while (0)

class AccountsTest : public StorageTest {
 protected:
  static constexpr long long kT0 = 1'780'000'000'000'000;  // 2026, microseconds

  // The value of `r`; otherwise records the error and ends the test (gtest
  // catches the exception).
  template <class T>
  static T Must(Result<T> r, const char* what = "operation") {
    if (!r) {
      ADD_FAILURE() << what << ": " << r.error().message;
      throw std::runtime_error(what);
    }
    return std::move(*r);
  }
  static void Must(Status st, const char* what = "operation") {
    if (!st) {
      ADD_FAILURE() << what << ": " << st.error().message;
      throw std::runtime_error(what);
    }
  }

  std::unique_ptr<ports::UnitOfWork> Write() { return Must(db_->Begin(ports::Access::kWrite)); }
  std::unique_ptr<ports::UnitOfWork> Read() { return Must(db_->Begin(ports::Access::kRead)); }

  // Runs `fn` in a write unit of work and commits it.
  template <class Fn>
  auto Committed(Fn&& fn) {
    auto uow = Write();
    if constexpr (std::is_void_v<decltype(fn(*uow))>) {
      fn(*uow);
      Must(uow->Commit(), "commit");
    } else {
      auto out = fn(*uow);
      Must(uow->Commit(), "commit");
      return out;
    }
  }

  void InsertOrganisation(const std::string& id, orgs::Kind kind = orgs::Kind::kNationalUnit) {
    orgs::Organisation o;
    o.id = id;
    o.data.name = "Test organisation " + id;
    o.data.kind = kind;
    o.data.coverage = {orgs::CoverageScope::kNational, {}};
    o.created_at_us = o.updated_at_us = kT0;
    Committed([&](ports::UnitOfWork& uow) { Must(uow.organisations().Insert(o), "org insert"); });
  }

  static ports::UserRecord NewUser(const std::string& id, const std::string& organisation_id,
                                   const std::string& username) {
    ports::UserRecord u;
    u.id = id;
    u.organisation_id = organisation_id;
    u.username = username;
    u.display_name = "Test user " + username;
    u.roles = {access::Role::kHotlineOperator};
    u.password_hash = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
    u.created_at_us = u.updated_at_us = kT0;
    return u;
  }

  void InsertUser(const ports::UserRecord& u) {
    Committed([&](ports::UnitOfWork& uow) { Must(uow.users().Insert(u), "user insert"); });
  }

  // A bare case of `organisation_id` (no persons, no records), for tests of rows that refer
  // to one; created by `created_by` at `at_us`.
  void InsertBareCase(const std::string& id, const std::string& organisation_id,
                      const std::string& created_by, long long at_us = 0) {
    ports::CaseRow c;
    c.id = id;
    c.organisation_id = organisation_id;
    c.code = "NRM-2026-" + id;
    c.type = "trafficking_in_human_beings";
    c.steps_version = "se-manual-2019";
    c.created_by = created_by;
    c.created_at_us = c.updated_at_us = at_us;
    Committed([&](ports::UnitOfWork& uow) { Must(uow.cases().Insert(c), "case insert"); });
  }

  // A bare person of `organisation_id` (its sealed parts are dummies), in no case.
  void InsertBarePerson(const std::string& id, const std::string& organisation_id,
                        long long at_us = 0) {
    ports::PersonRow p;
    p.id = id;
    p.organisation_id = organisation_id;
    p.code = "P-2026-" + id;
    p.identity_sealed = p.contact_sealed = "x";
    p.created_at_us = p.updated_at_us = at_us;
    Committed([&](ports::UnitOfWork& uow) { Must(uow.persons().Insert(p), "person insert"); });
  }

  void InsertCasesAndPersons(const std::string& organisation_id, const std::string& created_by,
                             const std::vector<std::string>& case_ids,
                             const std::vector<std::string>& person_ids) {
    for (const auto& id : case_ids) InsertBareCase(id, organisation_id, created_by);
    for (const auto& id : person_ids) InsertBarePerson(id, organisation_id);
  }

  // Every byte value once, NUL and invalid UTF-8 included.
  static std::string AllBytes() {
    std::string s;
    for (int b = 0; b < 256; ++b) s.push_back(static_cast<char>(b));
    return s;
  }
};

}  // namespace opennrm::testing
