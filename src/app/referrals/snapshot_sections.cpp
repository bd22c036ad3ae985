#include "app/referrals/snapshot_sections.hpp"

#include <algorithm>

#include "app/auth/internal.hpp"
#include "app/cases/note_support.hpp"
#include "app/cases/person_support.hpp"
#include "app/cases/record_store.hpp"

namespace opennrm::app::referral_internal {

namespace {

using case_internal::CurrentOf;
using case_internal::ListOf;
using OptSection = std::optional<ports::PackageSection>;

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

// The current version of a kept-once record after `adjust`; nothing when
// never recorded.
template <class Body, class Decode, class Adjust>
Result<std::optional<Body>> Current(const SnapshotSource& s, std::string_view kind, bool case_wide,
                                    Decode decode, Adjust adjust) {
  auto rows = Rows(s, kind, case_wide);
  if (!rows) return tl::unexpected(rows.error());
  auto record = CurrentOf<Body>(s.ctx, *rows, decode);
  if (!record) return tl::unexpected(record.error());
  if (!record->current) return std::optional<Body>{};
  Body body = std::move(record->current->body);
  adjust(body);
  return std::optional<Body>(std::move(body));
}

constexpr auto NoChange = [](auto&) {};

// The track's current step; nothing when the track has not started.
Result<std::optional<ports::PackageTrack>> Track(const SnapshotSource& s, std::string_view track) {
  auto rows = s.uow.case_tracks().OfCase(s.kase.id);
  if (!rows) return tl::unexpected(rows.error());
  for (auto& r : *rows) {
    if (r.track == track) {
      return std::optional<ports::PackageTrack>(
          ports::PackageTrack{std::move(r.step), std::move(r.steps_version), r.entered_at_us});
    }
  }
  return std::optional<ports::PackageTrack>{};
}

// The person's clocks of `section`.
Result<std::vector<ports::PackageClock>> Clocks(const SnapshotSource& s, access::Section section) {
  auto rows = s.uow.case_clocks().OfCase(s.kase.id);
  if (!rows) return tl::unexpected(rows.error());
  std::vector<ports::PackageClock> out;
  for (const auto& c : *rows) {
    if (c.person_id != s.person.person.id || c.section != access::ToString(section)) continue;
    out.push_back({c.kind, c.rule_id, c.status, c.applied_on, c.decided_on, c.starts_on, c.ends_on,
                   c.stopped_on, c.stop_reason});
  }
  return out;
}

Result<OptSection> Identity(SnapshotSource& s) {
  auto p = OpenedPerson(s, false);
  if (!p) return tl::unexpected(p.error());
  return OptSection{ports::PackageIdentity{s.person.link.role, std::move(p->person)}};
}

Result<OptSection> Contact(SnapshotSource& s) {
  if (s.strip_places) return OptSection{};
  auto p = OpenedPerson(s, true);
  if (!p) return tl::unexpected(p.error());
  return OptSection{ports::PackageContact{std::move(p->person.contact)}};
}

Result<OptSection> NeedsSafety(SnapshotSource& s) {
  const auto& codec = *s.ctx.codec;
  auto rows = Rows(s, case_internal::kWishKind.name);
  if (!rows) return tl::unexpected(rows.error());
  auto wishes = ListOf<cases::Wish>(s.ctx, *rows, [&](auto b) { return codec.DecodeWish(b); });
  if (!wishes) return tl::unexpected(wishes.error());
  ports::PackageNeedsSafety out;
  for (auto& w : *wishes) out.wishes.push_back(std::move(w.body));
  auto plan = Current<cases::SafetyPlan>(
      s, case_internal::kSafetyPlanKind.name, false,
      [&](auto b) { return codec.DecodeSafetyPlan(b); },
      [&](cases::SafetyPlan& v) {
        if (s.strip_places) {
          for (auto& c : v.who_to_call) c.phone.clear();
        }
      });
  if (!plan) return tl::unexpected(plan.error());
  out.safety_plan = std::move(*plan);
  return OptSection{std::move(out)};
}

Result<OptSection> Assessment(SnapshotSource& s) {
  const auto& codec = *s.ctx.codec;
  ports::PackageAssessment out;
  auto indicators = Current<cases::IndicatorsAssessment>(
      s, case_internal::kIndicatorsKind.name, false,
      [&](auto b) { return codec.DecodeIndicators(b); }, NoChange);
  if (!indicators) return tl::unexpected(indicators.error());
  out.indicators = std::move(*indicators);
  auto assessment = Current<cases::PresumedVictimAssessment>(
      s, case_internal::kAssessmentKind.name, false,
      [&](auto b) { return codec.DecodeAssessment(b); }, NoChange);
  if (!assessment) return tl::unexpected(assessment.error());
  out.assessment = std::move(*assessment);
  auto exploitation = Current<ports::ExploitationBody>(
      s, case_internal::kExploitationKind.name, true,
      [&](auto b) { return codec.DecodeExploitation(b); },
      [&](ports::ExploitationBody& v) {
        if (s.strip_places) v.places = {};
      });
  if (!exploitation) return tl::unexpected(exploitation.error());
  out.exploitation = std::move(*exploitation);
  return OptSection{std::move(out)};
}

Result<OptSection> Support(SnapshotSource& s) {
  auto track = Track(s, "support");
  if (!track) return tl::unexpected(track.error());
  auto clocks = Clocks(s, access::Section::kSupport);
  if (!clocks) return tl::unexpected(clocks.error());
  return OptSection{ports::PackageSupport{std::move(*track), std::move(*clocks)}};
}

Result<OptSection> ChildProtection(SnapshotSource& s) {
  auto rows = s.uow.child_track().OfCase(s.kase.id);
  if (!rows) return tl::unexpected(rows.error());
  ports::PackageChildProtection out;
  for (const auto& r : *rows) {
    if (r.person_id != s.person.person.id) continue;
    ports::PackageChildRecord item;
    item.kind = r.kind;
    item.on = r.on;
    if (!s.strip_places) item.municipality = r.municipality;
    item.recipient_organisation_id = r.recipient_organisation_id;
    item.outcome = r.outcome;
    if (!r.note_sealed.empty()) {
      auto note = auth_internal::Security(s.ctx).cipher.Open(
          ports::FieldLocation{r.organisation_id, "child_track_records", "note", r.id},
          r.note_sealed);
      if (!note) return Internal("A child-track note could not be opened.");
      item.note = std::move(*note);
    }
    out.records.push_back(std::move(item));
  }
  auto clocks = Clocks(s, access::Section::kChildProtection);
  if (!clocks) return tl::unexpected(clocks.error());
  out.clocks = std::move(*clocks);
  return OptSection{std::move(out)};
}

Result<OptSection> Proceedings(SnapshotSource& s) {
  if (!orgs::IsPublicAuthority(s.owner_kind)) {
    return Invalid("sections", "section_not_in_case",
                   "Only a case kept by a public authority holds criminal proceedings.");
  }
  ports::PackageProceedings out;
  auto track = Track(s, "proceedings");
  if (!track) return tl::unexpected(track.error());
  out.track = std::move(*track);
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
    out.record = std::move(*record);
  }
  return OptSection{std::move(out)};
}

Result<OptSection> Return(SnapshotSource& s) {
  auto track = Track(s, "return");
  if (!track) return tl::unexpected(track.error());
  return OptSection{ports::PackageReturn{std::move(*track)}};
}

Result<OptSection> Notes(SnapshotSource& s) {
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
  ports::PackageNotes out;
  for (const auto& row : mine) {
    auto text = auth_internal::Security(s.ctx).cipher.Open(
        case_internal::NoteBodyAt(row.organisation_id, row.id), row.body_sealed);
    if (!text) return Internal("A note of the case could not be opened.");
    out.notes.push_back({row.id, row.created_at_us, row.corrects_id, std::move(*text)});
  }
  return OptSection{std::move(out)};
}

}  // namespace

Result<std::optional<ports::PackageSection>> SectionSnapshot(SnapshotSource& source,
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
