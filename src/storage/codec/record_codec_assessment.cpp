// The assessment records of a case in the record codec: the indicators
// assessment, the presumed-victim assessment, and the exploitation the case
// concerns (forms, places, period).
#include "storage/codec/person_codec.hpp"
#include "storage/codec/record_codec_json.hpp"

namespace opennrm::storage {

using namespace codec_json;

std::string JsonRecordCodec::EncodeIndicators(const cases::IndicatorsAssessment& a) const {
  Json answers = Json::array();
  for (const auto& r : a.answers) {
    answers.push_back(
        {{"i", r.indicator_id}, {"a", std::string(cases::ToString(r.answer))}, {"e", r.evidence}});
  }
  return Json{{"f", kRecordFormat},
              {"v", a.catalog_version},
              {"by", a.assessed_by},
              {"on", Date(a.assessed_on)},
              {"ans", std::move(answers)}}
      .dump();
}

Result<cases::IndicatorsAssessment> JsonRecordCodec::DecodeIndicators(
    std::string_view bytes) const {
  try {
    Json j = Parse(bytes);
    cases::IndicatorsAssessment a;
    a.catalog_version = j.at("v").get<std::string>();
    a.assessed_by = j.at("by").get<std::string>();
    a.assessed_on = DateAt(j, "on");
    for (const auto& r : j.at("ans")) {
      a.answers.push_back({r.at("i").get<std::string>(),
                           EnumAt(r, "a", cases::ParseIndicatorAnswer),
                           r.at("e").get<std::string>()});
    }
    return a;
  } catch (const std::exception&) {
    return Internal("A stored indicators assessment could not be read.");
  }
}

std::string JsonRecordCodec::EncodeAssessment(const cases::PresumedVictimAssessment& a) const {
  Json review = nullptr;
  if (a.review) {
    review = Json{{"by", a.review->reviewed_by},
                  {"on", Date(a.review->reviewed_on)},
                  {"ok", a.review->agrees},
                  {"c", a.review->comment}};
  }
  return Json{{"f", kRecordFormat},
              {"by", a.assessed_by},
              {"on", Date(a.assessed_on)},
              {"c", std::string(cases::ToString(a.conclusion))},
              {"g", a.grounds},
              {"rv", std::move(review)}}
      .dump();
}

Result<cases::PresumedVictimAssessment> JsonRecordCodec::DecodeAssessment(
    std::string_view bytes) const {
  try {
    Json j = Parse(bytes);
    cases::PresumedVictimAssessment a;
    a.assessed_by = j.at("by").get<std::string>();
    a.assessed_on = DateAt(j, "on");
    a.conclusion = EnumAt(j, "c", cases::ParseConclusion);
    a.grounds = j.at("g").get<std::string>();
    if (const Json& rv = j.at("rv"); !rv.is_null()) {
      a.review = cases::Review{rv.at("by").get<std::string>(), DateAt(rv, "on"),
                               rv.at("ok").get<bool>(), rv.at("c").get<std::string>()};
    }
    return a;
  } catch (const std::exception&) {
    return Internal("A stored presumed-victim assessment could not be read.");
  }
}

namespace {

Json PartialJson(const std::optional<cases::PartialDate>& d) {
  return d ? Json(cases::FormatPartialDate(*d)) : Json(nullptr);
}

std::optional<cases::PartialDate> PartialAt(const Json& j, const char* key) {
  if (j.at(key).is_null()) return std::nullopt;
  auto d = cases::ParsePartialDate(j.at(key).get<std::string>());
  if (!d) throw Unreadable(key);
  return d;
}

}  // namespace

std::string JsonRecordCodec::EncodeExploitation(const ports::ExploitationBody& e) const {
  Json forms = Json::array();
  for (const auto& f : e.forms) {
    forms.push_back(
        {{"k", std::string(cases::ToString(f.form))},
         {"s", f.sector ? Json(std::string(cases::ToString(*f.sector))) : Json(nullptr)},
         {"d", f.details}});
  }
  return Json{{"f", kRecordFormat},
              {"forms", std::move(forms)},
              {"mun", e.places.municipalities},
              {"rec", e.places.recruitment_countries},
              {"tra", e.places.transit_countries},
              {"exp", e.places.exploitation_countries},
              {"from", PartialJson(e.period.from)},
              {"to", PartialJson(e.period.to)}}
      .dump();
}

Result<ports::ExploitationBody> JsonRecordCodec::DecodeExploitation(std::string_view bytes) const {
  try {
    Json j = Parse(bytes);
    ports::ExploitationBody e;
    for (const auto& f : j.at("forms")) {
      cases::Exploitation x;
      x.form = EnumAt(f, "k", cases::ParseExploitationForm);
      if (!f.at("s").is_null()) x.sector = EnumAt(f, "s", cases::ParseLabourSector);
      x.details = f.at("d").get<std::string>();
      e.forms.push_back(std::move(x));
    }
    e.places.municipalities = j.at("mun").get<std::vector<std::string>>();
    e.places.recruitment_countries = j.at("rec").get<std::vector<std::string>>();
    e.places.transit_countries = j.at("tra").get<std::vector<std::string>>();
    e.places.exploitation_countries = j.at("exp").get<std::vector<std::string>>();
    e.period.from = PartialAt(j, "from");
    e.period.to = PartialAt(j, "to");
    return e;
  } catch (const std::exception&) {
    return Internal("A stored exploitation record could not be read.");
  }
}

}  // namespace opennrm::storage
