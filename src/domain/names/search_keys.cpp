#include "domain/names/search_keys.hpp"

#include <algorithm>

#include "domain/names/name_tokens.hpp"
#include "domain/names/skeleton.hpp"

namespace opennrm::names {

namespace {

// The phonetic key of a token, or "" when it gets none (see the header).
std::string PhoneticKeyOf(std::string_view token, TokenRole role) {
  if (role == TokenRole::kParticle || token.size() < 2) return "";
  std::string skeleton = PhoneticSkeleton(token);
  return skeleton.size() >= 2 ? skeleton : "";
}

void SortUnique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

void AddKeys(const TokenisedName& name, SearchKeys& keys) {
  for (const auto& token : name.tokens) {
    keys.exact.push_back(token.text);
    if (auto p = PhoneticKeyOf(token.text, token.role); !p.empty()) keys.phonetic.push_back(p);
  }
  for (std::size_t g = 0; g < name.groups.size(); ++g) {
    if (name.group_sizes[g] < 2) continue;
    keys.exact.push_back(name.groups[g]);
    if (auto p = PhoneticKeyOf(name.groups[g], TokenRole::kWord); !p.empty()) {
      keys.phonetic.push_back(p);
    }
  }
}

bool AnyIn(const std::vector<std::string>& wanted, const std::vector<std::string>& sorted) {
  return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
    return std::binary_search(sorted.begin(), sorted.end(), w);
  });
}

}  // namespace

SearchKeys KeysForName(const Romaniser& romaniser, std::string_view name) {
  return KeysForNames(romaniser, {std::string(name)});
}

SearchKeys KeysForNames(const Romaniser& romaniser, const std::vector<std::string>& spellings) {
  SearchKeys keys;
  for (const auto& spelling : spellings) AddKeys(Tokenise(romaniser.Romanise(spelling)), keys);
  SortUnique(keys.exact);
  SortUnique(keys.phonetic);
  return keys;
}

NameQuery QueryForName(const Romaniser& romaniser, std::string_view text) {
  const TokenisedName name = Tokenise(romaniser.Romanise(text));
  const bool only_particles =
      std::all_of(name.tokens.begin(), name.tokens.end(),
                  [](const NameToken& t) { return t.role == TokenRole::kParticle; });
  NameQuery query;
  for (const auto& token : name.tokens) {
    if (token.role == TokenRole::kParticle && !only_particles) continue;
    QueryTerm term;
    term.exact.push_back(token.text);
    if (auto p = PhoneticKeyOf(token.text, token.role); !p.empty()) term.phonetic.push_back(p);
    if (name.group_sizes[token.group] >= 2) {
      const std::string& joined = name.groups[token.group];
      term.exact.push_back(joined);
      if (auto p = PhoneticKeyOf(joined, TokenRole::kWord); !p.empty()) {
        term.phonetic.push_back(p);
      }
    }
    SortUnique(term.exact);
    SortUnique(term.phonetic);
    if (std::find(query.terms.begin(), query.terms.end(), term) == query.terms.end()) {
      query.terms.push_back(std::move(term));
    }
  }
  return query;
}

NameMatch Match(const NameQuery& query, const SearchKeys& keys) {
  if (query.terms.empty()) return NameMatch::kNone;
  bool all_exact = true;
  for (const auto& term : query.terms) {
    if (AnyIn(term.exact, keys.exact)) continue;
    if (!AnyIn(term.phonetic, keys.phonetic)) return NameMatch::kNone;
    all_exact = false;
  }
  return all_exact ? NameMatch::kExact : NameMatch::kPhonetic;
}

std::string IndexInput(KeyKind kind, std::string_view key) {
  std::string out = kind == KeyKind::kExact ? "e:" : "p:";
  out += key;
  return out;
}

std::vector<std::string> IndexInputs(const SearchKeys& keys) {
  std::vector<std::string> out;
  out.reserve(keys.exact.size() + keys.phonetic.size());
  for (const auto& k : keys.exact) out.push_back(IndexInput(KeyKind::kExact, k));
  for (const auto& k : keys.phonetic) out.push_back(IndexInput(KeyKind::kPhonetic, k));
  return out;
}

}  // namespace opennrm::names
