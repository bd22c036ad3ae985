// What hangs on a consultation, as stored: follow-ups round-trip, are listed
// oldest first and are done once; danger steps are numbered per consultation
// in the order recorded; a consent may be recorded on a consultation instead
// of a case, is listed with it and not with any case or person, and must
// name exactly one of the two; and references to what does not exist are
// refused — on SQLite and PostgreSQL alike. Synthetic data only.
#include "consultations_fixture.hpp"

namespace opennrm::testing {
namespace {

CivilDate D(const char* iso) { return *ParseIsoDate(iso); }

class ConsultationSteps : public ConsultationsContract {
 protected:
  void SetUp() override {
    ConsultationsContract::SetUp();
    if (HasFatalFailure()) return;
    Insert(Row("k1"));
    Insert(Row("k2"));
  }

  static ports::ConsentRow Consent(const std::string& id, const char* given_on,
                                   long long created_at_us = kT0) {
    ports::ConsentRow c;
    c.id = id;
    c.organisation_id = "nu";
    c.consultation_id = "k1";
    c.recipient_organisation_id = "soc";
    c.purpose = "support";
    c.sections = {"identity", "contact", "assessment", "notes"};
    c.given_on = D(given_on);
    c.form = "spoken";
    c.language = "swe";
    c.body_sealed = AllBytes();
    c.taken_by = "op1";
    c.created_at_us = created_at_us;
    return c;
  }
};

TEST_F(ConsultationSteps, AFollowUpRoundTripsAndIsDoneOnce) {
  ports::FollowUpRow f = FollowUp("f1", "k1", kT0 + 5);
  f.due_on = D("2026-06-01");
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.consultations().InsertFollowUp(f));
    Must(uow.consultations().InsertFollowUp(FollowUp("f0", "k1", kT0 + 1)));
    Must(uow.consultations().InsertFollowUp(FollowUp("f2", "k2", kT0)));
  });
  EXPECT_FALSE(Must(Read()->consultations().FindFollowUp("f-none")));
  auto got = Must(Read()->consultations().FindFollowUp("f1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->consultation_id, "k1");
  EXPECT_EQ(got->due_on, D("2026-06-01"));
  EXPECT_EQ(got->text_sealed, AllBytes());
  EXPECT_EQ(got->created_by, "op1");
  EXPECT_EQ(got->created_at_us, kT0 + 5);
  EXPECT_FALSE(got->done_at_us);
  EXPECT_EQ(got->done_by, "");
  auto of_k1 = Must(Read()->consultations().FollowUps("k1"));
  ASSERT_EQ(of_k1.size(), 2u);
  EXPECT_EQ(of_k1[0].id, "f0");  // oldest first
  EXPECT_FALSE(of_k1[0].due_on);
  EXPECT_EQ(of_k1[1].id, "f1");
  EXPECT_TRUE(Must(Read()->consultations().FollowUps("k-none")).empty());

  EXPECT_TRUE(Committed([](ports::UnitOfWork& uow) {
                return uow.consultations().MarkFollowUpDone("f1", kT0 + 50, "op2");
              }).value());
  EXPECT_FALSE(Committed([](ports::UnitOfWork& uow) {  // done twice
                 return uow.consultations().MarkFollowUpDone("f1", kT0 + 60, "op3");
               })
                   .value());
  EXPECT_FALSE(Committed([](ports::UnitOfWork& uow) {
                 return uow.consultations().MarkFollowUpDone("f-none", kT0 + 60, "op3");
               }).value());
  got = Must(Read()->consultations().FindFollowUp("f1"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->done_at_us, std::optional<long long>(kT0 + 50));
  EXPECT_EQ(got->done_by, "op2");
}

TEST_F(ConsultationSteps, AFollowUpNeedsItsConsultationAndItsOwnId) {
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.consultations().InsertFollowUp(FollowUp("f1", "k1")));
  });
  {
    auto uow = Write();
    EXPECT_FAILS_WITH(uow->consultations().InsertFollowUp(FollowUp("f2", "k-none")),
                      ErrorCode::kConflict);
  }
  auto uow = Write();
  EXPECT_FAILS_WITH(uow->consultations().InsertFollowUp(FollowUp("f1", "k2")),
                    ErrorCode::kConflict);
}

TEST_F(ConsultationSteps, DangerStepsAreNumberedPerConsultationInOrder) {
  auto step = [](const std::string& consultation, const char* word, long long done_at_us,
                 const char* by) {
    ports::DangerStepRow s;
    s.consultation_id = consultation;
    s.n = 99;  // not read: the repository numbers
    s.step = word;
    s.done_at_us = done_at_us;
    s.recorded_by = by;
    s.recorded_at_us = done_at_us + 1;
    return s;
  };
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.consultations().AppendDangerStep(
        step("k1", "notified_regional_coordinator", kT0 + 30, "system")));
    Must(uow.consultations().AppendDangerStep(step("k1", "called_112", kT0 + 10, "op1")));
    Must(uow.consultations().AppendDangerStep(step("k2", "called_police", kT0, "op1")));
  });
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.consultations().AppendDangerStep(
        step("k1", "advised_caller_to_call_112", kT0 + 40, "op2")));
  });
  auto steps = Must(Read()->consultations().DangerSteps("k1"));
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].n, 1);
  EXPECT_EQ(steps[0].consultation_id, "k1");
  EXPECT_EQ(steps[0].step, "notified_regional_coordinator");
  EXPECT_EQ(steps[0].done_at_us, kT0 + 30);
  EXPECT_EQ(steps[0].recorded_by, "system");
  EXPECT_EQ(steps[0].recorded_at_us, kT0 + 31);
  EXPECT_EQ(steps[1].n, 2);  // in the order recorded, whatever the time done
  EXPECT_EQ(steps[1].step, "called_112");
  EXPECT_EQ(steps[2].n, 3);
  EXPECT_EQ(steps[2].step, "advised_caller_to_call_112");
  EXPECT_EQ(steps[2].recorded_by, "op2");
  auto of_k2 = Must(Read()->consultations().DangerSteps("k2"));
  ASSERT_EQ(of_k2.size(), 1u);
  EXPECT_EQ(of_k2[0].n, 1);
  EXPECT_TRUE(Must(Read()->consultations().DangerSteps("k-none")).empty());
  auto uow = Write();
  EXPECT_FAILS_WITH(uow->consultations().AppendDangerStep(step("k-none", "called_112", kT0, "op1")),
                    ErrorCode::kConflict);
}

