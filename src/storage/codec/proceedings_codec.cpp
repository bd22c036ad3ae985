// The criminal-proceedings record of a case in the record codec: police
// report numbers, offences with their versions, the preliminary
// investigation, the prosecution decision, judgments with sentences, appeals
// and injured parties. Short stable keys; optional parts are null.
#include "storage/codec/person_codec.hpp"
#include "storage/codec/record_codec_json.hpp"

namespace opennrm::storage {

using namespace codec_json;

namespace {

Json OptDate(const std::optional<CivilDate>& d) { return d ? Date(*d) : Json(nullptr); }
std::optional<CivilDate> OptDateAt(const Json& j, const char* key) {
  if (j.at(key).is_null()) return std::nullopt;
  return DateAt(j, key);
}

Json OffenceJson(const cases::OffenceRecord& o) {
  return Json{{"o", o.offence_id},
              {"v", o.version_id},
              {"g", o.grade},
              {"c", o.committed ? Json(cases::FormatPartialDate(*o.committed)) : Json(nullptr)},
              {"d", o.description}};
}

cases::OffenceRecord OffenceAt(const Json& j) {
  cases::OffenceRecord o;
  o.offence_id = j.at("o").get<std::string>();
  o.version_id = j.at("v").get<std::string>();
  o.grade = j.at("g").get<std::string>();
  if (!j.at("c").is_null()) {
    o.committed = cases::ParsePartialDate(j.at("c").get<std::string>());
    if (!o.committed) throw Unreadable("committed");
  }
  o.description = j.at("d").get<std::string>();
  return o;
}

Json JudgmentJson(const cases::Judgment& jd) {
  Json sentence = nullptr;
  if (jd.sentence) {
    sentence = Json{{"k", std::string(cases::ToString(jd.sentence->kind))},
                    {"m", jd.sentence->months},
                    {"d", jd.sentence->details}};
  }
  return Json{{"l", std::string(cases::ToString(jd.level))},
              {"c", jd.court},
              {"n", jd.case_number},
              {"on", Date(jd.delivered_on)},
              {"v", std::string(cases::ToString(jd.verdict))},
              {"s", std::move(sentence)},
              {"fin", jd.final}};
}

cases::Judgment JudgmentAt(const Json& j) {
  cases::Judgment jd;
  jd.level = EnumAt(j, "l", cases::ParseCourtLevel);
  jd.court = j.at("c").get<std::string>();
  jd.case_number = j.at("n").get<std::string>();
  jd.delivered_on = DateAt(j, "on");
  jd.verdict = EnumAt(j, "v", cases::ParseVerdict);
  const Json& s = j.at("s");
  if (!s.is_null()) {
    cases::Sentence sentence;
    sentence.kind = EnumAt(s, "k", cases::ParseSentenceKind);
    sentence.months = s.at("m").get<int>();
    sentence.details = s.at("d").get<std::string>();
    jd.sentence = std::move(sentence);
  }
  jd.final = j.at("fin").get<bool>();
  return jd;
}

}  // namespace

std::string JsonRecordCodec::EncodeProceedings(const cases::Proceedings& p) const {
  Json offences = Json::array();
  for (const auto& o : p.offences) offences.push_back(OffenceJson(o));
  Json investigation = nullptr;
  if (p.investigation) {
    const auto& i = *p.investigation;
    investigation = Json{{"on", Date(i.opened_on)},
                         {"by", std::string(cases::ToString(i.led_by))},
                         {"closed", OptDate(i.closed_on)},
                         {"why", i.closing_reason}};
  }
  Json prosecution = nullptr;
  if (p.prosecution) {
    prosecution = Json{{"o", std::string(cases::ToString(p.prosecution->outcome))},
                       {"on", Date(p.prosecution->decided_on)}};
  }
  Json judgments = Json::array();
  for (const auto& j : p.judgments) judgments.push_back(JudgmentJson(j));
  Json appeals = Json::array();
  for (const auto& a : p.appeals) {
    appeals.push_back({{"l", std::string(cases::ToString(a.from_level))},
                       {"by", std::string(cases::ToString(a.by))},
                       {"on", Date(a.lodged_on)}});
  }
  Json parties = Json::array();
  for (const auto& ip : p.injured_parties) {
    parties.push_back({{"p", ip.person_id},
                       {"s", std::string(cases::ToString(ip.status))},
                       {"since", OptDate(ip.since)}});
  }
  return Json{{"f", kRecordFormat},
              {"reports", p.police_report_numbers},
              {"off", std::move(offences)},
              {"inv", std::move(investigation)},
              {"pros", std::move(prosecution)},
              {"jud", std::move(judgments)},
              {"app", std::move(appeals)},
              {"ip", std::move(parties)}}
      .dump();
}

Result<cases::Proceedings> JsonRecordCodec::DecodeProceedings(std::string_view bytes) const {
  try {
    Json j = Parse(bytes);
    cases::Proceedings p;
    p.police_report_numbers = j.at("reports").get<std::vector<std::string>>();
    for (const auto& o : j.at("off")) p.offences.push_back(OffenceAt(o));
    if (const Json& i = j.at("inv"); !i.is_null()) {
      cases::PreliminaryInvestigation inv;
      inv.opened_on = DateAt(i, "on");
      inv.led_by = EnumAt(i, "by", cases::ParseInvestigationLeader);
      inv.closed_on = OptDateAt(i, "closed");
      inv.closing_reason = i.at("why").get<std::string>();
      p.investigation = std::move(inv);
    }
    if (const Json& d = j.at("pros"); !d.is_null()) {
      p.prosecution = cases::ProsecutionDecision{EnumAt(d, "o", cases::ParseProsecutionOutcome),
                                                 DateAt(d, "on")};
    }
    for (const auto& jd : j.at("jud")) p.judgments.push_back(JudgmentAt(jd));
    for (const auto& a : j.at("app")) {
      p.appeals.push_back({EnumAt(a, "l", cases::ParseCourtLevel),
                           EnumAt(a, "by", cases::ParseAppealedBy), DateAt(a, "on")});
    }
    for (const auto& ip : j.at("ip")) {
      p.injured_parties.push_back({ip.at("p").get<std::string>(),
                                   EnumAt(ip, "s", cases::ParseInjuredPartyStatus),
                                   OptDateAt(ip, "since")});
    }
    return p;
  } catch (const std::exception&) {
    return Internal("A stored proceedings record could not be read.");
  }
}

}  // namespace opennrm::storage
