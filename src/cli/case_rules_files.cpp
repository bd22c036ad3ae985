#include "cli/case_rules_files.hpp"

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "cli/reference_files.hpp"
#include "cli/toml_table_reader.hpp"
#include "core/date.hpp"

namespace opennrm::cli {

namespace {

using Reader = TableReader;

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
  r.Flag("needs_description", v.needs_description, false);
  r.Flag("needs_check", v.needs_check, false);
  r.Text("note", v.note, false);
  auto grades = r.Tables("grades", true);
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
  r.Flag("children_only", g.children_only, false);
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
  auto table = ParseTomlText(text, path);
  if (!table) return tl::unexpected(table.error());
  Reader root(*table, "", path);
  root.OnlyKeys({"version", "offences"});
  cases::OffenceCatalogData data;
  root.Text("version", data.version);
  auto offences = root.Tables("offences", true);
  if (!root.ok()) return tl::unexpected(root.status().error());
  for (std::size_t i = 0; i < offences.size(); ++i) {
    const std::string prefix = Reader::Indexed("offences", i);
    Reader r(*offences[i], prefix, path);
    r.OnlyKeys({"id", "versions"});
    cases::Offence offence;
    r.Text("id", offence.id);
    auto versions = r.Tables("versions", true);
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
  auto table = ParseTomlText(text, path);
  if (!table) return tl::unexpected(table.error());
  Reader root(*table, "", path);
  root.OnlyKeys({"version", "valid_from", "sources", "groups", "indicators"});
  cases::IndicatorCatalogData data;
  root.Text("version", data.version);
  root.Date("valid_from", data.valid_from);
  root.Texts("sources", data.sources);
  auto groups = root.Tables("groups", true);
  auto indicators = root.Tables("indicators", true);
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
