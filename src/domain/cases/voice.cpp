#include "domain/cases/voice.hpp"

#include "domain/cases/checks.hpp"

namespace opennrm::cases {

using detail::Item;
using detail::Path;

void CheckWishes(const std::vector<Wish>& wishes, const Lookups& lookups, CivilDate today,
                 const std::string& path, Problems& p) {
  for (std::size_t i = 0; i < wishes.size(); ++i) {
    const Wish& w = wishes[i];
    const std::string base = Item(path, i);
    if (!Knows(lookups.is_step, w.step)) {
      p.Add(Path(base, "step"), "unknown_step", "'" + w.step + "' is not a step.");
    }
    detail::CheckText(p, Path(base, "wish"), w.wish, detail::kMaxLongText, true);
    detail::CheckNotFuture(p, Path(base, "recorded_on"), w.recorded_on, today);
    if (w.recorded_by.empty()) {
      p.Add(Path(base, "recorded_by"), "required", "Who recorded the wish.");
    }
  }
}

}  // namespace opennrm::cases
