// The tracks a case runs (GLOSSARY.md, "Track"): support (identification ->
// acute protection -> initial support -> long-term support), and the optional
// proceedings and return tracks that run beside it. Support never waits for
// the others. Their steps are versioned data (step_definitions.hpp). Pure;
// thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace opennrm::tracks {

enum class TrackKind {
  kSupport,      // steps 1-4 of the 2019 manual
  kProceedings,  // step 5: criminal proceedings (rättsprocessen)
  kReturn,       // step 6: safe return (tryggt återvändande)
};

// Every kind, support first.
const std::vector<TrackKind>& AllTrackKinds();
// The stable word for a kind: "support", "proceedings", "return".
std::string_view ToString(TrackKind kind);
// The kind a stable word names; nullopt for any other text.
std::optional<TrackKind> ParseTrackKind(std::string_view text);

}  // namespace opennrm::tracks
