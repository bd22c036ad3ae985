#include "cli/demo/consultation_planner_texts.hpp"

#include <cstdio>
#include <iterator>

#include "cli/demo/names.hpp"

namespace opennrm::cli::demo {

namespace {

using Texts = std::vector<std::string_view>;
using F = cases::ExploitationForm;
using hotline::Topic;

const Texts kBerry = {
    "Socialtjänsten har fått kännedom om bärplockare i ett läger i kommunen som arbetar långa "
    "dagar, bor trångt och säger att de har en skuld till den som rekryterade dem. Arbetsgivaren "
    "sägs hålla deras pass.",
    "En grupp bärplockare har sökt hjälp hos en frivilligorganisation. De har inte fått den lön "
    "som utlovats och vet inte hur de ska ta sig hem när säsongen är slut.",
    "Polisen har besökt ett boende för säsongsarbetare i bärplockningen. Plockarna verkar ha "
    "dagliga kvoter och får avdrag på lönen om de inte når dem.",
    "En bärplockare har sökt vård efter en skada. Han berättar att plockarna inte får lämna "
    "lägret utan tillstånd och att kostnader för mat, bil och boende dras från lönen.",
    "Flera bärplockare har lämnat ett läger och sover i en församlingslokal. De säger att "
    "rekryteraren tog deras pengar och hotade deras familjer i hemlandet.",
    "En arbetsmiljöinspektör har träffat bärplockare som arbetar alla dagar i veckan utan "
    "skyddsutrustning och som inte vet vem som är deras arbetsgivare.",
};

const Texts kSexual = {
    "En ung kvinna har kommit till en mottagning. Hon verkar inte veta vilken adress hon bor på "
    "och en man väntar utanför under hela besöket och svarar i hennes ställe.",
    "Socialtjänsten har fått ett tips om en lägenhet där kvinnor bor kort tid och byts ut ofta. "
    "Annonser om sexuella tjänster verkar kopplade till lägenheten.",
    "En kvinna berättar för en kurator att hon har en skuld för resan som bara växer och att hon "
    "måste sälja sex för att betala av den.",
    "Personal på ett härbärge är orolig för en kvinna som hämtas med bil sent på kvällarna och "
    "kommer tillbaka utan sina pengar.",
};

const Texts kLabour = {
    "En byggarbetare har kontaktat facket och berättar om mycket långa arbetsdagar, ingen "
    "ledighet och boende i en bod på arbetsplatsen.",
    "Vid en kontroll på en restaurang har personal som inte fått lön på flera månader berättat "
    "att de bor i lokaler som arbetsgivaren ordnar och hyr ut till dem.",
    "En städare berättar för en handläggare att arbetsgivaren behåller hennes id-handlingar och "
    "tar hand om hennes lön.",
    "Arbetare på en biltvätt verkar bo på arbetsplatsen och ha en skuld till den som ordnade "
    "arbetet.",
};

const Texts kBegging = {
    "Personal i en församling har sett att personer som tigger utanför butiker lämnas och hämtas "
    "av samma bil varje dag och lämnar ifrån sig pengarna.",
    "En uppsökande socialarbetare har mött en person som tigger och som säger att hen måste samla "
    "ihop en viss summa varje dag till någon annan.",
};

const Texts kCrime = {
    "Polisen har gripit en ung person för stölder som säger sig vara skyldig pengar till dem som "
    "ordnade resan och att familjen hotas om skulden inte betalas.",
    "En person som dömts för narkotikabrott berättar för frivården att hen tvingades sälja och "
    "att passet togs ifrån hen vid ankomsten.",
};

const Texts kDomestic = {
    "En kvinna som arbetar i ett hem som barnflicka har berättat för en bekant att hon inte får "
    "gå ut ensam och aldrig har fått någon lön.",
};

const Texts kMarriage = {
    "En skolkurator är orolig för en elev som berättar om planer på ett giftermål utomlands som "
    "eleven inte vill och om att familjen tagit hand om elevens pass.",
};

const Texts kChild = {
    "En skola är orolig för en elev som ofta är borta, har nya dyra saker och verkar styras av "
    "äldre personer utanför skolan.",
    "Ett ensamkommande barn har försvunnit från ett boende flera gånger och hämtas av en vuxen "
    "som personalen inte känner till.",
    "Personal på ett boende misstänker att en flicka säljer sex via sociala medier och att "
    "någon annan tar emot pengarna.",
    "Ett barn som kommit med en vuxen som inte är förälder verkar arbeta i en butik efter "
    "skoltid och säger att det måste betala tillbaka resan.",
};

const Texts kProstitution = {
    "En socialsekreterare har kontakt med en kvinna som vill lämna prostitution och frågar vilket "
    "stöd som finns och hur man når det.",
    "En barnmorska har mött en kvinna som säljer sex och som berättar om våld från köpare. "
    "Kvinnan vill ha stöd men inte göra någon polisanmälan.",
    "En man som säljer sex vill ha samtalsstöd och undrar om det finns boende för honom.",
};

const Texts kDemand = {
    "En arbetsgivare har fått veta att en anställd köpt sexuella tjänster på en tjänsteresa och "
    "frågar hur de ska agera.",
    "Frivården undrar vilket stöd som finns för en klient som vill sluta köpa sex.",
};

const Texts kMethod = {
    "En socialsekreterare i en mindre kommun frågar hur man gör en första bedömning när man "
    "misstänker människohandel och vilka indikatorer man ska titta efter.",
    "En handläggare vill veta hur ansökan om reflektionsperiod går till och vem som ansöker.",
    "En enhetschef vill ha råd om hur kommunen kan ta fram rutiner för stöd till personer som "
    "utsatts för människohandel.",
    "En utredare frågar hur samverkan med regionkoordinatorn går till innan en person har gett "
    "sitt samtycke.",
};

const Texts kOther = {
    "En journalist frågar om statistik över människohandel och hänvisas till myndighetens "
    "pressfunktion.",
    "En privatperson har ringt om en granne och hänvisas till polisen på 114 14, eller 112 vid "
    "akut fara.",
    "En student frågar efter material om människohandel till en uppsats.",
};

const Texts kAdviceBerry = {
    "Kontakta regionkoordinatorn för samråd och Arbetsmiljöverket om arbetsvillkoren. Informera "
    "om reflektionsperiod för den som saknar uppehållstillstånd och om stöd vid återvändande.",
    "Socialtjänsten gör en bedömning av stöd- och skyddsbehov för plockarna. Regionkoordinatorn "
    "kontaktas efter samtycke; polisanmälan om någon vill göra en.",
};
const Texts kAdviceTrafficking = {
    "Socialtjänsten gör en bedömning av stöd- och skyddsbehov. Regionkoordinatorn kontaktas efter "
    "samtycke; polisanmälan om personen vill.",
    "Gått igenom indikatorerna och den nationella stödprocessen. Föreslagit samråd med "
    "regionkoordinatorn utan att röja personens identitet.",
};
const Texts kAdviceChild = {
    "Gör en orosanmälan till socialtjänsten samma dag. Socialtjänsten bedömer skyddsbehovet och om "
    "polisen ska kontaktas.",
};
const Texts kAdviceProstitution = {
    "Informerat om stödsamtal för att lämna prostitution, om vård och om skyddat boende vid behov.",
};
const Texts kAdviceDemand = {
    "Hänvisat till stöd för personer som köper sex och informerat om att köp av sexuell tjänst är "
    "ett brott.",
};
const Texts kAdviceMethod = {
    "Gått igenom indikatorerna och den nationella stödprocessen. Skickat länkar till "
    "kunskapsbanken.",
    "Förklarat hur reflektionsperioden söks och vem som ansöker.",
};
const Texts kAdviceOther = {"Hänvisat till rätt aktör."};
const Texts kAdviceDanger = {
    "Akut fara: uppmanat den som ringde att ringa 112 och kontaktat polisen. Regionkoordinatorn "
    "har underrättats.",
};

const Texts kFollowUps = {
    "Ringa tillbaka socialsekreteraren efter mötet med personen.",
    "Stämma av med regionkoordinatorn om fortsatt stöd.",
    "Skicka material om reflektionsperiod till handläggaren.",
    "Följa upp om skyddat boende har ordnats.",
};
const Texts kFollowUpsBerry = {
    "Återkoppla till Arbetsmiljöverket efter inspektionen i lägret.",
    "Stämma av med regionkoordinatorn om plockarnas hemresa.",
};

std::string_view Pick(const Texts& texts, DemoRandom& r) { return texts[r.Below(texts.size())]; }

const Texts& SituationsOf(const cases::ExploitationForm* form) {
  if (!form) return kOther;
  switch (*form) {
    case F::kSexual:
      return kSexual;
    case F::kLabour:
      return kLabour;
    case F::kForcedBegging:
      return kBegging;
    case F::kForcedCriminality:
      return kCrime;
    case F::kDomesticServitude:
      return kDomestic;
    case F::kForcedMarriage:
      return kMarriage;
    default:
      return kLabour;
  }
}

}  // namespace

CallerKind DrawCaller(Topic topic, bool berry, bool nowhere, DemoRandom& r) {
  std::vector<std::pair<CallerKind, double>> w = {
      {CallerKind::kSocialServices, 0.42},
      {CallerKind::kPolice, 0.11},
      {CallerKind::kRegionalCoordinator, 0.06},
      {CallerKind::kMigrationAgency, 0.08},
      {CallerKind::kHealthCare, 0.12},
      {CallerKind::kNgo, 0.09},
      {CallerKind::kWorkEnvironment, berry ? 0.15 : 0.03},
      {CallerKind::kTaxAgency, 0.02},
      {CallerKind::kTradeUnion, berry || topic == Topic::kHumanExploitation ? 0.06 : 0.01},
      {CallerKind::kSchool, topic == Topic::kChild ? 0.2 : 0.02}};
  if (nowhere) {
    for (auto& [kind, weight] : w) {
      if (kind == CallerKind::kSocialServices || kind == CallerKind::kPolice ||
          kind == CallerKind::kRegionalCoordinator) {
        weight = 0;
      }
    }
  }
  std::vector<double> weights;
  for (const auto& [_, weight] : w) weights.push_back(weight);
  return w[r.Weighted(weights)].first;
}

std::string CallerSeedKey(CallerKind kind, const std::string& municipality,
                          const std::string& police_region) {
  switch (kind) {
    case CallerKind::kSocialServices:
      return municipality.empty() ? "" : "municipal_social_services:" + municipality;
    case CallerKind::kPolice:
      return police_region.empty() ? "" : "police_region:" + police_region;
    case CallerKind::kRegionalCoordinator:
      return police_region.empty() ? "" : "regional_coordinator:" + police_region;
    case CallerKind::kMigrationAgency:
      return "migration_agency";
    case CallerKind::kWorkEnvironment:
      return "work_environment_authority";
    case CallerKind::kTaxAgency:
      return "tax_agency";
    default:
      return "";
  }
}

hotline::Caller MakeCaller(CallerKind kind, hotline::Channel channel, DemoRandom& r) {
  hotline::Caller c;
  static const char* const kSocial[] = {"socialsekreterare", "enhetschef", "biståndshandläggare"};
  static const char* const kHealth[] = {"sjuksköterska", "barnmorska", "kurator", "läkare"};
  switch (kind) {
    case CallerKind::kSocialServices:
      c.role = kSocial[r.Below(3)];
      break;
    case CallerKind::kPolice:
      c.role = r.Chance(0.5) ? "polis" : "utredare";
      break;
    case CallerKind::kRegionalCoordinator:
      c.role = "regionkoordinator";
      break;
    case CallerKind::kMigrationAgency:
      c.role = "handläggare";
      break;
    case CallerKind::kWorkEnvironment:
      c.role = "arbetsmiljöinspektör";
      break;
    case CallerKind::kTaxAgency:
      c.role = "skattehandläggare";
      break;
    case CallerKind::kHealthCare:
      c.role = kHealth[r.Below(4)];
      c.organisation_name = r.Chance(0.5) ? "Vårdcentralen (demo)" : "Ungdomsmottagningen (demo)";
      break;
    case CallerKind::kSchool:
      c.role = "skolkurator";
      c.organisation_name = "Grundskolan (demo)";
      break;
    case CallerKind::kNgo:
      c.role = r.Chance(0.5) ? "verksamhetsledare" : "volontär";
      c.organisation_name = r.Chance(0.5) ? "Frivilligorganisationen Hjälpande hand (demo)"
                                          : "Församlingens diakoni (demo)";
      break;
    case CallerKind::kTradeUnion:
      c.role = "ombudsman";
      c.organisation_name = "Fackförbundets avdelning (demo)";
      break;
  }
  const double o = r.Unit();
  const NameOrigin origin = o < 0.82   ? NameOrigin::kSwedish
                            : o < 0.88 ? NameOrigin::kPolish
                            : o < 0.94 ? NameOrigin::kArabic
                                       : NameOrigin::kVietnamese;
  c.name = MakeName(origin, r.Chance(0.7), r).latin;
  char phone[24];
  std::snprintf(phone, sizeof phone, "070-174 06 %02d", r.Between(5, 99));
  c.phone = phone;
  if (channel == hotline::Channel::kEmail || channel == hotline::Channel::kWebRequest) {
    c.email = "yrkesverksam" + std::to_string(r.Between(1, 999)) + "@example.org";
  }
  return c;
}

std::string SituationText(Topic topic, const cases::ExploitationForm* form, bool berry, bool child,
                          DemoRandom& r) {
  if (berry) return std::string(Pick(kBerry, r));
  if (topic == Topic::kChild || (child && r.Chance(0.5))) return std::string(Pick(kChild, r));
  switch (topic) {
    case Topic::kProstitution:
      return std::string(Pick(kProstitution, r));
    case Topic::kDemand:
      return std::string(Pick(kDemand, r));
    case Topic::kMethodAdvice:
      return std::string(Pick(kMethod, r));
    case Topic::kOther:
      return std::string(Pick(kOther, r));
    default:
      return std::string(Pick(SituationsOf(form), r));
  }
}

std::string AdviceText(Topic topic, const cases::ExploitationForm* form, bool berry, bool child,
                       bool immediate_danger, DemoRandom& r) {
  (void)form;
  if (immediate_danger) return std::string(Pick(kAdviceDanger, r));
  if (berry) return std::string(Pick(kAdviceBerry, r));
  if (child) return std::string(Pick(kAdviceChild, r));
  switch (topic) {
    case Topic::kProstitution:
      return std::string(Pick(kAdviceProstitution, r));
    case Topic::kDemand:
      return std::string(Pick(kAdviceDemand, r));
    case Topic::kMethodAdvice:
      return std::string(Pick(kAdviceMethod, r));
    case Topic::kOther:
      return std::string(Pick(kAdviceOther, r));
    default:
      return std::string(Pick(kAdviceTrafficking, r));
  }
}

std::string FollowUpText(Topic topic, bool berry, DemoRandom& r) {
  (void)topic;
  return std::string(Pick(berry && r.Chance(0.6) ? kFollowUpsBerry : kFollowUps, r));
}

const std::vector<std::string_view>& IndicatorsOf(cases::ExploitationForm form, bool child) {
  static const Texts kLabourIds = {
      "work.excessive_hours",  "work.no_or_low_pay", "work.housing_controlled",
      "work.poor_housing",     "work.daily_quota",   "debt.for_recruitment_or_travel",
      "debt.growing",          "documents.withheld", "recruitment.deceived_about_conditions",
      "control.earnings_taken"};
  static const Texts kSexualIds = {"control.threats",
                                   "control.watched",
                                   "control.earnings_taken",
                                   "movement.moved_often",
                                   "movement.does_not_know_address",
                                   "recruitment.deceived_about_work",
                                   "debt.cannot_repay",
                                   "control.speaks_for_them"};
  static const Texts kBeggingIds = {"control.earnings_taken", "movement.transported_by_others",
                                    "work.daily_quota", "control.watched"};
  static const Texts kCrimeIds = {"control.threats", "control.violence", "debt.held_against_family",
                                  "documents.withheld"};
  static const Texts kOtherIds = {"control.isolated", "movement.not_free_to_leave",
                                  "documents.withheld", "control.threats_to_family"};
  static const Texts kChildIds = {"child.without_guardian",   "child.unclear_adult",
                                  "child.goes_missing",       "child.age_disputed",
                                  "child.working_or_begging", "child.sexual_exploitation",
                                  "child.used_for_crime"};
  if (child) return kChildIds;
  switch (form) {
    case F::kLabour:
      return kLabourIds;
    case F::kSexual:
      return kSexualIds;
    case F::kForcedBegging:
      return kBeggingIds;
    case F::kForcedCriminality:
      return kCrimeIds;
    default:
      return kOtherIds;
  }
}

std::vector<std::string_view> AllConsultationTexts() {
  std::vector<std::string_view> out;
  for (const Texts* t : {&kBerry,        &kSexual,
                         &kLabour,       &kBegging,
                         &kCrime,        &kDomestic,
                         &kMarriage,     &kChild,
                         &kProstitution, &kDemand,
                         &kMethod,       &kOther,
                         &kAdviceBerry,  &kAdviceTrafficking,
                         &kAdviceChild,  &kAdviceProstitution,
                         &kAdviceDemand, &kAdviceMethod,
                         &kAdviceOther,  &kAdviceDanger,
                         &kFollowUps,    &kFollowUpsBerry}) {
    out.insert(out.end(), t->begin(), t->end());
  }
  return out;
}

}  // namespace opennrm::cli::demo
