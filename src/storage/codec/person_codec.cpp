#include "storage/codec/person_codec.hpp"

#include <nlohmann/json.hpp>

namespace opennrm::storage {

namespace {

using Json = nlohmann::json;
constexpr int kFormat = 1;

Json DateOfBirthJson(const cases::DateOfBirth& dob) {
  if (const auto* d = std::get_if<cases::PartialDate>(&dob)) {
    return Json{{"date", cases::FormatPartialDate(*d)}};
  }
  const auto& a = std::get<cases::AgeRange>(dob);
  return Json{{"min", a.min_years}, {"max", a.max_years}, {"on", FormatIsoDate(a.estimated_on)}};
}

// Sets the person's date of birth from its stored form; false if unreadable.
bool ReadDateOfBirth(const Json& j, cases::Person& p) {
  if (j.contains("date")) {
    auto d = cases::ParsePartialDate(j.at("date").get<std::string>());
    if (!d) return false;
    p.date_of_birth = cases::DateOfBirth(std::in_place_type<cases::PartialDate>, *d);
    return true;
  }
  auto on = ParseIsoDate(j.at("on").get<std::string>());
  if (!on) return false;
  cases::AgeRange range;
  range.min_years = j.at("min").get<int>();
  range.max_years = j.at("max").get<int>();
  range.estimated_on = *on;
  p.date_of_birth = cases::DateOfBirth(std::in_place_type<cases::AgeRange>, range);
  return true;
}

}  // namespace

std::string JsonRecordCodec::EncodeIdentity(const cases::Person& p) const {
  Json names = Json::array();
  for (const auto& n : p.names) {
    names.push_back(
        {{"k", std::string(cases::ToString(n.kind))}, {"l", n.latin}, {"o", n.original}});
  }
  Json documents = Json::array();
  for (const auto& d : p.documents) {
    documents.push_back({{"t", std::string(cases::ToString(d.type))},
                         {"n", d.number},
                         {"c", d.issuing_country},
                         {"x", d.expires_on ? Json(FormatIsoDate(*d.expires_on)) : Json(nullptr)}});
  }
  Json j{{"f", kFormat},
         {"names", std::move(names)},
         {"dob", p.date_of_birth ? DateOfBirthJson(*p.date_of_birth) : Json(nullptr)},
         {"minor", p.claimed_minor},
         {"gender", std::string(cases::ToString(p.gender))},
         {"cit", std::string(cases::ToString(p.citizenship.status))},
         {"countries", p.citizenship.countries},
         {"permit", std::string(cases::ToString(p.residence_permit))},
         {"unacc", p.unaccompanied},
         {"lang", p.languages},
         {"docs", std::move(documents)}};
  return j.dump();
}

Status JsonRecordCodec::DecodeIdentity(std::string_view bytes, cases::Person& p) const {
  try {
    Json j = Json::parse(bytes);
    if (j.at("f").get<int>() != kFormat) return Internal("Unknown identity format.");
    p.names.clear();
    for (const auto& n : j.at("names")) {
      auto kind = cases::ParseNameKind(n.at("k").get<std::string>());
      if (!kind) return Internal("Unknown name kind in a stored identity.");
      p.names.push_back({*kind, n.at("l").get<std::string>(), n.at("o").get<std::string>()});
    }
    p.date_of_birth.reset();
    if (!j.at("dob").is_null()) {
      if (!ReadDateOfBirth(j.at("dob"), p)) {
        return Internal("Unreadable date of birth in a stored identity.");
      }
    }
    p.claimed_minor = j.at("minor").get<bool>();
    auto gender = cases::ParseGender(j.at("gender").get<std::string>());
    auto status = cases::ParseCitizenshipStatus(j.at("cit").get<std::string>());
    if (!gender || !status) return Internal("Unknown code in a stored identity.");
    p.gender = *gender;
    p.citizenship = {*status, j.at("countries").get<std::vector<std::string>>()};
    // Added later in format 1: bodies sealed before have neither key.
    p.residence_permit = cases::ResidencePermit::kUnknown;
    if (j.contains("permit")) {
      auto permit = cases::ParseResidencePermit(j.at("permit").get<std::string>());
      if (!permit) return Internal("Unknown code in a stored identity.");
      p.residence_permit = *permit;
    }
    p.unaccompanied = j.value("unacc", false);
    p.languages = j.at("lang").get<std::vector<std::string>>();
    p.documents.clear();
    for (const auto& d : j.at("docs")) {
      auto type = cases::ParseDocumentType(d.at("t").get<std::string>());
      if (!type) return Internal("Unknown document type in a stored identity.");
      cases::IdentityDocument doc{*type, d.at("n").get<std::string>(), d.at("c").get<std::string>(),
                                  std::nullopt};
      if (!d.at("x").is_null()) doc.expires_on = ParseIsoDate(d.at("x").get<std::string>());
      p.documents.push_back(std::move(doc));
    }
    return Ok();
  } catch (const std::exception&) {
    return Internal("A stored identity could not be read.");
  }
}

std::string JsonRecordCodec::EncodeContact(const cases::ContactDetails& c) const {
  return Json{{"f", kFormat},
              {"phones", c.phones},
              {"emails", c.emails},
              {"address", c.address},
              {"notes", c.notes}}
      .dump();
}

Result<cases::ContactDetails> JsonRecordCodec::DecodeContact(std::string_view bytes) const {
  try {
    Json j = Json::parse(bytes);
    if (j.at("f").get<int>() != kFormat) return Internal("Unknown contact format.");
    cases::ContactDetails c;
    c.phones = j.at("phones").get<std::vector<std::string>>();
    c.emails = j.at("emails").get<std::vector<std::string>>();
    c.address = j.at("address").get<std::string>();
    c.notes = j.at("notes").get<std::string>();
    return c;
  } catch (const std::exception&) {
    return Internal("Stored contact details could not be read.");
  }
}

}  // namespace opennrm::storage
