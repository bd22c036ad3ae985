#include "canary_referrals.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "case_fixture.hpp"

namespace opennrm::testing {

using nlohmann::json;

namespace {

// A user of `organisation_id` with `role`, made by `by` and signed in with
// their own password.
std::unique_ptr<SessionClient> SignedInUser(int port, SessionClient& by,
                                            const std::string& organisation_id,
                                            const std::string& username, const std::string& role) {
  auto made = by.Post("/api/v1/users", json{{"organisation_id", organisation_id},
                                            {"username", username},
                                            {"display_name", "Kanarie " + role},
                                            {"roles", {role}}}
                                           .dump());
  EXPECT_EQ(made.status, 201) << made.body;
  if (made.status != 201) return nullptr;
  auto client = std::make_unique<SessionClient>(port);
  EXPECT_EQ(client->SignIn(username, made.Json()["one_time_password"], TestPassword(username)), "");
  return client;
}

}  // namespace

void AddReferralCanaries(int port, SessionClient& admin, SessionClient& sender,
                         const std::string& case_id, const std::string& tag,
                         MarkerSearch& secrets) {
  // The recipient: an NGO shelter with a worker who answers referrals.
  auto shelter = admin.Post("/api/v1/organisations",
                            json{{"name", "Kanariemottagarna " + tag},
                                 {"kind", "ngo_shelter"},
                                 {"coverage", {{"scope", "counties"}, {"codes", {"25"}}}}}
                                .dump());
  ASSERT_EQ(shelter.status, 201) << shelter.body;
  const std::string shelter_id = shelter.Json()["id"];
  auto shelter_admin = SignedInUser(port, admin, shelter_id, "kanariemottagare-admin-" + tag,
                                    "organisation_administrator");
  ASSERT_TRUE(shelter_admin);
  auto ngo =
      SignedInUser(port, *shelter_admin, shelter_id, "kanariemottagare-" + tag, "ngo_worker");
  ASSERT_TRUE(ngo);

  // The person the packages are about, and a note about them: the package's contents.
  const std::string name = "Kanariepaket Resenarsdotter " + tag;
  const std::string document = "KPK" + tag;
  const std::string note = "Kanariepaketanteckning " + tag + ": hon vill bo långt från staden.";
  secrets.Add("package contents (person's name)", name);
  secrets.Add("package contents (document number)", document);
  secrets.Add("package contents (note)", note);
  const std::string c = "/api/v1/cases/" + case_id;
  auto person = sender.Post(
      c + "/persons",
      json{{"role", "presumed_victim"},
           {"names", {{{"kind", "name"}, {"latin", name}}}},
           {"date_of_birth", {{"date", "1996-04-05"}}},
           {"languages", {"ron"}},
           {"documents", {{{"type", "passport"}, {"number", document}, {"issuing_country", "RO"}}}}}
          .dump());
  ASSERT_EQ(person.status, 201) << person.body;
  const std::string person_id = person.Json()["id"];
  auto noted = sender.Post(c + "/notes", json{{"text", note}, {"person_id", person_id}}.dump());
  ASSERT_EQ(noted.status, 201) << noted.body;

  // The person's consent, with a note on how it was given.
  const std::string consent_note =
      "Kanariesamtycke " + tag + ": samtycket gavs muntligt, i ett enskilt rum.";
  secrets.Add("consent note", consent_note);
  const std::vector<std::string> sections{"identity", "notes"};
  auto consent = sender.Post(
      c + "/consents",
      json{{"person_id", person_id},
           {"recipient_organisation_id", shelter_id},
           {"purpose", "shelter"},
           {"sections", sections},
           {"given_on", UtcDay(-1)},
           {"form", "spoken"},
           {"language", "ron"},
           {"interpreter",
            {{"language", "ron"}, {"mode", "remote"}, {"relationship", "professional"}}},
           {"note", consent_note}}
          .dump());
  ASSERT_EQ(consent.status, 201) << consent.body;
  const std::string consent_id = consent.Json()["id"];
  EXPECT_NE(sender.Get(c + "/consents").body.find("Kanariesamtycke " + tag), std::string::npos)
      << "the team reads the consent's note back";

  // A referral on that consent: the shelter reads the package (it holds the
  // markers) and accepts it into a case of its own (the person sealed again there).
  auto sent = sender.Post(c + "/referrals", json{{"person_id", person_id},
                                                 {"recipient_organisation_id", shelter_id},
                                                 {"purpose", "shelter"},
                                                 {"sections", sections},
                                                 {"basis", "consent"},
                                                 {"consent_id", consent_id}}
                                                .dump());
  ASSERT_EQ(sent.status, 201) << sent.body;
  const std::string referral = "/api/v1/referrals/" + sent.Json()["id"].get<std::string>();
  auto package = ngo->Get(referral + "/package");
  ASSERT_EQ(package.status, 200) << package.body;
  for (const auto& marker : {name, document, "Kanariepaketanteckning " + tag}) {
    EXPECT_NE(package.body.find(marker), std::string::npos)
        << "the package carries " << marker << ": " << package.body;
  }
  auto accepted = ngo->Post(referral + "/accept", json{{"version", sent.Json()["version"]}}.dump());
  ASSERT_EQ(accepted.status, 200) << accepted.body;

  // The consent revoked, with the person's reason.
  const std::string revocation =
      "Kanarieåterkallelse " + tag + ": hon vill inte att boendet får fler uppgifter.";
  secrets.Add("consent revocation reason", revocation);
  auto revoked = sender.Post("/api/v1/consents/" + consent_id + "/revoke",
                             json{{"revoked_on", UtcDay(0)}, {"reason", revocation}}.dump());
  ASSERT_EQ(revoked.status, 200) << revoked.body;

  // A referral on a basis without consent, with its justification, declined with a reason.
  const std::string justification =
      "Kanariemotivering " + tag + ": nämnden behöver boendets bedömning för sin utredning.";
  secrets.Add("referral justification", justification);
  auto based = sender.Post(c + "/referrals", json{{"person_id", person_id},
                                                  {"recipient_organisation_id", shelter_id},
                                                  {"purpose", "shelter"},
                                                  {"sections", {"identity"}},
                                                  {"basis", "own_task_necessity"},
                                                  {"justification", justification}}
                                                 .dump());
  ASSERT_EQ(based.status, 201) << based.body;
  EXPECT_NE(based.body.find("Kanariemotivering " + tag), std::string::npos)
      << "the sender reads the justification back";
  const std::string reason = "Kanarieavslag " + tag + ": boendet har ingen ledig plats i veckan.";
  secrets.Add("referral decline reason", reason);
  auto declined =
      ngo->Post("/api/v1/referrals/" + based.Json()["id"].get<std::string>() + "/decline",
                json{{"reason", reason}, {"version", based.Json()["version"]}}.dump());
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_NE(declined.body.find("Kanarieavslag " + tag), std::string::npos)
      << "the recipient reads its reason back";
}

}  // namespace opennrm::testing
