#include "http/track_dto.hpp"

#include "http/organisation_dto.hpp"

namespace opennrm::http {

namespace {

Json OptionalText(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json NextJson(const app::NextStepView& n) {
  Json missing = Json::array();
  for (const auto& m : n.missing) {
    missing.push_back(
        Json{{"fact", m.fact}, {"section", m.section}, {"recorded_by", m.recorded_by}});
  }
  return Json{{"step", n.step},
              {"ending", n.ending},
              {"missing", std::move(missing)},
              {"caller_may_move", n.caller_may_move}};
}

// The word `name` names in a closed list; a problem (and `fallback`) otherwise.
template <class Enum, class Parse>
Enum ReadWord(ObjectReader& r, const std::string& name, Parse parse, Enum fallback,
              Problems& problems, bool required = true) {
  auto text = r.String(name, required);
  if (!text) return fallback;
  auto parsed = parse(*text);
  if (!parsed) {
    problems.Add(r.Path(name), "unknown_code", "Unknown " + name + ": " + text->substr(0, 64));
    return fallback;
  }
  return *parsed;
}

CivilDate ReadDate(ObjectReader& r, const std::string& name, Problems& problems) {
  auto text = r.String(name, true);
  if (!text) return {};
  auto d = ParseIsoDate(*text);
  if (!d) {
    problems.Add(r.Path(name), "format", "A date is YYYY-MM-DD.");
    return {};
  }
  return *d;
}

std::optional<CivilDate> ReadOptionalDate(ObjectReader& r, const std::string& name,
                                          Problems& problems) {
  if (r.IsNull(name)) {
    (void)r.Object(name, false, true);
    return std::nullopt;
  }
  auto text = r.String(name);
  if (!text) return std::nullopt;
  auto d = ParseIsoDate(*text);
  if (!d) problems.Add(r.Path(name), "format", "A date is YYYY-MM-DD.");
  return d;
}

// Calls `read` with a reader on each object of the array `name`.
template <class Read>
void EachObject(ObjectReader& r, const std::string& name, Problems& problems, Read read) {
  const Json* items = r.Array(name);
  if (!items) return;
  for (size_t i = 0; i < items->size(); ++i) {
    std::string path = r.Path(name) + "[" + std::to_string(i) + "]";
    if (!(*items)[i].is_object()) {
      problems.Add(path, "type", "Each item is an object.");
      continue;
    }
    ObjectReader item((*items)[i], path, problems);
    read(item);
    item.RejectUnknown();
  }
}

// The member `name` when it is an object; nullptr when absent or null.
const Json* NullableObject(ObjectReader& r, const std::string& name) {
  if (r.IsNull(name)) {
    (void)r.Object(name, false, true);
    return nullptr;
  }
  return r.Object(name);
}

cases::OffenceRecord ReadOffence(ObjectReader& o, Problems& problems) {
  cases::OffenceRecord rec;
  rec.offence_id = o.String("offence_id", true).value_or("");
  rec.version_id = o.String("version_id", true).value_or("");
  rec.grade = o.String("grade").value_or("standard");
  if (!o.IsNull("committed")) {
    if (auto c = o.String("committed")) {
      rec.committed = cases::ParsePartialDate(*c);
      if (!rec.committed) {
        problems.Add(o.Path("committed"), "format", "A date as YYYY, YYYY-MM or YYYY-MM-DD.");
      }
    }
  } else {
    (void)o.Object("committed", false, true);
  }
  rec.description = o.String("description").value_or("");
  return rec;
}

cases::Judgment ReadJudgment(ObjectReader& j, Problems& problems) {
  cases::Judgment out;
  out.level =
      ReadWord(j, "level", cases::ParseCourtLevel, cases::CourtLevel::kDistrictCourt, problems);
  out.court = j.String("court", true).value_or("");
  out.case_number = j.String("case_number").value_or("");
  out.delivered_on = ReadDate(j, "delivered_on", problems);
  out.verdict = ReadWord(j, "verdict", cases::ParseVerdict, cases::Verdict::kConvicted, problems);
  if (const Json* s = NullableObject(j, "sentence")) {
    ObjectReader sr(*s, j.Path("sentence"), problems);
    cases::Sentence sentence;
    sentence.kind =
        ReadWord(sr, "kind", cases::ParseSentenceKind, cases::SentenceKind::kOther, problems);
    sentence.months = static_cast<int>(sr.Integer("months").value_or(0));
    sentence.details = sr.String("details").value_or("");
    sr.RejectUnknown();
    out.sentence = std::move(sentence);
  }
  out.final = j.Bool("final").value_or(false);
  return out;
}

}  // namespace

Json TracksJson(const app::CaseTracksView& v) {
  Json tracks = Json::array();
  for (const auto& t : v.tracks) {
    Json next = Json::array();
    for (const auto& n : t.next) next.push_back(NextJson(n));
    tracks.push_back(
        Json{{"track", t.track},
             {"available", t.available},
             {"unavailable_rule", t.available ? Json(nullptr) : Json(t.unavailable_rule)},
             {"step", OptionalText(t.step)},
             {"ending", t.ending},
             {"entered_at", t.entered_at_us ? Json(IsoTimestamp(*t.entered_at_us)) : Json(nullptr)},
             {"entered_by", t.entered_by.empty() ? Json(nullptr) : Json(t.entered_by)},
             {"next", std::move(next)}});
  }
  Json facts = Json::array();
  for (const auto& f : v.facts) {
    facts.push_back(Json{{"fact", f.fact},
                         {"section", f.section},
                         {"person_id", f.person_id.empty() ? Json(nullptr) : Json(f.person_id)},
                         {"entry_id", f.entry_id},
                         {"recorded_by", f.recorded_by},
                         {"recorded_at", IsoTimestamp(f.recorded_at_us)}});
  }
  return Json{{"case_id", v.case_id},
              {"steps_version", v.steps_version},
              {"status", v.status},
              {"closure_reason", v.closure_reason.empty() ? Json(nullptr) : Json(v.closure_reason)},
              {"version", v.version},
              {"tracks", std::move(tracks)},
              {"facts", std::move(facts)}};
}

app::ProceedingsInput ReadProceedingsInput(const Json& body, Problems& problems) {
  app::ProceedingsInput in;
  cases::Proceedings& p = in.body;
  ObjectReader r(body, "", problems);
  in.expected_version = r.Integer("expected_version");
  p.police_report_numbers = r.Strings("police_report_numbers").value_or(std::vector<std::string>{});
  EachObject(r, "offences", problems,
             [&](ObjectReader& o) { p.offences.push_back(ReadOffence(o, problems)); });
  if (const Json* i = NullableObject(r, "investigation")) {
    ObjectReader ir(*i, "investigation", problems);
    cases::PreliminaryInvestigation inv;
    inv.opened_on = ReadDate(ir, "opened_on", problems);
    inv.led_by = ReadWord(ir, "led_by", cases::ParseInvestigationLeader,
                          cases::InvestigationLeader::kPolice, problems);
    inv.closed_on = ReadOptionalDate(ir, "closed_on", problems);
    inv.closing_reason = ir.String("closing_reason").value_or("");
    ir.RejectUnknown();
    p.investigation = std::move(inv);
  }
  if (const Json* d = NullableObject(r, "prosecution")) {
    ObjectReader dr(*d, "prosecution", problems);
    cases::ProsecutionDecision decision;
    decision.outcome = ReadWord(dr, "outcome", cases::ParseProsecutionOutcome,
                                cases::ProsecutionOutcome::kIndictment, problems);
    decision.decided_on = ReadDate(dr, "decided_on", problems);
    dr.RejectUnknown();
    p.prosecution = decision;
  }
  EachObject(r, "judgments", problems,
             [&](ObjectReader& j) { p.judgments.push_back(ReadJudgment(j, problems)); });
  EachObject(r, "appeals", problems, [&](ObjectReader& a) {
    cases::Appeal appeal;
    appeal.from_level = ReadWord(a, "from_level", cases::ParseCourtLevel,
                                 cases::CourtLevel::kDistrictCourt, problems);
    appeal.by = ReadWord(a, "by", cases::ParseAppealedBy, cases::AppealedBy::kProsecutor, problems);
    appeal.lodged_on = ReadDate(a, "lodged_on", problems);
    p.appeals.push_back(appeal);
  });
  EachObject(r, "injured_parties", problems, [&](ObjectReader& ip) {
    cases::InjuredParty party;
    party.person_id = ip.String("person_id", true).value_or("");
    party.status = ReadWord(ip, "status", cases::ParseInjuredPartyStatus,
                            cases::InjuredPartyStatus::kNotDecided, problems);
    party.since = ReadOptionalDate(ip, "since", problems);
    p.injured_parties.push_back(std::move(party));
  });
  r.RejectUnknown();
  return in;
}

Json ProceedingsJson(const app::ProceedingsView& v) {
  const cases::Proceedings& p = v.body;
  Json offences = Json::array();
  for (const auto& o : p.offences) {
    offences.push_back(
        Json{{"offence_id", o.offence_id},
             {"version_id", o.version_id},
             {"grade", o.grade},
             {"committed", o.committed ? Json(cases::FormatPartialDate(*o.committed)) : Json()},
             {"description", o.description}});
  }
  Json investigation = nullptr;
  if (p.investigation) {
    const auto& i = *p.investigation;
    investigation =
        Json{{"opened_on", FormatIsoDate(i.opened_on)},
             {"led_by", std::string(cases::ToString(i.led_by))},
             {"closed_on", i.closed_on ? Json(FormatIsoDate(*i.closed_on)) : Json(nullptr)},
             {"closing_reason", i.closing_reason}};
  }
  Json prosecution = nullptr;
  if (p.prosecution) {
    prosecution = Json{{"outcome", std::string(cases::ToString(p.prosecution->outcome))},
                       {"decided_on", FormatIsoDate(p.prosecution->decided_on)}};
  }
  Json judgments = Json::array();
  for (const auto& j : p.judgments) {
    Json sentence = nullptr;
    if (j.sentence) {
      sentence = Json{{"kind", std::string(cases::ToString(j.sentence->kind))},
                      {"months", j.sentence->months},
                      {"details", j.sentence->details}};
    }
    judgments.push_back(Json{{"level", std::string(cases::ToString(j.level))},
                             {"court", j.court},
                             {"case_number", j.case_number},
                             {"delivered_on", FormatIsoDate(j.delivered_on)},
                             {"verdict", std::string(cases::ToString(j.verdict))},
                             {"sentence", std::move(sentence)},
                             {"final", j.final}});
  }
  Json appeals = Json::array();
  for (const auto& a : p.appeals) {
    appeals.push_back(Json{{"from_level", std::string(cases::ToString(a.from_level))},
                           {"by", std::string(cases::ToString(a.by))},
                           {"lodged_on", FormatIsoDate(a.lodged_on)}});
  }
  Json parties = Json::array();
  for (const auto& ip : p.injured_parties) {
    parties.push_back(Json{{"person_id", ip.person_id},
                           {"status", std::string(cases::ToString(ip.status))},
                           {"since", ip.since ? Json(FormatIsoDate(*ip.since)) : Json(nullptr)}});
  }
  Json versions = Json::array();
  for (const auto& ver : v.versions) {
    versions.push_back(Json{{"version", ver.version},
                            {"recorded_by", ver.recorded_by},
                            {"recorded_at", IsoTimestamp(ver.recorded_at_us)}});
  }
  return Json{{"case_id", v.case_id},
              {"version", v.version},
              {"recorded_by", v.version ? Json(v.recorded_by) : Json(nullptr)},
              {"recorded_at", v.version ? Json(IsoTimestamp(v.recorded_at_us)) : Json(nullptr)},
              {"police_report_numbers", p.police_report_numbers},
              {"offences", std::move(offences)},
              {"investigation", std::move(investigation)},
              {"prosecution", std::move(prosecution)},
              {"judgments", std::move(judgments)},
              {"appeals", std::move(appeals)},
              {"injured_parties", std::move(parties)},
              {"versions", std::move(versions)}};
}

}  // namespace opennrm::http
