#include "cli/case_rules_files.hpp"

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "cli/reference_files.hpp"
#include "core/date.hpp"

namespace opennrm::cli {

namespace {

// Reads the keys of one TOML table, keeping the first problem only: callers
// read field after field and check ok() once.
class Reader {
 public:
  Reader(const toml::table& table, std::string prefix, const std::string& path)
      : table_(table), prefix_(std::move(prefix)), path_(path) {}

  bool ok() const { return status_.has_value(); }
  const Status& status() const { return status_; }

  // Refuses keys outside `known`: a typo must not silently drop a field.
  void OnlyKeys(std::initializer_list<std::string_view> known) {
    const std::set<std::string_view> allowed(known);
    for (const auto& [key, node] : table_) {
      if (!allowed.count(key.str())) {
        Problem(&node, key.str(), "unknown_key", "is not a known key.");
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

  void Flag(std::string_view key, bool& out) {
    const toml::node* n = Optional(key);
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

  void Texts(std::string_view key, std::vector<std::string>& out) {
    const toml::node* n = Required(key);
    if (!n) return;
    const toml::array* a = n->as_array();
    if (!a) return Problem(n, key, "type", "must be an array of strings.");
    for (std::size_t i = 0; i < a->size() && ok(); ++i) {
      if (auto v = a->get(i)->value_exact<std::string>()) {
        out.push_back(std::move(*v));
      } else {
        Problem(a->get(i), Indexed(key, i), "type", "must be a string.");
      }
    }
  }

  // The tables of an array of tables (or of inline tables) under `key`.
  std::vector<const toml::table*> Tables(std::string_view key) {
    std::vector<const toml::table*> out;
    const toml::node* n = Required(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) {
      Problem(n, key, "type", "must be an array of tables.");
      return out;
    }
    for (std::size_t i = 0; i < a->size(); ++i) {
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

  static std::string Indexed(std::string_view key, std::size_t i) {
    return std::string(key) + "[" + std::to_string(i) + "]";
  }

 private:
  void Problem(const toml::node* at, std::string_view key, const std::string& rule,
               const std::string& detail) {
    if (!ok()) return;
    const auto line = at ? at->source().begin.line : table_.source().begin.line;
    const std::string full = Key(key);
    status_ = Invalid(full, rule, path_ + ":" + std::to_string(line) + ": " + full + " " + detail);
  }

  const toml::node* Optional(std::string_view key) { return ok() ? table_.get(key) : nullptr; }

  const toml::node* Required(std::string_view key) {
    if (!ok()) return nullptr;
    const toml::node* n = table_.get(key);
    if (!n) Problem(nullptr, key, "required", "is missing.");
    return n;
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

  const toml::table& table_;
  std::string prefix_;
  const std::string& path_;
  Status status_;
};

Result<toml::table> ParseToml(std::string_view text, const std::string& path) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return Invalid(
        path, "toml",
        path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
}

// The domain's own problems, with the file named in the message.
Error InFile(Error error, const std::string& path) {
  error.message = path + ": " + error.message;
  for (auto& f : error.fields) error.message += " " + f.field + ": " + f.detail;
  return error;
}

Result<cases::OffenceGrade> ReadGrade(const toml::table& t, const std::string& prefix,
                                      const std::string& path) {
  Reader r(t, prefix, path);
  r.OnlyKeys({"id", "name_en", "name_sv"});
  cases::OffenceGrade g;
  r.Text("id", g.id);
  r.Text("name_en", g.name_en);
  r.Text("name_sv", g.name_sv);
  if (!r.ok()) return tl::unexpected(r.status().error());
  return g;
}

Result<cases::OffenceVersion> ReadVersion(const toml::table& t, const std::string& prefix,
                                          const std::string& path) {
  Reader r(t, prefix, path);
  r.OnlyKeys({"id", "name_en", "name_sv", "legal_reference", "valid_from", "valid_to", "sources",
              "grades", "needs_description", "needs_check", "note"});
  cases::OffenceVersion v;
  r.Text("id", v.id);
  r.Text("name_en", v.name_en);
  r.Text("name_sv", v.name_sv);
  r.Text("legal_reference", v.legal_reference);
  r.Date("valid_from", v.valid_from);
  r.OptionalDate("valid_to", v.valid_to);
  r.Texts("sources", v.sources);
  r.Flag("needs_description", v.needs_description);
  r.Flag("needs_check", v.needs_check);
  r.Text("note", v.note, false);
  auto grades = r.Tables("grades");
  if (!r.ok()) return tl::unexpected(r.status().error());
  for (std::size_t i = 0; i < grades.size(); ++i) {
    auto g = ReadGrade(*grades[i], r.Key(Reader::Indexed("grades", i)), path);
    if (!g) return tl::unexpected(g.error());
    v.grades.push_back(std::move(*g));
  }
  return v;
}

Result<cases::IndicatorGroup> ReadGroup(const toml::table& t, const std::string& prefix,
                                        const std::string& path) {
  Reader r(t, prefix, path);
  r.OnlyKeys({"id", "name_en", "name_sv", "children_only"});
  cases::IndicatorGroup g;
  r.Text("id", g.id);
  r.Text("name_en", g.name_en);
  r.Text("name_sv", g.name_sv);
  r.Flag("children_only", g.children_only);
  if (!r.ok()) return tl::unexpected(r.status().error());
  return g;
}

Result<cases::Indicator> ReadIndicator(const toml::table& t, const std::string& prefix,
                                       const std::string& path) {
  Reader r(t, prefix, path);
  r.OnlyKeys({"id", "group", "text_en", "text_sv"});
  cases::Indicator ind;
  r.Text("id", ind.id);
  r.Text("group", ind.group);
  r.Text("text_en", ind.text_en);
  r.Text("text_sv", ind.text_sv);
  if (!r.ok()) return tl::unexpected(r.status().error());
  return ind;
}

}  // namespace

Result<cases::OffenceCatalog> ParseOffenceRules(std::string_view text, const std::string& path) {
  auto table = ParseToml(text, path);
  if (!table) return tl::unexpected(table.error());
  Reader root(*table, "", path);
  root.OnlyKeys({"version", "offences"});
  cases::OffenceCatalogData data;
  root.Text("version", data.version);
  auto offences = root.Tables("offences");
  if (!root.ok()) return tl::unexpected(root.status().error());
  for (std::size_t i = 0; i < offences.size(); ++i) {
    const std::string prefix = Reader::Indexed("offences", i);
    Reader r(*offences[i], prefix, path);
    r.OnlyKeys({"id", "versions"});
    cases::Offence offence;
    r.Text("id", offence.id);
    auto versions = r.Tables("versions");
    if (!r.ok()) return tl::unexpected(r.status().error());
    for (std::size_t j = 0; j < versions.size(); ++j) {
      auto v = ReadVersion(*versions[j], r.Key(Reader::Indexed("versions", j)), path);
      if (!v) return tl::unexpected(v.error());
      offence.versions.push_back(std::move(*v));
    }
    data.offences.push_back(std::move(offence));
  }
  auto catalog = cases::OffenceCatalog::Build(std::move(data));
  if (!catalog) return tl::unexpected(InFile(catalog.error(), path));
  return catalog;
}

Result<cases::OffenceCatalog> ReadOffenceRules(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return tl::unexpected(text.error());
  return ParseOffenceRules(*text, path);
}

Result<cases::IndicatorCatalog> ParseIndicatorRules(std::string_view text,
                                                    const std::string& path) {
  auto table = ParseToml(text, path);
  if (!table) return tl::unexpected(table.error());
  Reader root(*table, "", path);
  root.OnlyKeys({"version", "valid_from", "sources", "groups", "indicators"});
  cases::IndicatorCatalogData data;
  root.Text("version", data.version);
  root.Date("valid_from", data.valid_from);
  root.Texts("sources", data.sources);
  auto groups = root.Tables("groups");
  auto indicators = root.Tables("indicators");
  if (!root.ok()) return tl::unexpected(root.status().error());
  for (std::size_t i = 0; i < groups.size(); ++i) {
    auto g = ReadGroup(*groups[i], Reader::Indexed("groups", i), path);
    if (!g) return tl::unexpected(g.error());
    data.groups.push_back(std::move(*g));
  }
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    auto ind = ReadIndicator(*indicators[i], Reader::Indexed("indicators", i), path);
    if (!ind) return tl::unexpected(ind.error());
    data.indicators.push_back(std::move(*ind));
  }
  auto catalog = cases::IndicatorCatalog::Build(std::move(data));
  if (!catalog) return tl::unexpected(InFile(catalog.error(), path));
  return catalog;
}

Result<cases::IndicatorCatalog> ReadIndicatorRules(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return tl::unexpected(text.error());
  return ParseIndicatorRules(*text, path);
}

}  // namespace opennrm::cli
