// The person's voice and safety in the record codec: wishes, the safety
// plan, conversations and consents.
#include "storage/codec/person_codec.hpp"
#include "storage/codec/record_codec_json.hpp"

namespace opennrm::storage {

using namespace codec_json;

std::string JsonRecordCodec::EncodeSafetyPlan(const cases::SafetyPlan& plan) const {
  Json risks = Json::array();
  for (const auto& r : plan.risks) {
    risks.push_back({{"d", r.description}, {"l", std::string(cases::ToString(r.level))}});
  }
  Json measures = Json::array();
  for (const auto& m : plan.measures)
    measures.push_back({{"d", m.description}, {"r", m.responsible}});
  Json calls = Json::array();
  for (const auto& c : plan.who_to_call) calls.push_back({{"n", c.name}, {"p", c.phone}});
  return Json{{"f", kRecordFormat},
              {"risks", std::move(risks)},
              {"meas", std::move(measures)},
              {"call", std::move(calls)},
              {"on", Date(plan.made_on)},
              {"rev", plan.review_on ? Date(*plan.review_on) : Json(nullptr)},
              {"with", plan.made_with_person}}
      .dump();
}

Result<cases::SafetyPlan> JsonRecordCodec::DecodeSafetyPlan(std::string_view bytes) const {
  try {
    Json j = Parse(bytes);
    cases::SafetyPlan plan;
    for (const auto& r : j.at("risks")) {
      plan.risks.push_back({r.at("d").get<std::string>(), EnumAt(r, "l", cases::ParseRiskLevel)});
    }
    for (const auto& m : j.at("meas")) {
      plan.measures.push_back({m.at("d").get<std::string>(), m.at("r").get<std::string>()});
    }
    for (const auto& c : j.at("call")) {
      plan.who_to_call.push_back({c.at("n").get<std::string>(), c.at("p").get<std::string>()});
    }
    plan.made_on = DateAt(j, "on");
    if (!j.at("rev").is_null()) plan.review_on = DateAt(j, "rev");
    plan.made_with_person = j.at("with").get<bool>();
    return plan;
  } catch (const std::exception&) {
    return Internal("A stored safety plan could not be read.");
  }
}

std::string JsonRecordCodec::EncodeWish(const cases::Wish& w) const {
  return Json{{"f", kRecordFormat},
              {"s", w.step},
              {"w", w.wish},
              {"on", Date(w.recorded_on)},
              {"by", w.recorded_by}}
      .dump();
}

Result<cases::Wish> JsonRecordCodec::DecodeWish(std::string_view bytes) const {
  try {
    Json j = Parse(bytes);
    return cases::Wish{j.at("s").get<std::string>(), j.at("w").get<std::string>(), DateAt(j, "on"),
                       j.at("by").get<std::string>()};
  } catch (const std::exception&) {
    return Internal("A stored wish could not be read.");
  }
}

std::string JsonRecordCodec::EncodeConversation(const cases::Conversation& c) const {
  return Json{{"f", kRecordFormat},
              {"on", Date(c.held_on)},
              {"by", c.held_by},
              {"l", c.language},
              {"int", InterpreterJson(c.interpreter)},
              {"sum", c.summary}}
      .dump();
}

Result<cases::Conversation> JsonRecordCodec::DecodeConversation(std::string_view bytes) const {
  try {
    Json j = Parse(bytes);
    cases::Conversation c;
    c.held_on = DateAt(j, "on");
    c.held_by = j.at("by").get<std::string>();
    c.language = j.at("l").get<std::string>();
    c.interpreter = InterpreterAt(j, "int");
    c.summary = j.at("sum").get<std::string>();
    return c;
  } catch (const std::exception&) {
    return Internal("A stored conversation could not be read.");
  }
}

std::string JsonRecordCodec::EncodeConsent(const ports::ConsentBody& c) const {
  return Json{{"f", kRecordFormat},
              {"p", c.taking.purpose},
              {"on", Date(c.taking.taken_on)},
              {"by", c.taking.taken_by},
              {"l", c.taking.language},
              {"int", InterpreterJson(c.taking.interpreter)},
              {"given", c.given}}
      .dump();
}

Result<ports::ConsentBody> JsonRecordCodec::DecodeConsent(std::string_view bytes) const {
  try {
    Json j = Parse(bytes);
    ports::ConsentBody c;
    c.taking.purpose = j.at("p").get<std::string>();
    c.taking.taken_on = DateAt(j, "on");
    c.taking.taken_by = j.at("by").get<std::string>();
    c.taking.language = j.at("l").get<std::string>();
    c.taking.interpreter = InterpreterAt(j, "int");
    c.given = j.at("given").get<bool>();
    return c;
  } catch (const std::exception&) {
    return Internal("A stored consent could not be read.");
  }
}

}  // namespace opennrm::storage
