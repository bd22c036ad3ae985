// Encoding a package document (package_document_codec.hpp): ordered JSON, so
// the members stay in the order the header gives; the record codec's bytes
// are parsed and written back unchanged (they are compact JSON already).
#include "storage/codec/package_document_codec.hpp"

#include <nlohmann/json.hpp>

namespace opennrm::storage {

namespace {

using Json = nlohmann::ordered_json;

// A record codec's encoding, as a value of the document.
Json Embedded(const std::string& bytes) { return Json::parse(bytes); }

Json TrackJson(const ports::PackageTrack& t) {
  Json j = Json::object();
  j["step"] = t.step;
  j["steps_version"] = t.steps_version;
  j["since_us"] = t.since_us;
  return j;
}

// Adds the track as "track" when there is one.
void AddTrack(Json& out, const std::optional<ports::PackageTrack>& track) {
  if (track) out["track"] = TrackJson(*track);
}

void AddDate(Json& out, const char* key, const std::optional<CivilDate>& date) {
  if (date) out[key] = FormatIsoDate(*date);
}

void AddText(Json& out, const char* key, const std::string& text) {
  if (!text.empty()) out[key] = text;
}

Json ClocksJson(const std::vector<ports::PackageClock>& clocks) {
  Json out = Json::array();
  for (const auto& c : clocks) {
    Json k = Json::object();
    k["kind"] = c.kind;
    k["rule_id"] = c.rule_id;
    k["status"] = c.status;
    AddDate(k, "applied_on", c.applied_on);
    AddDate(k, "decided_on", c.decided_on);
    AddDate(k, "starts_on", c.starts_on);
    AddDate(k, "ends_on", c.ends_on);
    AddDate(k, "stopped_on", c.stopped_on);
    AddText(k, "stop_reason", c.stop_reason);
    out.push_back(std::move(k));
  }
  return out;
}

// The value of each section's key.
struct SectionJson {
  const JsonRecordCodec& records;

  Json operator()(const ports::PackageIdentity& s) const {
    Json out = Json::object();
    out["role"] = s.role;
    out["identity"] = Embedded(records.EncodeIdentity(s.identity));
    return out;
  }
  Json operator()(const ports::PackageContact& s) const {
    return Embedded(records.EncodeContact(s.contact));
  }
  Json operator()(const ports::PackageNeedsSafety& s) const {
    Json wishes = Json::array();
    for (const auto& w : s.wishes) wishes.push_back(Embedded(records.EncodeWish(w)));
    Json out = Json::object();
    out["wishes"] = std::move(wishes);
    if (s.safety_plan) out["safety_plan"] = Embedded(records.EncodeSafetyPlan(*s.safety_plan));
    return out;
  }
  Json operator()(const ports::PackageAssessment& s) const {
    Json out = Json::object();
    if (s.indicators) out["indicators"] = Embedded(records.EncodeIndicators(*s.indicators));
    if (s.assessment) out["assessment"] = Embedded(records.EncodeAssessment(*s.assessment));
    if (s.exploitation) {
      out["exploitation"] = Embedded(records.EncodeExploitation(*s.exploitation));
    }
    return out;
  }
  Json operator()(const ports::PackageSupport& s) const {
    Json out = Json::object();
    AddTrack(out, s.track);
    out["clocks"] = ClocksJson(s.clocks);
    return out;
  }
  Json operator()(const ports::PackageChildProtection& s) const {
    Json records_json = Json::array();
    for (const auto& r : s.records) {
      Json item = Json::object();
      item["kind"] = r.kind;
      item["on"] = FormatIsoDate(r.on);
      AddText(item, "municipality", r.municipality);
      AddText(item, "recipient_organisation_id", r.recipient_organisation_id);
      AddText(item, "outcome", r.outcome);
      if (r.note) item["note"] = *r.note;
      records_json.push_back(std::move(item));
    }
    Json out = Json::object();
    out["records"] = std::move(records_json);
    out["clocks"] = ClocksJson(s.clocks);
    return out;
  }
  Json operator()(const ports::PackageProceedings& s) const {
    Json out = Json::object();
    AddTrack(out, s.track);
    if (s.record) out["record"] = Embedded(records.EncodeProceedings(*s.record));
    return out;
  }
  Json operator()(const ports::PackageReturn& s) const {
    Json out = Json::object();
    AddTrack(out, s.track);
    return out;
  }
  Json operator()(const ports::PackageNotes& s) const {
    Json out = Json::array();
    for (const auto& n : s.notes) {
      Json item = Json::object();
      item["id"] = n.id;
      item["at_us"] = n.at_us;
      AddText(item, "corrects", n.corrects);
      item["text"] = n.text;
      out.push_back(std::move(item));
    }
    return out;
  }
};

}  // namespace

std::string JsonPackageDocumentCodec::Encode(const ports::PackageDocument& d) const {
  Json sections = Json::object();
  for (const auto& part : d.sections) {
    const std::string key(access::ToString(ports::SectionOf(part)));
    if (sections.contains(key)) continue;  // one key each: the first counts
    sections[key] = std::visit(SectionJson{records_}, part);
  }
  Json doc = Json::object();
  doc["format"] = ports::kPackageDocumentFormat;
  doc["sender"] = Json::object();
  doc["sender"]["id"] = d.sender_id;
  doc["sender"]["name"] = d.sender_name;
  doc["case"] = Json::object();
  doc["case"]["code"] = d.case_code;
  doc["case"]["type"] = d.case_type;
  doc["sent_on"] = FormatIsoDate(d.sent_on);
  doc["person"] = d.person_code;
  if (d.is_protected) doc["protected"] = true;
  doc["sections"] = std::move(sections);
  return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace opennrm::storage
