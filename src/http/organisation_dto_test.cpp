#include "http/organisation_dto.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace opennrm::http {
namespace {

// What ReadOrganisationInput read, and the problems it recorded.
struct Outcome {
  OrganisationInput input;
  Problems problems;
  explicit operator bool() const { return problems.empty(); }
  const OrganisationInput* operator->() const { return &input; }
};

Outcome Read(const Json& body, bool require_version) {
  Outcome o;
  o.input = ReadOrganisationInput(body, require_version, o.problems);
  return o;
}

bool Has(const Outcome& o, const std::string& field, const std::string& rule) {
  const auto& fs = o.problems.items();
  return std::any_of(fs.begin(), fs.end(),
                     [&](const FieldProblem& f) { return f.field == field && f.rule == rule; });
}

std::string Describe(const Outcome& o) {
  if (o) return "ok";
  std::string s;
  for (const auto& f : o.problems.items()) s += f.field + "/" + f.rule + " ";
  return s;
}

Json Full() {
  return Json::parse(R"({
    "name": "Kvinnojouren i Kiruna",
    "kind": "ngo_shelter",
    "contact": {"phone": "0980-123 45", "email": "jour@kiruna.se",
                "website": "https://jour.se", "postal_address": "Box 1, 981 21 Kiruna"},
    "coverage": {"scope": "municipalities", "codes": ["2584", "2580"]},
    "services": ["shelter_women"],
    "languages": ["swe", "sme"],
    "capacity": [{"gender": "women", "age_group": "adults", "places": 6}],
    "occupancy": {"occupied": 4, "reported_on": "2026-03-01"},
    "active": false,
    "protected_address": "Hemliga vägen 1"
  })");
}

TEST(ReadOrganisationInput, ReadsEveryField) {
  auto r = Read(Full(), false);
  ASSERT_TRUE(r) << Describe(r);
  const auto& d = r->draft;
  EXPECT_EQ(d.name, "Kvinnojouren i Kiruna");
  EXPECT_EQ(d.kind, orgs::Kind::kNgoShelter);
  EXPECT_EQ(d.contact.email, "jour@kiruna.se");
  EXPECT_EQ(d.contact.postal_address, "Box 1, 981 21 Kiruna");
  EXPECT_EQ(d.coverage.scope, orgs::CoverageScope::kMunicipalities);
  EXPECT_EQ(d.coverage.codes, (std::vector<std::string>{"2584", "2580"}));
  EXPECT_EQ(d.languages, (std::vector<std::string>{"swe", "sme"}));
  ASSERT_EQ(d.capacity.size(), 1u);
  EXPECT_EQ(d.capacity[0].places, 6);
  ASSERT_TRUE(d.occupancy);
  EXPECT_EQ(d.occupancy->occupied, 4);
  EXPECT_EQ(d.occupancy->reported_on, "2026-03-01");
  EXPECT_FALSE(d.active);
  EXPECT_EQ(d.protected_address, "Hemliga vägen 1");
  EXPECT_FALSE(r->version);
}

TEST(ReadOrganisationInput, MinimalBodyGetsDefaults) {
  auto r =
      Read(Json::parse(R"({"name":"X","kind":"other","coverage":{"scope":"national"}})"), false);
  ASSERT_TRUE(r) << Describe(r);
  EXPECT_TRUE(r->draft.active);
  EXPECT_FALSE(r->draft.occupancy);
  EXPECT_FALSE(r->draft.protected_address);  // absent keeps the stored one on update
  EXPECT_TRUE(r->draft.coverage.codes.empty());
}

TEST(ReadOrganisationInput, MissingNameKindAndCoverageAreAllReported) {
  auto r = Read(Json::object(), false);
  ASSERT_FALSE(r);
  EXPECT_TRUE(Has(r, "name", "required")) << Describe(r);
  EXPECT_TRUE(Has(r, "kind", "required")) << Describe(r);
  EXPECT_TRUE(Has(r, "coverage", "required")) << Describe(r);
}

TEST(ReadOrganisationInput, UnknownNestedFieldIsNamed) {
  Json j = Full();
  j["contact"]["fax"] = "0980-1";
  j["coverage"]["radius_km"] = 5;
  j["capacity"][0]["beds"] = 2;
  j["colour"] = "red";
  auto r = Read(j, false);
  ASSERT_FALSE(r);
  EXPECT_TRUE(Has(r, "contact.fax", "unknown_field")) << Describe(r);
  EXPECT_TRUE(Has(r, "coverage.radius_km", "unknown_field")) << Describe(r);
  EXPECT_TRUE(Has(r, "capacity[0].beds", "unknown_field")) << Describe(r);
  EXPECT_TRUE(Has(r, "colour", "unknown_field")) << Describe(r);
}

TEST(ReadOrganisationInput, ReadOnlyFieldsOfTheRepresentationAreRejected) {
  for (const char* key :
       {"id", "public_authority", "has_protected_address", "free_places", "created_at"}) {
    Json j = Full();
    j[key] = nullptr;
    auto r = Read(j, false);
    ASSERT_FALSE(r) << key;
    EXPECT_TRUE(Has(r, key, "unknown_field")) << key << ": " << Describe(r);
  }
}

