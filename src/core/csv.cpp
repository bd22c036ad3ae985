#include "core/csv.hpp"

#include <algorithm>

namespace opennrm::csv {

int Table::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

namespace {

// Splits one logical record starting at `pos`; advances `pos` past its newline.
Result<std::vector<std::string>> ReadRecord(std::string_view text, size_t& pos,
                                            std::string_view source, int line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  bool was_quoted = false;
  while (pos < text.size()) {
    char c = text[pos];
    if (quoted) {
      if (c == '"') {
        if (pos + 1 < text.size() && text[pos + 1] == '"') {
          field.push_back('"');
          pos += 2;
          continue;
        }
        quoted = false;
        ++pos;
        continue;
      }
      field.push_back(c);
      ++pos;
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = true;
      was_quoted = true;
      ++pos;
      continue;
    }
    if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      ++pos;
      continue;
    }
    if (c == '\r') {
      ++pos;
      continue;
    }
    if (c == '\n') {
      ++pos;
      break;
    }
    field.push_back(c);
    ++pos;
  }
  if (quoted) {
    return Invalid(std::string(source) + ":" + std::to_string(line), "csv_quote",
                   "A quoted field is not closed.");
  }
  fields.push_back(std::move(field));
  return fields;
}

}  // namespace

Result<Table> Parse(std::string_view text, std::string_view source) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  Table table;
  size_t pos = 0;
  int next_line = 1;  // physical lines: quoted fields may span several
  while (pos < text.size()) {
    int line = next_line;
    size_t start = pos;
    auto record = ReadRecord(text, pos, source, line);
    next_line += static_cast<int>(std::count(text.begin() + static_cast<long>(start),
                                             text.begin() + static_cast<long>(pos), '\n'));
    if (!record) return tl::unexpected(record.error());
    if (record->size() == 1 && (*record)[0].empty() && pos - start <= 2) continue;  // blank line
    if (table.header.empty()) {
      table.header = std::move(*record);
      continue;
    }
    if (record->size() != table.header.size()) {
      return Invalid(std::string(source) + ":" + std::to_string(line), "csv_columns",
                     "Expected " + std::to_string(table.header.size()) + " fields, found " +
                         std::to_string(record->size()) + ".");
    }
    table.rows.push_back(std::move(*record));
  }
  if (table.header.empty()) {
    return Invalid(std::string(source), "csv_header", "The file has no header row.");
  }
  return table;
}

Result<std::vector<std::map<std::string, std::string>>> Records(
    const Table& table, const std::vector<std::string>& required, std::string_view source) {
  for (const auto& name : required) {
    if (table.Column(name) < 0) {
      return Invalid(std::string(source), "csv_column_missing",
                     "Column '" + name + "' is missing.");
    }
  }
  std::vector<std::map<std::string, std::string>> out;
  out.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    std::map<std::string, std::string> record;
    for (size_t i = 0; i < table.header.size(); ++i) record[table.header[i]] = row[i];
    out.push_back(std::move(record));
  }
  return out;
}

}  // namespace opennrm::csv
