// The password rule for accounts (security core): long enough, nothing else.
// Length is counted in Unicode code points, so "lösenordsfras" is 13, not 15.
// No composition rules (they make passwords worse, NIST SP 800-63B). Pure.
#pragma once

#include <string_view>

#include "core/error.hpp"

namespace opennrm::accounts {

inline constexpr size_t kMinPasswordCodePoints = 12;
inline constexpr size_t kMaxPasswordBytes = 1024;  // bounds the hashing work per request

// kInvalid naming field `field` ("password", "new_password") when too short,
// too long, not UTF-8 text, or equal to `account_name` (case-insensitively).
Status CheckPassword(std::string_view password, std::string_view account_name,
                     std::string_view field = "password");

// Unicode code points in well-formed UTF-8; SIZE_MAX when it is not UTF-8.
size_t CodePoints(std::string_view utf8);

}  // namespace opennrm::accounts
