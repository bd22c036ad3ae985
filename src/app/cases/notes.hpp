// Notes on a case (case management, section "notes"): free text a team
// member writes about the case or about one person in it. The text is sealed
// under the case's organisation's key. A note is never edited or deleted: a
// correction is a new note that names the note it corrects, so what was
// written, and when, stays on the record. Adding a note appends "note.added"
// to the case's timeline; reading notes is audited. Thread-safe: every call
// opens its own units of work.
#pragma once

#include <string>
#include <vector>

#include "app/auth/login.hpp"
#include "app/auth/views.hpp"
#include "app/context.hpp"

namespace opennrm::app {

// The longest note, in bytes of UTF-8.
inline constexpr std::size_t kMaxNoteBytes = 20000;

struct NewNote {
  std::string text;
  std::string person_id;  // a person in the case, or "" for the case as a whole
  std::string corrects;   // the id of the note this corrects, or ""
};

struct NoteView {
  std::string id;
  std::string case_id;
  std::string person_id;                  // "" for the case as a whole
  std::string corrects;                   // "" for an original note
  std::vector<std::string> corrected_by;  // notes correcting this one, oldest first
  std::string text;
  std::string created_by;       // user id
  std::string created_by_name;  // their display name ("" if the account is gone)
  long long created_at_us = 0;
};

struct NoteList {
  std::vector<NoteView> items;  // newest first
  long long total = 0;
};

// Adds a note to a case the caller is on the team of. kInvalid naming
// "text" (required, too_long, encoding), "person_id" (not_in_case) or
// "corrects" (unknown_note); kNotFound when the caller may not see the case;
// kForbidden for a break-glass reader.
Result<NoteView> AddNote(const Context& ctx, const Caller& caller, const std::string& case_id,
                         const NewNote& input, const ClientInfo& client);

// A page of the case's notes, newest first, for whoever may read the case
// (the team, break-glass readers). kInvalid naming "limit" (1..100) or "offset".
Result<NoteList> ListNotes(const Context& ctx, const Caller& caller, const std::string& case_id,
                           int limit, int offset, const ClientInfo& client);

}  // namespace opennrm::app
