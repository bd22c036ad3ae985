#include "domain/access/policy.hpp"

#include <gtest/gtest.h>

namespace opennrm::access {
namespace {

using orgs::Kind;

Actor User(std::string org, Kind kind, std::vector<Role> roles) {
  Actor a;
  a.user_id = "u-" + org;
  a.organisation_id = std::move(org);
  a.organisation_kind = kind;
  a.roles = std::move(roles);
  return a;
}

Resource Record(std::string owner, bool assigned = false) {
  Resource r;
  r.kind = ResourceKind::kRecord;
  r.owner_organisation_id = std::move(owner);
  r.owner_kind = Kind::kMunicipalSocialServices;
  r.assigned = assigned;
  return r;
}

Resource Account(std::string owner, Kind kind, std::vector<Role> roles, bool self = false) {
  Resource r;
  r.kind = ResourceKind::kAccount;
  r.owner_organisation_id = std::move(owner);
  r.owner_kind = kind;
  r.account_roles = std::move(roles);
  r.self = self;
  return r;
}

TEST(Policy, ActionNamesRoundTrip) {
  for (Action a : AllActions()) {
    ASSERT_FALSE(ToString(a).empty());
    EXPECT_EQ(ParseAction(ToString(a)), a);
  }
  EXPECT_EQ(ParseAction("records.everything"), std::nullopt);
}

TEST(Policy, NoActorIsDenied) {
  Actor nobody;
  for (Action a : AllActions()) EXPECT_FALSE(Decide(nobody, a, Resource{}).allowed);
}

TEST(Policy, AssignedTeamMemberReadsAndWritesEverySection) {
  Actor sw = User("kommun", Kind::kMunicipalSocialServices, {Role::kSocialWorker});
  for (Section s : AllSections()) {
    EXPECT_TRUE(Decide(sw, Action::kRecordRead, Record("kommun", true), s).allowed);
    EXPECT_TRUE(Decide(sw, Action::kRecordWrite, Record("kommun", true), s).allowed);
  }
}

TEST(Policy, UnassignedColleagueSeesNothingUntilBreakGlass) {
  Actor sw = User("kommun", Kind::kMunicipalSocialServices, {Role::kSocialWorker});
  Decision d = Decide(sw, Action::kRecordRead, Record("kommun"), Section::kIdentity);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.visibility, Visibility::kHidden);
  EXPECT_EQ(d.reason, "not_assigned");
  EXPECT_TRUE(Decide(sw, Action::kRecordBreakGlass, Record("kommun")).allowed);
  Resource opened = Record("kommun");
  opened.break_glass_opened = true;
  Decision after = Decide(sw, Action::kRecordRead, opened, Section::kIdentity);
  EXPECT_TRUE(after.allowed);
  EXPECT_EQ(after.reason, "break_glass");
}

TEST(Policy, BreakGlassNeverReachesAnotherOrganisation) {
  Actor police = User("polis", Kind::kPoliceRegion, {Role::kPoliceInvestigator});
  EXPECT_FALSE(Decide(police, Action::kRecordBreakGlass, Record("kommun")).allowed);
  Resource opened = Record("kommun");
  opened.break_glass_opened = true;  // a forged relation changes nothing
  EXPECT_FALSE(Decide(police, Action::kRecordRead, opened, Section::kIdentity).allowed);
}

TEST(Policy, NgoAndHotlineMayNotBreakGlass) {
  Actor ngo = User("ngo", Kind::kNgoShelter, {Role::kNgoWorker});
  EXPECT_FALSE(Decide(ngo, Action::kRecordBreakGlass, Record("ngo")).allowed);
  Actor hotline = User("nmt", Kind::kNationalUnit, {Role::kHotlineOperator});
  EXPECT_FALSE(Decide(hotline, Action::kRecordBreakGlass, Record("nmt")).allowed);
}

TEST(Policy, DisclosedSectionsOnlyAndReadOnly) {
  Actor police = User("polis", Kind::kPoliceRegion, {Role::kPoliceInvestigator});
  Resource r = Record("kommun");
  r.disclosed = {Section::kIdentity, Section::kAssessment};
  EXPECT_TRUE(Decide(police, Action::kRecordRead, r, Section::kIdentity).allowed);
  EXPECT_TRUE(Decide(police, Action::kRecordRead, r, Section::kAssessment).allowed);
  EXPECT_FALSE(Decide(police, Action::kRecordRead, r, Section::kContact).allowed);
  EXPECT_FALSE(Decide(police, Action::kRecordRead, r, std::nullopt).allowed);
  EXPECT_FALSE(Decide(police, Action::kRecordWrite, r, Section::kIdentity).allowed);
}

TEST(Policy, PlatformRolesNeverReadRecords) {
  for (Role role : {Role::kSystemAdministrator, Role::kOrganisationAdministrator,
                    Role::kStatistician, Role::kAuditor, Role::kNationalAuditor}) {
    Actor a = User("kommun", Kind::kNationalUnit, {role});
    Resource r = Record("kommun", true);
    r.disclosed = AllSections();
    for (Section s : AllSections()) {
      Decision d = Decide(a, Action::kRecordRead, r, s);
      EXPECT_FALSE(d.allowed) << ToString(role);
      EXPECT_EQ(d.visibility, Visibility::kHidden);
    }
  }
}

TEST(Policy, DirectoryManagedOnlyBySystemAdministrators) {
  EXPECT_TRUE(Decide(User("nmt", Kind::kNationalUnit, {Role::kSystemAdministrator}),
                     Action::kDirectoryManage, Resource{})
                  .allowed);
  for (Role role : AllRoles()) {
    if (role == Role::kSystemAdministrator) continue;
    Decision d = Decide(User("x", Kind::kNationalUnit, {role}), Action::kDirectoryManage, {});
    EXPECT_FALSE(d.allowed) << ToString(role);
    EXPECT_EQ(d.visibility, Visibility::kVisible);
  }
}

TEST(Policy, OrganisationAdministratorGrantsOnlyWhatTheKindAllows) {
  Actor admin = User("polis", Kind::kPoliceRegion, {Role::kOrganisationAdministrator});
  EXPECT_TRUE(Decide(admin, Action::kUsersManage,
                     Account("polis", Kind::kPoliceRegion, {Role::kPoliceInvestigator}))
                  .allowed);
  Decision sw = Decide(admin, Action::kUsersManage,
                       Account("polis", Kind::kPoliceRegion, {Role::kSocialWorker}));
  EXPECT_FALSE(sw.allowed);
  EXPECT_EQ(sw.reason, "role_not_grantable");
  EXPECT_FALSE(Decide(admin, Action::kUsersManage,
                      Account("polis", Kind::kPoliceRegion, {Role::kSystemAdministrator}))
                   .allowed);
  Decision other = Decide(admin, Action::kUsersManage,
                          Account("kommun", Kind::kMunicipalSocialServices, {Role::kSocialWorker}));
  EXPECT_FALSE(other.allowed);
  EXPECT_EQ(other.visibility, Visibility::kHidden);
}

TEST(Policy, SystemAdministratorManagesOrganisationAdministratorsOnly) {
  Actor sys = User("nmt", Kind::kNationalUnit, {Role::kSystemAdministrator});
  EXPECT_TRUE(
      Decide(sys, Action::kUsersManage,
             Account("kommun", Kind::kMunicipalSocialServices, {Role::kOrganisationAdministrator}))
          .allowed);
  EXPECT_FALSE(Decide(sys, Action::kUsersManage,
                      Account("kommun", Kind::kMunicipalSocialServices, {Role::kSocialWorker}))
                   .allowed);
  EXPECT_FALSE(Decide(sys, Action::kUsersRead,
                      Account("kommun", Kind::kMunicipalSocialServices, {Role::kSocialWorker}))
                   .allowed);
  EXPECT_FALSE(
      Decide(sys, Action::kUsersManage,
             Account("kommun", Kind::kMunicipalSocialServices, {Role::kSystemAdministrator}))
          .allowed);
}

TEST(Policy, NobodyManagesTheirOwnAccountAsAdministrator) {
  Actor admin = User("polis", Kind::kPoliceRegion, {Role::kOrganisationAdministrator});
  Resource me = Account("polis", Kind::kPoliceRegion, {Role::kOrganisationAdministrator}, true);
  EXPECT_FALSE(Decide(admin, Action::kUsersManage, me).allowed);
  EXPECT_TRUE(Decide(admin, Action::kOwnAccount, me).allowed);
  EXPECT_TRUE(Decide(admin, Action::kUsersRead, me).allowed);
}

TEST(Policy, AuditorsSeeTheirOwnOrganisationNationalAuditorsAll) {
  Resource log;
  log.kind = ResourceKind::kAuditLog;
  log.owner_organisation_id = "kommun";
  EXPECT_TRUE(Decide(User("kommun", Kind::kMunicipalSocialServices, {Role::kAuditor}),
                     Action::kAuditRead, log)
                  .allowed);
  EXPECT_FALSE(Decide(User("polis", Kind::kPoliceRegion, {Role::kAuditor}), Action::kAuditRead, log)
                   .allowed);
  EXPECT_TRUE(
      Decide(User("nmt", Kind::kNationalUnit, {Role::kNationalAuditor}), Action::kAuditRead, log)
          .allowed);
  EXPECT_FALSE(Decide(User("kommun", Kind::kMunicipalSocialServices, {Role::kSocialWorker}),
                      Action::kAuditRead, log)
                   .allowed);
}

TEST(Policy, TokensActOnlyWithinScopeAndOrganisation) {
  Actor t;
  t.token_id = "t1";
  t.organisation_id = "kommun";
  t.token_actions = {Action::kDirectoryRead, Action::kAuditRead};
  EXPECT_TRUE(Decide(t, Action::kDirectoryRead, Resource{}).allowed);
  EXPECT_FALSE(Decide(t, Action::kReferenceRead, Resource{}).allowed);
  Resource log;
  log.kind = ResourceKind::kAuditLog;
  log.owner_organisation_id = "kommun";
  EXPECT_TRUE(Decide(t, Action::kAuditRead, log).allowed);
  log.owner_organisation_id = "polis";
  EXPECT_FALSE(Decide(t, Action::kAuditRead, log).allowed);
  // Even a token scoped to it (a forged scope) never manages accounts or reads records.
  t.token_actions = AllActions();
  EXPECT_FALSE(
      Decide(t, Action::kUsersManage, Account("kommun", Kind::kMunicipalSocialServices, {}))
          .allowed);
  EXPECT_FALSE(Decide(t, Action::kRecordRead, Record("kommun", true), Section::kIdentity).allowed);
}

}  // namespace
}  // namespace opennrm::access
