// Notes and attachments of a case (case management, section "notes"). A note
// is never edited: a correction is a new note that names the note it
// corrects. An attachment's name and content are sealed under the case's
// organisation's key; its media type (found from its content) and size are
// in the clear. Append-only while the case exists. Used inside a UnitOfWork.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace opennrm::ports {

struct CaseNoteRow {
  std::string id;
  std::string case_id;
  std::string organisation_id;  // the case's controller
  std::string person_id;        // the person it is about; "" for the case as a whole
  std::string corrects_id;      // the note it corrects; "" for an original note
  std::string body_sealed;      // the text, sealed (binary)
  std::string created_by;       // user id
  long long created_at_us = 0;
};

struct CaseNotePage {
  std::vector<CaseNoteRow> items;  // newest first
  long long total = 0;
  // Every correction in the case as (corrected note id, correcting note id),
  // oldest first, so a page can show which of its notes were corrected.
  std::vector<std::pair<std::string, std::string>> corrections;
};

struct CaseAttachmentRow {
  std::string id;
  std::string case_id;
  std::string organisation_id;
  std::string name_sealed;     // the file name as given, sealed (binary)
  std::string media_type;      // found from the content, e.g. "application/pdf"
  long long size_bytes = 0;    // of the content before sealing
  std::string content_sealed;  // sealed (binary); empty in lists
  std::string created_by;
  long long created_at_us = 0;
};

struct CaseAttachmentPage {
  std::vector<CaseAttachmentRow> items;  // newest first, without content
  long long total = 0;
};

class CaseNoteRepository {
 public:
  virtual ~CaseNoteRepository() = default;
  virtual Status AddNote(const CaseNoteRow& note) = 0;
  // The note `id` of case `case_id`; nullopt when that case has no such note.
  virtual Result<std::optional<CaseNoteRow>> FindNote(const std::string& case_id,
                                                      const std::string& id) = 0;
  // The case's notes, newest first, from `offset`, at most `limit`.
  virtual Result<CaseNotePage> Notes(const std::string& case_id, int limit, int offset) = 0;
  virtual Status AddAttachment(const CaseAttachmentRow& attachment) = 0;
  // The case's attachments without their content, newest first.
  virtual Result<CaseAttachmentPage> Attachments(const std::string& case_id, int limit,
                                                 int offset) = 0;
  // One attachment with its content; nullopt when the case has no such one.
  virtual Result<std::optional<CaseAttachmentRow>> FindAttachment(const std::string& case_id,
                                                                  const std::string& id) = 0;
};

}  // namespace opennrm::ports
