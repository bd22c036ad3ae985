// Shared pieces of the tracks use cases (not part of the app's API): which
// record implies which fact of the step definitions, the facts a
// proceedings record implies, the definitions a case follows, and the view
// of a case's tracks. Pure functions except BuildTracksView, which reads
// inside the caller's unit of work.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/cases/case_access.hpp"
#include "app/cases/tracks.hpp"
#include "domain/cases/proceedings.hpp"
#include "domain/tracks/step_definitions.hpp"
#include "ports/case_log_repository.hpp"

namespace opennrm::app::case_internal {

// The record whose keeping records `fact` ("safety_plan", "proceedings", ...),
// or "" when the fact is a declaration that POST .../facts records.
std::string_view RecordImplying(std::string_view fact);

// The proceedings facts of the step definitions that `p` holds, e.g.
// police_report_recorded once a report number is set.
std::vector<std::string> FactsImpliedBy(const cases::Proceedings& p);

// The section a track's changes belong to: support, proceedings or return.
access::Section SectionOf(tracks::TrackKind kind);

// Whether `actor` may handle offence data (proceedings): a user of a public
// authority with a case role other than the NGO and IOM ones — the rule for
// suspects and buyers (cases::MayHandleRole).
bool MayHandleOffenceData(const access::Actor& actor);

// The step definitions the case follows; kInternal when the version the
// case stored is not loaded (the data file lost a version).
Result<const tracks::DefinitionSet*> DefinitionsOf(const Context& ctx, const ports::CaseRow& row);

// The fact ids recorded on the case (on the case or any person in it).
std::set<std::string> FactIds(const std::vector<ports::CaseFactRow>& facts);

// The tracks view of a loaded case as `caller` may see it.
Result<CaseTracksView> BuildTracksView(ports::UnitOfWork& uow, const Context& ctx,
                                       const Caller& caller, const LoadedCase& c);

// kInvalid on "case" with rule "case_closed" when the case is closed.
Status RequireOpen(const ports::CaseRow& row);

}  // namespace opennrm::app::case_internal
