#include "cli/eu_eea_file.hpp"

#include "cli/toml_table_reader.hpp"

#include <toml++/toml.h>

#include <set>
#include <utility>
#include <vector>

#include "cli/reference_files.hpp"
#include "core/date.hpp"

namespace opennrm::cli {

namespace {

constexpr int64_t kFormat = 1;

// Where a problem is: "<path>:<line>: <key> <detail>".
tl::unexpected<Error> Problem(const std::string& path, const toml::node* at, const std::string& key,
                              const std::string& rule, const std::string& detail) {
  const auto line = at ? at->source().begin.line : 0;
  return Invalid(key, rule, path + ":" + std::to_string(line) + ": " + key + " " + detail);
}

Status OnlyKeys(const toml::table& table, const std::set<std::string_view>& known,
                const std::string& prefix, const std::string& path) {
  for (const auto& [key, node] : table) {
    if (!known.count(key.str())) {
      return Problem(path, &node, prefix + std::string(key.str()), "unknown_key",
                     "is not a known key.");
    }
  }
  return Ok();
}

Result<std::string> Text(const toml::table& t, std::string_view key, const std::string& prefix,
                         const std::string& path) {
  const toml::node* n = t.get(key);
  const std::string full = prefix + std::string(key);
  if (!n) return Problem(path, &t, full, "required", "is missing.");
  auto v = n->value_exact<std::string>();
  if (!v) return Problem(path, n, full, "type", "must be a string.");
  return std::move(*v);
}

// A TOML date (no quotes), checked to be a calendar day.
Result<CivilDate> Date(const toml::node& n, const std::string& full, const std::string& path) {
  const auto* d = n.as_date();
  if (!d) return Problem(path, &n, full, "type", "must be a TOML date such as 2020-01-31.");
  const toml::date& v = d->get();
  const CivilDate out{static_cast<int>(v.year), v.month, v.day};
  if (!ParseIsoDate(FormatIsoDate(out))) {
    return Problem(path, &n, full, "date", "is not a calendar date.");
  }
  return out;
}

Result<stats::BlocMembership> ReadMember(const toml::table& t, std::size_t index,
                                         const std::string& path) {
  const std::string prefix = "members[" + std::to_string(index) + "].";
  if (auto st = OnlyKeys(t, {"country", "bloc", "valid_from", "valid_to", "legal_reference"},
                         prefix, path);
      !st) {
    return tl::unexpected(st.error());
  }
  stats::BlocMembership m;
  auto country = Text(t, "country", prefix, path);
  if (!country) return tl::unexpected(country.error());
  m.country = std::move(*country);
  auto bloc = Text(t, "bloc", prefix, path);
  if (!bloc) return tl::unexpected(bloc.error());
  auto parsed = stats::ParseBloc(*bloc);
  if (!parsed) {
    return Problem(path, t.get("bloc"), prefix + "bloc", "unknown_value",
                   "has an unknown value '" + *bloc + "' (eu or eea_efta).");
  }
  m.bloc = *parsed;
  const toml::node* from = t.get("valid_from");
  if (!from) return Problem(path, &t, prefix + "valid_from", "required", "is missing.");
  auto from_date = Date(*from, prefix + "valid_from", path);
  if (!from_date) return tl::unexpected(from_date.error());
  m.valid_from = *from_date;
  if (const toml::node* to = t.get("valid_to")) {
    auto to_date = Date(*to, prefix + "valid_to", path);
    if (!to_date) return tl::unexpected(to_date.error());
    m.valid_to = *to_date;
  }
  auto reference = Text(t, "legal_reference", prefix, path);
  if (!reference) return tl::unexpected(reference.error());
  m.legal_reference = std::move(*reference);
  return m;
}

// The domain's first problem, with the file and line of the key it names.
Error Located(const toml::table& root, Error error, const std::string& path) {
  if (error.fields.empty()) return error;
  const FieldProblem first = error.fields.front();
  toml::node_view<const toml::node> at = root.at_path(first.field);
  if (!at) at = root.at_path(first.field.substr(0, first.field.rfind('.')));
  const auto line = at ? at.node()->source().begin.line : 0;
  error.fields = {first};
  error.message = path + ":" + std::to_string(line) + ": " + first.field + ": " + first.detail;
  return error;
}

}  // namespace

Result<stats::EuEeaMembership> ParseEuEeaFile(std::string_view text, const std::string& path) {
  auto parsed = ParseTomlText(text, path);
  if (!parsed) return tl::unexpected(parsed.error());
  const toml::table& root = *parsed;
  if (auto st = OnlyKeys(root, {"format", "members"}, "", path); !st) {
    return tl::unexpected(st.error());
  }
  const toml::node* format = root.get("format");
  if (!format) return Problem(path, nullptr, "format", "required", "is missing.");
  if (format->value_exact<int64_t>() != kFormat) {
    return Problem(path, format, "format", "unsupported",
                   "must be " + std::to_string(kFormat) + ".");
  }
  const toml::array* members = root["members"].as_array();
  if (!members || members->empty()) {
    return Problem(path, root.get("members"), "members", "required",
                   "must be a non-empty list of [[members]].");
  }
  std::vector<stats::BlocMembership> list;
  for (std::size_t i = 0; i < members->size(); ++i) {
    const toml::table* t = members->get(i)->as_table();
    if (!t) {
      return Problem(path, members->get(i), "members[" + std::to_string(i) + "]", "type",
                     "must be a table.");
    }
    auto m = ReadMember(*t, i, path);
    if (!m) return tl::unexpected(m.error());
    list.push_back(std::move(*m));
  }
  auto built = stats::EuEeaMembership::Build(std::move(list));
  if (!built) return tl::unexpected(Located(root, built.error(), path));
  return built;
}

Result<stats::EuEeaMembership> ReadEuEeaFile(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return tl::unexpected(text.error());
  return ParseEuEeaFile(*text, path);
}

}  // namespace opennrm::cli