TEST_F(ConsultationSteps, AConsentOnAConsultationIsListedWithItAndNowhereElse) {
  // A case's consent of the same organisation, to see that it stays apart.
  ports::UserRecord u = NewUser("op1", "nu", "op1.test");
  InsertUser(u);
  ports::CaseRow c;
  c.id = "c1";
  c.organisation_id = "nu";
  c.code = "NRM-2026-c1";
  c.type = "trafficking_in_human_beings";
  c.steps_version = "se-manual-2019";
  c.created_by = "op1";
  c.created_at_us = c.updated_at_us = kT0;
  ports::PersonRow p;
  p.id = "p1";
  p.organisation_id = "nu";
  p.code = "P-2026-p1";
  p.identity_sealed = "i";
  p.contact_sealed = "c";
  p.created_at_us = p.updated_at_us = kT0;
  ports::ConsentRow on_case = Consent("k-case", "2026-05-01");
  on_case.consultation_id = "";
  on_case.case_id = "c1";
  on_case.person_id = "p1";
  ports::ConsentRow other = Consent("k-other", "2026-05-01");
  other.consultation_id = "k2";
  Committed([&](ports::UnitOfWork& uow) {
    Must(uow.cases().Insert(c));
    Must(uow.persons().Insert(p));
    Must(uow.consents().Insert(on_case));
    Must(uow.consents().Insert(Consent("k-old", "2026-03-01")));
    Must(uow.consents().Insert(Consent("k-new", "2026-04-01", kT0)));
    Must(uow.consents().Insert(Consent("k-new-later", "2026-04-01", kT0 + 5)));
    Must(uow.consents().Insert(other));
  });
  auto got = Must(Read()->consents().Find("k-old"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->consultation_id, "k1");
  EXPECT_EQ(got->case_id, "");
  EXPECT_EQ(got->person_id, "");
  EXPECT_EQ(got->sections, (Ids{"identity", "contact", "assessment", "notes"}));
  EXPECT_EQ(got->body_sealed, AllBytes());
  got = Must(Read()->consents().Find("k-case"));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->consultation_id, "");
  EXPECT_EQ(got->case_id, "c1");

  auto ids = [](const std::vector<ports::ConsentRow>& rows) {
    Ids out;
    for (const auto& r : rows) out.push_back(r.id);
    return out;
  };
  EXPECT_EQ(ids(Must(Read()->consents().OfConsultation("k1"))),
            (Ids{"k-new-later", "k-new", "k-old"}));
  EXPECT_EQ(ids(Must(Read()->consents().OfConsultation("k2"))), (Ids{"k-other"}));
  EXPECT_EQ(ids(Must(Read()->consents().OfConsultation("k-none"))), Ids{});
  EXPECT_EQ(ids(Must(Read()->consents().OfCase("c1"))), (Ids{"k-case"}));
  EXPECT_EQ(ids(Must(Read()->consents().OfCase(""))), Ids{});
  EXPECT_EQ(ids(Must(Read()->consents().OfPerson("nu", "p1"))), (Ids{"k-case"}));
  EXPECT_EQ(ids(Must(Read()->consents().OfPerson("nu", ""))), Ids{});

  // A revocation works on a consultation's consent as on a case's.
  ports::ConsentRow revoked = *Must(Read()->consents().Find("k-old"));
  revoked.revoked_on = D("2026-05-02");
  revoked.revoked_by = "op1";
  revoked.version = 2;
  Committed([&](ports::UnitOfWork& uow) { Must(uow.consents().Update(revoked, 1)); });
  EXPECT_EQ(Must(Read()->consents().Find("k-old"))->revoked_on, D("2026-05-02"));
}

TEST_F(ConsultationSteps, AConsentNamesExactlyOneOfACaseAndAConsultation) {
  ports::ConsentRow unknown = Consent("k1", "2026-03-01");
  unknown.consultation_id = "k-none";
  ports::ConsentRow neither = Consent("k2", "2026-03-01");
  neither.consultation_id = "";
  ports::ConsentRow both = Consent("k3", "2026-03-01");
  both.case_id = "c-none";  // refused whether or not the case exists
  ports::ConsentRow with_person = Consent("k4", "2026-03-01");
  with_person.person_id = "p-none";
  for (const auto* c : {&unknown, &neither, &both, &with_person}) {
    auto uow = Write();
    EXPECT_FAILS_WITH(uow->consents().Insert(*c), ErrorCode::kConflict);
  }
  Committed(
      [&](ports::UnitOfWork& uow) { Must(uow.consents().Insert(Consent("k5", "2026-03-01"))); });
  auto uow = Write();
  EXPECT_FAILS_WITH(uow->consents().Insert(Consent("k5", "2026-03-02")), ErrorCode::kConflict);
}

}  // namespace
}  // namespace opennrm::testing
