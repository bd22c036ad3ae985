// The hotline's consultations as stored: every field round-trips (optional
// numbers and flags as unknown too), duplicates and unknown organisations
// are refused, versions guard updates and what is fixed at insert stays,
// and codes are numbered per year — on SQLite and PostgreSQL alike. The
// queue: consultation_queue_contract_test.cpp; follow-ups, danger steps and
// consents: consultation_steps_contract_test.cpp. Synthetic data only.
#include "consultations_fixture.hpp"

namespace opennrm::testing {
namespace {

TEST_F(ConsultationsContract, EveryFieldRoundTrips) {
  ports::ConsultationRow x = Row("k1");
  x.channel = "email";
  x.duration_seconds = 754;
  x.time_spent_minutes = 35;
  x.caller_organisation_id = "soc";
  x.language = "ron";
  x.interpreter = true;
  x.topic = "child";
  x.forms = {"labour", "sexual"};
  x.municipality_code = "2480";
  x.age_group = "child";
  x.approximate_age = 15;
  x.gender = "female";
  x.citizenship = "outside_eu";
  x.holds_residence_permit = false;
  x.indicators = {"ind-01", "ind-07"};
  x.wants_to_report_to_police = true;
  x.wish_to_return = true;
  x.needs_shelter = true;
  x.social_services_involve_police = true;
  x.immediate_danger = true;
  x.urgency = "immediate_danger";
  x.identity_basis = "report_of_concern";
  x.body_sealed = AllBytes();
  x.status = "assigned";
  x.assigned_to = "op2";
  x.first_response_at_us = kT0 + 7;
  x.closed_at_us = kT0 + 9;
  x.updated_at_us = kT0 + 11;
  x.version = 3;
  Insert(x);
  EXPECT_FALSE(Must(Read()->consultations().Find("k-none")));
  auto got = Must(Read()->consultations().Find("k1"));
  ASSERT_TRUE(got);
  const ports::ConsultationRow& g = *got;
  EXPECT_EQ(g.id, "k1");
  EXPECT_EQ(g.code, "KON-2026-k1");
  EXPECT_EQ(g.organisation_id, "nu");
  EXPECT_EQ(g.channel, "email");
  EXPECT_EQ(g.received_at_us, kT0);
  EXPECT_EQ(g.duration_seconds, 754);
  EXPECT_EQ(g.time_spent_minutes, 35);
  EXPECT_EQ(g.caller_organisation_id, "soc");
  EXPECT_EQ(g.language, "ron");
  EXPECT_TRUE(g.interpreter);
  EXPECT_EQ(g.topic, "child");
  EXPECT_EQ(g.forms, (Ids{"labour", "sexual"}));
  EXPECT_EQ(g.municipality_code, "2480");
  EXPECT_EQ(g.abroad_country, "");
  EXPECT_EQ(g.age_group, "child");
  EXPECT_EQ(g.approximate_age, std::optional<int>(15));
  EXPECT_EQ(g.gender, "female");
  EXPECT_EQ(g.citizenship, "outside_eu");
  EXPECT_EQ(g.holds_residence_permit, std::optional<bool>(false));
  EXPECT_EQ(g.indicators, (Ids{"ind-01", "ind-07"}));
  EXPECT_TRUE(g.wants_to_report_to_police);
  EXPECT_TRUE(g.wish_to_return);
  EXPECT_TRUE(g.needs_shelter);
  EXPECT_EQ(g.social_services_involve_police, std::optional<bool>(true));
  EXPECT_TRUE(g.immediate_danger);
  EXPECT_EQ(g.urgency, "immediate_danger");
  EXPECT_EQ(g.identity_basis, "report_of_concern");
  EXPECT_EQ(g.body_sealed, AllBytes());
  EXPECT_EQ(g.status, "assigned");
  EXPECT_EQ(g.assigned_to, "op2");
  EXPECT_EQ(g.respond_by_us, x.respond_by_us);
  EXPECT_EQ(g.first_response_at_us, std::optional<long long>(kT0 + 7));
  EXPECT_EQ(g.closed_at_us, std::optional<long long>(kT0 + 9));
  EXPECT_EQ(g.created_by, "op1");
  EXPECT_EQ(g.created_at_us, kT0);
  EXPECT_EQ(g.updated_at_us, kT0 + 11);
  EXPECT_EQ(g.version, 3);

  // The unknowns and the empties stay unknown and empty.
  ports::ConsultationRow plain = Row("k2");
  plain.abroad_country = "NO";
  plain.created_by = "";  // a public call-back request
  Insert(plain);
  got = Must(Read()->consultations().Find("k2"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->caller_organisation_id, "");
  EXPECT_EQ(got->abroad_country, "NO");
  EXPECT_EQ(got->municipality_code, "");
  EXPECT_TRUE(got->forms.empty());
  EXPECT_TRUE(got->indicators.empty());
  EXPECT_FALSE(got->approximate_age);
  EXPECT_FALSE(got->holds_residence_permit);
  EXPECT_FALSE(got->social_services_involve_police);
  EXPECT_FALSE(got->first_response_at_us);
  EXPECT_FALSE(got->closed_at_us);
  EXPECT_FALSE(got->interpreter);
  EXPECT_EQ(got->assigned_to, "");
  EXPECT_EQ(got->created_by, "");
  EXPECT_EQ(got->version, 1);
}

TEST_F(ConsultationsContract, InsertRefusesDuplicatesAndUnknownOrganisations) {
  Insert(Row("k1"));
  auto with = [](ports::ConsultationRow x, auto change) {
    change(x);
    return x;
  };
  const std::vector<ports::ConsultationRow> refused{
      with(Row("k1"), [](auto& x) { x.code = "KON-2026-other"; }),       // the id exists
      with(Row("k2"), [](auto& x) { x.code = "KON-2026-k1"; }),          // the code exists
      with(Row("k3"), [](auto& x) { x.organisation_id = "org-none"; }),  // no such unit
      with(Row("k4"), [](auto& x) { x.caller_organisation_id = "org-none"; }),
  };
  for (const auto& x : refused) {
    auto uow = Write();
    EXPECT_FAILS_WITH(uow->consultations().Insert(x), ErrorCode::kConflict);
  }
}

TEST_F(ConsultationsContract, UpdateStoresAllButWhatIsFixedUnderItsVersion) {
  Insert(Row("k1"));
  ports::ConsultationRow x = Row("k1");
  x.code = "KON-2026-changed";  // fixed
  x.organisation_id = "nu-2";   // fixed
  x.created_by = "op9";         // fixed
  x.created_at_us = kT0 + 99;   // fixed
  x.channel = "in_person";
  x.received_at_us = kT0 - 5;
  x.duration_seconds = 60;
  x.time_spent_minutes = 12;
  x.caller_organisation_id = "soc";
  x.interpreter = true;
  x.topic = "other";
  x.forms = {"begging"};
  x.municipality_code = "0180";
  x.approximate_age = 30;
  x.holds_residence_permit = true;
  x.indicators = {"ind-02"};
  x.needs_shelter = true;
  x.social_services_involve_police = false;
  x.immediate_danger = true;
  x.urgency = "immediate_danger";
  x.identity_basis = "consent";
  x.body_sealed = AllBytes();
  x.status = "closed";
  x.assigned_to = "op2";
  x.respond_by_us = kT0 + 1;
  x.first_response_at_us = kT0 + 2;
  x.closed_at_us = kT0 + 3;
  x.updated_at_us = kT0 + 4;
  x.version = 2;
  {
    auto uow = Write();
    EXPECT_FAILS_WITH(uow->consultations().Update(x, 7), ErrorCode::kConflict);
  }
  {
    auto uow = Write();  // an unknown consultation is a conflict too
    ports::ConsultationRow none = x;
    none.id = "k-none";
    EXPECT_FAILS_WITH(uow->consultations().Update(none, 1), ErrorCode::kConflict);
  }
  Committed([&](ports::UnitOfWork& uow) { Must(uow.consultations().Update(x, 1)); });
  auto got = Must(Read()->consultations().Find("k1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->code, "KON-2026-k1");
  EXPECT_EQ(got->organisation_id, "nu");
  EXPECT_EQ(got->created_by, "op1");
  EXPECT_EQ(got->created_at_us, kT0);
  EXPECT_EQ(got->channel, "in_person");
  EXPECT_EQ(got->received_at_us, kT0 - 5);
  EXPECT_EQ(got->duration_seconds, 60);
  EXPECT_EQ(got->time_spent_minutes, 12);
  EXPECT_EQ(got->caller_organisation_id, "soc");
  EXPECT_TRUE(got->interpreter);
  EXPECT_EQ(got->topic, "other");
  EXPECT_EQ(got->forms, (Ids{"begging"}));
  EXPECT_EQ(got->municipality_code, "0180");
  EXPECT_EQ(got->approximate_age, std::optional<int>(30));
  EXPECT_EQ(got->holds_residence_permit, std::optional<bool>(true));
  EXPECT_EQ(got->indicators, (Ids{"ind-02"}));
  EXPECT_TRUE(got->needs_shelter);
  EXPECT_EQ(got->social_services_involve_police, std::optional<bool>(false));
  EXPECT_TRUE(got->immediate_danger);
  EXPECT_EQ(got->urgency, "immediate_danger");
  EXPECT_EQ(got->identity_basis, "consent");
  EXPECT_EQ(got->body_sealed, AllBytes());
  EXPECT_EQ(got->status, "closed");
  EXPECT_EQ(got->assigned_to, "op2");
  EXPECT_EQ(got->respond_by_us, kT0 + 1);
  EXPECT_EQ(got->first_response_at_us, std::optional<long long>(kT0 + 2));
  EXPECT_EQ(got->closed_at_us, std::optional<long long>(kT0 + 3));
  EXPECT_EQ(got->updated_at_us, kT0 + 4);
  EXPECT_EQ(got->version, 2);

  // Back to the unknowns and the queue; the version read before is stale now.
  ports::ConsultationRow back = *got;
  back.caller_organisation_id = "";
  back.approximate_age.reset();
  back.holds_residence_permit.reset();
  back.first_response_at_us.reset();
  back.closed_at_us.reset();
  back.assigned_to = "";
  back.version = 3;
  {
    auto uow = Write();
    EXPECT_FAILS_WITH(uow->consultations().Update(back, 1), ErrorCode::kConflict);
  }
  Committed([&](ports::UnitOfWork& uow) { Must(uow.consultations().Update(back, 2)); });
  got = Must(Read()->consultations().Find("k1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->caller_organisation_id, "");
  EXPECT_FALSE(got->approximate_age);
  EXPECT_FALSE(got->holds_residence_permit);
  EXPECT_FALSE(got->first_response_at_us);
  EXPECT_FALSE(got->closed_at_us);
  EXPECT_EQ(got->assigned_to, "");
  EXPECT_EQ(got->version, 3);
  {
    auto uow = Write();  // the caller's organisation must exist
    back.caller_organisation_id = "org-none";
    back.version = 4;
    EXPECT_FAILS_WITH(uow->consultations().Update(back, 3), ErrorCode::kConflict);
  }
}

TEST_F(ConsultationsContract, CodesAreNumberedPerYear) {
  EXPECT_EQ(Committed([](ports::UnitOfWork& uow) {
              return uow.consultations().NextCodeNumber(2026);
            }).value(),
            1);
  EXPECT_EQ(Committed([](ports::UnitOfWork& uow) {
              return uow.consultations().NextCodeNumber(2026);
            }).value(),
            2);
  EXPECT_EQ(Committed([](ports::UnitOfWork& uow) {
              return uow.consultations().NextCodeNumber(2027);
            }).value(),
            1);
  {
    auto uow = Write();  // a rolled back number is handed out again
    EXPECT_EQ(Must(uow->consultations().NextCodeNumber(2026)), 3);
  }
  EXPECT_EQ(Committed([](ports::UnitOfWork& uow) {
              return uow.consultations().NextCodeNumber(2026);
            }).value(),
            3);
}

}  // namespace
}  // namespace opennrm::testing
