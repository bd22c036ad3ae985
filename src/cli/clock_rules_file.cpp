#include "cli/clock_rules_file.hpp"

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "cli/reference_files.hpp"
#include "core/stockholm_date_math.hpp"

namespace opennrm::cli {

namespace {

using namespace opennrm::clocks;

constexpr int64_t kFormat = 1;

// Reads the keys of one TOML table into domain values. Keeps the first
// problem and ignores everything after it, so callers read field after field
// and check ok() once.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string prefix, const std::string& path)
      : table_(table), prefix_(std::move(prefix)), path_(path) {}

  bool ok() const { return status_.has_value(); }
  const Status& status() const { return status_; }

  // Refuses keys outside `known` (a typo must not silently drop a rule's field).
  void OnlyKeys(std::initializer_list<std::string_view> known) {
    const std::set<std::string_view> allowed(known);
    for (const auto& [key, node] : table_) {
      if (!allowed.count(key.str())) {
        Problem(&node, std::string(key.str()), "unknown_key", "is not a known key.");
      }
    }
  }

  void Text(std::string_view key, std::string& out) {
    const toml::node* n = Required(key);
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

  void Flag(std::string_view key, bool& out) {
    const toml::node* n = Required(key);
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

  // The array of tables under `key`; empty when absent.
  std::vector<const toml::table*> Tables(std::string_view key) {
    std::vector<const toml::table*> out;
    const toml::node* n = Optional(key);
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

  void Problem(const toml::node* at, std::string_view key, const std::string& rule,
               const std::string& detail) {
    if (!ok()) return;
    const auto line = at ? at->source().begin.line : table_.source().begin.line;
    const std::string full = Key(key);
    status_ = Invalid(full, rule, path_ + ":" + std::to_string(line) + ": " + full + " " + detail);
  }

 private:
  static std::string Indexed(std::string_view key, size_t i) {
    return std::string(key) + "[" + std::to_string(i) + "]";
  }

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
      Problem(n, key, "type", "must be a TOML date such as 2022-08-01 (no quotes).");
      return false;
    }
    const toml::date& v = d->get();
    out = CivilDate{static_cast<int>(v.year), v.month, v.day};
    if (!IsRealDate(out)) {
      Problem(n, key, "date", "is not a calendar date.");
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
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return Invalid(
        path, "toml",
        path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
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
