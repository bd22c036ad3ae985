#include "http/referral_pdf.hpp"

#include "http/referral_pdf_words.hpp"

#include <ctime>
#include <string_view>

namespace opennrm::http {

namespace {

using Doc = nlohmann::ordered_json;

// Deeper than this, a package's value is shown as compact JSON.
constexpr int kMaxDepth = 8;

std::string Replace(std::string text, std::string_view name, const std::string& value) {
  const std::string token = "{" + std::string(name) + "}";
  for (size_t at = text.find(token); at != std::string::npos;
       at = text.find(token, at + value.size())) {
    text.replace(at, token.size(), value);
  }
  return text;
}

std::string Join(const std::vector<std::string>& items, const std::string& none) {
  if (items.empty()) return none;
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::vector<std::string> SectionLabels(const SummaryWords& w,
                                       const std::vector<std::string>& sections) {
  std::vector<std::string> out;
  for (const auto& s : sections) out.push_back(w("section." + s, s));
  return out;
}

// Microseconds since the epoch as "YYYY-MM-DD HH:MM UTC".
std::string UtcTime(long long at_us) {
  std::time_t t = static_cast<std::time_t>(at_us / 1000000);
  std::tm tm{};
  if (!gmtime_r(&t, &tm)) return std::to_string(at_us);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &tm);
  return text;
}

std::string Scalar(const SummaryWords& w, const std::string& key, const Doc& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? w("yes") : w("no");
  if (v.is_null()) return "–";
  if (v.is_number_integer() && key.ends_with("_us")) return UtcTime(v.get<long long>());
  return v.dump(-1, ' ', false, Doc::error_handler_t::replace);
}

bool IsScalar(const Doc& v) { return !v.is_object() && !v.is_array(); }

// Whether `v` holds nothing to show (a record's unset field).
bool IsEmpty(const Doc& v) {
  return v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty()) ||
         ((v.is_array() || v.is_object()) && v.empty());
}

// Writes `v` under `label` at nesting `depth`: a scalar as a "label: value"
// line, a list of scalars on one line, anything else as a heading with its
// members (or numbered items) below it; unset fields are left out. `key` is
// the member's name (for an item of a list, the list's), which names the
// members below it. "f" (a record's format number) is left out: it is the
// codec's, not the reader's.
void WriteValue(PdfWriter& pdf, const SummaryWords& w, const std::string& key,
                const std::string& label, const Doc& v, int depth) {
  if (IsEmpty(v)) return;
  if (IsScalar(v)) {
    pdf.Field(label, Scalar(w, key, v), depth);
    return;
  }
  if (depth >= kMaxDepth) {
    pdf.Field(label, v.dump(-1, ' ', false, Doc::error_handler_t::replace), depth);
    return;
  }
  if (v.is_array()) {
    bool all_scalars = true;
    for (const auto& item : v) all_scalars = all_scalars && IsScalar(item);
    if (all_scalars) {
      std::vector<std::string> items;
      for (const auto& item : v) items.push_back(Scalar(w, key, item));
      pdf.Field(label, Join(items, "–"), depth);
      return;
    }
  }
  pdf.Heading(label, 3, depth);
  int n = 0;
  for (const auto& [member, value] : v.items()) {
    if (v.is_array()) {
      WriteValue(pdf, w, key, w("item") + " " + std::to_string(++n), value, depth + 1);
    } else if (member != "f") {
      WriteValue(pdf, w, member, w.Member(key, member), value, depth + 1);
    }
  }
}

void WriteSender(PdfWriter& pdf, const SummaryWords& w, const ReferralSummary& s) {
  const auto& r = s.referral;
  const auto& c = s.sender_contact;
  pdf.Heading(w("sender"), 1);
  pdf.Field(w("sender.name"), r.sender_name);
  if (!r.sent_by_name.empty()) pdf.Field(w("sender.person"), r.sent_by_name);
  if (!c.phone.empty()) pdf.Field(w("sender.phone"), c.phone);
  if (!c.email.empty()) pdf.Field(w("sender.email"), c.email);
  if (!c.postal_address.empty()) pdf.Field(w("sender.address"), c.postal_address);
  if (!c.website.empty()) pdf.Field(w("sender.website"), c.website);
}

void WriteReferral(PdfWriter& pdf, const SummaryWords& w, const ReferralSummary& s) {
  const auto& r = s.referral;
  pdf.Heading(w("referral"), 1);
  pdf.Field(w("code"), r.code);
  pdf.Field(w("recipient"), r.recipient_name);
  pdf.Field(w("purpose"), w("purpose." + r.purpose, r.purpose));
  pdf.Field(w("sent_on"), FormatIsoDate(r.sent_on));
  pdf.Field(w("respond_by"), FormatIsoDate(r.respond_by));
  pdf.Field(w("delivery"), w("delivery." + r.delivery, r.delivery));

  pdf.Heading(w("basis"), 1);
  pdf.Field(w("basis.title"), w.sv() ? r.basis.title_sv : r.basis.title_en);
  pdf.Field(w("basis.reference"), w.sv() ? r.basis.legal_reference_sv : r.basis.legal_reference_en);
  if (r.consent_id) {
    pdf.Field(w("basis.consent"), *r.consent_id);
    if (s.consent_given_on) {
      pdf.Field(w("basis.consent_given"), FormatIsoDate(*s.consent_given_on));
    }
  }
  if (!r.justification.empty()) pdf.Field(w("justification"), r.justification);

  pdf.Heading(w("scope"), 1);
  pdf.Field(w("scope.sections"), Join(SectionLabels(w, r.sections), w("none")));
  if (!r.withheld.empty()) {
    pdf.Field(w("scope.withheld"), Join(SectionLabels(w, r.withheld), w("none")));
  }
}

void WritePackage(PdfWriter& pdf, const SummaryWords& w, const Doc& package) {
  pdf.Heading(w("package"), 1);
  if (!package.is_object()) {
    pdf.Paragraph(w("package.none"));
    return;
  }
  if (auto it = package.find("case"); it != package.end() && it->is_object()) {
    pdf.Field(w("package.case"), it->value("code", std::string()));
  }
  if (auto it = package.find("person"); it != package.end() && it->is_string()) {
    pdf.Field(w("package.person"), it->get<std::string>());
  }
  auto sections = package.find("sections");
  if (sections == package.end() || !sections->is_object()) return;
  for (const auto& [name, content] : sections->items()) {
    const std::string label = w("section." + name, name);
    pdf.Heading(label, 2);
    // A section's members (or items, for a list such as the notes) at the margin.
    int n = 0;
    for (const auto& [member, value] : content.items()) {
      if (content.is_array()) {
        WriteValue(pdf, w, name, w("item") + " " + std::to_string(++n), value, 0);
      } else if (content.is_object() && member != "f") {
        WriteValue(pdf, w, member, w.Member("", member), value, 0);
      }
    }
    if (!content.is_array() && !content.is_object()) WriteValue(pdf, w, name, label, content, 0);
  }
}

}  // namespace

Result<std::string> ReferralSummaryPdf(const ReferralSummary& s, const std::string& lang,
                                       const PdfOptions& options) {
  const SummaryWords w(lang);
  const auto& r = s.referral;
  auto pdf = PdfWriter::Open(options);
  if (!pdf) return tl::unexpected(pdf.error());
  PdfWriter& out = **pdf;
  out.Title(w("title") + " " + r.code);
  std::string intro = Replace(w("intro"), "sender", r.sender_name);
  intro = Replace(intro, "recipient", r.recipient_name);
  out.Paragraph(Replace(intro, "purpose", w("purpose." + r.purpose, r.purpose)));
  if (r.protected_warning) {
    out.Space(6);
    out.Paragraph(w("protected"), 0, true);
  }
  WriteSender(out, w, s);
  WriteReferral(out, w, s);
  WritePackage(out, w, s.package);
  const std::string footer = r.delivery == "other_means"
                                 ? w("footer.other_means") + " · " + w("code") + " " + r.code
                                 : w("code") + " " + r.code + " · " + w("footer.logged");
  return out.Finish(footer);
}

}  // namespace opennrm::http
