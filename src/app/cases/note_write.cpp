// AddNote (notes.hpp): authorise, validate, seal, write note and timeline
// entry in one transaction, audit.
#include "app/auth/internal.hpp"
#include "app/cases/case_log.hpp"
#include "app/cases/note_support.hpp"
#include "app/cases/notes.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

namespace {

// The checks that need only the input.
Status CheckNote(const NewNote& in) {
  Problems p;
  if (!text::IsCleanUtf8(in.text)) {
    p.Add("text", "encoding", "The text must be UTF-8 without control characters.");
  } else if (text::Trim(in.text).empty()) {
    p.Add("text", "required", "Write the note.");
  } else if (in.text.size() > kMaxNoteBytes) {
    p.Add("text", "too_long",
          "A note holds at most " + std::to_string(kMaxNoteBytes) +
              " bytes; split it or attach a document.");
  }
  if (in.person_id.size() > 64) p.Add("person_id", "not_in_case", "No such person in this case.");
  if (in.corrects.size() > 64) p.Add("corrects", "unknown_note", "No such note in this case.");
  return p.ToStatus();
}

}  // namespace

Result<NoteView> AddNote(const Context& ctx, const Caller& caller, const std::string& case_id,
                         const NewNote& input, const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  std::optional<LoadedCase> loaded;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto l =
        LoadForTeam(*uow, ctx, caller, case_id, access::Action::kRecordWrite, "case.note_added",
                    "Only the case's team writes notes; break-glass reads.", client.request_id);
    if (!l) return tl::unexpected(l.error());
    loaded = std::move(*l);
  }
  if (auto st = CheckNote(input); !st) return tl::unexpected(st.error());
  const std::string& org = loaded->row.organisation_id;
  NoteView view;
  view.id = ctx.ids.NewId();
  view.case_id = case_id;
  view.person_id = input.person_id;
  view.corrects = input.corrects;
  view.text = input.text;
  view.created_by = caller.actor.user_id;
  view.created_by_name = caller.user ? caller.user->display_name : "";
  view.created_at_us = NowUs(ctx);
  // Sealed before the write transaction (sealing may create a data key).
  auto sealed = Security(ctx).cipher.Seal(NoteBodyAt(org, view.id), input.text);
  if (!sealed) return tl::unexpected(sealed.error());
  {
    auto uow = ctx.db.Begin(ports::Access::kWrite);
    if (!uow) return tl::unexpected(uow.error());
    auto& db = **uow;
    if (!input.person_id.empty()) {
      auto persons = db.persons().OfCase(case_id);
      if (!persons) return tl::unexpected(persons.error());
      const ports::CasePerson* found = nullptr;
      for (const auto& p : *persons) {
        if (p.person.id == input.person_id) found = &p;
      }
      if (!found) return Invalid("person_id", "not_in_case", "No such person in this case.");
      // A merged record is kept as it was: new notes go to the kept one.
      if (found->person.merged_into) {
        return Invalid("person_id", "person_merged",
                       "This record was merged into another one (" + *found->person.merged_into +
                           "); record there.");
      }
    }
    if (!input.corrects.empty()) {
      auto corrected = db.case_notes().FindNote(case_id, input.corrects);
      if (!corrected) return tl::unexpected(corrected.error());
      if (!*corrected) return Invalid("corrects", "unknown_note", "No such note in this case.");
    }
    ports::CaseNoteRow row{view.id,         case_id,           org,
                           view.person_id,  view.corrects,     std::move(*sealed),
                           view.created_by, view.created_at_us};
    if (auto st = db.case_notes().AddNote(row); !st) return tl::unexpected(st.error());
    NewEntry entry{"note.added", access::Section::kNotes, view.person_id, view.id, {}};
    if (!view.corrects.empty()) entry.details.emplace_back("corrects", view.corrects);
    if (auto e = AppendEntry(db, ctx, caller, case_id, std::move(entry)); !e) {
      return tl::unexpected(e.error());
    }
    if (auto c = db.Commit(); !c) return tl::unexpected(c.error());
  }
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "case.note_added", "allowed", client.request_id);
  auto object = Object("case", case_id, org);
  object.sections = {"notes"};
  e.objects.push_back(std::move(object));
  e.objects.push_back(Object("note", view.id, org));
  if (!view.person_id.empty()) e.objects.push_back(Object("person", view.person_id, org));
  e.purpose = "assignment";
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return view;
}

}  // namespace opennrm::app
