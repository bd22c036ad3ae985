#include "cli/step_rules_file.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <initializer_list>

#include "cli/reference_files.hpp"
#include "domain/tracks/definition_history.hpp"

namespace opennrm::cli {

namespace {

using tracks::DefinitionSet;
using tracks::FactDefinition;
using tracks::StepDefinition;
using tracks::TrackDefinition;

// Reads one file's tables into domain values; stops at the first problem.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  // kInvalid on `key` (the file itself when empty), naming the file and the key.
  tl::unexpected<Error> Bad(const std::string& key, std::string rule, std::string detail) const {
    if (!key.empty()) detail = key + ": " + detail;
    return Fail(ErrorCode::kInvalid, file_ + ": " + detail,
                {FieldProblem{key.empty() ? file_ : key, std::move(rule), std::move(detail)}});
  }

  Status Keys(const toml::table& t, const std::string& path,
              std::initializer_list<std::string_view> allowed) const {
    for (const auto& [k, v] : t) {
      if (std::find(allowed.begin(), allowed.end(), k.str()) == allowed.end()) {
        return Bad(Join(path, std::string(k.str())), "unknown_key", "unknown key.");
      }
    }
    return {};
  }

  Result<std::string> String(const toml::table& t, const std::string& path,
                             std::string_view key) const {
    std::string at = Join(path, std::string(key));
    const toml::node* n = t.get(key);
    if (!n) return Bad(at, "required", "missing.");
    auto v = n->value_exact<std::string>();
    if (!v) return Bad(at, "type", "must be a string.");
    return *v;
  }

  Result<bool> Bool(const toml::table& t, const std::string& path, std::string_view key) const {
    const toml::node* n = t.get(key);
    if (!n) return false;
    auto v = n->value_exact<bool>();
    if (!v) return Bad(Join(path, std::string(key)), "type", "must be true or false.");
    return *v;
  }

  // A list of strings; `required`: it must be present (it may be empty).
  Result<std::vector<std::string>> Strings(const toml::table& t, const std::string& path,
                                           std::string_view key, bool required) const {
    std::string at = Join(path, std::string(key));
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) return Bad(at, "required", "missing.");
      return std::vector<std::string>{};
    }
    const toml::array* a = n->as_array();
    if (!a) return Bad(at, "type", "must be a list of strings.");
    std::vector<std::string> out;
    for (size_t i = 0; i < a->size(); ++i) {
      auto v = a->get(i)->value_exact<std::string>();
      if (!v) return Bad(Index(at, i), "type", "must be a string.");
      out.push_back(*v);
    }
    return out;
  }

  // A TOML date (2019-01-01) or an ISO date string ("2019-01-01").
  Result<CivilDate> Date(const toml::node& n, const std::string& at) const {
    if (const auto* d = n.as_date()) {
      const toml::date& v = d->get();
      std::string text = FormatIsoDate(CivilDate{v.year, v.month, v.day});
      if (auto parsed = ParseIsoDate(text)) return *parsed;
    } else if (auto s = n.value_exact<std::string>()) {
      if (auto parsed = ParseIsoDate(*s)) return *parsed;
    }
    return Bad(at, "format", "must be a date, YYYY-MM-DD.");
  }

  // An array of tables ([[key]]); `required`: it must be present and non-empty.
  Result<const toml::array*> Tables(const toml::table& t, const std::string& path,
                                    std::string_view key) const {
    std::string at = Join(path, std::string(key));
    const toml::node* n = t.get(key);
    const toml::array* a = n ? n->as_array() : nullptr;
    if (n && !a) return Bad(at, "type", "must be a list of tables ([[" + at + "]]).");
    if (!a || a->empty()) return Bad(at, "required", "at least one is needed.");
    for (size_t i = 0; i < a->size(); ++i) {
      if (!a->get(i)->is_table()) return Bad(Index(at, i), "type", "must be a table.");
    }
    return a;
  }

  static std::string Join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
  static std::string Index(const std::string& at, size_t i) {
    return at + "[" + std::to_string(i) + "]";
  }

 private:
  std::string file_;
};

Result<FactDefinition> ReadFact(const Reader& r, const toml::table& t, const std::string& at) {
  if (auto st = r.Keys(t, at, {"id", "section"}); !st) return tl::unexpected(st.error());
  FactDefinition f;
  auto id = r.String(t, at, "id");
  if (!id) return tl::unexpected(id.error());
  f.id = *id;
  auto section = r.String(t, at, "section");
  if (!section) return tl::unexpected(section.error());
  auto parsed = access::ParseSection(*section);
  if (!parsed) {
    return r.Bad(at + ".section", "unknown_section", "'" + *section + "' is not a case section.");
  }
  f.section = *parsed;
  return f;
}

Result<StepDefinition> ReadStep(const Reader& r, const toml::table& t, const std::string& at) {
  if (auto st = r.Keys(t, at, {"id", "ending", "entry_requirements", "movers"}); !st) {
    return tl::unexpected(st.error());
  }
  StepDefinition s;
  auto id = r.String(t, at, "id");
  if (!id) return tl::unexpected(id.error());
  s.id = *id;
  auto ending = r.Bool(t, at, "ending");
  if (!ending) return tl::unexpected(ending.error());
  s.ending = *ending;
  auto reqs = r.Strings(t, at, "entry_requirements", true);
  if (!reqs) return tl::unexpected(reqs.error());
  s.entry_requirements = *reqs;
  auto movers = r.Strings(t, at, "movers", true);
  if (!movers) return tl::unexpected(movers.error());
  for (size_t i = 0; i < movers->size(); ++i) {
    auto role = access::ParseRole((*movers)[i]);
    if (!role) {
      return r.Bad(Reader::Index(at + ".movers", i), "unknown_role",
                   "'" + (*movers)[i] + "' is not a role.");
    }
    s.movers.push_back(*role);
  }
  return s;
}

