// The hotline's configuration ([hotline] in opennrm.toml, read by
// cli/config): office hours, holidays and response targets, and the limits
// of the public call-back form; and the Europe/Stockholm conversions the
// response targets are computed in. Immutable once built: thread-safe.
#pragma once

#include "domain/hotline/office_hours.hpp"

namespace opennrm::app {

struct HotlineSettings {
  hotline::OfficeHours office_hours;  // with the holidays of data/rules/holidays.toml
  int callback_per_address_per_hour = 5;
  int callback_max_bytes = 4096;
};

// UTC <-> Stockholm wall clock for hotline::RespondBy and hotline::IsOpen
// (core/stockholm_*.hpp). REQUIRES: CheckStockholmTimeZone() is Ok.
const hotline::LocalTimeZone& StockholmZone();

}  // namespace opennrm::app
