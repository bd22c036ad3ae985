#include "http/person_dto.hpp"

#include "http/organisation_dto.hpp"

namespace opennrm::http {

namespace {

// Unknown codes become problems here only when they cannot be held by the
// domain type; the rest is left to validation with the reference data.
template <class Enum, class Parse>
Enum ReadCode(ObjectReader& r, const std::string& name, Parse parse, Enum fallback,
              Problems& problems) {
  auto text = r.String(name);
  if (!text) return fallback;
  auto parsed = parse(*text);
  if (!parsed) {
    problems.Add(r.Path(name), "unknown_code", "Unknown " + name + ": " + text->substr(0, 64));
    return fallback;
  }
  return *parsed;
}

void ReadDateOfBirth(ObjectReader& r, cases::Person& p, Problems& problems) {
  if (r.IsNull("date_of_birth")) {
    (void)r.Object("date_of_birth", false, true);
    return;
  }
  const Json* dob = r.Object("date_of_birth");
  if (!dob) return;
  ObjectReader d(*dob, r.Path("date_of_birth"), problems);
  auto date = d.String("date");
  auto min = d.Integer("age_min");
  auto max = d.Integer("age_max");
  auto on = d.String("estimated_on");
  d.RejectUnknown();
  if (date) {
    auto parsed = cases::ParsePartialDate(*date);
    if (!parsed) {
      problems.Add(d.Path("date"), "format", "A date of birth is YYYY, YYYY-MM or YYYY-MM-DD.");
      return;
    }
    p.date_of_birth = cases::DateOfBirth(std::in_place_type<cases::PartialDate>, *parsed);
  } else if (min || max) {
    cases::AgeRange range;
    range.min_years = static_cast<int>(min.value_or(-1));
    range.max_years = static_cast<int>(max.value_or(-1));
    auto when = on ? ParseIsoDate(*on) : std::nullopt;
    if (!when) {
      problems.Add(d.Path("estimated_on"), "required",
                   "An estimated age needs the date it was estimated on (YYYY-MM-DD).");
      return;
    }
    range.estimated_on = *when;
    p.date_of_birth = cases::DateOfBirth(std::in_place_type<cases::AgeRange>, range);
  } else {
    problems.Add(d.Path("date"), "required",
                 "Give a date (YYYY, YYYY-MM or YYYY-MM-DD) or an estimated age range.");
  }
}

}  // namespace

app::NewCasePerson ReadNewCasePerson(const Json& body, Problems& problems) {
  app::NewCasePerson in;
  cases::Person& p = in.person;
  ObjectReader r(body, "", problems);
  in.role = r.String("role", true).value_or("");
  if (const Json* names = r.Array("names")) {
    for (size_t i = 0; i < names->size(); ++i) {
      std::string path = "names[" + std::to_string(i) + "]";
      if (!(*names)[i].is_object()) {
        problems.Add(path, "type", "Each name is an object.");
        continue;
      }
      ObjectReader n((*names)[i], path, problems);
      cases::PersonName name;
      name.kind = ReadCode(n, "kind", cases::ParseNameKind, cases::NameKind::kName, problems);
      name.latin = n.String("latin", true).value_or("");
      name.original = n.String("original").value_or("");
      n.RejectUnknown();
      p.names.push_back(std::move(name));
    }
  }
  ReadDateOfBirth(r, p, problems);
  p.claimed_minor = r.Bool("claimed_minor").value_or(false);
  p.gender = ReadCode(r, "gender", cases::ParseGender, cases::Gender::kNotRecorded, problems);
  if (const Json* c = r.Object("citizenship")) {
    ObjectReader cr(*c, "citizenship", problems);
    p.citizenship.status = ReadCode(cr, "status", cases::ParseCitizenshipStatus,
                                    cases::CitizenshipStatus::kUnknown, problems);
    p.citizenship.countries = cr.Strings("countries").value_or(std::vector<std::string>{});
    cr.RejectUnknown();
  }
  if (auto permit = r.String("residence_permit")) {
    if (auto parsed = cases::ParseResidencePermit(*permit)) {
      p.residence_permit = *parsed;
    } else {
      problems.Add(r.Path("residence_permit"), "enum",
                   "The residence permit is none, has_permit or unknown.");
    }
  }
  p.unaccompanied = r.Bool("unaccompanied").value_or(false);
  p.languages = r.Strings("languages").value_or(std::vector<std::string>{});
  if (const Json* docs = r.Array("documents")) {
    for (size_t i = 0; i < docs->size(); ++i) {
      std::string path = "documents[" + std::to_string(i) + "]";
      if (!(*docs)[i].is_object()) {
        problems.Add(path, "type", "Each document is an object.");
        continue;
      }
      ObjectReader d((*docs)[i], path, problems);
      cases::IdentityDocument doc;
      doc.type =
          ReadCode(d, "type", cases::ParseDocumentType, cases::DocumentType::kOther, problems);
      doc.number = d.String("number").value_or("");
      doc.issuing_country = d.String("issuing_country").value_or("");
      if (auto x = d.String("expires_on")) {
        doc.expires_on = ParseIsoDate(*x);
        if (!doc.expires_on) problems.Add(d.Path("expires_on"), "format", "YYYY-MM-DD.");
      }
      d.RejectUnknown();
      p.documents.push_back(std::move(doc));
    }
  }
  if (const Json* c = r.Object("contact")) {
    ObjectReader cr(*c, "contact", problems);
    p.contact.phones = cr.Strings("phones").value_or(std::vector<std::string>{});
    p.contact.emails = cr.Strings("emails").value_or(std::vector<std::string>{});
    p.contact.address = cr.String("address").value_or("");
    p.contact.notes = cr.String("notes").value_or("");
    cr.RejectUnknown();
  }
  p.protection = ReadCode(r, "protection", cases::ParseProtectionLevel,
                          cases::ProtectionLevel::kNone, problems);
  r.RejectUnknown();
  return in;
}

app::CasePersonUpdate ReadCasePersonUpdate(const Json& body, Problems& problems) {
  app::CasePersonUpdate out;
  Json version = Json::object();
  if (body.contains("expected_version")) version["expected_version"] = body["expected_version"];
  ObjectReader v(version, "", problems);
  out.expected_version = v.Integer("expected_version", true).value_or(0);
  // The rest is read exactly as a new person; an absent role means "unchanged".
  Json rest = body;
  rest.erase("expected_version");
  if (!rest.contains("role")) rest["role"] = "";
  app::NewCasePerson read = ReadNewCasePerson(rest, problems);
  out.role = std::move(read.role);
  out.person = std::move(read.person);
  return out;
}

Json CasePersonJson(const app::CasePersonView& v) {
  const cases::Person& p = v.person;
  Json names = Json::array();
  for (const auto& n : p.names) {
    names.push_back({{"kind", std::string(cases::ToString(n.kind))},
                     {"latin", n.latin},
                     {"original", n.original}});
  }
  Json dob = nullptr;
  if (p.date_of_birth) {
    if (const auto* d = std::get_if<cases::PartialDate>(&*p.date_of_birth)) {
      dob = Json{{"date", cases::FormatPartialDate(*d)}};
    } else {
      const auto& a = std::get<cases::AgeRange>(*p.date_of_birth);
      dob = Json{{"age_min", a.min_years},
                 {"age_max", a.max_years},
                 {"estimated_on", FormatIsoDate(a.estimated_on)}};
    }
  }
  Json documents = Json::array();
  for (const auto& d : p.documents) {
    documents.push_back(
        {{"type", std::string(cases::ToString(d.type))},
         {"number", d.number},
         {"issuing_country", d.issuing_country},
         {"expires_on", d.expires_on ? Json(FormatIsoDate(*d.expires_on)) : Json(nullptr)}});
  }
  return Json{{"id", p.id},
              {"code", v.code},
              {"role", std::string(cases::ToString(v.role))},
              {"names", std::move(names)},
              {"date_of_birth", std::move(dob)},
              {"claimed_minor", p.claimed_minor},
              {"gender", std::string(cases::ToString(p.gender))},
              {"citizenship",
               {{"status", std::string(cases::ToString(p.citizenship.status))},
                {"countries", p.citizenship.countries}}},
              {"residence_permit", std::string(cases::ToString(p.residence_permit))},
              {"unaccompanied", p.unaccompanied},
              {"languages", p.languages},
              {"documents", std::move(documents)},
              {"contact",
               {{"phones", p.contact.phones},
                {"emails", p.contact.emails},
                {"address", p.contact.address},
                {"notes", p.contact.notes}}},
              {"protection", std::string(cases::ToString(p.protection))},
              {"merged_into", p.merged_into ? Json(*p.merged_into) : Json(nullptr)},
              {"merged_from", p.merged_from},
              {"added_by", v.added_by},
              {"added_at", IsoTimestamp(v.added_at_us)},
              {"version", v.version}};
}

}  // namespace opennrm::http
