// JSON of clocks, tasks and the child track: reading request bodies (every
// field checked for presence and type, dates as YYYY-MM-DD, problems named
// by path) and writing views. Codes and rules are checked by the use cases.
#pragma once

#include "app/cases/child_track.hpp"
#include "app/cases/clocks.hpp"
#include "app/cases/tasks.hpp"
#include "http/json_body.hpp"

namespace opennrm::http {

// An optional date field; a problem "format" when it is not YYYY-MM-DD.
std::optional<CivilDate> ReadDate(ObjectReader& r, const std::string& name, Problems& problems,
                                  bool required = false);

app::NewClock ReadNewClock(const Json& body, Problems& problems);
app::ClockDecision ReadClockDecision(const Json& body, Problems& problems);
app::ClockRenewal ReadClockRenewal(const Json& body, Problems& problems);
app::NewTask ReadNewTask(const Json& body, Problems& problems);
app::ChildTrackEntry ReadChildTrackEntry(const Json& body, Problems& problems);

Json ClockJson(const app::ClockView& v);
Json TaskJson(const app::TaskView& v);
Json ChildTrackRecordJson(const app::ChildTrackRecordView& v);
Json MissingAlertJson(const app::MissingAlertView& v);

// A JSON body as the API writes it.
std::string Dump(const Json& j);

}  // namespace opennrm::http
