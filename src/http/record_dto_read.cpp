// Reading the records of a case from request bodies (record_dto.hpp).
#include "http/record_dto.hpp"

namespace opennrm::http {

namespace {

// A closed code: unknown words are problems here, since the domain type
// cannot hold them.
template <class Enum, class Parse>
Enum ReadCode(ObjectReader& r, const std::string& name, Parse parse, Enum fallback,
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

std::optional<CivilDate> ReadDate(ObjectReader& r, const std::string& name, Problems& problems,
                                  bool required = true) {
  if (!required && r.IsNull(name)) {
    (void)r.Object(name, false, true);
    return std::nullopt;
  }
  auto text = r.String(name, required);
  if (!text) return std::nullopt;
  auto date = ParseIsoDate(*text);
  if (!date) problems.Add(r.Path(name), "format", "A date as YYYY-MM-DD.");
  return date;
}

// Each element of the array `name` that is an object, with its reader.
template <class Each>
void ForEachObject(ObjectReader& r, const std::string& name, Problems& problems, Each each,
                   bool required = false) {
  const Json* items = r.Array(name, required);
  if (!items) return;
  for (size_t i = 0; i < items->size(); ++i) {
    std::string path = r.Path(name) + "[" + std::to_string(i) + "]";
    if (!(*items)[i].is_object()) {
      problems.Add(path, "type", "Each item is an object.");
      continue;
    }
    ObjectReader item((*items)[i], path, problems);
    each(item);
    item.RejectUnknown();
  }
}

std::optional<cases::PartialDate> ReadPartial(ObjectReader& r, const std::string& name,
                                              Problems& problems) {
  if (r.IsNull(name)) {
    (void)r.Object(name, false, true);
    return std::nullopt;
  }
  auto text = r.String(name);
  if (!text) return std::nullopt;
  auto date = cases::ParsePartialDate(*text);
  if (!date) problems.Add(r.Path(name), "format", "A date as YYYY, YYYY-MM or YYYY-MM-DD.");
  return date;
}

}  // namespace

std::optional<cases::Interpreter> ReadInterpreter(ObjectReader& r, Problems& problems) {
  const Json* i = r.Object("interpreter", false, true);
  if (!i || i->is_null()) return std::nullopt;
  ObjectReader ir(*i, r.Path("interpreter"), problems);
  cases::Interpreter out;
  out.language = ir.String("language", true).value_or("");
  out.mode = ReadCode(ir, "mode", cases::ParseInterpretingMode, cases::InterpretingMode::kInPerson,
                      problems);
  out.relationship = ReadCode(ir, "relationship", cases::ParseInterpreterRelationship,
                              cases::InterpreterRelationship::kOther, problems);
  out.provider = ir.String("provider").value_or("");
  ir.RejectUnknown();
  return out;
}

cases::IndicatorsAssessment ReadIndicators(const Json& body, Problems& problems) {
  cases::IndicatorsAssessment a;
  ObjectReader r(body, "", problems);
  a.catalog_version = r.String("catalog_version", true).value_or("");
  a.assessed_by = r.String("assessed_by").value_or("");
  a.assessed_on = ReadDate(r, "assessed_on", problems).value_or(CivilDate{});
  ForEachObject(
      r, "answers", problems,
      [&](ObjectReader& item) {
        cases::IndicatorResponse resp;
        resp.indicator_id = item.String("indicator_id", true).value_or("");
        resp.answer = ReadCode(item, "answer", cases::ParseIndicatorAnswer,
                               cases::IndicatorAnswer::kNotKnown, problems);
        resp.evidence = item.String("evidence").value_or("");
        a.answers.push_back(std::move(resp));
      },
      true);
  r.RejectUnknown();
  return a;
}

cases::PresumedVictimAssessment ReadAssessment(const Json& body, Problems& problems) {
  cases::PresumedVictimAssessment a;
  ObjectReader r(body, "", problems);
  a.assessed_by = r.String("assessed_by").value_or("");
  a.assessed_on = ReadDate(r, "assessed_on", problems).value_or(CivilDate{});
  a.conclusion =
      ReadCode(r, "conclusion", cases::ParseConclusion, cases::Conclusion::kUndetermined, problems);
  a.grounds = r.String("grounds", true).value_or("");
  if (const Json* rv = r.Object("review", false, true); rv && !rv->is_null()) {
    ObjectReader rr(*rv, "review", problems);
    cases::Review review;
    review.reviewed_by = rr.String("reviewed_by", true).value_or("");
    review.reviewed_on = ReadDate(rr, "reviewed_on", problems).value_or(CivilDate{});
    review.agrees = rr.Bool("agrees", true).value_or(true);
    review.comment = rr.String("comment").value_or("");
    rr.RejectUnknown();
    a.review = std::move(review);
  }
  r.RejectUnknown();
  return a;
}

cases::SafetyPlan ReadSafetyPlan(const Json& body, Problems& problems) {
  cases::SafetyPlan plan;
  ObjectReader r(body, "", problems);
  ForEachObject(r, "risks", problems, [&](ObjectReader& item) {
    cases::Risk risk;
    risk.description = item.String("description", true).value_or("");
    risk.level =
        ReadCode(item, "level", cases::ParseRiskLevel, cases::RiskLevel::kMedium, problems);
    plan.risks.push_back(std::move(risk));
  });
  ForEachObject(r, "measures", problems, [&](ObjectReader& item) {
    cases::ProtectiveMeasure m;
    m.description = item.String("description", true).value_or("");
    m.responsible = item.String("responsible").value_or("");
    plan.measures.push_back(std::move(m));
  });
  ForEachObject(
      r, "who_to_call", problems,
      [&](ObjectReader& item) {
        cases::EmergencyContact c;
        c.name = item.String("name", true).value_or("");
        c.phone = item.String("phone", true).value_or("");
        plan.who_to_call.push_back(std::move(c));
      },
      true);
  plan.made_on = ReadDate(r, "made_on", problems).value_or(CivilDate{});
  plan.review_on = ReadDate(r, "review_on", problems, false);
  plan.made_with_person = r.Bool("made_with_person").value_or(true);
  r.RejectUnknown();
  return plan;
}

cases::Wish ReadWish(const Json& body, Problems& problems) {
  cases::Wish w;
  ObjectReader r(body, "", problems);
  w.step = r.String("step", true).value_or("");
  w.wish = r.String("wish", true).value_or("");
  w.recorded_on = ReadDate(r, "recorded_on", problems).value_or(CivilDate{});
  r.RejectUnknown();
  return w;
}

cases::Conversation ReadConversation(const Json& body, Problems& problems) {
  cases::Conversation c;
  ObjectReader r(body, "", problems);
  c.held_on = ReadDate(r, "held_on", problems).value_or(CivilDate{});
  c.held_by = r.String("held_by").value_or("");
  c.language = r.String("language", true).value_or("");
  c.interpreter = ReadInterpreter(r, problems);
  c.summary = r.String("summary").value_or("");
  r.RejectUnknown();
  return c;
}

ports::ConsentBody ReadConsent(const Json& body, Problems& problems) {
  ports::ConsentBody c;
  ObjectReader r(body, "", problems);
  c.taking.purpose = r.String("purpose", true).value_or("");
  c.taking.taken_on = ReadDate(r, "taken_on", problems).value_or(CivilDate{});
  c.taking.taken_by = r.String("taken_by").value_or("");
  c.taking.language = r.String("language", true).value_or("");
  c.taking.interpreter = ReadInterpreter(r, problems);
  c.given = r.Bool("given", true).value_or(false);
  r.RejectUnknown();
  return c;
}

ports::ExploitationBody ReadExploitation(const Json& body, Problems& problems) {
  ports::ExploitationBody e;
  ObjectReader r(body, "", problems);
  ForEachObject(
      r, "forms", problems,
      [&](ObjectReader& item) {
        cases::Exploitation x;
        x.form = ReadCode(item, "form", cases::ParseExploitationForm,
                          cases::ExploitationForm::kOther, problems);
        if (item.IsNull("sector")) {
          (void)item.Object("sector", false, true);
        } else if (item.String("sector")) {
          x.sector = ReadCode(item, "sector", cases::ParseLabourSector, cases::LabourSector::kOther,
                              problems);
        }
        x.details = item.String("details").value_or("");
        e.forms.push_back(std::move(x));
      },
      true);
  if (const Json* p = r.Object("places")) {
    ObjectReader pr(*p, "places", problems);
    e.places.municipalities = pr.Strings("municipalities").value_or(std::vector<std::string>{});
    e.places.recruitment_countries =
        pr.Strings("recruitment_countries").value_or(std::vector<std::string>{});
    e.places.transit_countries =
        pr.Strings("transit_countries").value_or(std::vector<std::string>{});
    e.places.exploitation_countries =
        pr.Strings("exploitation_countries").value_or(std::vector<std::string>{});
    pr.RejectUnknown();
  }
  if (const Json* p = r.Object("period")) {
    ObjectReader pr(*p, "period", problems);
    e.period.from = ReadPartial(pr, "from", problems);
    e.period.to = ReadPartial(pr, "to", problems);
    pr.RejectUnknown();
  }
  r.RejectUnknown();
  return e;
}

}  // namespace opennrm::http
