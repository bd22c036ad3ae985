// Text folding for search: Unicode NFKD, diacritics removed, case folded,
// whitespace collapsed ("Östersund  " -> "ostersund", "Malmö" -> "malmo").
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace opennrm::text {

std::string Fold(std::string_view utf8);

// True when `utf8` is well-formed UTF-8 without NUL or other C0 controls
// (tab, LF and CR excepted), C1 controls, or bidirectional overrides and
// isolates (U+202A-U+202E, U+2066-U+2069).
bool IsCleanUtf8(std::string_view utf8);

// Trims ASCII and Unicode white space at both ends.
std::string Trim(std::string_view utf8);

}  // namespace opennrm::text
