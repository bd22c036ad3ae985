#include "storage/codec/consultation_codec.hpp"

#include <initializer_list>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace opennrm::storage {

namespace {

using Json = nlohmann::json;

constexpr int kVersion = 1;
// A body is three levels deep ({"o":[{...}]}); anything deeper is not one.
constexpr int kMaxDepth = 4;

// Thrown inside the decoder for a value it cannot read; caught at its edge.
struct Unreadable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// `j` is an object with exactly `keys`.
const Json& Shaped(const Json& j, std::initializer_list<const char*> keys) {
  if (!j.is_object() || j.size() != keys.size()) throw Unreadable("shape");
  for (const char* k : keys) {
    if (!j.contains(k)) throw Unreadable(k);
  }
  return j;
}

std::string TextAt(const Json& j, const char* key) {
  const Json& v = j.at(key);
  if (!v.is_string()) throw Unreadable(key);
  return v.get<std::string>();
}

}  // namespace

std::string JsonConsultationCodec::EncodeBody(const ports::ConsultationBody& b) const {
  Json overrides = Json::array();
  for (const auto& o : b.overrides) {
    overrides.push_back(Json{{"o", o.organisation_id}, {"a", o.added}, {"r", o.reason}});
  }
  const auto& c = b.caller;
  const auto& i = b.identity;
  Json j{{"v", kVersion},
         {"c",
          {{"o", c.organisation_id},
           {"on", c.organisation_name},
           {"r", c.role},
           {"n", c.name},
           {"p", c.phone},
           {"e", c.email}}},
         {"s", b.situation},
         {"i",
          {{"n", i.name},
           {"d", i.date_of_birth ? Json(FormatIsoDate(*i.date_of_birth)) : Json(nullptr)},
           {"p", i.phone},
           {"e", i.email}}},
         {"a", b.advice},
         {"o", std::move(overrides)}};
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<ports::ConsultationBody> JsonConsultationCodec::DecodeBody(std::string_view bytes) const {
  try {
    const Json j = Json::parse(bytes, [](int depth, Json::parse_event_t, Json&) {
      if (depth > kMaxDepth) throw Unreadable("depth");
      return true;
    });
    Shaped(j, {"v", "c", "s", "i", "a", "o"});
    if (!j.at("v").is_number_integer() || j.at("v").get<int>() != kVersion) {
      return Internal("A stored consultation is of an unknown version.");
    }
    ports::ConsultationBody b;
    const Json& c = Shaped(j.at("c"), {"o", "on", "r", "n", "p", "e"});
    b.caller.organisation_id = TextAt(c, "o");
    b.caller.organisation_name = TextAt(c, "on");
    b.caller.role = TextAt(c, "r");
    b.caller.name = TextAt(c, "n");
    b.caller.phone = TextAt(c, "p");
    b.caller.email = TextAt(c, "e");
    b.situation = TextAt(j, "s");
    const Json& i = Shaped(j.at("i"), {"n", "d", "p", "e"});
    b.identity.name = TextAt(i, "n");
    if (!i.at("d").is_null()) {
      auto dob = ParseIsoDate(TextAt(i, "d"));
      if (!dob) throw Unreadable("d");
      b.identity.date_of_birth = *dob;
    }
    b.identity.phone = TextAt(i, "p");
    b.identity.email = TextAt(i, "e");
    b.advice = TextAt(j, "a");
    if (!j.at("o").is_array()) throw Unreadable("o");
    for (const auto& o : j.at("o")) {
      Shaped(o, {"o", "a", "r"});
      if (!o.at("a").is_boolean()) throw Unreadable("a");
      b.overrides.push_back({TextAt(o, "o"), o.at("a").get<bool>(), TextAt(o, "r")});
    }
    return b;
  } catch (const std::exception&) {
    return Internal("A stored consultation could not be read.");
  }
}

}  // namespace opennrm::storage
