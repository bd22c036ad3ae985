#include "domain/tracks/track.hpp"

#include <array>
#include <utility>

namespace opennrm::tracks {

namespace {

constexpr std::array<std::pair<TrackKind, std::string_view>, 3> kNames{{
    {TrackKind::kSupport, "support"},
    {TrackKind::kProceedings, "proceedings"},
    {TrackKind::kReturn, "return"},
}};

}  // namespace

const std::vector<TrackKind>& AllTrackKinds() {
  static const std::vector<TrackKind> kAll = [] {
    std::vector<TrackKind> v;
    for (const auto& [kind, name] : kNames) v.push_back(kind);
    return v;
  }();
  return kAll;
}

std::string_view ToString(TrackKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "";
}

std::optional<TrackKind> ParseTrackKind(std::string_view text) {
  for (const auto& [kind, name] : kNames) {
    if (name == text) return kind;
  }
  return std::nullopt;
}

}  // namespace opennrm::tracks
