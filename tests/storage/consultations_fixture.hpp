// The fixture of the consultation contract tests: the national units and an
// organisation to hang consultations on, a consultation and a follow-up with
// plain defaults, and the queue read in a fresh unit of work. Synthetic data
// only.
#pragma once

#include <string>
#include <vector>

#include "accounts_fixture.hpp"

namespace opennrm::testing {

using Ids = std::vector<std::string>;

inline Ids IdsOf(const std::vector<ports::ConsultationRow>& rows) {
  Ids ids;
  for (const auto& r : rows) ids.push_back(r.id);
  return ids;
}

class ConsultationsContract : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (HasFatalFailure()) return;
    InsertOrganisation("nu", orgs::Kind::kNationalUnit);
    InsertOrganisation("nu-2", orgs::Kind::kNationalUnit);
    InsertOrganisation("soc", orgs::Kind::kMunicipalSocialServices);
  }

  // A consultation of the national unit "nu" with the plain defaults.
  static ports::ConsultationRow Row(const std::string& id, long long received_at_us = kT0,
                                    long long respond_by_us = kT0 + 3'600'000'000) {
    ports::ConsultationRow x;
    x.id = id;
    x.code = "KON-2026-" + id;
    x.organisation_id = "nu";
    x.channel = "phone";
    x.received_at_us = received_at_us;
    x.language = "swe";
    x.topic = "suspected_trafficking";
    x.age_group = "adult";
    x.gender = "unknown";
    x.citizenship = "unknown";
    x.urgency = "normal";
    x.identity_basis = "none";
    x.body_sealed = "sealed-" + id;
    x.status = "new";
    x.respond_by_us = respond_by_us;
    x.created_by = "op1";
    x.created_at_us = x.updated_at_us = received_at_us;
    return x;
  }

  void Insert(const ports::ConsultationRow& x) {
    Committed([&](ports::UnitOfWork& uow) { Must(uow.consultations().Insert(x)); });
  }

  static ports::FollowUpRow FollowUp(const std::string& id, const std::string& consultation_id,
                                     long long created_at_us = kT0) {
    ports::FollowUpRow f;
    f.id = id;
    f.consultation_id = consultation_id;
    f.text_sealed = AllBytes();
    f.created_by = "op1";
    f.created_at_us = created_at_us;
    return f;
  }

  ports::ConsultationPage List(ports::ConsultationFilter f) {
    if (f.organisation_id.empty()) f.organisation_id = "nu";
    return Must(Read()->consultations().List(f));
  }
};

}  // namespace opennrm::testing
