#include "domain/names/name_tokens.hpp"

#include <algorithm>
#include <array>

namespace opennrm::names {

namespace {

constexpr std::array<std::string_view, 38> kParticles{
    "al",    "el",  "ul",  "ad",  "ar",  "as", "at",  "az",    "ash",   "bin", "ibn", "ben", "bint",
    "binti", "van", "von", "der", "den", "de", "del", "della", "degli", "dei", "di",  "da",  "das",
    "dos",   "du",  "ter", "ten", "te",  "zu", "af",  "y",     "e",     "o",   "d",   "l",
};
constexpr std::array<std::string_view, 9> kJoiningPrefixes{
    "abd", "abdul", "abdel", "abdal", "abdol", "abdu", "abu", "abou", "umm",
};

// Articles that are particles only after "de": "de la Cruz", "de los Santos".
// Alone they are names (Lê is a common Vietnamese surname).
constexpr std::array<std::string_view, 6> kArticlesAfterDe{"la", "las", "los", "le", "les", "lo"};

bool IsJoiner(char c) { return c == '-' || c == '\''; }
bool IsTokenChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

TokenRole RoleOf(std::string_view token) {
  if (std::find(kParticles.begin(), kParticles.end(), token) != kParticles.end()) {
    return TokenRole::kParticle;
  }
  if (std::find(kJoiningPrefixes.begin(), kJoiningPrefixes.end(), token) !=
      kJoiningPrefixes.end()) {
    return TokenRole::kJoiningPrefix;
  }
  return TokenRole::kWord;
}

TokenisedName Tokenise(std::string_view romanised) {
  // Tokens, and whether each is joined to the next by "-" or "'" alone.
  std::vector<std::string> texts;
  std::vector<bool> joined_to_next;
  std::size_t i = 0;
  while (i < romanised.size()) {
    std::size_t start = i;
    while (i < romanised.size() && IsTokenChar(romanised[i])) ++i;
    if (i > start) {
      texts.emplace_back(romanised.substr(start, i - start));
      joined_to_next.push_back(false);
    }
    bool joiner_only = true;
    bool any = false;
    while (i < romanised.size() && !IsTokenChar(romanised[i])) {
      joiner_only = joiner_only && IsJoiner(romanised[i]);
      any = true;
      ++i;
    }
    if (any && joiner_only && !texts.empty() && i < romanised.size()) joined_to_next.back() = true;
  }

  TokenisedName out;
  for (std::size_t t = 0; t < texts.size(); ++t) {
    NameToken token{texts[t], RoleOf(texts[t]), 0};
    if (t > 0 && texts[t - 1] == "de" &&
        std::find(kArticlesAfterDe.begin(), kArticlesAfterDe.end(), token.text) !=
            kArticlesAfterDe.end()) {
      token.role = TokenRole::kParticle;
    }
    const bool continues =
        t > 0 && (joined_to_next[t - 1] || out.tokens.back().role != TokenRole::kWord);
    if (continues) {
      token.group = out.tokens.back().group;
      out.groups[token.group] += token.text;
      ++out.group_sizes[token.group];
    } else {
      token.group = out.groups.size();
      out.groups.push_back(token.text);
      out.group_sizes.push_back(1);
    }
    out.tokens.push_back(std::move(token));
  }
  return out;
}

}  // namespace opennrm::names
