// CaseNoteRepository over a dialect-neutral SQL connection. Sealed parts are
// binary and stored as base64 text (binary_text.hpp). Lives inside one unit
// of work; not thread-safe.
#pragma once

#include "ports/case_note_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo {

class SqlCaseNoteRepository final : public ports::CaseNoteRepository {
 public:
  explicit SqlCaseNoteRepository(sql::Connection& conn) : conn_(conn) {}
  Status AddNote(const ports::CaseNoteRow& note) override;
  Result<std::optional<ports::CaseNoteRow>> FindNote(const std::string& case_id,
                                                     const std::string& id) override;
  Result<ports::CaseNotePage> Notes(const std::string& case_id, int limit, int offset) override;
  Status AddAttachment(const ports::CaseAttachmentRow& attachment) override;
  Result<ports::CaseAttachmentPage> Attachments(const std::string& case_id, int limit,
                                                int offset) override;
  Result<std::optional<ports::CaseAttachmentRow>> FindAttachment(const std::string& case_id,
                                                                 const std::string& id) override;

 private:
  sql::Connection& conn_;
};

}  // namespace opennrm::storage::repo
