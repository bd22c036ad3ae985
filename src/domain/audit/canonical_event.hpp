// The canonical encoding of an audit Event: the exact bytes that become its Merkle leaf, so that
// anyone can recompute a leaf hash from the event alone (docs/adr/0008-audit-log-sequencing.md).
//
// The encoding is canonical JSON in the sense of RFC 8785 restricted to what an Event holds:
// one object, keys sorted by their bytes, no whitespace, every key always present (empty strings
// and arrays included), integers in plain decimal, strings as UTF-8 with only the escapes
// \" \\ \b \f \n \r \t and \u00xx (lower-case) for the other control characters. "v":1 names the
// version of this layout. One event has exactly one encoding and DecodeEvent accepts nothing
// else, so an edited leaf never decodes into the same event.
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/audit/event.hpp"

namespace opennrm::audit {

// The version written as "v" by EncodeEvent.
inline constexpr int kEventEncodingVersion = 1;

// Every string of an event is an opaque id or a closed code; longer text is refused, so that no
// name or content slips into the log.
inline constexpr size_t kMaxEventFieldBytes = 256;

// The canonical bytes of `event`. kInvalid (field named) when the action is empty or a string is
// not valid UTF-8 or longer than kMaxEventFieldBytes.
Result<std::string> EncodeEvent(const Event& event);

// The event whose canonical encoding is exactly `bytes`; kInvalid for anything else (another key
// order, whitespace, a missing or unknown key, a non-canonical escape or number, invalid UTF-8).
Result<Event> DecodeEvent(std::string_view bytes);

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or code points > U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace opennrm::audit
