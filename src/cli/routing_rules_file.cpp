#include "cli/routing_rules_file.hpp"

#include <toml++/toml.h>

#include <utility>
#include <vector>

#include "cli/reference_files.hpp"
#include "cli/toml_table_reader.hpp"

namespace opennrm::cli {

namespace {

using hotline::RoutingRule;

constexpr int kFormat = 1;

// The rule's id, if its table has one.
std::string RuleId(const toml::table& t) {
  const auto id = t.get_as<std::string>("id");
  return id ? id->get() : "";
}

// Inserts " (<id>)" after "rules[i]" in the message, when the rule has an id.
Error Named(Error error, std::size_t index, const std::string& id) {
  if (id.empty()) return error;
  const std::string entry = TableReader::Indexed("rules", index);
  const auto at = error.message.find(entry);
  if (at != std::string::npos && error.message.compare(at + entry.size(), 2, " (") != 0) {
    error.message.insert(at + entry.size(), " (" + id + ")");
  }
  return error;
}

template <class E>
void OptionalWords(TableReader& r, const toml::table& t, std::string_view key, std::vector<E>& out,
                   std::optional<E> (*parse)(std::string_view)) {
  if (t.get(key)) r.Words(key, out, parse);
}

Result<RoutingRule> ReadRule(const toml::table& t, std::size_t index, const std::string& path) {
  TableReader r(t, TableReader::Indexed("rules", index), path);
  r.OnlyKeys({"id", "recommends", "reason", "reason_sv", "reason_en", "topics", "forms",
              "age_groups", "citizenship_groups", "genders", "requires", "services",
              "needs_free_places", "organisations", "basis_with_consent", "basis_without_consent",
              "needs_check", "valid_from", "valid_to"});
  RoutingRule rule;
  r.Text("id", rule.id);
  r.Word("recommends", rule.recommends, &orgs::ParseKind);
  r.Text("reason", rule.reason);
  r.Text("reason_sv", rule.reason_sv);
  r.Text("reason_en", rule.reason_en);
  OptionalWords(r, t, "topics", rule.topics, &hotline::ParseTopic);
  OptionalWords(r, t, "forms", rule.forms, &cases::ParseExploitationForm);
  OptionalWords(r, t, "age_groups", rule.age_groups, &hotline::ParseAgeGroup);
  OptionalWords(r, t, "citizenship_groups", rule.citizenship_groups,
                &hotline::ParseCitizenshipGroup);
  OptionalWords(r, t, "genders", rule.genders, &hotline::ParseGender);
  OptionalWords(r, t, "requires", rule.required_facts, &hotline::ParseFact);
  if (t.get("services")) r.Texts("services", rule.services);
  r.Flag("needs_free_places", rule.needs_free_places, false);
  if (t.get("organisations")) r.Texts("organisations", rule.organisations);
  r.OptionalWord("basis_with_consent", rule.basis_with_consent, &referrals::ParseBasisCode);
  r.OptionalWord("basis_without_consent", rule.basis_without_consent, &referrals::ParseBasisCode);
  r.Flag("needs_check", rule.needs_check);
  r.Date("valid_from", rule.valid_from);
  r.OptionalDate("valid_to", rule.valid_to);
  if (!r.ok()) return tl::unexpected(r.status().error());
  return rule;
}

}  // namespace

Result<hotline::RoutingRules> ParseRoutingRules(std::string_view text, const std::string& path) {
  auto parsed = ParseTomlText(text, path);
  if (!parsed) return tl::unexpected(parsed.error());
  const toml::table& root = *parsed;
  TableReader top(root, "", path);
  top.OnlyKeys({"format", "rules"});
  int format = 0;
  top.Integer("format", format);
  if (top.ok() && format != kFormat) {
    top.Problem(root.get("format"), "format", "unsupported",
                "must be " + std::to_string(kFormat) + ".");
  }
  const auto tables = top.Tables("rules", true);
  if (!top.ok()) return tl::unexpected(top.status().error());
  if (tables.empty()) return Invalid("rules", "required", path + ": the file has no [[rules]].");

  std::vector<RoutingRule> rules;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    auto rule = ReadRule(*tables[i], i, path);
    if (!rule) return tl::unexpected(Named(rule.error(), i, RuleId(*tables[i])));
    rules.push_back(std::move(*rule));
  }
  auto built = hotline::RoutingRules::Build(std::move(rules));
  if (!built) {
    // Locate the rule's line: "rules[i]..." -> the i-th table.
    Error error = built.error();
    const std::string field = error.fields.empty() ? "" : error.fields.front().field;
    std::size_t line = 0;
    if (field.rfind("rules[", 0) == 0) {
      const auto index = std::stoul(field.substr(6));
      if (index < tables.size()) line = tables[index]->source().begin.line;
    }
    error.message = path + ":" + std::to_string(line) + ": " + error.message;
    return tl::unexpected(std::move(error));
  }
  return built;
}

Result<hotline::RoutingRules> ReadRoutingRules(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return tl::unexpected(text.error());
  return ParseRoutingRules(*text, path);
}

}  // namespace opennrm::cli
