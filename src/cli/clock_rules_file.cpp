#include "cli/clock_rules_file.hpp"

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "cli/reference_files.hpp"
#include "cli/toml_table_reader.hpp"
#include "core/stockholm_date_math.hpp"

namespace opennrm::cli {

namespace {

using namespace opennrm::clocks;

constexpr int64_t kFormat = 1;

Result<Duration> ReadDuration(TableReader& rule, const std::string& path) {
  Duration d;
  const toml::table* t = rule.Table("duration");
  if (!t) return tl::unexpected(rule.status().error());
  TableReader r(*t, rule.Key("duration"), path);
  r.OnlyKeys({"count", "unit", "counting", "bound"});
  std::optional<int> count;
  r.OptionalInteger("count", count);
  r.Word("unit", d.unit, &ParseDurationUnit);
  r.Word("counting", d.counting, &ParseCounting);
  r.Word("bound", d.bound, &ParseBound);
  if (r.ok() && !count && d.unit != DurationUnit::kSameOrNextDay) {
    r.Problem(nullptr, "count", "required", "is missing.");
  }
  if (!r.ok()) return tl::unexpected(r.status().error());
  d.count = count.value_or(0);
  return d;
}

Result<ClockRule> ReadRule(const toml::table& table, size_t index, const std::string& path) {
  TableReader r(table, "rules[" + std::to_string(index) + "]", path);
  r.OnlyKeys({"id", "version", "kind", "title", "basis", "legal_reference", "source", "needs_check",
              "valid_from", "valid_to", "applicants", "decided_by", "duration",
              "reminder_days_before_end", "renewable", "max_renewals", "revocable", "end_task",
              "conditions"});
  ClockRule rule;
  r.Text("id", rule.id);
  r.Integer("version", rule.version);
  r.Word("kind", rule.kind, &ParseClockKind);
  r.Text("title", rule.title);
  r.Word("basis", rule.basis, &ParseBasis);
  r.Text("legal_reference", rule.legal_reference);
  r.Text("source", rule.source);
  r.Flag("needs_check", rule.needs_check);
  r.Date("valid_from", rule.valid_from);
  r.OptionalDate("valid_to", rule.valid_to);
  r.Words("applicants", rule.applicants, &ParseParty);
  r.OptionalWord("decided_by", rule.decided_by, &ParseParty);
  if (!r.ok()) return tl::unexpected(r.status().error());
  auto duration = ReadDuration(r, path);
  if (!duration) return tl::unexpected(duration.error());
  rule.duration = *duration;
  r.Integers("reminder_days_before_end", rule.reminder_days_before_end);
  r.Flag("renewable", rule.renewable);
  r.OptionalInteger("max_renewals", rule.max_renewals);
  r.Flag("revocable", rule.revocable);
  if (table.get("end_task")) r.Text("end_task", rule.end_task);
  const auto conditions = r.Tables("conditions");
  if (!r.ok()) return tl::unexpected(r.status().error());
  for (size_t i = 0; i < conditions.size(); ++i) {
    TableReader c(*conditions[i], r.Key("conditions[" + std::to_string(i) + "]"), path);
    c.OnlyKeys({"id", "text"});
    Condition condition;
    c.Text("id", condition.id);
    c.Text("text", condition.text);
    if (!c.ok()) return tl::unexpected(c.status().error());
    rule.conditions.push_back(std::move(condition));
  }
  return rule;
}

// The domain's first problem, located in the file: its key ("rules[2].valid_to")
// is a TOML path, so the line is that of the key, else of its rule.
Error Located(const toml::table& root, Error error, const std::string& path) {
  if (error.fields.empty()) return error;
  const FieldProblem first = error.fields.front();
  toml::node_view<const toml::node> at = root.at_path(first.field);
  if (!at) at = root.at_path(first.field.substr(0, first.field.find('.')));
  const auto line = at ? at.node()->source().begin.line : 0;
  error.fields = {first};
  error.message = path + ":" + std::to_string(line) + ": " + first.field + ": " + first.detail;
  return error;
}

}  // namespace

Result<clocks::RuleSet> ParseClockRules(std::string_view text, const std::string& path) {
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
  const auto tables = top.Tables("rules");
  if (!top.ok()) return tl::unexpected(top.status().error());
  if (tables.empty()) return Invalid("rules", "required", path + ": the file has no [[rules]].");
  std::vector<ClockRule> rules;
  for (size_t i = 0; i < tables.size(); ++i) {
    auto rule = ReadRule(*tables[i], i, path);
    if (!rule) return tl::unexpected(rule.error());
    rules.push_back(std::move(*rule));
  }
  auto set = RuleSet::Build(std::move(rules));
  if (!set) return tl::unexpected(Located(root, set.error(), path));
  return set;
}

Result<clocks::RuleSet> ReadClockRules(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return tl::unexpected(text.error());
  return ParseClockRules(*text, path);
}

}  // namespace opennrm::cli
