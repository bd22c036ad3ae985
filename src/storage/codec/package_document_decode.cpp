// Decoding a package document (package_document_codec.hpp): every member
// Encode writes is read back and checked; the records go through the
// JsonRecordCodec. Anything else is refused with one kInternal error.
#include <climits>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "storage/codec/package_document_codec.hpp"

namespace opennrm::storage {

namespace {

using Json = nlohmann::ordered_json;

// Thrown inside the decoder for a value it cannot read; caught at its edge.
struct Unreadable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const Json& Object(const Json& j, const char* key) {
  const Json& v = j.at(key);
  if (!v.is_object()) throw Unreadable(key);
  return v;
}

const Json& Array(const Json& j, const char* key) {
  const Json& v = j.at(key);
  if (!v.is_array()) throw Unreadable(key);
  return v;
}

std::string Text(const Json& j, const char* key) { return j.at(key).get<std::string>(); }

// "" when the member is absent (Encode leaves empty text out).
std::string TextOr(const Json& j, const char* key) {
  return j.contains(key) ? Text(j, key) : std::string();
}

long long Integer(const Json& j, const char* key) {
  const Json& v = j.at(key);
  if (!v.is_number_integer()) throw Unreadable(key);
  if (v.is_number_unsigned() && v.get<unsigned long long>() > LLONG_MAX) throw Unreadable(key);
  return v.get<long long>();
}

CivilDate Date(const Json& j, const char* key) {
  auto d = ParseIsoDate(Text(j, key));
  if (!d) throw Unreadable(key);
  return *d;
}

std::optional<CivilDate> DateOr(const Json& j, const char* key) {
  if (!j.contains(key)) return std::nullopt;
  return Date(j, key);
}

// A record the JsonRecordCodec wrote, decoded by `decode`.
template <class Decode>
auto Record(const Json& v, Decode decode) {
  auto r = decode(v.dump());
  if (!r) throw Unreadable("record");
  return std::move(*r);
}

std::optional<ports::PackageTrack> TrackOr(const Json& j) {
  if (!j.contains("track")) return std::nullopt;
  const Json& t = Object(j, "track");
  return ports::PackageTrack{Text(t, "step"), Text(t, "steps_version"), Integer(t, "since_us")};
}

std::vector<ports::PackageClock> Clocks(const Json& j) {
  std::vector<ports::PackageClock> out;
  for (const Json& k : Array(j, "clocks")) {
    ports::PackageClock c;
    c.kind = Text(k, "kind");
    c.rule_id = Text(k, "rule_id");
    c.status = Text(k, "status");
    c.applied_on = DateOr(k, "applied_on");
    c.decided_on = DateOr(k, "decided_on");
    c.starts_on = DateOr(k, "starts_on");
    c.ends_on = DateOr(k, "ends_on");
    c.stopped_on = DateOr(k, "stopped_on");
    c.stop_reason = TextOr(k, "stop_reason");
    out.push_back(std::move(c));
  }
  return out;
}

ports::PackageSection Section(access::Section section, const Json& v, const JsonRecordCodec& rc) {
  if (section != access::Section::kContact && section != access::Section::kNotes &&
      !v.is_object()) {
    throw Unreadable("section");
  }
  switch (section) {
    case access::Section::kIdentity: {
      ports::PackageIdentity s;
      s.role = Text(v, "role");
      if (!rc.DecodeIdentity(Object(v, "identity").dump(), s.identity)) throw Unreadable("id");
      return s;
    }
    case access::Section::kContact:
      return ports::PackageContact{
          Record(v, [&](std::string_view b) { return rc.DecodeContact(b); })};
    case access::Section::kNeedsSafety: {
      ports::PackageNeedsSafety s;
      for (const Json& w : Array(v, "wishes")) {
        s.wishes.push_back(Record(w, [&](std::string_view b) { return rc.DecodeWish(b); }));
      }
      if (v.contains("safety_plan")) {
        s.safety_plan =
            Record(v.at("safety_plan"), [&](std::string_view b) { return rc.DecodeSafetyPlan(b); });
      }
      return s;
    }
    case access::Section::kAssessment: {
      ports::PackageAssessment s;
      if (v.contains("indicators")) {
        s.indicators =
            Record(v.at("indicators"), [&](std::string_view b) { return rc.DecodeIndicators(b); });
      }
      if (v.contains("assessment")) {
        s.assessment =
            Record(v.at("assessment"), [&](std::string_view b) { return rc.DecodeAssessment(b); });
      }
      if (v.contains("exploitation")) {
        s.exploitation = Record(v.at("exploitation"),
                                [&](std::string_view b) { return rc.DecodeExploitation(b); });
      }
      return s;
    }
    case access::Section::kSupport:
      return ports::PackageSupport{TrackOr(v), Clocks(v)};
    case access::Section::kChildProtection: {
      ports::PackageChildProtection s;
      for (const Json& r : Array(v, "records")) {
        ports::PackageChildRecord c;
        c.kind = Text(r, "kind");
        c.on = Date(r, "on");
        c.municipality = TextOr(r, "municipality");
        c.recipient_organisation_id = TextOr(r, "recipient_organisation_id");
        c.outcome = TextOr(r, "outcome");
        if (r.contains("note")) c.note = Text(r, "note");
        s.records.push_back(std::move(c));
      }
      s.clocks = Clocks(v);
      return s;
    }
    case access::Section::kProceedings: {
      ports::PackageProceedings s;
      s.track = TrackOr(v);
      if (v.contains("record")) {
        s.record =
            Record(v.at("record"), [&](std::string_view b) { return rc.DecodeProceedings(b); });
      }
      return s;
    }
    case access::Section::kReturn:
      return ports::PackageReturn{TrackOr(v)};
    case access::Section::kNotes: {
      if (!v.is_array()) throw Unreadable("notes");
      ports::PackageNotes s;
      for (const Json& n : v) {
        s.notes.push_back(
            {Text(n, "id"), Integer(n, "at_us"), TextOr(n, "corrects"), Text(n, "text")});
      }
      return s;
    }
  }
  throw Unreadable("section");
}

// Parses `bytes`, refusing nesting deeper than kMaxPackageDepth before it is built.
Json Parse(std::string_view bytes) {
  return Json::parse(bytes, [](int depth, Json::parse_event_t, Json&) {
    if (depth > kMaxPackageDepth) throw Unreadable("depth");
    return true;
  });
}

}  // namespace

Result<ports::PackageDocument> JsonPackageDocumentCodec::Decode(std::string_view bytes) const {
  try {
    const Json j = Parse(bytes);
    if (!j.is_object()) return Internal("The package is not a package document.");
    if (Integer(j, "format") != ports::kPackageDocumentFormat) {
      return Internal("The package is not in a format this server reads.");
    }
    ports::PackageDocument d;
    const Json& sender = Object(j, "sender");
    d.sender_id = Text(sender, "id");
    d.sender_name = Text(sender, "name");
    const Json& kase = Object(j, "case");
    d.case_code = Text(kase, "code");
    d.case_type = Text(kase, "type");
    d.sent_on = Date(j, "sent_on");
    d.person_code = Text(j, "person");
    d.is_protected = j.contains("protected") && j.at("protected").get<bool>();
    for (const auto& [key, value] : Object(j, "sections").items()) {
      auto section = access::ParseSection(key);
      if (!section) return Internal("The package holds a section this server does not know.");
      d.sections.push_back(Section(*section, value, records_));
    }
    return d;
  } catch (const std::exception&) {
    return Internal("The package could not be read.");
  }
}

}  // namespace opennrm::storage
