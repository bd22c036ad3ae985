#include "app/referrals/snapshot_sections.hpp"

#include <algorithm>

#include "app/auth/internal.hpp"
#include "app/cases/note_support.hpp"
#include "app/cases/person_support.hpp"
#include "app/cases/record_store.hpp"
#include "app/referrals/snapshot_json.hpp"

namespace opennrm::app::referral_internal {

namespace {

using case_internal::CurrentOf;
using case_internal::ListOf;
using OptJson = std::optional<std::string>;

constexpr int kNotePage = 100;

// The person with identity opened, and contact too when `with_contact`.
Result<CasePersonView> OpenedPerson(const SnapshotSource& s, bool with_contact) {
  ports::CasePerson cp = s.person;
  if (!with_contact) cp.person.contact_sealed.clear();
  return case_internal::OpenCasePerson(s.ctx, cp);
}

// Every version of the person's (or, with `case_wide`, the case's) record of `kind`.
Result<std::vector<ports::CaseRecordRow>> Rows(const SnapshotSource& s, std::string_view kind,
                                               bool case_wide = false) {
  return s.uow.case_records().Versions(s.kase.id, case_wide ? "" : s.person.person.id,
                                       std::string(kind));
}

// The current version of a kept-once record, re-encoded by `encode` after
// `adjust`; nothing when never recorded.
template <class Body, class Decode, class Encode, class Adjust>
Result<OptJson> Current(const SnapshotSource& s, std::string_view kind, bool case_wide,
                        Decode decode, Encode encode, Adjust adjust) {
  auto rows = Rows(s, kind, case_wide);
  if (!rows) return tl::unexpected(rows.error());
  auto record = CurrentOf<Body>(s.ctx, *rows, decode);
  if (!record) return tl::unexpected(record.error());
  if (!record->current) return OptJson{};
  Body body = std::move(record->current->body);
  adjust(body);
  return OptJson{encode(body)};
}

constexpr auto NoChange = [](auto&) {};

Result<std::optional<ports::CaseTrackRow>> TrackRow(const SnapshotSource& s,
                                                    std::string_view track) {
  auto rows = s.uow.case_tracks().OfCase(s.kase.id);
  if (!rows) return tl::unexpected(rows.error());
  for (auto& r : *rows) {
    if (r.track == track) return std::optional<ports::CaseTrackRow>(std::move(r));
  }
  return std::optional<ports::CaseTrackRow>{};
}

// Adds the track's current step as "track", when the track has started.
Status AddTrack(const SnapshotSource& s, std::string_view track, JsonObject& out) {
  auto row = TrackRow(s, track);
  if (!row) return tl::unexpected(row.error());
  if (*row) {
    out.Raw("track", JsonObject()
                         .Str("step", (*row)->step)
                         .Str("steps_version", (*row)->steps_version)
                         .Int("since_us", (*row)->entered_at_us)
                         .Done());
  }
  return {};
}

// The person's clocks of `section`, as <K> of snapshot.hpp.
Result<std::string> Clocks(const SnapshotSource& s, access::Section section) {
  auto rows = s.uow.case_clocks().OfCase(s.kase.id);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<std::string> out;
  for (const auto& c : *rows) {
    if (c.person_id != s.person.person.id || c.section != access::ToString(section)) continue;
    JsonObject k;
    k.Str("kind", c.kind).Str("rule_id", c.rule_id).Str("status", c.status);
    k.Date("applied_on", c.applied_on).Date("decided_on", c.decided_on);
    k.Date("starts_on", c.starts_on).Date("ends_on", c.ends_on).Date("stopped_on", c.stopped_on);
    if (!c.stop_reason.empty()) k.Str("stop_reason", c.stop_reason);
    out.push_back(k.Done());
  }
  return JsonArray(out);
}

Result<OptJson> Identity(SnapshotSource& s) {
  auto p = OpenedPerson(s, false);
  if (!p) return tl::unexpected(p.error());
  return OptJson{JsonObject()
                     .Str("role", s.person.link.role)
                     .Raw("identity", s.ctx.codec->EncodeIdentity(p->person))
                     .Done()};
}

Result<OptJson> Contact(SnapshotSource& s) {
  if (s.strip_places) return OptJson{};
  auto p = OpenedPerson(s, true);
  if (!p) return tl::unexpected(p.error());
  return OptJson{s.ctx.codec->EncodeContact(p->person.contact)};
}

Result<OptJson> NeedsSafety(SnapshotSource& s) {
  const auto& codec = *s.ctx.codec;
  auto rows = Rows(s, case_internal::kWishKind.name);
  if (!rows) return tl::unexpected(rows.error());
  auto wishes = ListOf<cases::Wish>(s.ctx, *rows, [&](auto b) { return codec.DecodeWish(b); });
  if (!wishes) return tl::unexpected(wishes.error());
  std::vector<std::string> items;
  for (const auto& w : *wishes) items.push_back(codec.EncodeWish(w.body));
  JsonObject out;
  out.Raw("wishes", JsonArray(items));
  auto plan = Current<cases::SafetyPlan>(
      s, case_internal::kSafetyPlanKind.name, false,
      [&](auto b) { return codec.DecodeSafetyPlan(b); },
      [&](const auto& v) { return codec.EncodeSafetyPlan(v); },
      [&](cases::SafetyPlan& v) {
        if (s.strip_places) {
          for (auto& c : v.who_to_call) c.phone.clear();
        }
      });
  if (!plan) return tl::unexpected(plan.error());
  if (*plan) out.Raw("safety_plan", **plan);
  return OptJson{out.Done()};
}

Result<OptJson> Assessment(SnapshotSource& s) {
  const auto& codec = *s.ctx.codec;
  JsonObject out;
  auto indicators = Current<cases::IndicatorsAssessment>(
      s, case_internal::kIndicatorsKind.name, false,
      [&](auto b) { return codec.DecodeIndicators(b); },
      [&](const auto& v) { return codec.EncodeIndicators(v); }, NoChange);
  if (!indicators) return tl::unexpected(indicators.error());
  if (*indicators) out.Raw("indicators", **indicators);
  auto assessment = Current<cases::PresumedVictimAssessment>(
      s, case_internal::kAssessmentKind.name, false,
      [&](auto b) { return codec.DecodeAssessment(b); },
      [&](const auto& v) { return codec.EncodeAssessment(v); }, NoChange);
  if (!assessment) return tl::unexpected(assessment.error());
  if (*assessment) out.Raw("assessment", **assessment);
  auto exploitation = Current<ports::ExploitationBody>(
      s, case_internal::kExploitationKind.name, true,
      [&](auto b) { return codec.DecodeExploitation(b); },
      [&](const auto& v) { return codec.EncodeExploitation(v); },
      [&](ports::ExploitationBody& v) {
        if (s.strip_places) v.places = {};
      });
  if (!exploitation) return tl::unexpected(exploitation.error());
  if (*exploitation) out.Raw("exploitation", **exploitation);
  return OptJson{out.Done()};
}

Result<OptJson> Support(SnapshotSource& s) {
  JsonObject out;
  if (auto st = AddTrack(s, "support", out); !st) return tl::unexpected(st.error());
  auto clocks = Clocks(s, access::Section::kSupport);
  if (!clocks) return tl::unexpected(clocks.error());
  out.Raw("clocks", *clocks);
  return OptJson{out.Done()};
}

Result<OptJson> ChildProtection(SnapshotSource& s) {
  auto rows = s.uow.child_track().OfCase(s.kase.id);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<std::string> records;
  for (const auto& r : *rows) {
    if (r.person_id != s.person.person.id) continue;
    JsonObject item;
    item.Str("kind", r.kind).Date("on", r.on);
    if (!s.strip_places && !r.municipality.empty()) item.Str("municipality", r.municipality);
    if (!r.recipient_organisation_id.empty()) {
      item.Str("recipient_organisation_id", r.recipient_organisation_id);
    }
    if (!r.outcome.empty()) item.Str("outcome", r.outcome);
    if (!r.note_sealed.empty()) {
      auto note = auth_internal::Security(s.ctx).cipher.Open(
          ports::FieldLocation{r.organisation_id, "child_track_records", "note", r.id},
          r.note_sealed);
      if (!note) return Internal("A child-track note could not be opened.");
      item.Str("note", *note);
    }
    records.push_back(item.Done());
  }
  auto clocks = Clocks(s, access::Section::kChildProtection);
  if (!clocks) return tl::unexpected(clocks.error());
  return OptJson{JsonObject().Raw("records", JsonArray(records)).Raw("clocks", *clocks).Done()};
}

Result<OptJson> Proceedings(SnapshotSource& s) {
  if (!orgs::IsPublicAuthority(s.owner_kind)) {
    return Invalid("sections", "section_not_in_case",
                   "Only a case kept by a public authority holds criminal proceedings.");
  }
  JsonObject out;
  if (auto st = AddTrack(s, "proceedings", out); !st) return tl::unexpected(st.error());
  auto latest = s.uow.case_tracks().LatestProceedings(s.kase.id);
  if (!latest) return tl::unexpected(latest.error());
  if (*latest) {
    const auto& row = **latest;
    auto bytes = auth_internal::Security(s.ctx).cipher.Open(
        ports::FieldLocation{row.organisation_id, "case_proceedings", "body", row.id},
        row.body_sealed);
    if (!bytes) return Internal("The case's proceedings could not be opened.");
    auto record = s.ctx.codec->DecodeProceedings(*bytes);
    if (!record) return tl::unexpected(record.error());
    // Nothing about other persons: only the referral's person as injured party.
    std::erase_if(record->injured_parties,
                  [&](const auto& p) { return p.person_id != s.person.person.id; });
    out.Raw("record", s.ctx.codec->EncodeProceedings(*record));
  }
  return OptJson{out.Done()};
}

Result<OptJson> Return(SnapshotSource& s) {
  JsonObject out;
  if (auto st = AddTrack(s, "return", out); !st) return tl::unexpected(st.error());
  return OptJson{out.Done()};
}

Result<OptJson> Notes(SnapshotSource& s) {
  std::vector<ports::CaseNoteRow> mine;
  for (int offset = 0;; offset += kNotePage) {
    auto page = s.uow.case_notes().Notes(s.kase.id, kNotePage, offset);
    if (!page) return tl::unexpected(page.error());
    for (auto& row : page->items) {
      if (row.person_id == s.person.person.id) mine.push_back(std::move(row));
    }
    if (page->items.size() < static_cast<size_t>(kNotePage)) break;
  }
  std::reverse(mine.begin(), mine.end());  // oldest first
  std::vector<std::string> items;
  for (const auto& row : mine) {
    auto text = auth_internal::Security(s.ctx).cipher.Open(
        case_internal::NoteBodyAt(row.organisation_id, row.id), row.body_sealed);
    if (!text) return Internal("A note of the case could not be opened.");
    JsonObject item;
    item.Str("id", row.id).Int("at_us", row.created_at_us);
    if (!row.corrects_id.empty()) item.Str("corrects", row.corrects_id);
    item.Str("text", *text);
    items.push_back(item.Done());
  }
  return OptJson{JsonArray(items)};
}

}  // namespace

Result<std::optional<std::string>> SectionSnapshot(SnapshotSource& source,
                                                   access::Section section) {
  switch (section) {
    case access::Section::kIdentity:
      return Identity(source);
    case access::Section::kContact:
      return Contact(source);
    case access::Section::kNeedsSafety:
      return NeedsSafety(source);
    case access::Section::kAssessment:
      return Assessment(source);
    case access::Section::kSupport:
      return Support(source);
    case access::Section::kChildProtection:
      return ChildProtection(source);
    case access::Section::kProceedings:
      return Proceedings(source);
    case access::Section::kReturn:
      return Return(source);
    case access::Section::kNotes:
      return Notes(source);
  }
  return Internal("Unknown section.");
}

}  // namespace opennrm::app::referral_internal
