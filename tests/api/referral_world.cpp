#include "referral_world.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace opennrm::testing {

using nlohmann::json;

ReferralWorld::ReferralWorld() {
  if (!server_.ok()) return;
  SessionClient& admin = server_.admin();
  municipality =
      server_.NewOrganisation("Hänvisningskommunens socialtjänst", "municipal_social_services");
  coordinator = server_.NewOrganisation("Hänvisningsregionens samordnare", "regional_coordinator");
  shelter = server_.NewOrganisation("Hänvisningsboendet", "ngo_shelter");
  municipality2 =
      server_.NewOrganisation("Andra kommunens socialtjänst", "municipal_social_services");
  inactive = server_.NewOrganisation("Nedlagda föreningen", "other");
  paper = server_.NewOrganisation("Föreningen utan konton", "other");
  auto seeded = admin.Get("/api/v1/organisations?limit=5&kind=police_region");
  EXPECT_EQ(seeded.status, 200) << seeded.body;
  if (seeded.status == 200 && !seeded.Json()["items"].empty()) {
    police = seeded.Json()["items"][0]["id"];
  }
  EXPECT_FALSE(police.empty()) << "the seed has a police region";
  auto org = admin.Get("/api/v1/organisations/" + inactive);
  auto off = admin.Post("/api/v1/organisations/" + inactive + "/deactivate",
                        json{{"version", org.Json()["version"]}}.dump());
  EXPECT_EQ(off.status, 200) << off.body;

  auto* m_admin = server_.NewUser(admin, municipality, "ref-m-admin", "organisation_administrator");
  social = server_.NewUser(*m_admin, municipality, "ref-social", "social_worker", &social_id);
  colleague = server_.NewUser(*m_admin, municipality, "ref-kollega", "social_worker");
  auditor = server_.NewUser(*m_admin, municipality, "ref-revisor", "auditor");
  auto* rc_admin =
      server_.NewUser(admin, coordinator, "ref-rc-admin", "organisation_administrator");
  regional = server_.NewUser(*rc_admin, coordinator, "ref-samordnare", "regional_coordinator",
                             &regional_id);
  auto* s_admin = server_.NewUser(admin, shelter, "ref-ngo-admin", "organisation_administrator");
  ngo = server_.NewUser(*s_admin, shelter, "ref-ngo", "ngo_worker");
  auto* p_admin = server_.NewUser(admin, police, "ref-pol-admin", "organisation_administrator");
  officer = server_.NewUser(*p_admin, police, "ref-polis", "police_investigator");
  auto* m2_admin =
      server_.NewUser(admin, municipality2, "ref-m2-admin", "organisation_administrator");
  social2 = server_.NewUser(*m2_admin, municipality2, "ref-social2", "social_worker");
  ok_ = !::testing::Test::HasFailure() && !police.empty();
}

ReferralWorld::Made ReferralWorld::CaseWith(SessionClient& by, const json& person,
                                            const std::string& type) {
  Made m;
  m.case_id = CaseServer::NewCase(by, type);
  m.person_id = CaseServer::NewPerson(by, m.case_id, person);
  return m;
}

json ReferralWorld::Adult(const std::string& name, const std::string& protection) {
  return json{{"role", "presumed_victim"},
              {"names", {{{"kind", "name"}, {"latin", name}}}},
              {"gender", "female"},
              {"date_of_birth", {{"date", "1994-05-06"}}},
              {"citizenship", {{"status", "known"}, {"countries", {"RO"}}}},
              {"languages", {"ron"}},
              {"contact", {{"phones", {"+46 70 555 01 23"}}, {"notes", "KONTAKTMARKÖR"}}},
              {"protection", protection}};
}

