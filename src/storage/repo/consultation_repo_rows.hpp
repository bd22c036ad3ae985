// Internal to the consultation repository (consultation_repo.cpp and
// consultation_repo_list.cpp): the consultations table's columns, a row as
// the values bound to them, and a row read back. Lists of words are
// comma-separated; optional numbers and flags are null when unknown; "" for
// the caller's organisation is null (it refers to the directory). Pure
// functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ports/consultation_repository.hpp"
#include "storage/sql/connection.hpp"

namespace opennrm::storage::repo::consultation_rows {

// Every column of the table with the row's value for it, in the order
// ConsultationAt reads them.
std::vector<std::pair<const char*, sql::Value>> Columns(const ports::ConsultationRow& row);

// "id, code, ..." in the order of Columns().
const std::string& ColumnList();

// Whether Update leaves the column as it was (id, code, organisation_id, created_*).
bool FixedAfterInsert(const char* column);

// The row at `r` of a SELECT of ColumnList(); kInternal when the sealed body is not base64.
Result<ports::ConsultationRow> ConsultationAt(const sql::Rows& rows, size_t r);

// Every row of a SELECT of ColumnList().
Result<std::vector<ports::ConsultationRow>> ConsultationsOf(Result<sql::Rows> rows);

}  // namespace opennrm::storage::repo::consultation_rows
