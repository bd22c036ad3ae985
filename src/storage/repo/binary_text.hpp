// Binary values (sealed fields, wrapped keys) as text for the database: the
// dialect-neutral connection carries text only, and PostgreSQL text cannot
// hold NUL or invalid UTF-8. Standard base64 (RFC 4648, section 4) with
// padding; every byte string round-trips exactly. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace opennrm::storage::repo {

std::string ToBase64(std::string_view bytes);

// The bytes of canonical padded base64; kInternal naming `column` (never the
// value) when the stored text is not that, i.e. the database was altered.
Result<std::string> FromBase64(std::string_view text, std::string_view column);

}  // namespace opennrm::storage::repo
