// The words of a romanised name (romaniser.hpp) and how they hang together.
//
// A name splits into tokens at spaces, hyphens and apostrophes. Tokens joined
// by a hyphen or an apostrophe form one group ("jean-pierre", "o'brien"), and
// so does a particle or a joining prefix with the word after it ("van der
// berg", "al rashid", "abu bakr"). Every group is also searched as one word,
// its tokens written together ("jeanpierre", "obrien", "vanderberg",
// "alrashid", "abubakr"), so "Vanderberg" finds "van der Berg" and back.
//
// - Particle: an article or preposition that registers often leave out or
//   write joined: al, el, ul, ad, ar, as, at, az, ash, bin, ibn, ben, bint,
//   binti, van, von, der, den, de, del, della, degli, dei, di, da, das, dos,
//   du, ter, ten, te, zu, af, y, e, o (O'Brien), d (D'Angelo), l (L'Aquila),
//   and la, las, los, le, les, lo right after "de" ("de la Cruz").
//   A query need not contain them (search_keys.hpp). "le", "la", "do" and
//   "an" are not particles elsewhere: Lê, Đỗ and An are common Vietnamese
//   surnames. "van" is a particle, so the Vietnamese middle name Văn is
//   optional in a query too.
// - Joining prefix: the first part of an Arabic compound name that is
//   written apart or together: abd, abdul, abdel, abdal, abdol, abdu, abu,
//   abou, umm. Unlike a particle, a query must contain it (alone or joined).
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace opennrm::names {

enum class TokenRole { kWord, kParticle, kJoiningPrefix };

struct NameToken {
  std::string text;  // [a-z0-9]+
  TokenRole role = TokenRole::kWord;
  std::size_t group = 0;  // index into TokenisedName::groups
};

struct TokenisedName {
  std::vector<NameToken> tokens;
  // Each group's tokens written together, in order of first token.
  std::vector<std::string> groups;
  // Number of tokens in each group.
  std::vector<std::size_t> group_sizes;
};

// The role of one token (lower-case ASCII) on its own, without "de" before it.
TokenRole RoleOf(std::string_view token);

// Splits a romanised name ("van der berg", "o'brien", "jean-pierre").
// REQUIRES: `romanised` is what Romaniser::Romanise returns.
TokenisedName Tokenise(std::string_view romanised);

}  // namespace opennrm::names
