#include "http/referral_pdf_words.hpp"

#include <iterator>

namespace opennrm::http {

namespace {

struct Label {
  std::string_view key, sv, en;
};

// The summary's own labels.
constexpr Label kLabels[] = {
    {"title", "Sammanfattning av remiss", "Summary of referral"},
    {"intro", "{sender} remitterar en person till {recipient}. Syfte: {purpose}.",
     "{sender} refers a person to {recipient}. Purpose: {purpose}."},
    {"protected",
     "Personen har skyddade personuppgifter. Adress, ort och kontaktuppgifter har inte lämnats ut. "
     "Var försiktig med allt som kan avslöja var personen finns.",
     "The person has protected personal data. Address, places and contact details were not "
     "disclosed. Take care with anything that could reveal where the person is."},
    {"sender", "Avsändare och kontakt", "Sender and contact"},
    {"sender.name", "Organisation", "Organisation"},
    {"sender.person", "Skickad av", "Sent by"},
    {"sender.phone", "Telefon", "Phone"},
    {"sender.email", "E-post", "E-mail"},
    {"sender.address", "Postadress", "Postal address"},
    {"sender.website", "Webbplats", "Website"},
    {"referral", "Remissen", "The referral"},
    {"code", "Remiss", "Referral"},
    {"recipient", "Mottagare", "Recipient"},
    {"purpose", "Syfte", "Purpose"},
    {"sent_on", "Skickad", "Sent on"},
    {"respond_by", "Svar senast", "Respond by"},
    {"delivery", "Hur den skickas", "How it is sent"},
    {"delivery.other_means", "På annat sätt (post, fax eller personligen)",
     "By other means (post, fax or by hand)"},
    {"delivery.in_app", "I OpenNRM", "In OpenNRM"},
    {"basis", "Stöd för utlämnandet", "Basis for the disclosure"},
    {"basis.title", "Lagstöd", "Legal basis"},
    {"basis.reference", "Lagrum", "Legal reference"},
    {"basis.consent", "Samtycke", "Consent"},
    {"basis.consent_given", "Samtycket gavs", "Consent given on"},
    {"justification", "Motivering", "Justification"},
    {"scope", "Vad som lämnas ut", "What is disclosed"},
    {"scope.sections", "Utlämnade uppgifter", "Sections disclosed"},
    {"scope.withheld", "Valdes men lämnades inte ut", "Chosen but not disclosed"},
    {"package", "Uppgifter som lämnas ut", "Information disclosed"},
    {"package.case", "Avsändarens ärende", "The sender's case"},
    {"package.person", "Person", "Person"},
    {"package.none", "Innehållet kan inte visas längre.", "The contents can no longer be shown."},
    {"none", "inga", "none"},
    {"yes", "ja", "yes"},
    {"no", "nej", "no"},
    {"item", "Post", "Item"},
    {"footer.other_means", "Skickad på annat sätt", "Sent by other means"},
    {"footer.logged", "Utlämnandet är loggat hos avsändaren.",
     "The disclosure is logged by the sender."},
    {"purpose.support", "Stöd", "Support"},
    {"purpose.shelter", "Skyddat boende", "Shelter"},
    {"purpose.return", "Återvändande", "Return"},
    {"purpose.reflection_period_application", "Ansökan om betänketid",
     "Reflection period application"},
    {"purpose.report_to_police", "Polisanmälan", "Report to the police"},
    {"purpose.child_protection", "Skydd för ett barn", "Child protection"},
    {"purpose.other", "Annat", "Other"},
    {"section.identity", "Identitet", "Identity"},
    {"section.contact", "Kontaktuppgifter", "Contact details"},
    {"section.needs_safety", "Behov och säkerhet", "Needs and safety"},
    {"section.assessment", "Bedömning", "Assessment"},
    {"section.support", "Stöd", "Support"},
    {"section.child_protection", "Skydd för barn", "Child protection"},
    {"section.proceedings", "Brottmål", "Criminal proceedings"},
    {"section.return", "Återvändande", "Return"},
    {"section.notes", "Anteckningar", "Notes"},
};

// The package's members: "<parent>.<key>" for a key whose meaning depends on
// the record holding it (the record codec's one-letter keys), ".<key>" for
// one that means the same wherever it is. The record codec's encodings are
// in src/storage/codec/ (person_codec.cpp, record_codec_*.cpp).
constexpr Label kMembers[] = {
    {".role", "Roll i ärendet", "Role in the case"},
    {".identity", "Personuppgifter", "Personal details"},
    {".id", "Id", "Id"},
    {".names", "Namn", "Names"},
    {".dob", "Födelsedatum", "Date of birth"},
    {".minor", "Uppger sig vara under 18", "Says to be under 18"},
    {".gender", "Kön", "Gender"},
    {".cit", "Medborgarskap", "Citizenship"},
    {".countries", "Medborgarskapsland", "Countries of citizenship"},
    {".permit", "Uppehållstillstånd", "Residence permit"},
    {".unacc", "Ensamkommande barn", "Unaccompanied child"},
    {".lang", "Språk", "Languages"},
    {".docs", "Id-handlingar", "Identity documents"},
    {".phones", "Telefon", "Phone"},
    {".emails", "E-post", "E-mail"},
    {".address", "Adress", "Address"},
    {".notes", "Om kontakten", "About contacting"},
    {".wishes", "Vad personen vill", "What the person wants"},
    {".safety_plan", "Säkerhetsplan", "Safety plan"},
    {".risks", "Risker", "Risks"},
    {".meas", "Skyddsåtgärder", "Protective measures"},
    {".call", "Vem personen ringer", "Whom the person calls"},
    {".rev", "Ses över", "Review on"},
    {".with", "Gjord tillsammans med personen", "Made with the person"},
    {".indicators", "Indikatorer", "Indicators"},
    {".ans", "Svar", "Answers"},
    {".assessment", "Bedömning", "Assessment"},
    {".exploitation", "Utnyttjande", "Exploitation"},
    {".forms", "Former", "Forms"},
    {".mun", "Kommuner", "Municipalities"},
    {".rec", "Rekryterad i", "Recruited in"},
    {".tra", "Transit genom", "Transit through"},
    {".exp", "Utnyttjad i", "Exploited in"},
    {".from", "Från", "From"},
    {".to", "Till", "To"},
    {".track", "Var arbetet står", "Where the work stands"},
    {".step", "Steg", "Step"},
    {".steps_version", "Stegens version", "Steps version"},
    {".since_us", "Sedan", "Since"},
    {".clocks", "Tidsfrister", "Clocks"},
    {".records", "Händelser", "Records"},
    {".text", "Text", "Text"},
    {".at_us", "Tid", "Time"},
    {".corrects", "Rättar", "Corrects"},
    {".on", "Datum", "Date"},
    {".by", "Av", "By"},
    {".date", "Datum", "Date"},
    {".kind", "Slag", "Kind"},
    {".status", "Status", "Status"},
    {".outcome", "Utfall", "Outcome"},
    {".note", "Anteckning", "Note"},
    {".municipality", "Kommun", "Municipality"},
    {"names.k", "Slag", "Kind"},
    {"names.l", "Namn", "Name"},
    {"names.o", "Originalskrift", "Original script"},
    {"dob.min", "Ålder från", "Age from"},
    {"dob.max", "Ålder till", "Age to"},
    {"dob.on", "Uppskattad", "Estimated on"},
    {"docs.t", "Typ", "Type"},
    {"docs.n", "Nummer", "Number"},
    {"docs.c", "Utfärdat av", "Issued by"},
    {"docs.x", "Giltig till", "Expires on"},
    {"wishes.s", "Steg", "Step"},
    {"wishes.w", "Önskemål", "Wish"},
    {"risks.d", "Risk", "Risk"},
    {"risks.l", "Nivå", "Level"},
    {"meas.d", "Åtgärd", "Measure"},
    {"meas.r", "Ansvarig", "Responsible"},
    {"call.n", "Namn", "Name"},
    {"call.p", "Telefon", "Phone"},
    {"safety_plan.on", "Upprättad", "Made on"},
    {"indicators.v", "Lista", "List"},
    {"indicators.on", "Bedömda", "Assessed on"},
    {"ans.i", "Indikator", "Indicator"},
    {"ans.a", "Svar", "Answer"},
    {"ans.e", "Underlag", "Evidence"},
    {"assessment.c", "Slutsats", "Conclusion"},
    {"assessment.g", "Grunder", "Grounds"},
    {"assessment.on", "Bedömd", "Assessed on"},
    {"assessment.rv", "Granskning", "Review"},
    {"rv.c", "Kommentar", "Comment"},
    {"forms.k", "Form", "Form"},
    {"forms.s", "Bransch", "Sector"},
    {"forms.d", "Beskrivning", "Details"},
};

const Label* Find(const Label* begin, const Label* end, std::string_view key) {
  for (const Label* l = begin; l != end; ++l) {
    if (l->key == key) return l;
  }
  return nullptr;
}

}  // namespace

std::string SummaryWords::operator()(std::string_view key, std::string_view fallback) const {
  if (const Label* l = Find(std::begin(kLabels), std::end(kLabels), key)) {
    return std::string(sv_ ? l->sv : l->en);
  }
  return std::string(fallback.empty() ? key : fallback);
}

std::string SummaryWords::Member(std::string_view parent, std::string_view key) const {
  const Label* l =
      Find(std::begin(kMembers), std::end(kMembers), std::string(parent) + "." + std::string(key));
  if (!l) l = Find(std::begin(kMembers), std::end(kMembers), "." + std::string(key));
  if (l) return std::string(sv_ ? l->sv : l->en);
  std::string out(key.ends_with("_us") ? key.substr(0, key.size() - 3) : key);
  for (auto& c : out) {
    if (c == '_') c = ' ';
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

}  // namespace opennrm::http