Result<TrackDefinition> ReadTrack(const Reader& r, const toml::table& t, const std::string& at) {
  if (auto st = r.Keys(t, at, {"kind", "authority_only", "start_steps", "transitions", "steps"});
      !st) {
    return tl::unexpected(st.error());
  }
  TrackDefinition track;
  auto kind = r.String(t, at, "kind");
  if (!kind) return tl::unexpected(kind.error());
  auto parsed = tracks::ParseTrackKind(*kind);
  if (!parsed) return r.Bad(at + ".kind", "unknown_track", "'" + *kind + "' is not a track.");
  track.kind = *parsed;
  auto authority = r.Bool(t, at, "authority_only");
  if (!authority) return tl::unexpected(authority.error());
  track.authority_only = *authority;
  auto starts = r.Strings(t, at, "start_steps", true);
  if (!starts) return tl::unexpected(starts.error());
  track.start_steps = *starts;

  auto transitions = r.Tables(t, at, "transitions");
  if (!transitions) return tl::unexpected(transitions.error());
  for (size_t i = 0; i < (*transitions)->size(); ++i) {
    std::string tat = Reader::Index(at + ".transitions", i);
    const toml::table& tt = *(*transitions)->get(i)->as_table();
    if (auto st = r.Keys(tt, tat, {"from", "to"}); !st) return tl::unexpected(st.error());
    auto from = r.String(tt, tat, "from");
    if (!from) return tl::unexpected(from.error());
    auto to = r.String(tt, tat, "to");
    if (!to) return tl::unexpected(to.error());
    track.transitions.push_back({*from, *to});
  }

  auto steps = r.Tables(t, at, "steps");
  if (!steps) return tl::unexpected(steps.error());
  for (size_t i = 0; i < (*steps)->size(); ++i) {
    std::string sat = Reader::Index(at + ".steps", i);
    auto step = ReadStep(r, *(*steps)->get(i)->as_table(), sat);
    if (!step) return tl::unexpected(step.error());
    track.steps.push_back(std::move(*step));
  }
  return track;
}

Result<DefinitionSet> ReadSet(const Reader& r, const toml::table& t, const std::string& at) {
  if (auto st = r.Keys(t, at,
                       {"version", "valid_from", "valid_to", "legal_reference", "facts", "tracks"});
      !st) {
    return tl::unexpected(st.error());
  }
  DefinitionSet set;
  auto version = r.String(t, at, "version");
  if (!version) return tl::unexpected(version.error());
  set.version = *version;
  auto reference = r.String(t, at, "legal_reference");
  if (!reference) return tl::unexpected(reference.error());
  set.legal_reference = *reference;
  const toml::node* from = t.get("valid_from");
  if (!from) return r.Bad(at + ".valid_from", "required", "missing.");
  auto from_date = r.Date(*from, at + ".valid_from");
  if (!from_date) return tl::unexpected(from_date.error());
  set.valid_from = *from_date;
  if (const toml::node* to = t.get("valid_to")) {
    auto to_date = r.Date(*to, at + ".valid_to");
    if (!to_date) return tl::unexpected(to_date.error());
    set.valid_to = *to_date;
  }

  auto facts = r.Tables(t, at, "facts");
  if (!facts) return tl::unexpected(facts.error());
  for (size_t i = 0; i < (*facts)->size(); ++i) {
    auto fact = ReadFact(r, *(*facts)->get(i)->as_table(), Reader::Index(at + ".facts", i));
    if (!fact) return tl::unexpected(fact.error());
    set.facts.push_back(std::move(*fact));
  }
  auto tracks = r.Tables(t, at, "tracks");
  if (!tracks) return tl::unexpected(tracks.error());
  for (size_t i = 0; i < (*tracks)->size(); ++i) {
    auto track = ReadTrack(r, *(*tracks)->get(i)->as_table(), Reader::Index(at + ".tracks", i));
    if (!track) return tl::unexpected(track.error());
    set.tracks.push_back(std::move(*track));
  }
  return set;
}

}  // namespace

Result<std::vector<DefinitionSet>> ParseStepRules(std::string_view text, const std::string& file) {
  Reader r(file);
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    return r.Bad(
        "", "toml",
        "line " + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  if (auto st = r.Keys(root, "", {"definition_sets"}); !st) return tl::unexpected(st.error());
  auto tables = r.Tables(root, "", "definition_sets");
  if (!tables) return tl::unexpected(tables.error());
  std::vector<DefinitionSet> sets;
  for (size_t i = 0; i < (*tables)->size(); ++i) {
    auto set = ReadSet(r, *(*tables)->get(i)->as_table(), Reader::Index("definition_sets", i));
    if (!set) return tl::unexpected(set.error());
    sets.push_back(std::move(*set));
  }
  if (auto st = tracks::ValidateHistory(sets); !st) {
    // The domain names sets "sets[i]"; the file names them "definition_sets[i]".
    Error e = st.error();
    for (auto& f : e.fields) f.field = "definition_" + f.field;
    if (!e.fields.empty()) {
      const FieldProblem& first = e.fields.front();
      e.message = file + ": " + first.field + ": " + first.detail;
      if (e.fields.size() > 1) {
        e.message += " (and " + std::to_string(e.fields.size() - 1) + " more)";
      }
    }
    return tl::unexpected(e);
  }
  return sets;
}

Result<std::vector<DefinitionSet>> ReadStepRulesFile(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return tl::unexpected(text.error());
  return ParseStepRules(*text, path);
}

}  // namespace opennrm::cli
