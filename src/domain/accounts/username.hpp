// Login names (security core): 3–64 characters of a–z, 0–9 and . _ - @,
// starting with a letter or digit, compared in lower case. ASCII only, so two
// names never look alike in another script. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace opennrm::accounts {

// The stored form of `text` (trimmed, lower case), or nullopt if it breaks
// the rule. Login uses it: a malformed name is simply an unknown account.
std::optional<std::string> NormaliseUsername(std::string_view text);

// kInvalid naming `username` with rule "format" or "length", for creation.
Result<std::string> ValidateUsername(std::string_view text);

// kInvalid naming `display_name` (1–200 characters of clean UTF-8).
Result<std::string> ValidateDisplayName(std::string_view text);

}  // namespace opennrm::accounts
