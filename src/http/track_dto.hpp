// JSON of the tracks on a case and of its criminal-proceedings record:
// reading a proceedings record from a request body (every field checked for
// presence and type, closed lists for their words, dates for their format,
// problems named by path) and writing tracks, facts and proceedings.
#pragma once

#include "app/cases/proceedings_record.hpp"
#include "app/cases/tracks.hpp"
#include "http/json_body.hpp"

namespace opennrm::http {

Json TracksJson(const app::CaseTracksView& v);

// Reads {expected_version?, police_report_numbers, offences, investigation,
// prosecution, judgments, appeals, injured_parties}; the rules of the
// record are checked later by the use case, shapes and words here.
app::ProceedingsInput ReadProceedingsInput(const Json& body, Problems& problems);

Json ProceedingsJson(const app::ProceedingsView& v);

}  // namespace opennrm::http
