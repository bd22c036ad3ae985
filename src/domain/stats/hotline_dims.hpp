// The categories hotline statistics count consultations by (issue 7 item 5):
// ISO weeks and months of received dates, the type of professional who
// called, and how the first response kept its target. Consultations are
// counted, never persons; geography is only ever an axis of a table. Pure
// functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "domain/orgs/organisation.hpp"

namespace opennrm::stats {

// "2025-W03": the ISO 8601 week of `date` (weeks start on Monday; week 1 holds
// the year's first Thursday, so 2024-12-30 is "2025-W01").
std::string IsoWeekKey(const CivilDate& date);
// The keys of every ISO week holding a day of `year`, in order (52 or 53,
// plus the weeks that begin in December before or end in January after).
std::vector<std::string> IsoWeeksOf(int year);

// "2025-07".
std::string MonthKey(const CivilDate& date);
// "2025-01" ... "2025-12".
std::vector<std::string> MonthsOf(int year);

// The type of professional who consulted: the kind of the caller's
// organisation in the directory, or "other" when the caller's organisation is
// not in it (its name is free text and sealed; statistics never read it).
std::string ProfessionalType(const std::optional<orgs::Kind>& caller_kind);
// Every type, in orgs::AllKinds() order ("other" once, last).
std::vector<std::string> ProfessionalTypes();

// How the first response kept its target (office_hours.hpp sets respond_by).
enum class ResponseBucket { kWithinTarget, kLate, kNoResponseYet };
const std::vector<ResponseBucket>& AllResponseBuckets();
std::string_view ToString(ResponseBucket bucket);  // "within_target", "late", "no_response_yet"
// Responded at or before the target: within; after it: late; never: no
// response yet (whether or not the target has passed: the table is of
// responses, and an open consultation may still be taken).
ResponseBucket ResponseBucketOf(long long respond_by_us,
                                const std::optional<long long>& first_response_at_us);

}  // namespace opennrm::stats
