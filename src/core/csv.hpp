// A reader for the simple CSV files OpenNRM ships in data/: UTF-8, LF, a
// header row, comma-separated, optional double-quoted fields ("" escapes a
// quote). Pure: the caller reads the file.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace opennrm::csv {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // Index of a column by name; -1 when absent.
  int Column(std::string_view name) const;
};

// Parses `text`. Fails (kInvalid, field = "<source>:<line>") on a row whose
// field count differs from the header's, or on an unterminated quote.
Result<Table> Parse(std::string_view text, std::string_view source);

// Rows as maps keyed by header; fails if any of `required` columns is missing.
Result<std::vector<std::map<std::string, std::string>>> Records(
    const Table& table, const std::vector<std::string>& required, std::string_view source);

}  // namespace opennrm::csv
