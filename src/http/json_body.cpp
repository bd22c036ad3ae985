#include "http/json_body.hpp"

#include "http/api.hpp"

namespace opennrm::http {

namespace {

bool IsJsonContentType(const std::optional<std::string>& value) {
  if (!value) return false;
  std::string v = *value;
  auto semi = v.find(';');
  std::string media = v.substr(0, semi);
  while (!media.empty() && media.back() == ' ') media.pop_back();
  for (auto& c : media) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (media != "application/json") return false;
  if (semi == std::string::npos) return true;
  std::string params = v.substr(semi + 1);
  for (auto& c : params) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return params.find("charset") == std::string::npos || params.find("utf-8") != std::string::npos;
}

struct TooDeep {};

}  // namespace

Result<Json> ParseJsonObject(const Request& request) {
  if (!IsJsonContentType(request.Header("content-type"))) {
    return Fail(ErrorCode::kUnsupportedMedia, "Send the body as application/json (UTF-8).",
                {{"Content-Type", "media_type", "Must be application/json."}});
  }
  if (request.body.empty()) {
    return Fail(ErrorCode::kMalformed, "The request body is empty; send a JSON object.",
                {{"body", "required", "A JSON object is required."}});
  }
  Json parsed;
  try {
    parsed = Json::parse(request.body, [](int depth, Json::parse_event_t event, Json&) {
      bool opens =
          event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start;
      if (opens && depth >= kMaxJsonDepth) throw TooDeep{};
      return true;
    });
  } catch (const TooDeep&) {
    return Fail(ErrorCode::kMalformed,
                "The JSON is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels.",
                {{"body", "max_depth", "Nested too deeply."}});
  } catch (const Json::parse_error& e) {
    return Fail(ErrorCode::kMalformed,
                "The body is not valid JSON (byte " + std::to_string(e.byte) + ").",
                {{"body", "json_syntax", "Invalid JSON, truncated JSON or invalid UTF-8."}});
  }
  if (!parsed.is_object()) {
    return Fail(ErrorCode::kMalformed, "The body must be a JSON object.",
                {{"body", "type", "Expected a JSON object."}});
  }
  return parsed;
}

const Json* ObjectReader::Find(const std::string& name, bool required) {
  seen_.insert(name);
  auto it = object_.find(name);
  if (it == object_.end()) {
    if (required) problems_.Add(Path(name), "required", "This field is required.");
    return nullptr;
  }
  return &*it;
}

void ObjectReader::TypeProblem(const std::string& name, const char* expected) {
  problems_.Add(Path(name), "type", std::string("Expected ") + expected + ".");
}

bool ObjectReader::IsNull(const std::string& name) const {
  auto it = object_.find(name);
  return it != object_.end() && it->is_null();
}

std::optional<std::string> ObjectReader::String(const std::string& name, bool required) {
  const Json* v = Find(name, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    TypeProblem(name, "a string");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<long long> ObjectReader::Integer(const std::string& name, bool required) {
  const Json* v = Find(name, required);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    TypeProblem(name, "an integer");
    return std::nullopt;
  }
  constexpr long long kMaxSafe = 9007199254740991LL;  // 2^53 - 1: exact in every JSON client
  if (v->is_number_unsigned()
          ? v->get<unsigned long long>() > static_cast<unsigned long long>(kMaxSafe)
          : v->get<long long>() < -kMaxSafe) {
    problems_.Add(Path(name), "range", "The number is too large.");
    return std::nullopt;
  }
  return v->get<long long>();
}

std::optional<bool> ObjectReader::Bool(const std::string& name, bool required) {
  const Json* v = Find(name, required);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    TypeProblem(name, "true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::vector<std::string>> ObjectReader::Strings(const std::string& name,
                                                              bool required) {
  const Json* v = Find(name, required);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    TypeProblem(name, "an array of strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < v->size(); ++i) {
    const Json& item = (*v)[i];
    if (!item.is_string()) {
      problems_.Add(Path(name) + "[" + std::to_string(i) + "]", "type", "Expected a string.");
      continue;
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

const Json* ObjectReader::Object(const std::string& name, bool required, bool nullable) {
  const Json* v = Find(name, required);
  if (!v) return nullptr;
  if (v->is_null() && nullable) return nullptr;
  if (!v->is_object()) {
    TypeProblem(name, "an object");
    return nullptr;
  }
  return v;
}

const Json* ObjectReader::Array(const std::string& name, bool required) {
  const Json* v = Find(name, required);
  if (!v) return nullptr;
  if (!v->is_array()) {
    TypeProblem(name, "an array");
    return nullptr;
  }
  return v;
}

void ObjectReader::RejectUnknown() {
  for (auto it = object_.begin(); it != object_.end(); ++it) {
    if (!seen_.count(it.key())) {
      problems_.Add(Path(it.key()), "unknown_field", "This field is not part of the request.");
    }
  }
}

Response JsonAnswer(const Json& j, int status) {
  return JsonResponse(j.dump(-1, ' ', false, Json::error_handler_t::replace), status);
}

}  // namespace opennrm::http