TEST(ReadOrganisationInput, EnumsAndTypesAreChecked) {
  Json j = Full();
  j["kind"] = "police";
  j["coverage"]["scope"] = "county";
  j["capacity"][0]["places"] = "6";
  j["occupancy"]["occupied"] = 100001;
  j["active"] = "yes";
  j["languages"] = {"swe", 7};
  auto r = Read(j, false);
  ASSERT_FALSE(r);
  EXPECT_TRUE(Has(r, "kind", "enum")) << Describe(r);
  EXPECT_TRUE(Has(r, "coverage.scope", "enum"));
  EXPECT_TRUE(Has(r, "capacity[0].places", "type"));
  EXPECT_TRUE(Has(r, "occupancy.occupied", "range"));
  EXPECT_TRUE(Has(r, "active", "type"));
  EXPECT_TRUE(Has(r, "languages[1]", "type"));
}

TEST(ReadOrganisationInput, CapacityItemsMustBeObjects) {
  Json j = Full();
  j["capacity"] = {6};
  auto r = Read(j, false);
  ASSERT_FALSE(r);
  EXPECT_TRUE(Has(r, "capacity[0]", "type")) << Describe(r);
}

TEST(ReadOrganisationInput, NullOccupancyClearsIt) {
  Json j = Full();
  j["occupancy"] = nullptr;
  auto r = Read(j, false);
  ASSERT_TRUE(r) << Describe(r);
  EXPECT_FALSE(r->draft.occupancy);
}

TEST(ReadOrganisationInput, VersionIsRequiredForReplacement) {
  auto r = Read(Full(), true);
  ASSERT_FALSE(r);
  EXPECT_TRUE(Has(r, "version", "required")) << Describe(r);

  Json j = Full();
  j["version"] = 3;
  auto ok = Read(j, true);
  ASSERT_TRUE(ok) << Describe(ok);
  EXPECT_EQ(ok->version, 3);

  j["version"] = "3";
  EXPECT_TRUE(Has(Read(j, true), "version", "type"));
  // On create the server chooses the version: sending one is a problem.
  j["version"] = 3;
  auto created = Read(j, false);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.problems.items().at(0).field, "version") << Describe(created);
}

orgs::Organisation Stored() {
  orgs::Organisation o;
  o.id = "0193b1c2-0000-7000-8000-000000000001";
  o.data.name = "Kvinnojouren i Kiruna";
  o.data.kind = orgs::Kind::kNgoShelter;
  o.data.coverage = {orgs::CoverageScope::kMunicipalities, {"2584"}};
  o.data.capacity = {{"women", "adults", 6}, {"women", "children", 2}};
  o.data.occupancy = orgs::Occupancy{5, "2026-03-01"};
  o.data.protected_address = "Hemliga vägen 1, 981 00 Kiruna";
  o.has_protected_address = true;
  o.version = 4;
  o.created_at_us = 1767225600LL * 1000000;  // 2026-01-01T00:00:00Z
  o.updated_at_us = o.created_at_us + 90061LL * 1000000 + 999999;
  return o;
}

TEST(OrganisationJson, NeverContainsTheProtectedAddress) {
  Json j = OrganisationJson(Stored());
  EXPECT_FALSE(j.contains("protected_address"));
  EXPECT_EQ(j.dump().find("Hemliga"), std::string::npos) << j.dump();
  EXPECT_EQ(j["has_protected_address"], true);
  for (const auto& [key, value] : j.items()) EXPECT_NE(key, "protected_address");
  EXPECT_FALSE(j["contact"].contains("protected_address"));
}

TEST(OrganisationJson, RepresentationFields) {
  Json j = OrganisationJson(Stored());
  EXPECT_EQ(j["id"], "0193b1c2-0000-7000-8000-000000000001");
  EXPECT_EQ(j["kind"], "ngo_shelter");
  EXPECT_EQ(j["public_authority"], false);
  EXPECT_EQ(j["coverage"]["scope"], "municipalities");
  EXPECT_EQ(j["version"], 4);
  EXPECT_EQ(j["free_places"], 3);  // 8 places, 5 occupied
  EXPECT_EQ(j["occupancy"]["reported_on"], "2026-03-01");
  EXPECT_EQ(j["created_at"], "2026-01-01T00:00:00Z");
  EXPECT_EQ(j["updated_at"], "2026-01-02T01:01:01Z");
}

TEST(OrganisationJson, NoOccupancyMeansNullFreePlacesAndOverbookingIsZero) {
  auto o = Stored();
  o.data.occupancy.reset();
  Json j = OrganisationJson(o);
  EXPECT_TRUE(j["occupancy"].is_null());
  EXPECT_TRUE(j["free_places"].is_null());
  o.data.occupancy = orgs::Occupancy{12, "2026-03-01"};
  EXPECT_EQ(OrganisationJson(o)["free_places"], 0);
}

TEST(OrganisationJson, RoundTripsThroughReadOrganisationInput) {
  auto o = Stored();
  Json j = OrganisationJson(o);
  for (const char* k : {"id", "public_authority", "has_protected_address", "free_places",
                        "created_at", "updated_at"}) {
    j.erase(k);
  }
  auto r = Read(j, true);
  ASSERT_TRUE(r) << Describe(r);
  EXPECT_EQ(r->draft.name, o.data.name);
  EXPECT_EQ(r->draft.capacity.size(), 2u);
  EXPECT_EQ(r->version, 4);
  EXPECT_FALSE(r->draft.protected_address);  // the stored one is kept
}

TEST(IsoTimestamp, FormatsUtcSeconds) {
  EXPECT_EQ(IsoTimestamp(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(IsoTimestamp(1709251199LL * 1000000 + 500000), "2024-02-29T23:59:59Z");
}

}  // namespace
}  // namespace opennrm::http
