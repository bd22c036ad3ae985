#include "cli/demo/record_bodies.hpp"

#include "core/stockholm_date_math.hpp"

namespace opennrm::cli::demo {

namespace {

template <std::size_t N>
std::string Pick(const char* const (&texts)[N], DemoRandom& random) {
  return texts[random.Below(N)];
}

}  // namespace

cases::IndicatorsAssessment IndicatorsFor(const cases::IndicatorCatalog& catalog,
                                          const PersonPlan& person, CivilDate on,
                                          DemoRandom& random) {
  static const char* const kEvidence[] = {
      "Berättat i samtal med tolk.",     "Framkom vid första kontakten.",
      "Noterat av personal på boendet.", "Uppgift från polisens underrättelse.",
      "Styrks av handlingar i ärendet.", "Personen beskrev det själv."};
  cases::IndicatorsAssessment a;
  a.catalog_version = catalog.version();
  a.assessed_on = on;
  for (const auto& group : catalog.groups()) {
    if (group.children_only && !person.child) continue;
    for (const cases::Indicator* i : catalog.InGroup(group.id)) {
      double x = random.Unit();
      if (x < 0.45) continue;  // not asked
      cases::IndicatorResponse r;
      r.indicator_id = i->id;
      r.answer = x < 0.72   ? cases::IndicatorAnswer::kYes
                 : x < 0.92 ? cases::IndicatorAnswer::kNo
                            : cases::IndicatorAnswer::kNotKnown;
      if (r.answer == cases::IndicatorAnswer::kYes) r.evidence = Pick(kEvidence, random);
      a.answers.push_back(std::move(r));
    }
  }
  return a;
}

cases::PresumedVictimAssessment AssessmentOn(const CasePlan& plan, CivilDate on) {
  cases::PresumedVictimAssessment a;
  a.assessed_on = on;
  a.conclusion = cases::Conclusion::kPresumedVictim;
  a.grounds = plan.persons.front().child
                  ? "Flera indikatorer på exploatering av barn; barnet har inte kunnat "
                    "redogöra för vårdnadshavare i Sverige."
                  : "Flera indikatorer på tvång och kontroll bekräftade i samtal med tolk.";
  return a;
}

cases::SafetyPlan SafetyPlanOn(CivilDate on, DemoRandom& random) {
  static const char* const kRisks[] = {
      "Rekryteraren känner till var personen bor.", "Skuld som gärningspersonerna kräver in.",
      "Hot mot familjen i hemlandet.", "Kontakt via sociala medier från tidigare arbetsgivare."};
  static const char* const kMeasures[] = {
      "Placering i skyddat boende i annan kommun.", "Nytt telefonnummer och skyddad adress.",
      "Kontaktperson hos polisen.", "Följeslagning vid besök hos myndigheter."};
  cases::SafetyPlan p;
  cases::RiskLevel level = std::array{cases::RiskLevel::kLow, cases::RiskLevel::kMedium,
                                      cases::RiskLevel::kHigh}[random.Weighted({20, 50, 30})];
  p.risks.push_back({Pick(kRisks, random), level});
  p.measures.push_back({Pick(kMeasures, random), "Socialtjänsten"});
  if (random.Chance(0.5)) p.measures.push_back({Pick(kMeasures, random), ""});
  p.who_to_call.push_back({"Polisen", "112"});
  p.who_to_call.push_back({"Jourhavande personal", "+46 70 174 06 50"});
  p.made_on = on;
  p.review_on = AddDays(on, 30);
  return p;
}

cases::Wish WishAbout(const std::string& step, CivilDate on, DemoRandom& random) {
  static const char* const kWishes[] = {"Vill bo tryggt och inte i samma stad som förut.",
                                        "Vill lära sig svenska och få arbete.",
                                        "Vill ha kontakt med sin familj.",
                                        "Vill träffa läkare och tandläkare.",
                                        "Vill inte polisanmäla just nu.",
                                        "Vill få hjälp att återvända hem."};
  cases::Wish w;
  w.step = step;
  w.wish = Pick(kWishes, random);
  w.recorded_on = on;
  return w;
}

ports::ConsentBody ConsentOf(const PersonPlan& person, CivilDate on) {
  ports::ConsentBody c;
  c.given = true;
  c.taking.purpose = "Kontakt med regional samordnare mot människohandel";
  c.taking.taken_on = on;
  const auto& languages = person.person.languages;
  std::string theirs = languages.empty() ? "swe" : languages.front();
  c.taking.language = "swe";
  if (theirs != "swe") {
    cases::Interpreter i;
    i.language = theirs;
    i.mode = cases::InterpretingMode::kRemote;
    i.relationship = cases::InterpreterRelationship::kProfessional;
    i.provider = "Tolkförmedling (demo)";
    c.taking.interpreter = i;
  }
  return c;
}

}  // namespace opennrm::cli::demo
