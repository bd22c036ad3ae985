// The hotline's own figures (GET /statistics/hotline/own): the EXACT count of
// the caller's national unit's consultations in a period, by one dimension —
// for the hotline operators' work inside the product. Not for publication
// and never exported (no CSV, no API token). Consultations are counted,
// never persons. statistics.own, and only a hotline operator of a national
// unit (the unit that keeps consultations); audited before the answer as
// "statistics.own_read" (the object is the organisation). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/statistics/own_figures.hpp"

namespace opennrm::app::statistics {

// What consultations are counted by: "week", "month", "channel", "topic",
// "professional", "police_region", "county", "referred".
const std::vector<std::string>& HotlineOwnDimensions();

struct HotlineOwnRequest {
  std::optional<CivilDate> from;  // none: 1 January of this year (Stockholm)
  std::optional<CivilDate> to;    // none: today (Stockholm)
  std::string by = "month";
  std::string format;  // "" or "json"; "csv" is refused
};

// kInvalid: `by`/`unknown_dimension`; `from`/`order`; `to`/`range` (over 30
// years); `format` as ReadOwnFigures. kForbidden (not a national unit's
// hotline operator, or an API token).
Result<OwnTable> ReadHotlineOwn(const Context& ctx, const Caller& caller,
                                const HotlineOwnRequest& request, const ClientInfo& client);

}  // namespace opennrm::app::statistics
