// A strict reader of the versioned rules files (TOML): parsing with the
// file and line of a syntax error, and reading one table's keys into domain
// values. Not thread-safe; one reader per table.
#pragma once

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace opennrm::cli {

// The parsed file; kInvalid naming the file and line of a syntax error.
Result<toml::table> ParseTomlText(std::string_view text, const std::string& path);

// Reads the keys of one TOML table into domain values, for the rules files
// under data/rules/ (clocks, offences, indicators). Keeps the first
// problem and ignores everything after it, so callers read field after field
// and check ok() once.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string prefix, const std::string& path)
      : table_(table), prefix_(std::move(prefix)), path_(path) {}

  bool ok() const { return status_.has_value(); }
  const Status& status() const { return status_; }

  // Refuses keys outside `known` (a typo must not silently drop a field).
  void OnlyKeys(std::initializer_list<std::string_view> known) {
    const std::set<std::string_view> allowed(known);
    for (const auto& [key, node] : table_) {
      if (!allowed.count(key.str())) {
        Problem(&node, std::string(key.str()), "unknown_key", "is not a known key.");
      }
    }
  }

  void Text(std::string_view key, std::string& out, bool required = true) {
    const toml::node* n = required ? Required(key) : Optional(key);
    if (!n) return;
    if (auto v = n->value_exact<std::string>()) {
      out = std::move(*v);
    } else {
      Problem(n, key, "type", "must be a string.");
    }
  }

  void Integer(std::string_view key, int& out) {
    const toml::node* n = Required(key);
    if (n) ReadInt(n, key, out);
  }

  void OptionalInteger(std::string_view key, std::optional<int>& out) {
    const toml::node* n = Optional(key);
    if (!n) return;
    int v = 0;
    if (ReadInt(n, key, v)) out = v;
  }

  void Flag(std::string_view key, bool& out, bool required = true) {
    const toml::node* n = required ? Required(key) : Optional(key);
    if (!n) return;
    if (auto v = n->value_exact<bool>()) {
      out = *v;
    } else {
      Problem(n, key, "type", "must be true or false.");
    }
  }

  void Date(std::string_view key, CivilDate& out) {
    const toml::node* n = Required(key);
    if (n) ReadDate(n, key, out);
  }

  void OptionalDate(std::string_view key, std::optional<CivilDate>& out) {
    const toml::node* n = Optional(key);
    if (!n) return;
    CivilDate d;
    if (ReadDate(n, key, d)) out = d;
  }

  template <class E>
  void Word(std::string_view key, E& out, std::optional<E> (*parse)(std::string_view)) {
    const toml::node* n = Required(key);
    if (n) ReadWord(n, key, out, parse);
  }

  template <class E>
  void OptionalWord(std::string_view key, std::optional<E>& out,
                    std::optional<E> (*parse)(std::string_view)) {
    const toml::node* n = Optional(key);
    if (!n) return;
    E v{};
    if (ReadWord(n, key, v, parse)) out = v;
  }

  template <class E>
  void Words(std::string_view key, std::vector<E>& out,
             std::optional<E> (*parse)(std::string_view)) {
    const toml::array* a = RequiredArray(key);
    if (!a) return;
    for (size_t i = 0; i < a->size() && ok(); ++i) {
      E v{};
      if (ReadWord(a->get(i), Indexed(key, i), v, parse)) out.push_back(v);
    }
  }

  void Texts(std::string_view key, std::vector<std::string>& out) {
    const toml::array* a = RequiredArray(key);
    if (!a) return;
    for (size_t i = 0; i < a->size() && ok(); ++i) {
      if (auto v = a->get(i)->value_exact<std::string>()) {
        out.push_back(std::move(*v));
      } else {
        Problem(a->get(i), Indexed(key, i), "type", "must be a string.");
      }
    }
  }

  void Integers(std::string_view key, std::vector<int>& out) {
    const toml::array* a = RequiredArray(key);
    if (!a) return;
    for (size_t i = 0; i < a->size() && ok(); ++i) {
      int v = 0;
      if (ReadInt(a->get(i), Indexed(key, i), v)) out.push_back(v);
    }
  }

  // The table under `key`, or nullptr (with a problem when required).
  const toml::table* Table(std::string_view key) {
    const toml::node* n = Required(key);
    if (!n) return nullptr;
    if (const toml::table* t = n->as_table()) return t;
    Problem(n, key, "type", "must be a table.");
    return nullptr;
  }

  // The array of tables under `key`; empty when absent (a problem when
  // `required`).
  std::vector<const toml::table*> Tables(std::string_view key, bool required = false) {
    std::vector<const toml::table*> out;
    const toml::node* n = required ? Required(key) : Optional(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) {
      Problem(n, key, "type", "must be an array of tables ([[" + Key(key) + "]]).");
      return out;
    }
    for (size_t i = 0; i < a->size(); ++i) {
      const toml::table* t = a->get(i)->as_table();
      if (!t) {
        Problem(a->get(i), Indexed(key, i), "type", "must be a table.");
        return {};
      }
      out.push_back(t);
    }
    return out;
  }

  std::string Key(std::string_view key) const {
    return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
  }

  static std::string Indexed(std::string_view key, size_t i) {
    return std::string(key) + "[" + std::to_string(i) + "]";
  }

  // Records the first problem: at `at`'s line (else the table's), naming the
  // full key.
  void Problem(const toml::node* at, std::string_view key, const std::string& rule,
               const std::string& detail) {
    if (!ok()) return;
    const auto line = at ? at->source().begin.line : table_.source().begin.line;
    const std::string full = Key(key);
    status_ = Invalid(full, rule, path_ + ":" + std::to_string(line) + ": " + full + " " + detail);
  }

 private:
  const toml::node* Optional(std::string_view key) {
    if (!ok()) return nullptr;
    return table_.get(key);
  }

  const toml::node* Required(std::string_view key) {
    if (!ok()) return nullptr;
    const toml::node* n = table_.get(key);
    if (!n) Problem(nullptr, key, "required", "is missing.");
    return n;
  }

  const toml::array* RequiredArray(std::string_view key) {
    const toml::node* n = Required(key);
    if (!n) return nullptr;
    if (const toml::array* a = n->as_array()) return a;
    Problem(n, key, "type", "must be an array.");
    return nullptr;
  }

  bool ReadInt(const toml::node* n, std::string_view key, int& out) {
    auto v = n->value_exact<int64_t>();
    if (!v || *v < -1000000 || *v > 1000000) {
      Problem(n, key, "type", "must be a whole number.");
      return false;
    }
    out = static_cast<int>(*v);
    return true;
  }

  bool ReadDate(const toml::node* n, std::string_view key, CivilDate& out) {
    const auto* d = n->as_date();
    if (!d) {
      Problem(n, key, "type", "must be a TOML date such as 2025-07-01 (no quotes).");
      return false;
    }
    const toml::date& v = d->get();
    out = CivilDate{static_cast<int>(v.year), v.month, v.day};
    if (!ParseIsoDate(FormatIsoDate(out))) {
      Problem(n, key, "date", "is not a calendar date from 1900 to 2999.");
      return false;
    }
    return true;
  }

  template <class E>
  bool ReadWord(const toml::node* n, std::string_view key, E& out,
                std::optional<E> (*parse)(std::string_view)) {
    auto text = n->value_exact<std::string>();
    if (!text) {
      Problem(n, key, "type", "must be a string.");
      return false;
    }
    auto v = parse(*text);
    if (!v) {
      Problem(n, key, "unknown_value", "has an unknown value '" + *text + "'.");
      return false;
    }
    out = *v;
    return true;
  }

  const toml::table& table_;
  std::string prefix_;
  const std::string& path_;
  Status status_;
};

}  // namespace opennrm::cli