void ReferralWorld::AddRecords(SessionClient& by, const Made& m) {
  const std::string c = "/api/v1/cases/" + m.case_id;
  const std::string p = c + "/persons/" + m.person_id;
  auto plan = by.Put(
      p + "/safety-plan",
      json{{"who_to_call", {{{"name", "SÄKERHETSMARKÖR jouren"}, {"phone", "+46 8 555 999 00"}}}},
           {"made_on", UtcDay(-2)}}
          .dump());
  EXPECT_EQ(plan.status, 200) << plan.body;
  auto exploitation =
      by.Put(c + "/exploitation",
             json{{"forms", {{{"form", "labour"}, {"sector", "berry_picking"}}}},
                  {"places", {{"municipalities", {"2584"}}, {"recruitment_countries", {"RO"}}}},
                  {"period", {{"from", "2025-06"}, {"to", "2025-09"}}}}
                 .dump());
  EXPECT_EQ(exploitation.status, 200) << exploitation.body;
  auto note =
      by.Post(c + "/notes", json{{"text", "ANTECKNINGSMARKÖR"}, {"person_id", m.person_id}}.dump());
  EXPECT_EQ(note.status, 201) << note.body;
}

std::string ReferralWorld::Consent(SessionClient& by, const Made& m, const std::string& recipient,
                                   const std::string& purpose,
                                   const std::vector<std::string>& sections) {
  auto r =
      by.Post("/api/v1/cases/" + m.case_id + "/consents",
              json{{"person_id", m.person_id},
                   {"recipient_organisation_id", recipient},
                   {"purpose", purpose},
                   {"sections", sections},
                   {"given_on", UtcDay(-1)},
                   {"form", "spoken"},
                   {"language", "ron"},
                   {"interpreter",
                    {{"language", "ron"}, {"mode", "remote"}, {"relationship", "professional"}}}}
                  .dump());
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.Json()["id"].get<std::string>() : "";
}

json ReferralWorld::Referral(const Made& m, const std::string& recipient,
                             const std::string& purpose, const std::vector<std::string>& sections,
                             const std::string& basis, const std::string& consent_id) {
  json body{{"person_id", m.person_id},
            {"recipient_organisation_id", recipient},
            {"purpose", purpose},
            {"sections", sections},
            {"basis", basis}};
  if (!consent_id.empty()) body["consent_id"] = consent_id;
  return body;
}

HttpResponse ReferralWorld::Send(SessionClient& by, const Made& m, const json& body) {
  return by.Post("/api/v1/cases/" + m.case_id + "/referrals", body.dump());
}

json ReferralWorld::SendWithConsent(SessionClient& by, const Made& m, const std::string& recipient,
                                    const std::string& purpose,
                                    const std::vector<std::string>& sections) {
  std::string consent = Consent(by, m, recipient, purpose, sections);
  auto r = Send(by, m, Referral(m, recipient, purpose, sections, "consent", consent));
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.Json() : json::object();
}

HttpResponse ReferralWorld::Step(SessionClient& by, const json& referral, const std::string& step,
                                 json body) {
  if (!body.contains("version")) body["version"] = referral.value("version", 0);
  return by.Post("/api/v1/referrals/" + referral.value("id", std::string("none")) + "/" + step,
                 body.dump());
}

int ReferralWorld::Notices(SessionClient& who, const std::string& kind,
                           const std::string& subject_id) {
  auto r = who.Get("/api/v1/me/notifications");
  EXPECT_EQ(r.status, 200) << r.body;
  int found = 0;
  const json items = r.Json()["items"];
  for (const auto& n : items) {
    if (n["kind"] == kind && n["subject_id"] == subject_id) ++found;
  }
  return found;
}

std::string ReferralWorld::Written(SessionClient& by, const Made& m) {
  const std::string c = "/api/v1/cases/" + m.case_id;
  std::string out = by.Get(c + "/referrals").body + by.Get(c + "/timeline?limit=500").body;
  for (SessionClient* s : {regional, ngo, officer, social2}) {
    out += s->Get("/api/v1/referrals/inbox?limit=200").body;
  }
  return out;
}

}  // namespace opennrm::testing
