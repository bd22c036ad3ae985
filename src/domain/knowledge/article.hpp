// A knowledge-base article (hotline, issue 6 point 7): a short text in Swedish
// and English that the national unit maintains for operators and the
// professionals they advise (indicators, first steps, the reflection period,
// the child track, how to reach each authority). It holds no personal data.
// `reasons` are routing reason codes (data/rules/routing.toml "reason"), so a
// routing recommendation can link to the article that explains it.
// Bodies are plain text with a tiny markup: blank-line paragraphs, "- " list
// items, "**bold**"; never HTML. Plain values; pure and thread-safe.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace opennrm::knowledge {

inline constexpr std::size_t kMaxSlugBytes = 80;
inline constexpr std::size_t kMaxTitleBytes = 200;
inline constexpr std::size_t kMaxBodyBytes = 20000;
inline constexpr std::size_t kMaxTags = 20;
inline constexpr std::size_t kMaxTagBytes = 40;
inline constexpr std::size_t kMaxReasons = 20;
inline constexpr std::size_t kMaxReasonBytes = 60;

struct Article {
  std::string id;
  std::string slug;  // stable, [a-z0-9-]; how the shipped seed finds its articles
  std::string title_sv;
  std::string title_en;
  std::string body_sv;
  std::string body_en;
  std::vector<std::string> tags;     // [a-z0-9-] words, in the order given
  std::vector<std::string> reasons;  // routing reason codes, [a-z0-9_]
  bool archived = false;
  long long version = 1;
  std::string created_by;  // user id; "" for the shipped seed
  long long created_at_us = 0;
  std::string updated_by;  // user id; "" for the shipped seed
  long long updated_at_us = 0;
};

// Whether `slug` is 1..kMaxSlugBytes of [a-z0-9-], not starting or ending with '-'.
bool IsSlug(std::string_view slug);
// Whether `tag` is 1..kMaxTagBytes of [a-z0-9-].
bool IsTag(std::string_view tag);
// Whether `reason` looks like a reason code: 1..kMaxReasonBytes of [a-z0-9_].
bool IsReasonCode(std::string_view reason);

// Checks what an editor writes: slug, both titles and both bodies (required,
// clean UTF-8, within their limits; titles on one line), tags and reasons
// (well-formed, no duplicates, within their counts). When `known_reasons` is
// given, every reason must be in it ("unknown_code"). kInvalid naming every
// field that breaks a rule ("slug", "title_sv", "tags[2]", "reasons[0]", ...).
Status Validate(const Article& article, const std::set<std::string>* known_reasons = nullptr);

}  // namespace opennrm::knowledge
