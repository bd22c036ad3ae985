#include "app/audit/read_access.hpp"

#include <gtest/gtest.h>

namespace opennrm::app::audit {
namespace {

const std::string kOwn = "0123456789abcdef0123456789abcdef";
const std::string kOther = "fedcba9876543210fedcba9876543210";

access::Actor User(std::vector<access::Role> roles) {
  access::Actor a;
  a.user_id = "11111111111111111111111111111111";
  a.organisation_id = kOwn;
  a.organisation_kind = orgs::Kind::kMunicipalSocialServices;
  a.roles = std::move(roles);
  return a;
}

access::Actor Token(std::vector<access::Action> actions) {
  access::Actor a;
  a.token_id = "22222222222222222222222222222222";
  a.organisation_id = kOwn;
  a.token_actions = std::move(actions);
  return a;
}

ErrorCode CodeOf(const Result<ReadScope>& r) { return r ? ErrorCode::kInternal : r.error().code; }

TEST(AuditReadScope, AnAuditorIsHeldToTheirOwnOrganisation) {
  auto auditor = User({access::Role::kAuditor});
  auto all = ScopeFor(auditor, std::nullopt);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->organisation_id, kOwn) << "no filter still means the own organisation only";
  auto empty = ScopeFor(auditor, std::string());
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->organisation_id, kOwn);
  auto own = ScopeFor(auditor, kOwn);
  ASSERT_TRUE(own);
  EXPECT_EQ(own->organisation_id, kOwn);
  EXPECT_EQ(CodeOf(ScopeFor(auditor, kOther)), ErrorCode::kNotFound)
      << "another organisation's log is invisible, not forbidden";
}

TEST(AuditReadScope, ANationalAuditorReadsTheWholeLogOrOneOrganisation) {
  access::Actor national = User({access::Role::kNationalAuditor});
  national.organisation_kind = orgs::Kind::kNationalUnit;
  auto all = ScopeFor(national, std::nullopt);
  ASSERT_TRUE(all);
  EXPECT_FALSE(all->organisation_id.has_value());
  auto other = ScopeFor(national, kOther);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->organisation_id, kOther);
}

TEST(AuditReadScope, EveryOtherRoleIsRefused) {
  for (access::Role role : access::AllRoles()) {
    if (role == access::Role::kAuditor || role == access::Role::kNationalAuditor) continue;
    auto actor = User({role});
    EXPECT_EQ(CodeOf(ScopeFor(actor, std::nullopt)), ErrorCode::kForbidden)
        << access::ToString(role);
    EXPECT_EQ(CodeOf(ScopeFor(actor, kOwn)), ErrorCode::kForbidden) << access::ToString(role);
    EXPECT_EQ(CodeOf(ScopeFor(actor, kOther)), ErrorCode::kNotFound) << access::ToString(role);
  }
  EXPECT_EQ(CodeOf(ScopeFor(User({}), std::nullopt)), ErrorCode::kForbidden) << "no role";
}

TEST(AuditReadScope, ATokenScopedToAuditReadReadsItsOwnOrganisation) {
  auto token = Token({access::Action::kAuditRead});
  auto all = ScopeFor(token, std::nullopt);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->organisation_id, kOwn);
  EXPECT_EQ(CodeOf(ScopeFor(token, kOther)), ErrorCode::kNotFound);
  auto unscoped = Token({access::Action::kDirectoryRead});
  EXPECT_EQ(CodeOf(ScopeFor(unscoped, std::nullopt)), ErrorCode::kForbidden);
}

TEST(AuditReadScope, NobodyIsRefused) {
  EXPECT_EQ(CodeOf(ScopeFor(access::Actor{}, std::nullopt)), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace opennrm::app::audit
