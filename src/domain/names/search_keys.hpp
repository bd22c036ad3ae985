// Name search over encrypted names: the plaintext keys that a blind index
// stores, in memory only. The caller keys each one with the organisation's
// HMAC key (through a port) and stores only the keyed values; names stay
// sealed (FieldCipher). Accent- and case-insensitive, across scripts and
// transliterations: Йорданов, Yordanov, Iordanov and Jordanov find each other.
//
// Keys of a person: every spelling of every name (the Latin spelling, the
// original script, aliases) goes through the same steps and the keys are
// united:  Romaniser -> Tokenise -> for each token and each joined group of
// more than one token (name_tokens.hpp):
//  - an exact key: the romanised token ("yordanov", "vanderberg");
//  - a phonetic key: its skeleton (skeleton.hpp, "JRDNV"), only for words
//    and joining prefixes of 2 letters or more whose skeleton has 2
//    classes or more. Particles, initials and very short names ("Li", "Wu")
//    have exact keys only: their skeletons would match almost anyone.
//
// Query: the text the user types goes through the same steps and becomes
// one term per token. A term is a set of alternatives: the token's exact key
// and phonetic key, and those of its joined group. Particles are left out of
// the query ("Maria de la Cruz" searches like "Maria Cruz"), unless the query
// is nothing but particles.
//
// Match rule: a person matches when EVERY term has at least one of its exact
// keys among the person's exact keys, or one of its phonetic keys among the
// person's phonetic keys. The match is exact when every term matched by an
// exact key, phonetic otherwise; list exact matches first. Whole tokens only:
// no prefix or substring search ("Jord" finds nothing), because a blind index
// of prefixes would reveal far more. Token order does not matter, so
// "Jordanov Ivan" finds "Ivan Jordanov". An empty query matches nobody.
//
// What the blind index reveals (for docs/security.md), to someone who reads
// the database but does not hold the organisation's key:
//  - equality: two persons of the SAME organisation whose names share a
//    token (or a skeleton) share that keyed value; never across
//    organisations, whose keys differ;
//  - frequency: how many persons share each keyed value, which lets a
//    reader guess common names ("mohammed", "MGMD") by counting;
//  - size: how many keys each person has, roughly the number of words in
//    their names, unless the storage pads it;
//  - queries: which keyed values a search looked for and which rows matched.
// It reveals no name, no prefix, and no order of words. Exact and phonetic
// keys must be keyed apart (IndexInput tags them), so that an exact token
// and a skeleton never collide. Changing the romaniser, the tokeniser or the
// skeleton changes the keys: every index must then be rebuilt.
// Pure; thread-safe (the Romaniser serialises its own work).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/names/romaniser.hpp"

namespace opennrm::names {

struct SearchKeys {
  std::vector<std::string> exact;     // sorted, unique: "ivan", "yordanov"
  std::vector<std::string> phonetic;  // sorted, unique: "AVN", "JRDNV"
  bool operator==(const SearchKeys&) const = default;
};

// One query word and the keys that satisfy it.
struct QueryTerm {
  std::vector<std::string> exact;
  std::vector<std::string> phonetic;
  bool operator==(const QueryTerm&) const = default;
};

struct NameQuery {
  std::vector<QueryTerm> terms;  // empty: matches nobody
};

enum class NameMatch { kNone, kPhonetic, kExact };

enum class KeyKind { kExact, kPhonetic };

// The keys of one spelling of a name ("Ivan Йорданов" works too).
SearchKeys KeysForName(const Romaniser& romaniser, std::string_view name);

// The united keys of every spelling of a person's names.
SearchKeys KeysForNames(const Romaniser& romaniser, const std::vector<std::string>& spellings);

// The terms of a typed query, in the order typed, repeated terms once.
NameQuery QueryForName(const Romaniser& romaniser, std::string_view text);

// Whether a person with `keys` matches `query`, by the match rule above.
NameMatch Match(const NameQuery& query, const SearchKeys& keys);

// The plaintext to key with the organisation's HMAC key for one key:
// "e:" or "p:" and the key, so that exact and phonetic keys never meet.
std::string IndexInput(KeyKind kind, std::string_view key);

// Every IndexInput of a person's keys (what the index stores).
std::vector<std::string> IndexInputs(const SearchKeys& keys);

}  // namespace opennrm::names
