#include "cli/disclosure_rules_file.hpp"

#include <toml++/toml.h>

#include <optional>
#include <utility>
#include <vector>

#include "cli/reference_files.hpp"
#include "cli/toml_table_reader.hpp"

namespace opennrm::cli {

namespace {

using referrals::BasisRule;
using referrals::PurposeRule;

constexpr int kFormat = 1;

Error ErrorOf(const TableReader& r) { return r.status().error(); }

// The entry's own word ("crime_suspicion") under `key`, if it has one.
std::string EntryWord(const toml::table& root, const std::string& list, std::size_t index,
                      std::string_view key) {
  const toml::array* a = root.get_as<toml::array>(list);
  if (!a || index >= a->size()) return "";
  const toml::table* t = a->get(index)->as_table();
  if (!t) return "";
  const auto word = t->get_as<std::string>(key);
  return word ? word->get() : "";
}

// "bases[2]" -> 2; nullopt when `field` does not start with "<list>[i]".
std::optional<std::size_t> EntryIndex(const std::string& field, const std::string& list) {
  if (field.rfind(list + "[", 0) != 0) return std::nullopt;
  const auto close = field.find(']', list.size());
  if (close == std::string::npos) return std::nullopt;
  try {
    return static_cast<std::size_t>(std::stoul(field.substr(list.size() + 1)));
  } catch (...) {
    return std::nullopt;
  }
}

// The first problem located in the file (the line of its key, else of its
// entry) and naming the entry by its word: "<path>:<line>: bases[2]
// (crime_suspicion).valid_from: <detail>".
Error Located(const toml::table& root, Error error, const std::string& path,
              const std::string& list, std::string_view word_key) {
  if (error.fields.empty()) return error;
  const FieldProblem first = error.fields.front();
  std::string field = first.field;
  auto at = root.at_path(field);
  if (!at) at = root.at_path(field.substr(0, field.find('.')));
  const auto line = at ? at.node()->source().begin.line : 0;
  if (auto index = EntryIndex(field, list)) {
    const std::string word = EntryWord(root, list, *index, word_key);
    const auto close = field.find(']');
    if (!word.empty()) field.insert(close + 1, " (" + word + ")");
  }
  error.fields = {first};
  error.message = path + ":" + std::to_string(line) + ": " + field + ": " + first.detail;
  return error;
}

// Checks "format" and returns the array of tables under `list`.
Result<std::vector<const toml::table*>> Entries(const toml::table& root, const std::string& list,
                                                const std::string& path) {
  TableReader top(root, "", path);
  top.OnlyKeys({"format", list});
  int format = 0;
  top.Integer("format", format);
  if (top.ok() && format != kFormat) {
    top.Problem(root.get("format"), "format", "unsupported",
                "must be " + std::to_string(kFormat) + ".");
  }
  auto tables = top.Tables(list, true);
  if (!top.ok()) return tl::unexpected(ErrorOf(top));
  if (tables.empty())
    return Invalid(list, "required", path + ": the file has no [[" + list + "]].");
  return tables;
}

Result<BasisRule> ReadBasis(const toml::table& t, std::size_t index, const std::string& path) {
  TableReader r(t, TableReader::Indexed("bases", index), path);
  r.OnlyKeys({"code", "title_sv", "title_en", "sender_kinds", "legal_reference_sv",
              "legal_reference_en", "justification_required", "recipient_kinds", "child_only",
              "immediate_danger_only", "needs_check", "valid_from", "valid_to"});
  BasisRule b;
  r.Word("code", b.code, &referrals::ParseBasisCode);
  r.Text("title_sv", b.title_sv);
  r.Text("title_en", b.title_en);
  r.Words("sender_kinds", b.sender_kinds, &orgs::ParseKind);
  r.Text("legal_reference_sv", b.legal_reference_sv);
  r.Text("legal_reference_en", b.legal_reference_en);
  r.Flag("justification_required", b.justification_required);
  if (t.get("recipient_kinds")) r.Words("recipient_kinds", b.recipient_kinds, &orgs::ParseKind);
  r.Flag("child_only", b.child_only, false);
  r.Flag("immediate_danger_only", b.immediate_danger_only, false);
  r.Flag("needs_check", b.needs_check);
  r.Date("valid_from", b.valid_from);
  r.OptionalDate("valid_to", b.valid_to);
  if (!r.ok()) return tl::unexpected(ErrorOf(r));
  return b;
}

Result<PurposeRule> ReadPurpose(const toml::table& t, std::size_t index, const std::string& path) {
  TableReader r(t, TableReader::Indexed("purposes", index), path);
  r.OnlyKeys(
      {"purpose", "response_days", "outcomes", "usual_recipient_kinds", "suggested_sections"});
  PurposeRule p;
  r.Word("purpose", p.purpose, &referrals::ParsePurpose);
  r.Integer("response_days", p.response_days);
  r.Texts("outcomes", p.outcomes);
  if (t.get("usual_recipient_kinds")) {
    r.Words("usual_recipient_kinds", p.usual_recipient_kinds, &orgs::ParseKind);
  }
  if (t.get("suggested_sections")) {
    r.Words("suggested_sections", p.suggested_sections, &access::ParseSection);
  }
  if (!r.ok()) return tl::unexpected(ErrorOf(r));
  return p;
}

// Names the entry of a reader's problem too: "bases[2] (crime_suspicion)".
Error Named(const toml::table& root, Error error, const std::string& list,
            std::string_view word_key) {
  if (error.fields.empty()) return error;
  auto index = EntryIndex(error.fields.front().field, list);
  if (!index) return error;
  const std::string word = EntryWord(root, list, *index, word_key);
  if (word.empty()) return error;
  const std::string entry = TableReader::Indexed(list, *index);
  const auto at = error.message.find(entry);
  if (at != std::string::npos) error.message.insert(at + entry.size(), " (" + word + ")");
  return error;
}

}  // namespace

Result<referrals::BasisTable> ParseDisclosureBases(std::string_view text, const std::string& path) {
  auto parsed = ParseTomlText(text, path);
  if (!parsed) return tl::unexpected(parsed.error());
  const toml::table& root = *parsed;
  auto tables = Entries(root, "bases", path);
  if (!tables) return tl::unexpected(tables.error());
  std::vector<BasisRule> rules;
  for (std::size_t i = 0; i < tables->size(); ++i) {
    auto rule = ReadBasis(*(*tables)[i], i, path);
    if (!rule) return tl::unexpected(Named(root, rule.error(), "bases", "code"));
    rules.push_back(std::move(*rule));
  }
  auto table = referrals::BasisTable::Build(std::move(rules));
  if (!table) return tl::unexpected(Located(root, table.error(), path, "bases", "code"));
  return table;
}

Result<referrals::BasisTable> ReadDisclosureBases(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return tl::unexpected(text.error());
  return ParseDisclosureBases(*text, path);
}

Result<referrals::PurposeTable> ParseReferralPurposes(std::string_view text,
                                                      const std::string& path) {
  auto parsed = ParseTomlText(text, path);
  if (!parsed) return tl::unexpected(parsed.error());
  const toml::table& root = *parsed;
  auto tables = Entries(root, "purposes", path);
  if (!tables) return tl::unexpected(tables.error());
  std::vector<PurposeRule> rules;
  for (std::size_t i = 0; i < tables->size(); ++i) {
    auto rule = ReadPurpose(*(*tables)[i], i, path);
    if (!rule) return tl::unexpected(Named(root, rule.error(), "purposes", "purpose"));
    rules.push_back(std::move(*rule));
  }
  auto table = referrals::PurposeTable::Build(std::move(rules));
  if (!table) return tl::unexpected(Located(root, table.error(), path, "purposes", "purpose"));
  return table;
}

Result<referrals::PurposeTable> ReadReferralPurposes(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return tl::unexpected(text.error());
  return ParseReferralPurposes(*text, path);
}

Result<DisclosureRules> ReadDisclosureRules(const std::string& rules_dir) {
  auto bases = ReadDisclosureBases(rules_dir + "/disclosure_bases.toml");
  if (!bases) return tl::unexpected(bases.error());
  auto purposes = ReadReferralPurposes(rules_dir + "/referral_purposes.toml");
  if (!purposes) return tl::unexpected(purposes.error());
  return DisclosureRules{std::move(*bases), std::move(*purposes)};
}

}  // namespace opennrm::cli
